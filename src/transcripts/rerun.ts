import type { Db } from '../db/database.ts';
import { markPending } from '../jobs/stage-runs.ts';
import { STAGE_ORDER, type StageName } from '../jobs/stages.ts';

/**
 * After a correction the English and the analysis describe a text that is no longer the latest:
 * translate and analyse run again on the new version. Their runs are marked pending in the same
 * transaction as the new version, so the intent survives a crash between saving and queueing
 * (worker recovery queues pending runs that have no job), and the desk shows them as pending.
 */
export const RERUN_AFTER_CORRECTION: readonly StageName[] = STAGE_ORDER.filter(
  (stage) => stage === 'translate' || stage === 'analyse',
);

/** Queues jobs for stages; given to the API by the process that runs the job queue. */
export type StageScheduler = (
  stage: StageName,
  recordingIds: readonly string[],
  options: { force: boolean },
) => Promise<unknown>;

export async function markRerunPending(trx: Db, recordingId: string): Promise<StageName[]> {
  for (const stage of RERUN_AFTER_CORRECTION) await markPending(trx, stage, [recordingId]);
  return [...RERUN_AFTER_CORRECTION];
}

/**
 * Queues the runs marked pending, forced: the stages were done for the old version. Without a
 * scheduler (the API served alone) the runs stay pending and a worker's start-up recovery
 * queues them. Returns whether jobs were queued now.
 */
export async function queueRerun(
  scheduler: StageScheduler | undefined,
  recordingId: string,
  stages: readonly StageName[],
): Promise<boolean> {
  if (!scheduler) return false;
  for (const stage of stages) await scheduler(stage, [recordingId], { force: true });
  return true;
}
