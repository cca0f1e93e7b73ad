import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ParsedQuery } from '../../search/query-parser.ts';
import { tsqueryExpression, type SearchSource, type SpellingOptions } from '../../search/tsquery.ts';
import { filterExpression, type RecordingListFilters } from './recordings-list.ts';
import { frequencyFloor, lexemeStatistics } from './search-statistics.ts';

/**
 * How one source's candidates are read. PostgreSQL's estimate of how many rows a tsquery matches
 * multiplies the words' frequencies, so a phrase whose words always come together («груз 200»)
 * is judged rare and read through the GIN index, which cannot stop early: it collects every
 * entry (400k for that phrase) before the first row comes back. Search measures the frequency
 * instead, on a small fixed sample of the table (with the column statistics' frequency of its
 * commonest word as a floor, lexemeFrequency), and picks:
 * - 'index': the GIN index (rare terms; few entries to collect);
 * - 'scan': the table through its primary key in id order, stopping once enough matches turned
 *   up (common terms);
 * - 'scope-first': with filters, the segments of the in-scope transcripts one transcript at a
 *   time, stopping likewise (common terms in a small scope, where both other plans would read
 *   matches outside the scope until enough in-scope ones turned up).
 * Index and scan yield the first matches in id order, which for these append-only tables is their
 * physical order; scope first yields those of the first in-scope calls it reads. Each reads the
 * same rows every time, so page 2 of a search follows its page 1; when there are fewer matches
 * than the cap, every plan finds them all.
 */
export type CandidatePlan = 'index' | 'scan' | 'scope-first';

/** Pages read by the frequency sample, evenly spaced through the table. */
const SAMPLE_PAGES = 100;
/** Rows read from each sampled page: its first line pointers (a segment page holds about 6). */
const SAMPLE_ROWS_PER_PAGE = 8;
/**
 * Relative costs, in rows read and tested by a scan in id order (about 1 µs a row from shared
 * buffers on the bench corpora): collecting one entry from the GIN index (0.25–0.45 µs for words;
 * phrases more, since the index cannot check positions and every entry is read back), and
 * reading one of its matches from the table (1–3 µs: the bitmap's pages are scattered, where a
 * scan's are consecutive). Measured with EXPLAIN ANALYZE on the 10k- and 100k-call corpora.
 */
const INDEX_ENTRY_COST = { word: 0.3, phrase: 1 };
const INDEX_MATCH_COST = 2;

export interface PlanInputs {
  /** Rows read by the sample, and how many of them matched. */
  sampleRows: number;
  sampleMatches: number;
  /**
   * A floor under the query's frequency from the column statistics: the share of rows holding
   * its most common lexeme, where every row holding it matches (0 when none is in the
   * statistics, or the query is not of that kind). See search-statistics.ts.
   */
  lexemeFrequency: number;
  /** The table's row count (pg_class.reltuples). */
  tableRows: number;
  /** Rows per transcript, on average (segments, or their translations). */
  rowsPerTranscript: number;
  /** In-scope transcripts when filters apply (the planner's estimate), else null. */
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
  // The table too small to say, or no match in the sample and none known to the statistics: the
  // term is rare, and the index answers rare terms in a few milliseconds whatever the scope.
  if (sampleRows === 0 || tableRows <= 0) return 'index';
  // The sample is a few hundred rows: a word in 5% of them can turn up in 2% (`Kharkiv` at 100k
  // calls), and the index would then collect 250k entries where a scan reads 20k rows.
  const frequency = Math.max(sampleMatches / sampleRows, inputs.lexemeFrequency);
  if (frequency === 0) return 'index';
  const matches = frequency * tableRows;
  const scopeRows =
    scopeTranscripts === null ? tableRows : Math.min(tableRows, scopeTranscripts * rowsPerTranscript);
  const scopeShare = Math.max(scopeRows / tableRows, 1 / tableRows);
  // The index collects every entry, then reads matches until enough of them are in scope.
  const index = entryCost * matches + INDEX_MATCH_COST * Math.min(matches, candidateLimit / scopeShare);
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

const SOURCE_TABLE: Record<SearchSource, 'transcript_segments' | 'segment_translations'> = {
  transcript: 'transcript_segments',
  translation: 'segment_translations',
};

export interface QueryMeasures {
  /**
   * Each searched source's tsquery, as text: the search then carries constants the planner can
   * estimate. Empty for a source not searched.
   */
  queries: Record<SearchSource, string>;
  /** The plan inputs of each searched source. */
  inputs: Partial<Record<SearchSource, PlanInputs>>;
}

interface SourceMeasure {
  query: string;
  /** [pages, rows] of the source's table, and the latest_transcripts row count. */
  pages: number;
  rows: number;
  transcripts: number;
  sample_rows: string;
  sample_matches: string;
}

/**
 * One source's tsquery, its table's size from the statistics, and how many rows of a small fixed
 * sample of its pages match. The sample names its rows by ctid (evenly spaced pages, the first
 * line pointers of each), so it reads only those pages, the same ones every time, and they stay
 * cached. TABLESAMPLE SYSTEM would read as few pages but decides page by page over the whole
 * table: about 5 ms for 5M segments, a fifth of a search.
 */
async function measureSource(
  db: Db,
  request: { parsed: ParsedQuery } & SpellingOptions,
  source: SearchSource,
): Promise<SourceMeasure> {
  const table = SOURCE_TABLE[source];
  const { rows } = await sql<SourceMeasure>`
    WITH q AS (SELECT ${tsqueryExpression(request.parsed, source, request)} AS query),
    size AS (SELECT relpages, reltuples FROM pg_class WHERE oid = ${table}::regclass)
    SELECT q.query::text AS query, size.relpages AS pages, size.reltuples AS rows,
      (SELECT reltuples FROM pg_class WHERE oid = 'latest_transcripts'::regclass) AS transcripts,
      sample.sample_rows, sample.sample_matches
    FROM q, size, LATERAL (
      SELECT count(*) AS sample_rows, count(*) FILTER (WHERE search_vector @@ q.query) AS sample_matches
      FROM ${sql.table(table)}
      WHERE ctid = ANY (ARRAY(
        SELECT format('(%s,%s)', page * greatest(size.relpages, 1)::bigint / ${SAMPLE_PAGES}, item)::tid
        FROM generate_series(0, ${SAMPLE_PAGES - 1}) page, generate_series(1, ${SAMPLE_ROWS_PER_PAGE}) item))
    ) sample`.execute(db);
  return rows[0]!;
}

/**
 * Before the search, at once on separate connections: each source's measures (measureSource)
 * and, when filters apply, the planner's estimate of the scope's size. The estimate, not a count:
 * counting a scope of 10k calls joins tables for tens of milliseconds, while the plan choice only
 * needs its order of magnitude, which the column statistics give in a millisecond.
 * Tables too small for a meaningful sample (tests, a fresh desk) are read through the index.
 * Every query is sampled, one word too: PostgreSQL's estimate for a word its statistics never saw
 * is a fixed guess (about 1% of rows for «Прилуки», which is in a thousandth of that), and with
 * ORDER BY id … LIMIT that guess makes it read the whole table in id order for a rare word.
 */
export async function measureQuery(
  db: Db,
  request: { parsed: ParsedQuery } & SpellingOptions,
  sources: SearchSource[],
  filters: RecordingListFilters | null,
  candidateLimit: number,
): Promise<QueryMeasures> {
  const [scopeEstimate, statistics, ...measures] = await Promise.all([
    filters ? estimateRows(db, scopedTranscripts(db, filters)) : Promise.resolve(null),
    Promise.all(sources.map((source) => lexemeStatistics(db, SOURCE_TABLE[source]))),
    ...sources.map((source) => measureSource(db, request, source)),
  ]);
  const queries: Record<SearchSource, string> = { transcript: '', translation: '' };
  const inputs: QueryMeasures['inputs'] = {};
  sources.forEach((source, i) => {
    const measure = measures[i]!;
    // reltuples is -1 before the first ANALYZE.
    const tableRows = Math.max(0, Number(measure.rows));
    const transcripts = Math.max(0, Number(measure.transcripts));
    const meaningful = Number(measure.pages) >= SAMPLE_PAGES * 4;
    queries[source] = measure.query;
    inputs[source] = {
      sampleRows: meaningful ? Number(measure.sample_rows) : 0,
      sampleMatches: meaningful ? Number(measure.sample_matches) : 0,
      lexemeFrequency: meaningful ? frequencyFloor(measure.query, statistics[i]!) : 0,
      tableRows,
      rowsPerTranscript: transcripts > 0 ? tableRows / transcripts : 1,
      scopeTranscripts: scopeEstimate,
      candidateLimit,
      // Phrase operators: <-> and <N>.
      phrase: /<(?:-|\d+)>/.test(measure.query),
    };
  });
  return { queries, inputs };
}

/** The planner's estimate of how many rows a query returns (EXPLAIN plans it; nothing runs). */
export async function estimateRows(db: Db, query: RawBuilder<unknown>): Promise<number> {
  const { rows } = await sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>`
    EXPLAIN (FORMAT JSON) ${query}`.execute(db);
  return rows[0]!['QUERY PLAN'][0].Plan['Plan Rows'];
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
