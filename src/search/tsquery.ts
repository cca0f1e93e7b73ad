import { sql, type RawBuilder } from 'kysely';
import type { ParsedQuery, SearchAtom, SearchClause } from './query-parser.ts';
import { transliterationVariants } from '../language/transliteration.ts';

/** What a hit was found in: the Russian (or Ukrainian) transcript or its English translation. */
export type SearchSource = 'transcript' | 'translation';

/** The stemming configuration of each source; exact forms always use 'simple' (see 0006-search). */
export const STEM_CONFIG: Record<SearchSource, 'russian' | 'english'> = {
  transcript: 'russian',
  translation: 'english',
};

/** The texts an atom is searched as: itself, and its other-script spellings when asked. */
export function atomSpellings(atom: SearchAtom, translit: boolean): string[] {
  const own = atom.words.join(' ');
  if (!translit) return [own];
  if (atom.words.length === 1) return [own, ...transliterationVariants(own)];
  // Phrases: one other-script spelling, each word's usual one (combinations would explode).
  const usual = atom.words.map((w) => transliterationVariants(w)[0] ?? w).join(' ');
  return usual === own ? [own] : [own, usual];
}

function atomQuery(atom: SearchAtom, source: SearchSource, translit: boolean): RawBuilder<unknown> {
  const parts = atomSpellings(atom, translit).flatMap((text) =>
    atom.kind === 'exact'
      ? [sql`phraseto_tsquery('simple'::regconfig, ${text})`]
      : [
          sql`phraseto_tsquery(${sql.lit(STEM_CONFIG[source])}::regconfig, ${text})`,
          sql`phraseto_tsquery('simple'::regconfig, ${text})`,
        ],
  );
  return sql`(${sql.join(parts, sql` || `)})`;
}

function clauseQuery(clause: SearchClause, source: SearchSource, translit: boolean): RawBuilder<unknown> {
  const alternatives = sql.join(
    clause.alternatives.map((a) => atomQuery(a, source, translit)),
    sql` || `,
  );
  return clause.negated ? sql`(!! (${alternatives}))` : sql`(${alternatives})`;
}

/**
 * A tsquery expression for one source, built from the parsed query with phraseto_tsquery on
 * bound parameters: user text never reaches to_tsquery's own syntax, so no input can make it fail.
 */
export function tsqueryExpression(
  parsed: ParsedQuery,
  source: SearchSource,
  translit: boolean,
): RawBuilder<string> {
  return sql<string>`(${sql.join(
    parsed.clauses.map((c) => clauseQuery(c, source, translit)),
    sql` && `,
  )})`;
}
