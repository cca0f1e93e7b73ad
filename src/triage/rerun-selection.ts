import { sql } from 'kysely';
import { collectionCondition, type CollectionScope } from '../accounts/collection-scope.ts';
import type { Db } from '../db/database.ts';
import { markPending, previousStageDone } from '../jobs/stage-runs.ts';
import { STAGE_ORDER, type StageName } from '../jobs/stages.ts';
import type { StageScheduler } from '../transcripts/rerun.ts';

/**
 * Runs a stage again on a selection of calls (the Calls page's bulk bar), forced like `earshot
 * redo <stage> --force` but for these calls only. The same rules as redo: a call whose previous
 * stage is not done cannot run the stage yet, and a run a worker holds now is left alone. The
 * runs are marked pending before jobs are queued, so without a job queue in this process (the API
 * served alone) they stay pending and a worker's start-up recovery queues them.
 */

export interface RerunReport {
  stage: StageName;
  /** Calls whose run is pending again now. */
  scheduled: string[];
  /** Calls whose previous stage is not done: the stage cannot run on them yet. */
  waitingForPreviousStage: string[];
  /** Calls whose run a worker holds now: left alone. */
  running: string[];
  /** Ids that are no call the caller may see. */
  notFound: string[];
  /** Whether jobs were queued now (false: the runs wait for a worker's recovery). */
  queued: boolean;
}

interface Candidate {
  id: string;
  ready: boolean;
  running: boolean;
}

async function candidatesOf(
  db: Db,
  stage: StageName,
  recordingIds: readonly string[],
  scope: CollectionScope,
): Promise<Candidate[]> {
  const previous = STAGE_ORDER[STAGE_ORDER.indexOf(stage) - 1];
  const rows = await sql<Candidate>`
    SELECT rec.id,
      ${previousStageDone(previous)} AS ready,
      coalesce(r.status = 'running', false) AS running
    FROM recordings rec
    LEFT JOIN stage_runs r ON r.recording_id = rec.id AND r.stage = ${stage}
    WHERE rec.id = ANY(${[...new Set(recordingIds)]}::uuid[])
      AND ${collectionCondition('rec.collection_id', scope)}
    ORDER BY rec.created_at, rec.id`.execute(db);
  return rows.rows;
}

export async function rerunStageFor(
  db: Db,
  scheduler: StageScheduler | undefined,
  input: { stage: StageName; recordingIds: readonly string[] },
  scope: CollectionScope,
): Promise<RerunReport> {
  const candidates = await candidatesOf(db, input.stage, input.recordingIds, scope);
  const seen = new Set(candidates.map((c) => c.id));
  const scheduled = candidates.filter((c) => c.ready && !c.running).map((c) => c.id);
  await markPending(db, input.stage, scheduled);
  const queued = scheduler !== undefined && scheduled.length > 0;
  if (queued) await scheduler(input.stage, scheduled, { force: true });
  return {
    stage: input.stage,
    scheduled,
    waitingForPreviousStage: candidates.filter((c) => !c.ready && !c.running).map((c) => c.id),
    running: candidates.filter((c) => c.running).map((c) => c.id),
    notFound: input.recordingIds.filter((id) => !seen.has(id)),
    queued,
  };
}
