import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ParsedQuery } from '../../search/query-parser.ts';
import { HEADLINE_OPTIONS } from '../../search/snippet.ts';
import { STEM_CONFIG, tsqueryExpression, type SearchSource } from '../../search/tsquery.ts';
import { filterExpression, type RecordingListFilters } from './recordings-list.ts';

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

/**
 * Which transcripts a candidate may come from. Without filters: any that no newer version has
 * replaced, checked against the small superseded_transcripts table (one row per correction), so
 * no per-candidate lookup is needed. With filters: the latest transcripts of the calls the
 * recordings list would show for the same filters.
 */
function transcriptScope(db: Db, filters: RecordingListFilters, column: RawBuilder<unknown>) {
  if (!hasFilters(filters)) {
    return sql`NOT EXISTS (SELECT 1 FROM superseded_transcripts x WHERE x.transcript_id = ${column})`;
  }
  const scoped = db
    .selectFrom('recordings as r')
    .where((eb) => filterExpression(eb, filters))
    .innerJoin('latest_transcripts as lt', 'lt.recording_id', 'r.id')
    .select('lt.transcript_id');
  return sql`${column} IN (${scoped})`;
}

/** Segments of each recording's latest transcript version whose text matches. */
function transcriptCandidates(db: Db, filters: RecordingListFilters, query: string) {
  return sql`
    SELECT 'transcript' AS source, s.id AS segment_id, NULL::bigint AS translation_id,
      ts_rank(s.search_vector, ${query}::tsquery) AS rank
    FROM transcript_segments s
    WHERE s.search_vector @@ ${query}::tsquery AND ${transcriptScope(db, filters, sql.ref('s.transcript_id'))}
    LIMIT ${SEARCH_CANDIDATE_LIMIT + 1}`;
}

/** Newest English translations of those segments whose text matches. */
function translationCandidates(db: Db, filters: RecordingListFilters, query: string) {
  return sql`
    SELECT 'translation' AS source, t.transcript_segment_id AS segment_id, t.id AS translation_id,
      ts_rank(t.search_vector, ${query}::tsquery) AS rank
    FROM segment_translations t
    WHERE t.search_vector @@ ${query}::tsquery AND t.target_language = 'en'
      AND NOT EXISTS (SELECT 1 FROM superseded_segment_translations x WHERE x.translation_id = t.id)
      AND ${transcriptScope(db, filters, sql.ref('t.transcript_id'))}
    LIMIT ${SEARCH_CANDIDATE_LIMIT + 1}`;
}

interface PageRow {
  source: SearchSource | null;
  recording_id: string | null;
  segment_id: string | null;
  transcript_version: number | null;
  rank: number | null;
  start_seconds: number | null;
  end_seconds: number | null;
  lane: string | null;
  speaker: string | null;
  headline_stem: string | null;
  headline_exact: string | null;
  call_started_at: Date | null;
  caller_number: string | null;
  callee_number: string | null;
  collection_id: string | null;
  collection_name: string | null;
  transcript_total: string;
  translation_total: string;
}

/** One page of hits over the chosen sources, best rank first, with snippets for that page only. */
export async function searchSegments(db: Db, request: SearchRequest): Promise<SearchResult> {
  const sources = sourcesOf(request.lang);
  // The tsquery is computed once, as text: the search query then carries a constant the planner
  // can estimate, instead of an expression it would evaluate per row.
  const queries = await sql<{ transcript: string; translation: string }>`
    SELECT ${tsqueryExpression(request.parsed, 'transcript', request.translit)}::text AS transcript,
           ${tsqueryExpression(request.parsed, 'translation', request.translit)}::text AS translation
  `.execute(db);
  const q = queries.rows[0]!;
  const candidates = sql.join(
    sources.map((source) =>
      source === 'transcript'
        ? sql`(${transcriptCandidates(db, request.filters, q.transcript)})`
        : sql`(${translationCandidates(db, request.filters, q.translation)})`,
    ),
    sql` UNION ALL `,
  );
  const queryFor = (alias: string): ReturnType<typeof sql> =>
    sql`(CASE ${sql.ref(`${alias}.source`)} WHEN 'transcript' THEN ${q.transcript}
      ELSE ${q.translation} END)::tsquery`;
  const stemConfigFor = sql`(CASE p.source WHEN 'transcript' THEN ${sql.lit(STEM_CONFIG.transcript)}
      ELSE ${sql.lit(STEM_CONFIG.translation)} END)::regconfig`;

  // The candidates are single-table scans with hashed anti-joins, so the planner chooses freely
  // between the GIN index (rare words) and a scan that stops at the limit (common words).
  const result = await sql<PageRow>`
    WITH candidates AS (${candidates}),
    totals AS (
      SELECT count(*) FILTER (WHERE source = 'transcript') AS transcript_total,
             count(*) FILTER (WHERE source = 'translation') AS translation_total
      FROM candidates
    ),
    page AS (
      SELECT * FROM candidates
      ORDER BY rank DESC, segment_id, source
      LIMIT ${request.limit} OFFSET ${request.offset}
    )
    SELECT p.source, tr.recording_id, p.segment_id, tr.version AS transcript_version, p.rank,
      s.start_seconds, s.end_seconds, s.lane, s.speaker,
      ts_headline(${stemConfigFor}, coalesce(t.text, s.text), ${queryFor('p')}, ${HEADLINE_OPTIONS}) AS headline_stem,
      ts_headline('simple'::regconfig, coalesce(t.text, s.text), ${queryFor('p')}, ${HEADLINE_OPTIONS}) AS headline_exact,
      r.call_started_at, r.caller_number, r.callee_number,
      c.id AS collection_id, c.name AS collection_name,
      totals.transcript_total, totals.translation_total
    FROM totals
    LEFT JOIN (page p
      JOIN transcript_segments s ON s.id = p.segment_id
      JOIN transcripts tr ON tr.id = s.transcript_id
      JOIN recordings r ON r.id = tr.recording_id
      JOIN collections c ON c.id = r.collection_id
      LEFT JOIN segment_translations t ON t.id = p.translation_id) ON true
    ORDER BY p.rank DESC, p.segment_id, p.source
  `.execute(db);

  const first = result.rows[0];
  const perSource = [Number(first?.transcript_total ?? 0), Number(first?.translation_total ?? 0)];
  const hits: SearchHitRow[] = [];
  for (const row of result.rows) {
    if (row.segment_id === null || row.source === null) continue;
    hits.push({
      source: row.source,
      recordingId: row.recording_id!,
      segmentId: String(row.segment_id),
      transcriptVersion: row.transcript_version!,
      start: row.start_seconds!,
      end: row.end_seconds!,
      lane: row.lane!,
      speaker: row.speaker,
      rank: row.rank!,
      headlines: [row.headline_stem ?? '', row.headline_exact ?? ''],
      callStartedAt: row.call_started_at,
      callerNumber: row.caller_number,
      calleeNumber: row.callee_number,
      collectionId: row.collection_id!,
      collectionName: row.collection_name!,
    });
  }
  return {
    total: perSource.reduce((sum, n) => sum + Math.min(n, SEARCH_CANDIDATE_LIMIT), 0),
    totalIsLowerBound: perSource.some((n) => n > SEARCH_CANDIDATE_LIMIT),
    hits,
  };
}
