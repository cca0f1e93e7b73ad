import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ParsedQuery } from '../../search/query-parser.ts';
import { HEADLINE_OPTIONS } from '../../search/snippet.ts';
import { STEM_CONFIG, tsqueryExpression, type SearchSource } from '../../search/tsquery.ts';
import type { RecordingListFilters } from './recordings-list.ts';
import {
  chooseCandidatePlan,
  sampleFrequency,
  scopedTranscripts,
  tableAndScopeSizes,
  type CandidatePlan,
} from './search-plan.ts';

/**
 * Ranking reads each candidate's vector, so a word found in half a million segments cannot be
 * ranked in full within a desk's patience. Each source contributes at most this many candidates
 * (in index order); the answer then says its total is a lower bound, and the user narrows the
 * query or filters. Below the cap, totals and ranking are exact.
 */
export const SEARCH_CANDIDATE_LIMIT = 2000;

export interface SearchRequest {
  parsed: ParsedQuery;
  lang: 'ru' | 'en' | 'all';
  translit: boolean;
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
  /** True when a source reached SEARCH_CANDIDATE_LIMIT: there are more hits than total says. */
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

interface CandidateRow {
  source: SearchSource;
  segment_id: string;
  translation_id: string | null;
  rank: number;
}

/**
 * The columns and the match condition of one source, aliased `c`. Written as ts_match_vq, the
 * function behind @@, the condition is one no index can serve: the plans that must read rows in
 * order (see search-plan.ts) use that, so the planner cannot turn them back into index scans.
 */
function sourceRows(
  source: SearchSource,
  query: string,
  indexable: boolean,
): { from: RawBuilder<unknown>; where: RawBuilder<unknown> } {
  const matches = (column: RawBuilder<unknown>): RawBuilder<unknown> =>
    indexable ? sql`${column} @@ ${query}::tsquery` : sql`ts_match_vq(${column}, ${query}::tsquery)`;
  if (source === 'transcript') {
    return {
      from: sql`'transcript'::text AS source, c.id::text AS segment_id, NULL::text AS translation_id,
        c.transcript_id, ts_rank(c.search_vector, ${query}::tsquery) AS rank FROM transcript_segments c`,
      where: matches(sql`c.search_vector`),
    };
  }
  return {
    from: sql`'translation'::text AS source, c.transcript_segment_id::text AS segment_id,
      c.id::text AS translation_id, c.transcript_id, ts_rank(c.search_vector, ${query}::tsquery) AS rank
      FROM segment_translations c`,
    where: sql`${matches(sql`c.search_vector`)} AND c.target_language = 'en'
      AND NOT EXISTS (SELECT 1 FROM superseded_segment_translations x WHERE x.translation_id = c.id)`,
  };
}

/**
 * Up to SEARCH_CANDIDATE_LIMIT + 1 matches of one source in the latest transcripts, read the way
 * chooseCandidatePlan found cheapest. Planner settings are local to this transaction.
 */
async function sourceCandidates(
  db: Db,
  source: SearchSource,
  query: string,
  filters: RecordingListFilters | null,
  plan: CandidatePlan,
): Promise<CandidateRow[]> {
  const { from, where } = sourceRows(source, query, plan === 'index');
  const limit = SEARCH_CANDIDATE_LIMIT + 1;
  return db.transaction().execute(async (trx) => {
    // Two cores serve everyone: a parallel plan only adds start-up cost to a query that stops early.
    await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(trx);
    if (plan === 'scope-first' && filters) {
      // OFFSET 0 keeps the lateral subquery a per-transcript lookup instead of a join of tables.
      const result = await sql<CandidateRow>`
        SELECT m.* FROM (${scopedTranscripts(db, filters)}) scope
        CROSS JOIN LATERAL (
          SELECT ${from} WHERE c.transcript_id = scope.transcript_id AND ${where} OFFSET 0
        ) m
        LIMIT ${limit}`.execute(trx);
      return result.rows;
    }
    if (filters) {
      // A rare term: its index entries first, then the scope check on those few rows. Written
      // as a materialised CTE so that the planner cannot start from the scope instead (it would
      // read every in-scope transcript looking for a term that is mostly not there).
      const result = await sql<CandidateRow>`
        WITH matches AS MATERIALIZED (SELECT ${from} WHERE ${where})
        SELECT * FROM matches m
        WHERE m.transcript_id IN (${scopedTranscripts(db, filters)})
        LIMIT ${limit}`.execute(trx);
      return result.rows;
    }
    // Any transcript no newer version replaced: a handful of rows that hash in memory.
    const result = await sql<CandidateRow>`
      SELECT ${from} WHERE ${where}
        AND NOT EXISTS (SELECT 1 FROM superseded_transcripts x WHERE x.transcript_id = c.transcript_id)
      LIMIT ${limit}`.execute(trx);
    return result.rows;
  });
}

/** Best rank first; ties in a fixed order so that pages do not overlap. */
function byRank(a: CandidateRow, b: CandidateRow): number {
  if (a.rank !== b.rank) return b.rank - a.rank;
  const ids = BigInt(a.segment_id) - BigInt(b.segment_id);
  if (ids !== 0n) return ids < 0n ? -1 : 1;
  return a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
}

interface PageRow {
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

/** The page's hits with their calls and snippets, in the page's order. */
async function pageDetails(
  db: Db,
  page: CandidateRow[],
  q: Record<SearchSource, string>,
): Promise<PageRow[]> {
  if (page.length === 0) return [];
  const queryFor = sql`(CASE p.source WHEN 'transcript' THEN ${q.transcript}
      ELSE ${q.translation} END)::tsquery`;
  const stemConfigFor = sql`(CASE p.source WHEN 'transcript' THEN ${sql.lit(STEM_CONFIG.transcript)}
      ELSE ${sql.lit(STEM_CONFIG.translation)} END)::regconfig`;
  const result = await sql<PageRow>`
    SELECT p.source, tr.recording_id, s.id::text AS segment_id, tr.version AS transcript_version,
      s.start_seconds, s.end_seconds, s.lane, s.speaker,
      ts_headline(${stemConfigFor}, coalesce(t.text, s.text), ${queryFor}, ${HEADLINE_OPTIONS})
        AS headline_stem,
      ts_headline('simple'::regconfig, coalesce(t.text, s.text), ${queryFor}, ${HEADLINE_OPTIONS})
        AS headline_exact,
      r.call_started_at, r.caller_number, r.callee_number,
      c.id AS collection_id, c.name AS collection_name
    FROM unnest(${page.map((c) => c.source)}::text[], ${page.map((c) => c.segment_id)}::bigint[],
        ${page.map((c) => c.translation_id)}::bigint[])
      WITH ORDINALITY AS p(source, segment_id, translation_id, ord)
    JOIN transcript_segments s ON s.id = p.segment_id
    JOIN transcripts tr ON tr.id = s.transcript_id
    JOIN recordings r ON r.id = tr.recording_id
    JOIN collections c ON c.id = r.collection_id
    LEFT JOIN segment_translations t ON t.id = p.translation_id
    ORDER BY p.ord`.execute(db);
  return result.rows;
}

/** One page of hits over the chosen sources, best rank first, with snippets for that page only. */
export async function searchSegments(db: Db, request: SearchRequest): Promise<SearchResult> {
  const sources = sourcesOf(request.lang);
  const filters = hasFilters(request.filters) ? request.filters : null;
  // The tsquery is computed once, as text: the search queries then carry a constant the planner
  // can estimate, instead of an expression it would evaluate per row.
  const [queries, sizes] = await Promise.all([
    sql<Record<SearchSource, string>>`
      SELECT ${tsqueryExpression(request.parsed, 'transcript', request.translit)}::text AS transcript,
             ${tsqueryExpression(request.parsed, 'translation', request.translit)}::text AS translation
    `.execute(db),
    tableAndScopeSizes(db, filters),
  ]);
  const q = queries.rows[0]!;
  const perSource = await Promise.all(
    sources.map(async (source) => {
      const sample = await sampleFrequency(db, source, q[source], sizes.pages[source]);
      const plan =
        request.plan ??
        chooseCandidatePlan({
          sampleRows: sample.rows,
          sampleMatches: sample.matches,
          tableRows: sizes.rows[source],
          rowsPerTranscript: sizes.transcripts > 0 ? sizes.rows[source] / sizes.transcripts : 1,
          scopeTranscripts: sizes.scope,
          candidateLimit: SEARCH_CANDIDATE_LIMIT,
          // Phrase operators: <-> and <N>.
          phrase: /<(?:-|\d+)>/.test(q[source]),
        });
      return sourceCandidates(db, source, q[source], filters, plan);
    }),
  );
  const candidates = perSource.flatMap((rows) => rows.slice(0, SEARCH_CANDIDATE_LIMIT));
  candidates.sort(byRank);
  const page = candidates.slice(request.offset, request.offset + request.limit);
  const rows = await pageDetails(db, page, q);
  const hits: SearchHitRow[] = rows.map((row, i) => ({
    source: row.source,
    recordingId: row.recording_id,
    segmentId: row.segment_id,
    transcriptVersion: row.transcript_version,
    start: row.start_seconds,
    end: row.end_seconds,
    lane: row.lane,
    speaker: row.speaker,
    rank: page[i]!.rank,
    headlines: [row.headline_stem, row.headline_exact],
    callStartedAt: row.call_started_at,
    callerNumber: row.caller_number,
    calleeNumber: row.callee_number,
    collectionId: row.collection_id,
    collectionName: row.collection_name,
  }));
  return {
    total: candidates.length,
    totalIsLowerBound: perSource.some((rows) => rows.length > SEARCH_CANDIDATE_LIMIT),
    hits,
  };
}
