import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AnalysisCurrentTable } from '../../db/schema.ts';
import type { Selectable } from 'kysely';

export type AnalysisSummaryRow = Pick<
  Selectable<AnalysisCurrentTable>,
  'recording_id' | 'triage_score' | 'counts' | 'meaning_counts' | 'casualties' | 'categories'
>;

/** The current analysis summary of each given recording that has one (one indexed lookup per page). */
export async function analysisSummariesByRecording(
  db: Db,
  recordingIds: readonly string[],
): Promise<Map<string, AnalysisSummaryRow>> {
  if (recordingIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('analysis_current')
    .select(['recording_id', 'triage_score', 'counts', 'meaning_counts', 'casualties', 'categories'])
    .where('recording_id', 'in', recordingIds)
    .execute();
  return new Map(rows.map((r) => [r.recording_id, r]));
}

export interface TranscriptShape {
  /** Distinct speaker lanes in the latest transcript version. */
  lanes: number;
  /** Languages of its segments, most segments first (ties by code); segments without one left out. */
  languages: string[];
}

/**
 * Lanes and languages of each recording's current transcript version, in one query per page
 * (absent: no transcript). Languages come from the segments, not the transcript row: a call can
 * switch between Russian and Ukrainian, and the recogniser tells per segment.
 */
export async function transcriptShapesByRecording(
  db: Db,
  recordingIds: readonly string[],
): Promise<Map<string, TranscriptShape>> {
  if (recordingIds.length === 0) return new Map();
  const rows = await sql<{ recording_id: string; lanes: number; languages: string[] }>`
    SELECT t.recording_id, count(DISTINCT s.lane)::int AS lanes,
      coalesce(
        (SELECT array_agg(language ORDER BY n DESC, language COLLATE "C")
         FROM (SELECT l.language, count(*) AS n FROM transcript_segments l
               WHERE l.transcript_id = t.id AND l.language IS NOT NULL GROUP BY l.language) by_language),
        '{}') AS languages
    FROM unnest(${sql.val(recordingIds)}::uuid[]) AS ids(id)
    JOIN latest_transcripts c ON c.recording_id = ids.id
    JOIN transcripts t ON t.id = c.transcript_id
    JOIN transcript_segments s ON s.transcript_id = t.id
    GROUP BY t.recording_id, t.id`.execute(db);
  return new Map(rows.rows.map((r) => [r.recording_id, { lanes: r.lanes, languages: r.languages }]));
}
