import { sql } from 'kysely';
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

/** Segments of each recording's latest transcript version whose text matches. */
function transcriptCandidates(db: Db, filters: RecordingListFilters, query: string) {
  return db
    .selectFrom('recordings as r')
    .where((eb) => filterExpression(eb, filters))
    .innerJoin('latest_transcripts as lt', 'lt.recording_id', 'r.id')
    .innerJoin('transcript_segments as s', 's.transcript_id', 'lt.transcript_id')
    .where(sql<boolean>`s.search_vector @@ ${query}::tsquery`)
    .select([
      sql<SearchSource>`'transcript'`.as('source'),
      'r.id as recording_id',
      's.id as segment_id',
      'lt.version as transcript_version',
      's.text as text',
      sql<number>`ts_rank(s.search_vector, ${query}::tsquery)`.as('rank'),
    ])
    .limit(SEARCH_CANDIDATE_LIMIT + 1);
}

/** Newest English translations of those segments whose text matches. */
function translationCandidates(db: Db, filters: RecordingListFilters, query: string) {
  return db
    .selectFrom('recordings as r')
    .where((eb) => filterExpression(eb, filters))
    .innerJoin('latest_transcripts as lt', 'lt.recording_id', 'r.id')
    .innerJoin('transcript_segments as s', 's.transcript_id', 'lt.transcript_id')
    .innerJoin('latest_segment_translations as l', (join) =>
      join.onRef('l.transcript_segment_id', '=', 's.id').on('l.target_language', '=', 'en'),
    )
    .innerJoin('segment_translations as t', 't.id', 'l.translation_id')
    .where(sql<boolean>`t.search_vector @@ ${query}::tsquery`)
    .select([
      sql<SearchSource>`'translation'`.as('source'),
      'r.id as recording_id',
      's.id as segment_id',
      'lt.version as transcript_version',
      sql<string>`coalesce(t.text, '')`.as('text'),
      sql<number>`ts_rank(t.search_vector, ${query}::tsquery)`.as('rank'),
    ])
    .limit(SEARCH_CANDIDATE_LIMIT + 1);
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

  const result = await sql<PageRow>`
    WITH candidates AS (${candidates}),
    totals AS (
      SELECT count(*) FILTER (WHERE source = 'transcript') AS transcript_total,
             count(*) FILTER (WHERE source = 'translation') AS translation_total
      FROM candidates
    ),
    page AS (
      SELECT * FROM candidates
      ORDER BY rank DESC, recording_id, segment_id, source
      LIMIT ${request.limit} OFFSET ${request.offset}
    )
    SELECT p.source, p.recording_id, p.segment_id, p.transcript_version, p.rank,
      s.start_seconds, s.end_seconds, s.lane, s.speaker,
      ts_headline(${stemConfigFor}, p.text, ${queryFor('p')}, ${HEADLINE_OPTIONS}) AS headline_stem,
      ts_headline('simple'::regconfig, p.text, ${queryFor('p')}, ${HEADLINE_OPTIONS}) AS headline_exact,
      r.call_started_at, r.caller_number, r.callee_number,
      c.id AS collection_id, c.name AS collection_name,
      totals.transcript_total, totals.translation_total
    FROM totals
    LEFT JOIN (page p
      JOIN transcript_segments s ON s.id = p.segment_id
      JOIN recordings r ON r.id = p.recording_id
      JOIN collections c ON c.id = r.collection_id) ON true
    ORDER BY p.rank DESC, p.recording_id, p.segment_id, p.source
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
