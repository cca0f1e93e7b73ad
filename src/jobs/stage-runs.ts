import { sql, type UpdateObject } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database, JsonObject } from '../db/schema.ts';

// Per-recording stage status, the record users and `earshot status` read. pg-boss holds the
// jobs; this table says what happened to each recording, with reasons and attempt counts.

/**
 * The one rule for whether a stage may run on a call: its previous stage in the pipeline is done
 * (the first stage always may). A SQL condition on `recordingColumn`, for redo and the bulk re-run.
 */
export function previousStageDone(previous: string | undefined, recordingColumn = 'rec.id') {
  if (previous === undefined) return sql<boolean>`true`;
  return sql<boolean>`EXISTS (SELECT 1 FROM stage_runs p
    WHERE p.recording_id = ${sql.ref(recordingColumn)} AND p.stage = ${previous} AND p.status = 'done')`;
}

/** Marks runs as waiting for a worker. A run a worker holds right now stays 'running'. */
export async function markPending(db: Db, stage: string, recordingIds: readonly string[]): Promise<void> {
  if (recordingIds.length === 0) return;
  await db
    .insertInto('stage_runs')
    .values(recordingIds.map((recording_id) => ({ recording_id, stage, status: 'pending' as const })))
    .onConflict((oc) =>
      oc
        .columns(['recording_id', 'stage'])
        .doUpdateSet({
          status: 'pending',
          error: null,
          waiting_for_model: null,
          finished_at: null,
          updated_at: sql`now()`,
        })
        .where('stage_runs.status', '<>', 'running'),
    )
    .execute();
}

export type ClaimResult = 'claimed' | 'already-done' | 'busy';

/**
 * A worker takes a run: status running, attempts + 1. Refused while another live job holds it
 * (a run held longer than staleAfterSeconds counts as abandoned), and skipped when already done
 * unless forced.
 */
export async function claimRun(
  db: Db,
  run: {
    stage: string;
    recordingId: string;
    jobId: string;
    worker: string;
    force: boolean;
    staleAfterSeconds: number;
  },
): Promise<ClaimResult> {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('stage_runs')
      .values({ recording_id: run.recordingId, stage: run.stage, status: 'pending' })
      .onConflict((oc) => oc.columns(['recording_id', 'stage']).doNothing())
      .execute();
    const current = await trx
      .selectFrom('stage_runs')
      .select([
        'status',
        'job_id',
        sql<boolean>`updated_at < now() - make_interval(secs => ${run.staleAfterSeconds})`.as('stale'),
      ])
      .where('recording_id', '=', run.recordingId)
      .where('stage', '=', run.stage)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (current.status === 'done' && !run.force) return 'already-done';
    if (current.status === 'running' && current.job_id !== run.jobId && !current.stale) return 'busy';
    await trx
      .updateTable('stage_runs')
      .set({
        status: 'running',
        attempts: sql`attempts + 1`,
        worker: run.worker,
        job_id: run.jobId,
        error: null,
        waiting_for_model: null,
        started_at: sql`now()`,
        finished_at: null,
        updated_at: sql`now()`,
        heartbeat_at: sql`now()`,
      })
      .where('recording_id', '=', run.recordingId)
      .where('stage', '=', run.stage)
      .execute();
    return 'claimed';
  });
}

/** A worker whose runs' heartbeat is this old (several missed beats) is taken for gone. */
export const SILENT_WORKER_SECONDS = 90;

/**
 * The worker's sign of life on every run it holds (workers call it every few seconds): a run whose
 * heartbeat stops is released to other workers (releaseSilentWorkerRuns).
 */
export async function recordHeartbeat(db: Db, worker: string): Promise<void> {
  await db
    .updateTable('stage_runs')
    .set({ heartbeat_at: sql`now()` })
    .where('worker', '=', worker)
    .where('status', '=', 'running')
    .execute();
}

/** A run as the job holding it names it. */
interface HeldRun {
  stage: string;
  recordingId: string;
  jobId: string;
}

/**
 * Ends (or hands back) the run this job holds; false when it no longer holds it (another job took
 * it over). One place for "only the holder, only while running", which every outcome obeys.
 */
async function updateHeldRun(
  db: Db,
  run: HeldRun,
  values: UpdateObject<Database, 'stage_runs'>,
): Promise<boolean> {
  const updated = await db
    .updateTable('stage_runs')
    .set({ ...values, updated_at: sql`now()` })
    .where('recording_id', '=', run.recordingId)
    .where('stage', '=', run.stage)
    .where('job_id', '=', run.jobId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/** Marks the run done; false when this job no longer holds it (another job took it over). */
export function markDone(db: Db, run: HeldRun & { result: JsonObject }): Promise<boolean> {
  return updateHeldRun(db, run, {
    status: 'done',
    result: JSON.stringify(run.result),
    error: null,
    finished_at: sql`now()`,
  });
}

/**
 * Records a failed attempt: 'failed' when no retry follows, otherwise back to 'pending' with the
 * reason kept so `earshot status` shows why it is being retried.
 */
export async function markAttemptFailed(
  db: Db,
  run: HeldRun & { error: string; final: boolean },
): Promise<void> {
  await updateHeldRun(db, run, {
    status: run.final ? 'failed' : 'pending',
    error: run.error.slice(0, 4000),
    finished_at: run.final ? sql`now()` : null,
  });
}

/**
 * The stage's model is not installed: the run waits for it, naming it, with no retries. It runs
 * again once the model is installed (resumeRunsWaitingForModels); it is not a failure.
 */
export async function markWaitingForModel(
  db: Db,
  run: HeldRun & { model: string; message: string },
): Promise<void> {
  await updateHeldRun(db, run, {
    status: 'waiting',
    waiting_for_model: run.model,
    error: run.message.slice(0, 4000),
    finished_at: sql`now()`,
  });
}
