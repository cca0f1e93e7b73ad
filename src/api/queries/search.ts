import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ParsedQuery } from '../../search/query-parser.ts';
import { HEADLINE_OPTIONS } from '../../search/snippet.ts';
import { STEM_CONFIG, type SearchSource } from '../../search/tsquery.ts';
import type { RecordingListFilters } from './recordings-list.ts';
import { chooseCandidatePlan, measureQuery, scopedTranscripts, type CandidatePlan } from './search-plan.ts';

/**
 * Ranking reads each candidate's vector, so a word found in half a million segments cannot be
 * ranked in full within a desk's patience. Each source contributes at most this many candidates
 * (the first matches in id order, i.e. in the order calls were transcribed); the answer then says
 * its total is a lower bound, and the user narrows the query or filters. Below the cap, totals
 * and ranking are exact. A common term costs a read of about this many / its frequency rows, so
 * the cap sets the worst case: 1,000 keeps it within 50 ms on the 5M-segment bench corpus
 * (`npm run bench:search`), where 2,000 did not; fifty pages of hits is more than anyone reads.
 */
export const SEARCH_CANDIDATE_LIMIT = 1000;

export interface SearchRequest {
  parsed: ParsedQuery;
  lang: 'ru' | 'en' | 'all';
  translit: boolean;
  /** false: numbers only as typed (the bench's baseline); numbers however written otherwise. */
  numbers?: boolean;
  filters: RecordingListFilters;
  limit: number;
  offset: number;
  /** Read candidates this way instead of the measured choice (tests: every plan, same answer). */
  plan?: CandidatePlan;
}

export interface SearchHitRow {
  source: SearchSource;
  recordingId: string;
  segmentId: string;
  transcriptVersion: number;
  start: number;
  end: number;
  lane: string;
  speaker: string | null;
  rank: number;
  /** ts_headline with the source's stemming configuration, then with exact forms. */
  headlines: [string, string];
  callStartedAt: Date | null;
  callerNumber: string | null;
  calleeNumber: string | null;
  collectionId: string;
  collectionName: string;
}

export interface SearchResult {
  total: number;
  /** True when a read of candidates stopped at its cap: there are more hits than total says. */
  totalIsLowerBound: boolean;
  hits: SearchHitRow[];
}

function sourcesOf(lang: SearchRequest['lang']): SearchSource[] {
  if (lang === 'ru') return ['transcript'];
  if (lang === 'en') return ['translation'];
  return ['transcript', 'translation'];
}

function hasFilters(filters: RecordingListFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

/**
 * The columns and the match condition of one source, aliased `c`. Written as ts_match_vq, the
 * function behind @@, the condition is one no index can serve: the plans that must read rows in
 * order (see search-plan.ts) use that, so the planner cannot turn them back into index scans.
 * The vector is passed on and ranked only once the candidates are chosen (candidateColumns):
 * with filters, most matches read are out of scope, and ranking them would cost more than
 * reading them.
 */
function sourceRows(
  source: SearchSource,
  query: string,
  indexable: boolean,
): { from: RawBuilder<unknown>; where: RawBuilder<unknown> } {
  const matches = indexable
    ? sql`c.search_vector @@ ${query}::tsquery`
    : sql`ts_match_vq(c.search_vector, ${query}::tsquery)`;
  if (source === 'transcript') {
    return {
      from: sql`'transcript'::text AS source, c.id AS segment_id, NULL::bigint AS translation_id,
        c.transcript_id, c.search_vector FROM transcript_segments c`,
      where: matches,
    };
  }
  return {
    from: sql`'translation'::text AS source, c.transcript_segment_id AS segment_id,
      c.id AS translation_id, c.transcript_id, c.search_vector FROM segment_translations c`,
    where: sql`${matches} AND c.target_language = 'en'
      AND NOT EXISTS (SELECT 1 FROM superseded_segment_translations x WHERE x.translation_id = c.id)`,
  };
}

/** A candidate's columns, ranked, from a row of sourceRows aliased `m`. */
function candidateColumns(query: string): RawBuilder<unknown> {
  return sql`m.source, m.segment_id, m.translation_id, ts_rank(m.search_vector, ${query}::tsquery) AS rank`;
}

/**
 * Up to SEARCH_CANDIDATE_LIMIT + 1 matches of one source in the latest transcripts, the first in
 * id order, read the way chooseCandidatePlan found cheapest.
 *
 * A scan reads the table through its primary key (ORDER BY c.id) rather than sequentially: a
 * sequential scan of a large table starts wherever another scan of it last was (PostgreSQL's
 * synchronised scans), so two searches for the same term could rank different candidates and
 * page 2 would not follow page 1; and it reads through a small ring of buffers, so the pages it
 * read are gone from shared buffers by the next search. The bitmap of the index plan already
 * yields rows in physical, hence id, order.
 */
function sourceCandidates(
  db: Db,
  source: SearchSource,
  query: string,
  filters: RecordingListFilters | null,
  plan: CandidatePlan,
  part: ScopePart | null,
): RawBuilder<unknown> {
  const { from, where } = sourceRows(source, query, plan === 'index');
  const columns = candidateColumns(query);
  const limit = capOf(part) + 1;
  const order = plan === 'index' ? sql`` : sql`ORDER BY c.id`;
  if (plan === 'scope-first' && filters) {
    const inPart = part
      ? sql`WHERE (hashtext(s.transcript_id::text) & 2147483647) % ${part.count} = ${part.index}`
      : sql``;
    // OFFSET 0 keeps the lateral subquery a per-transcript lookup instead of a join of tables.
    return sql`
      SELECT ${columns}
      FROM (SELECT s.transcript_id FROM (${scopedTranscripts(db, filters)}) s ${inPart}) scope
      CROSS JOIN LATERAL (
        SELECT ${from} WHERE c.transcript_id = scope.transcript_id AND ${where} OFFSET 0
      ) m
      LIMIT ${limit}`;
  }
  if (filters) {
    // The term's matches first (from the index, or the table in order), then the scope check on
    // them. A materialised CTE, so that the planner cannot start from the scope instead: it
    // would read every in-scope transcript looking for a term that is mostly not there.
    return sql`
      WITH matches AS MATERIALIZED (SELECT ${from} WHERE ${where} ${order})
      SELECT ${columns} FROM matches m
      WHERE m.transcript_id IN (${scopedTranscripts(db, filters)})
      LIMIT ${limit}`;
  }
  // Any transcript no newer version replaced: a handful of rows that hash in memory.
  const latest = sql`NOT EXISTS (SELECT 1 FROM superseded_transcripts x WHERE x.transcript_id = c.transcript_id)`;
  if (plan === 'index') {
    // Materialised, so that the planner plans the match for all its rows, hence through the index:
    // given the LIMIT it would trust its own guess for a word its statistics lack (about 1% of
    // rows) and pick a sequential scan that reads the whole table for a rare word.
    return sql`
      WITH matches AS MATERIALIZED (SELECT ${from} WHERE ${where} AND ${latest})
      SELECT ${columns} FROM matches m LIMIT ${limit}`;
  }
  return sql`
    SELECT ${columns} FROM (SELECT ${from} WHERE ${where}
      AND ${latest} ${order} LIMIT ${limit}) m`;
}

interface CandidateRow {
  source: SearchSource;
  segment_id: string;
  translation_id: string | null;
  rank: number;
  /** The source's candidate count (up to SEARCH_CANDIDATE_LIMIT + 1), repeated on each row. */
  total: string;
}

/** Hits in page order: best rank first, then segment, then source (transcript before translation). */
function byRank(a: CandidateRow, b: CandidateRow): number {
  if (a.rank !== b.rank) return b.rank - a.rank;
  const segment = BigInt(a.segment_id) - BigInt(b.segment_id);
  if (segment !== 0n) return segment < 0n ? -1 : 1;
  return a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
}

/**
 * Scope first reads its scope in this many parts at once, each on its own connection and each
 * after its share of the candidates: its rows are read one by one (about 20 per candidate for a
 * word in 5% of segments), which on a machine with cores to spare is the slowest part of a
 * filtered search, and the parts halve it. A part is the in-scope transcripts of one hash bucket.
 */
const SCOPE_FIRST_PARTS = 2;

interface ScopePart {
  index: number;
  count: number;
}

/** How many candidates a read keeps: the cap, or a part's share of it. */
function capOf(part: ScopePart | null): number {
  return part ? Math.ceil(SEARCH_CANDIDATE_LIMIT / part.count) : SEARCH_CANDIDATE_LIMIT;
}

interface SourceCandidates {
  /** The best `top` candidates. */
  rows: CandidateRow[];
  /** Candidates found, at most the cap (or the sum of the parts' shares). */
  total: number;
  /** Whether a read stopped at its cap: there are more matches than total. */
  capped: boolean;
}

/**
 * One source's count of candidates and its best `top` of them. Each source runs as its own
 * statement on its own connection, so that with both languages asked the two reads run at once.
 */
async function searchSource(
  db: Db,
  source: SearchSource,
  query: string,
  filters: RecordingListFilters | null,
  plan: CandidatePlan,
  top: number,
): Promise<SourceCandidates> {
  const read = async (part: ScopePart | null): Promise<SourceCandidates> => {
    const { rows } = await sql<CandidateRow>`
      WITH candidates AS (${sourceCandidates(db, source, query, filters, plan, part)})
      SELECT c.source, c.segment_id, c.translation_id, c.rank, (SELECT count(*) FROM candidates) AS total
      FROM candidates c ORDER BY c.rank DESC, c.segment_id LIMIT ${top}`.execute(db);
    const found = Number(rows[0]?.total ?? 0);
    return { rows, total: Math.min(found, capOf(part)), capped: found > capOf(part) };
  };
  if (plan !== 'scope-first' || !filters) return read(null);
  const parts = await Promise.all(
    Array.from({ length: SCOPE_FIRST_PARTS }, (_, index) => read({ index, count: SCOPE_FIRST_PARTS })),
  );
  // A part that ran out left its share unused while another stopped at its own: the matches sit
  // unevenly between the parts (a few long calls), so the sum would rank, and count as "at least",
  // fewer than the cap while more exist. Read the scope again whole, for the cap's candidates.
  if (parts.some((p) => p.capped) && parts.some((p) => !p.capped)) return read(null);
  return {
    rows: parts.flatMap((p) => p.rows),
    total: parts.reduce((sum, p) => sum + p.total, 0),
    capped: parts.some((p) => p.capped),
  };
}

interface PageRow {
  /** The hit's index in the page, as sent. */
  position: number;
  source: SearchSource;
  recording_id: string;
  segment_id: string;
  transcript_version: number;
  start_seconds: number;
  end_seconds: number;
  lane: string;
  speaker: string | null;
  headline_stem: string;
  headline_exact: string;
  call_started_at: Date | null;
  caller_number: string | null;
  callee_number: string | null;
  collection_id: string;
  collection_name: string;
}

/** Where the page's hits are, who spoke and when, and their snippets: for the page's rows only. */
async function pageDetails(
  db: Db,
  page: CandidateRow[],
  queries: Record<SearchSource, string>,
): Promise<PageRow[]> {
  if (page.length === 0) return [];
  const rows = sql.join(
    page.map(
      (hit, i) =>
        sql`(${sql.lit(i)}, ${hit.source}::text, ${hit.segment_id}::bigint, ${hit.translation_id}::bigint)`,
    ),
  );
  const query = sql`(CASE p.source WHEN 'transcript' THEN ${queries.transcript}
      ELSE ${queries.translation} END)::tsquery`;
  const stemConfig = sql`(CASE p.source WHEN 'transcript' THEN ${sql.lit(STEM_CONFIG.transcript)}
      ELSE ${sql.lit(STEM_CONFIG.translation)} END)::regconfig`;
  const result = await sql<PageRow>`
    SELECT p.position, p.source, tr.recording_id, p.segment_id, tr.version AS transcript_version,
      s.start_seconds, s.end_seconds, s.lane, s.speaker,
      ts_headline(${stemConfig}, coalesce(t.text, s.text), ${query}, ${HEADLINE_OPTIONS}) AS headline_stem,
      ts_headline('simple'::regconfig, coalesce(t.text, s.text), ${query}, ${HEADLINE_OPTIONS})
        AS headline_exact,
      r.call_started_at, r.caller_number, r.callee_number,
      c.id AS collection_id, c.name AS collection_name
    FROM (VALUES ${rows}) AS p(position, source, segment_id, translation_id)
      JOIN transcript_segments s ON s.id = p.segment_id
      JOIN transcripts tr ON tr.id = s.transcript_id
      JOIN recordings r ON r.id = tr.recording_id
      JOIN collections c ON c.id = r.collection_id
      LEFT JOIN segment_translations t ON t.id = p.translation_id
    ORDER BY p.position`.execute(db);
  return result.rows;
}

/** One page of hits over the chosen sources, best rank first, with snippets for that page only. */
export async function searchSegments(db: Db, request: SearchRequest): Promise<SearchResult> {
  const sources = sourcesOf(request.lang);
  const filters = hasFilters(request.filters) ? request.filters : null;
  const { queries, inputs } = await measureQuery(db, request, sources, filters, SEARCH_CANDIDATE_LIMIT);
  // The page is among each source's best offset + limit candidates.
  const top = request.offset + request.limit;
  const perSource = await Promise.all(
    sources.map((source) =>
      searchSource(
        db,
        source,
        queries[source],
        filters,
        request.plan ?? chooseCandidatePlan(inputs[source]!),
        top,
      ),
    ),
  );
  const page = perSource
    .flatMap((candidates) => candidates.rows)
    .sort(byRank)
    .slice(request.offset, request.offset + request.limit);
  const details = await pageDetails(db, page, queries);
  const hits = details.map((row): SearchHitRow => ({
    source: row.source,
    recordingId: row.recording_id,
    segmentId: String(row.segment_id),
    transcriptVersion: row.transcript_version,
    start: row.start_seconds,
    end: row.end_seconds,
    lane: row.lane,
    speaker: row.speaker,
    rank: page[row.position]!.rank,
    headlines: [row.headline_stem, row.headline_exact],
    callStartedAt: row.call_started_at,
    callerNumber: row.caller_number,
    calleeNumber: row.callee_number,
    collectionId: row.collection_id,
    collectionName: row.collection_name,
  }));
  return {
    total: perSource.reduce((sum, candidates) => sum + candidates.total, 0),
    totalIsLowerBound: perSource.some((candidates) => candidates.capped),
    hits,
  };
}
