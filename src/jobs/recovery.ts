import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { PGBOSS_SCHEMA, type JobQueue } from './queue.ts';
import { scheduleStage } from './scheduling.ts';
import { SILENT_WORKER_SECONDS } from './stage-runs.ts';
import type { RecordingStagePayload } from './stages.ts';

export interface RecoveryReport {
  /** Runs left 'running' by a worker that died, put back to pending. */
  interruptedRuns: number;
  /** pg-boss jobs left 'active' by a dead worker, made available again at once. */
  orphanedJobs: number;
  /** Runs marked failed because their job expired and has no retry left. */
  abandonedRuns: number;
  /** Runs scheduled because no job was queued for them (lost between steps). */
  requeuedRuns: number;
}

const INTERRUPTED = 'interrupted: the worker stopped before finishing; rescheduled';
const ABANDONED = 'the worker stopped responding and the job expired with no retries left';

/**
 * Brings stage runs and pg-boss jobs back in line after a crash or kill -9.
 * exclusive: this process owns the database (it started the embedded server), so every
 * 'running' run and 'active' job belongs to a dead process and is retried at once. Otherwise
 * other workers may be alive: only runs held longer than the stage's expiry are touched
 * (pg-boss itself expires and retries their jobs).
 */
export async function recoverInterruptedWork<N extends string>(
  queue: JobQueue<N>,
  db: Db,
  options: { exclusive: boolean },
): Promise<RecoveryReport> {
  const report: RecoveryReport = { interruptedRuns: 0, orphanedJobs: 0, abandonedRuns: 0, requeuedRuns: 0 };
  const stages = [...queue.registry.order];
  const queueNames = stages.map((s) => queue.queueName(s));

  if (options.exclusive) {
    const runs = await db
      .updateTable('stage_runs')
      .set({ status: 'pending', error: INTERRUPTED, updated_at: sql`now()` })
      .where('status', '=', 'running')
      .where('stage', 'in', stages)
      .executeTakeFirst();
    report.interruptedRuns = Number(runs.numUpdatedRows);
    const jobs = await sql`
      UPDATE ${sql.table(`${PGBOSS_SCHEMA}.job`)} SET state = 'retry', start_after = now()
      WHERE name = ANY(${queueNames}) AND state = 'active'`.execute(db);
    report.orphanedJobs = Number(jobs.numAffectedRows ?? 0n);
  } else {
    const stale = await releaseStaleRuns(queue, db);
    report.interruptedRuns = stale.released;
    report.abandonedRuns = stale.abandoned;
  }
  report.requeuedRuns = await requeueLostRuns(queue, db);
  return report;
}

/**
 * Runs whose worker stopped heart-beating (kill -9, lost machine) go back to pending for other
 * workers: the dead worker's job is cancelled (through pg-boss, which would otherwise wait for
 * its 30-minute expiry) and a fresh one queued. Should the worker come back after all, its
 * result is dropped: the run no longer names its job (markDone).
 */
export async function releaseSilentWorkerRuns<N extends string>(
  queue: JobQueue<N>,
  db: Db,
  silentAfterSeconds = SILENT_WORKER_SECONDS,
): Promise<number> {
  let released = 0;
  for (const stage of queue.registry.order) {
    const silent = await db
      .selectFrom('stage_runs')
      .select(['recording_id', 'job_id', 'worker', 'heartbeat_at'])
      .where('stage', '=', stage)
      .where('status', '=', 'running')
      .where('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${silentAfterSeconds})`)
      .execute();
    const name = queue.queueName(stage);
    const plain: string[] = [];
    const forced: string[] = [];
    for (const run of silent) {
      const since = run.heartbeat_at?.toISOString() ?? 'unknown';
      const updated = await db
        .updateTable('stage_runs')
        .set({
          status: 'pending',
          error: `interrupted: worker ${run.worker ?? 'unknown'} silent since ${since}; released to other workers`,
          updated_at: sql`now()`,
        })
        .where('recording_id', '=', run.recording_id)
        .where('stage', '=', stage)
        .where('status', '=', 'running')
        .where('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${silentAfterSeconds})`)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) continue;
      // A forced redo stays forced, so the stages after it are redone too.
      const job = run.job_id ? await queue.boss.getJobById<RecordingStagePayload>(name, run.job_id) : null;
      if (run.job_id) await queue.boss.cancel(name, run.job_id);
      (job?.data.force === true ? forced : plain).push(run.recording_id);
    }
    // Queued directly, not through scheduleStage: the runs are pending already, with the reason.
    await queue.enqueue(stage, [
      ...plain.map((recordingId) => ({ recordingId })),
      ...forced.map((recordingId) => ({ recordingId, force: true })),
    ]);
    released += plain.length + forced.length;
  }
  return released;
}

/**
 * Runs whose worker is gone: first those whose heartbeat stopped (releaseSilentWorkerRuns), then
 * those still 'running' long after their stage's expiry (runs with no heartbeat, from before
 * migration 0010). If pg-boss has queued a retry, the run waits for it; if the job failed for
 * good, the run is marked failed.
 */
export async function releaseStaleRuns<N extends string>(
  queue: JobQueue<N>,
  db: Db,
  silentAfterSeconds = SILENT_WORKER_SECONDS,
): Promise<{ released: number; abandoned: number }> {
  let released = await releaseSilentWorkerRuns(queue, db, silentAfterSeconds);
  let abandoned = 0;
  for (const stage of queue.registry.order) {
    const staleSeconds = queue.jobOptions(stage).expireInSeconds + 60;
    const stale = await sql<{ recording_id: string; job_state: string | null }>`
      SELECT r.recording_id, j.state AS job_state
      FROM stage_runs r
      LEFT JOIN ${sql.table(`${PGBOSS_SCHEMA}.job`)} j
        ON j.name = ${queue.queueName(stage)} AND j.id::text = r.job_id
      WHERE r.stage = ${stage} AND r.status = 'running'
        AND r.updated_at < now() - make_interval(secs => ${staleSeconds})`.execute(db);
    for (const row of stale.rows) {
      if (row.job_state === 'active') continue;
      const retrying = row.job_state === 'created' || row.job_state === 'retry';
      await db
        .updateTable('stage_runs')
        .set({
          status: retrying ? 'pending' : 'failed',
          error: retrying ? INTERRUPTED : ABANDONED,
          finished_at: retrying ? null : sql`now()`,
          updated_at: sql`now()`,
        })
        .where('recording_id', '=', row.recording_id)
        .where('stage', '=', stage)
        .where('status', '=', 'running')
        .execute();
      if (retrying) released++;
      else abandoned++;
    }
  }
  return { released, abandoned };
}

/**
 * Queues work that should be waiting but has no job: pending runs whose job is gone, stages
 * whose previous stage is done but that were never scheduled, and recordings never put on the
 * pipeline (an ingest killed between storing and scheduling).
 */
export async function requeueLostRuns<N extends string>(queue: JobQueue<N>, db: Db): Promise<number> {
  let requeued = 0;
  let previous: N | undefined;
  for (const stage of queue.registry.order) {
    const rows = await sql<{ id: string }>`
      SELECT rec.id FROM recordings rec
      LEFT JOIN stage_runs r ON r.recording_id = rec.id AND r.stage = ${stage}
      WHERE (
          (r.status IS NULL AND ${
            previous === undefined
              ? sql`true`
              : sql`EXISTS (
            SELECT 1 FROM stage_runs p
            WHERE p.recording_id = rec.id AND p.stage = ${previous ?? ''} AND p.status = 'done')`
          })
          OR (r.status = 'pending' AND NOT EXISTS (
            SELECT 1 FROM ${sql.table(`${PGBOSS_SCHEMA}.job`)} j
            WHERE j.name = ${queue.queueName(stage)}
              AND j.singleton_key = ${`${stage}:`} || rec.id::text -- see singletonKey()
              AND j.state IN ('created', 'retry', 'active')))
        )`.execute(db);
    const ids = rows.rows.map((r) => r.id);
    if (ids.length > 0) requeued += await scheduleStage(queue, db, stage, ids);
    previous = stage;
  }
  return requeued;
}
