import { sql, type RawBuilder } from 'kysely';
import type { ParsedQuery, SearchAtom, SearchClause } from './query-parser.ts';
import { transliterationVariants } from '../language/transliteration.ts';
import { nameSpellings } from './name-spellings.ts';
import { numberSpellings } from './number-spellings.ts';

/** What a hit was found in: the Russian (or Ukrainian) transcript or its English translation. */
export type SearchSource = 'transcript' | 'translation';

/** The stemming configuration of each source; exact forms always use 'simple' (see 0006-search). */
export const STEM_CONFIG: Record<SearchSource, 'russian' | 'english'> = {
  transcript: 'russian',
  translation: 'english',
};

/** How a query is widened before it is searched. */
export interface SpellingOptions {
  /** Each word in the other script too, and a place's other names (the desk's switch). */
  translit: boolean;
  /** Numbers however written: 200, «двести», «двухсотых», "two hundred" (on unless asked). */
  numbers?: boolean;
}

/**
 * A text an atom is searched as, and how: 'exact' these word forms only; 'any' any form (stems)
 * and the exact forms, ranked higher; 'stems' any form only, so that a spelling the user did not
 * type (a number's other spellings) never ranks as an exact match.
 */
export interface Spelling {
  text: string;
  forms: 'exact' | 'any' | 'stems';
}

/**
 * The texts an atom is searched as: itself, its numbers' other spellings, and its other-script
 * spellings when asked. A quoted phrase with a number in it matches its words in any form: the
 * spelt-out forms of a number decline with the words around it («груз 200» is said «грузом
 * двести»), so the user cannot have typed the form a recogniser wrote.
 */
export function atomSpellings(atom: SearchAtom, options: SpellingOptions): Spelling[] {
  const own = atom.words.join(' ');
  const numbers = options.numbers === false ? [] : numberSpellings(atom.words).map((w) => w.join(' '));
  const typed = atom.kind === 'word' || numbers.length > 0 ? 'any' : 'exact';
  const spellings: Spelling[] = [
    { text: own, forms: typed },
    ...numbers.map((text): Spelling => ({ text, forms: 'stems' })),
  ];
  if (!options.translit) return spellings;
  if (atom.words.length === 1) {
    // Any form of a name's spellings covers their exact forms too; only a quoted name stays exact.
    const forms = atom.kind === 'word' ? 'stems' : 'exact';
    for (const text of nameSpellings(own)) spellings.push({ text, forms });
    return spellings;
  }
  // Phrases: one other-script spelling, each word's usual one (combinations would explode).
  const usual = atom.words.map((w) => transliterationVariants(w)[0] ?? w).join(' ');
  if (usual !== own) spellings.push({ text: usual, forms: typed });
  return spellings;
}

// The script each source is written in: a spelling in the other one cannot match there.
const FOREIGN_SCRIPT: Record<SearchSource, RegExp> = {
  transcript: /^[\p{Script=Latin}\s]+$/u,
  translation: /^[\p{Script=Cyrillic}\s]+$/u,
};

/** The tsqueries an atom is searched as in one source, one per spelling and form. */
function atomParts(atom: SearchAtom, source: SearchSource, options: SpellingOptions): RawBuilder<unknown>[] {
  const [typed, ...others] = atomSpellings(atom, options);
  // What the user typed is always searched; other spellings only in the source's own script
  // (half the branches for a place's names, which every row read by a scan is tested against).
  const spellings = [typed!, ...others.filter(({ text }) => !FOREIGN_SCRIPT[source].test(text))];
  return spellings.flatMap(({ text, forms }) => [
    ...(forms === 'exact'
      ? []
      : [sql`phraseto_tsquery(${sql.lit(STEM_CONFIG[source])}::regconfig, ${text})`]),
    ...(forms === 'stems' ? [] : [sql`phraseto_tsquery('simple'::regconfig, ${text})`]),
  ]);
}

/**
 * The OR of tsqueries, each distinct one once. Spellings often come out of the stemmer as the
 * same lexeme: a place's Russian cases («харькова», «харькову», «харьковом», «харькове» are all
 * 'харьков'), a word's stem and exact form ('путин' twice), a Latin name in both configurations.
 * Each copy costs a test on every row a scan reads, and the planner adds up the copies'
 * frequencies as if they were different words: for `Kharkiv` it judged 20% of segments a match
 * (5% are) and read the table sequentially where the index was asked for; on a large table such
 * a scan starts wherever the last one stopped, so each search found other hits. Stopwords make
 * empty tsqueries, which are left out as `||` leaves them out; none at all is the empty tsquery,
 * as before.
 */
function distinctOr(parts: RawBuilder<unknown>[]): RawBuilder<unknown> {
  if (parts.length === 1) return parts[0]!;
  // A tsquery's text reads back as the same tsquery (the search already passes them as text).
  return sql`(SELECT coalesce(string_agg(DISTINCT '(' || q::text || ')', ' | '), '')::tsquery
    FROM unnest(ARRAY[${sql.join(parts)}]) q WHERE numnode(q) > 0)`;
}

function clauseQuery(
  clause: SearchClause,
  source: SearchSource,
  options: SpellingOptions,
): RawBuilder<unknown> {
  const alternatives = distinctOr(clause.alternatives.flatMap((a) => atomParts(a, source, options)));
  return clause.negated ? sql`(!! (${alternatives}))` : sql`(${alternatives})`;
}

/**
 * A tsquery expression for one source, built from the parsed query with phraseto_tsquery on
 * bound parameters: user text never reaches to_tsquery's own syntax, so no input can make it fail.
 */
export function tsqueryExpression(
  parsed: ParsedQuery,
  source: SearchSource,
  options: SpellingOptions,
): RawBuilder<string> {
  return sql<string>`(${sql.join(
    parsed.clauses.map((c) => clauseQuery(c, source, options)),
    sql` && `,
  )})`;
}
