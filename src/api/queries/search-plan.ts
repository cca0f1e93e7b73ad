import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { SearchSource } from '../../search/tsquery.ts';
import { filterExpression, type RecordingListFilters } from './recordings-list.ts';

/**
 * How one source's candidates are read. PostgreSQL's estimate of how many rows a tsquery matches
 * multiplies the words' frequencies, so a phrase whose words always come together («груз 200»)
 * is judged rare and read through the GIN index, which cannot stop early: it collects every
 * entry (400k for that phrase) before the first row comes back. Search measures the frequency
 * instead, on a small fixed sample of the table, and picks:
 * - 'index': the GIN index (rare terms; few entries to collect);
 * - 'scan': the table in physical order, stopping once enough matches turned up (common terms);
 * - 'scope-first': with filters, the segments of the in-scope transcripts one transcript at a
 *   time, stopping likewise (common terms in a small scope, where both other plans would read
 *   matches outside the scope until enough in-scope ones turned up).
 */
export type CandidatePlan = 'index' | 'scan' | 'scope-first';

/** Pages read by the frequency sample: a few milliseconds from cache. */
const SAMPLE_PAGES = 60;
/** Scopes are counted up to this many transcripts; beyond it the exact size hardly matters. */
export const SCOPE_COUNT_MAX = 20_000;
/**
 * Relative costs, in rows read and tested by a scan: collecting one entry from the GIN index
 * (measured on the 100k-call bench corpus: 0.3 µs an entry for words, about 1 µs for phrases,
 * whose positions the index cannot check, against 2 µs a row for a scan).
 */
const INDEX_ENTRY_COST = { word: 0.15, phrase: 0.5 };

export interface PlanInputs {
  /** Rows read by the sample, and how many of them matched. */
  sampleRows: number;
  sampleMatches: number;
  /** The table's row count (pg_class.reltuples). */
  tableRows: number;
  /** Rows per transcript, on average (segments, or their translations). */
  rowsPerTranscript: number;
  /** In-scope transcripts when filters apply (counted up to SCOPE_COUNT_MAX + 1), else null. */
  scopeTranscripts: number | null;
  candidateLimit: number;
  /** The tsquery has phrase operators. */
  phrase: boolean;
}

/** The plan expected to read the fewest rows before it has candidateLimit in-scope matches. */
export function chooseCandidatePlan(inputs: PlanInputs): CandidatePlan {
  const { sampleRows, sampleMatches, tableRows, rowsPerTranscript, scopeTranscripts, candidateLimit } =
    inputs;
  const entryCost = inputs.phrase ? INDEX_ENTRY_COST.phrase : INDEX_ENTRY_COST.word;
  // No match in the sample: the term is rare (or the table too small to say), and the index
  // answers rare terms in a few milliseconds whatever the scope.
  if (sampleRows === 0 || sampleMatches === 0 || tableRows <= 0) return 'index';
  const frequency = sampleMatches / sampleRows;
  const matches = frequency * tableRows;
  const scopeRows =
    scopeTranscripts === null ? tableRows : Math.min(tableRows, scopeTranscripts * rowsPerTranscript);
  const scopeShare = Math.max(scopeRows / tableRows, 1 / tableRows);
  // The index collects every entry, then reads matches until enough of them are in scope.
  const index = entryCost * matches + Math.min(matches, candidateLimit / scopeShare);
  // A scan reads rows until enough in-scope matches turned up.
  const scan = Math.min(tableRows, candidateLimit / (frequency * scopeShare));
  const costs: [CandidatePlan, number][] = [
    ['index', index],
    ['scan', scan],
  ];
  // Scope first reads the scope's rows until enough of them matched.
  if (scopeTranscripts !== null) costs.push(['scope-first', Math.min(scopeRows, candidateLimit / frequency)]);
  return costs.reduce((best, next) => (next[1] < best[1] ? next : best))[0];
}

export const SOURCE_TABLE: Record<SearchSource, 'transcript_segments' | 'segment_translations'> = {
  transcript: 'transcript_segments',
  translation: 'segment_translations',
};

export interface TableSizes {
  pages: Record<SearchSource, number>;
  rows: Record<SearchSource, number>;
  /** Transcripts that are some recording's latest (latest_transcripts' row estimate). */
  transcripts: number;
  /** In-scope transcripts, counted up to SCOPE_COUNT_MAX + 1; null without filters. */
  scope: number | null;
}

/** One round trip: the tables' sizes from the statistics, and the scope's size when filters apply. */
export async function tableAndScopeSizes(db: Db, filters: RecordingListFilters | null): Promise<TableSizes> {
  const scope = filters
    ? sql`(SELECT count(*) FROM (${scopedTranscripts(db, filters)} LIMIT ${SCOPE_COUNT_MAX + 1}) x)`
    : sql`NULL::bigint`;
  const result = await sql<{ relname: string; relpages: number; reltuples: number; scope: string | null }>`
    SELECT c.relname, c.relpages, c.reltuples::float8 AS reltuples, ${scope} AS scope
    FROM pg_class c
    WHERE c.oid IN ('transcript_segments'::regclass, 'segment_translations'::regclass,
      'latest_transcripts'::regclass)`.execute(db);
  const sizes: TableSizes = {
    pages: { transcript: 0, translation: 0 },
    rows: { transcript: 0, translation: 0 },
    transcripts: 0,
    scope: null,
  };
  for (const row of result.rows) {
    // reltuples is -1 before the first ANALYZE.
    const rows = Math.max(0, row.reltuples);
    if (row.relname === 'latest_transcripts') {
      sizes.transcripts = rows;
      continue;
    }
    const source: SearchSource = row.relname === 'transcript_segments' ? 'transcript' : 'translation';
    sizes.pages[source] = Math.max(0, row.relpages);
    sizes.rows[source] = rows;
  }
  const count = result.rows[0]?.scope;
  sizes.scope = count === null || count === undefined ? null : Number(count);
  return sizes;
}

/**
 * How many rows of a small, fixed sample of pages match. REPEATABLE keeps the same pages from
 * one search to the next, so they stay cached. Tables too small to have statistics yet (tests,
 * a fresh desk) sample nothing and get the index.
 */
export async function sampleFrequency(
  db: Db,
  source: SearchSource,
  query: string,
  tablePages: number,
): Promise<{ rows: number; matches: number }> {
  if (tablePages < SAMPLE_PAGES * 4) return { rows: 0, matches: 0 };
  const percent = (100 * SAMPLE_PAGES) / tablePages;
  const result = await sql<{ rows: string; matches: string }>`
    SELECT count(*) AS rows, count(*) FILTER (WHERE search_vector @@ ${query}::tsquery) AS matches
    FROM ${sql.table(SOURCE_TABLE[source])} TABLESAMPLE SYSTEM (${sql.lit(percent)}) REPEATABLE (17)`.execute(
    db,
  );
  const row = result.rows[0];
  return { rows: Number(row?.rows ?? 0), matches: Number(row?.matches ?? 0) };
}

/** The latest transcripts of the calls the recordings list would show for the same filters. */
export function scopedTranscripts(db: Db, filters: RecordingListFilters): RawBuilder<unknown> {
  const query = db
    .selectFrom('recordings as r')
    .where((eb) => filterExpression(eb, filters))
    .innerJoin('latest_transcripts as lt', 'lt.recording_id', 'r.id')
    .select('lt.transcript_id');
  return sql`${query}`;
}
