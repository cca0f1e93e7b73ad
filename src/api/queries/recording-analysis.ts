import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AnalysisCurrentTable } from '../../db/schema.ts';
import type { Selectable } from 'kysely';

export type AnalysisSummaryRow = Pick<
  Selectable<AnalysisCurrentTable>,
  'recording_id' | 'triage_score' | 'counts' | 'casualties' | 'categories'
>;

/** The current analysis summary of each given recording that has one (one indexed lookup per page). */
export async function analysisSummariesByRecording(
  db: Db,
  recordingIds: readonly string[],
): Promise<Map<string, AnalysisSummaryRow>> {
  if (recordingIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('analysis_current')
    .select(['recording_id', 'triage_score', 'counts', 'casualties', 'categories'])
    .where('recording_id', 'in', recordingIds)
    .execute();
  return new Map(rows.map((r) => [r.recording_id, r]));
}

/** Number of distinct speaker lanes in each recording's latest transcript version (absent: none). */
export async function laneCountsByRecording(
  db: Db,
  recordingIds: readonly string[],
): Promise<Map<string, number>> {
  if (recordingIds.length === 0) return new Map();
  const rows = await sql<{ recording_id: string; lanes: number }>`
    SELECT t.recording_id, count(DISTINCT s.lane)::int AS lanes
    FROM unnest(${sql.val(recordingIds)}::uuid[]) AS ids(id)
    CROSS JOIN LATERAL (
      SELECT id, recording_id FROM transcripts WHERE recording_id = ids.id ORDER BY version DESC LIMIT 1
    ) t
    JOIN transcript_segments s ON s.transcript_id = t.id
    GROUP BY t.recording_id`.execute(db);
  return new Map(rows.rows.map((r) => [r.recording_id, r.lanes]));
}
