import type { Db } from '../../db/database.ts';
import type { StageRun } from '../../db/schema.ts';

/** Stage runs of the given recordings, grouped by recording id (stages in name order). */
export async function stageRunsByRecording(db: Db, recordingIds: string[]): Promise<Map<string, StageRun[]>> {
  const byRecording = new Map<string, StageRun[]>();
  if (recordingIds.length === 0) return byRecording;
  const runs = await db
    .selectFrom('stage_runs')
    .selectAll()
    .where('recording_id', 'in', recordingIds)
    .orderBy('recording_id')
    .orderBy('stage')
    .execute();
  for (const run of runs) {
    const list = byRecording.get(run.recording_id) ?? [];
    list.push(run);
    byRecording.set(run.recording_id, list);
  }
  return byRecording;
}
