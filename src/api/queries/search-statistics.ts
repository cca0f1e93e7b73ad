import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * How common a search's words are by ANALYZE's statistics of the vectors (pg_stats
 * most_common_elems: the lexemes in more than a few per cent of rows, measured on 30k of them).
 * search-plan.ts uses them as a floor under its sample's frequency: the sample reads a few
 * hundred rows, too few to be sure of a word in 5% of them (at 100k calls it found «харьков» in
 * 2% of segments, and the search collected 250k index entries where a scan reads 20k rows).
 */

/**
 * How long a table's statistics are kept before they are read again: they change only when
 * (auto)ANALYZE runs, and reading them costs more than the rest of the plan choice (planning the
 * pg_stats view takes milliseconds on a busy machine).
 */
export const STATISTICS_TTL_MS = 5 * 60_000;

interface TableStatistics {
  readAt: number;
  /** Share of rows holding each lexeme the statistics list. */
  frequencies: Map<string, number>;
}

const cache = new WeakMap<Db, Map<string, TableStatistics>>();

async function readStatistics(db: Db, table: string): Promise<Map<string, number>> {
  const { rows } = await sql<{ lexeme: string; frequency: number }>`
    SELECT s.lexeme, s.frequency
    FROM pg_stats st,
      unnest(st.most_common_elems::text::text[], st.most_common_elem_freqs) s(lexeme, frequency)
    WHERE st.schemaname = (SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.oid = ${table}::regclass)
      AND st.tablename = ${table} AND st.attname = 'search_vector'
      -- most_common_elem_freqs ends with the minimum and maximum, paired here with no lexeme.
      AND s.lexeme IS NOT NULL`.execute(db);
  return new Map(rows.map((row) => [row.lexeme, Number(row.frequency)]));
}

/** The table's lexeme frequencies, read at most once per STATISTICS_TTL_MS per database. */
export async function lexemeStatistics(
  db: Db,
  table: string,
  now = Date.now(),
): Promise<Map<string, number>> {
  let tables = cache.get(db);
  if (!tables) {
    tables = new Map();
    cache.set(db, tables);
  }
  const cached = tables.get(table);
  if (cached && now - cached.readAt < STATISTICS_TTL_MS) return cached.frequencies;
  const frequencies = await readStatistics(db, table);
  tables.set(table, { readAt: now, frequencies });
  return frequencies;
}

/**
 * The lexemes of a tsquery (as text) that is an OR of single lexemes and nothing else, else null:
 * only then does every row holding one of them match, so that its frequency is a floor under the
 * query's. A phrase or an AND can match fewer rows than any of its words, and an exclusion more.
 */
export function orLexemes(query: string): string[] | null {
  const lexemes: string[] = [];
  // tsquery's output quotes each lexeme, doubling ' and \ inside it.
  const rest = query.replace(/'((?:[^'\\]|''|\\.)*)'/g, (_, lexeme: string) => {
    lexemes.push(lexeme.replace(/''/g, "'").replace(/\\(.)/g, '$1'));
    return '';
  });
  return lexemes.length > 0 && /^[\s|()]*$/.test(rest) ? lexemes : null;
}

/** The statistics' frequency of the query's commonest lexeme when that is a floor (orLexemes), else 0. */
export function frequencyFloor(query: string, frequencies: Map<string, number>): number {
  return Math.max(0, ...(orLexemes(query) ?? []).map((lexeme) => frequencies.get(lexeme) ?? 0));
}
