import os from 'node:os';
import type PgBoss from 'pg-boss';
import type { EarshotConfig } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import type { JobQueue } from './queue.ts';
import { scheduleStage } from './scheduling.ts';
import { PermanentStageError, WaitingForModelError, WaitingForToolError } from './stage-handler.ts';
import {
  claimRun,
  markAttemptFailed,
  markDone,
  markPending,
  markWaitingForModel,
  recordHeartbeat,
} from './stage-runs.ts';
import type { RecordingStagePayload } from './stages.ts';

export type PipelineEvent =
  | { type: 'started'; stage: string; recordingId: string; attempt: number }
  | { type: 'done'; stage: string; recordingId: string; ms: number }
  | { type: 'skipped'; stage: string; recordingId: string; reason: string }
  | { type: 'retrying'; stage: string; recordingId: string; error: string }
  | { type: 'waiting'; stage: string; recordingId: string; model: string; error: string }
  | { type: 'failed'; stage: string; recordingId: string; error: string };

export interface StageWorkersOptions<N extends string> {
  queue: JobQueue<N>;
  db: Db;
  config: EarshotConfig;
  /** Jobs run at once per stage (default config.workerConcurrency). */
  concurrency?: number;
  pollingIntervalSeconds?: number;
  /** How often this worker refreshes the heartbeat of the runs it holds (default 15 s). */
  heartbeatMs?: number;
  onEvent?: (event: PipelineEvent) => void;
}

export interface StageWorkers {
  /** hostname:pid, recorded in stage_runs.worker. */
  name: string;
  /** Jobs being handled right now. */
  busy(): number;
  /** Stops taking jobs and waits (up to timeoutMs) for the ones in hand. */
  stop(timeoutMs?: number): Promise<void>;
}

/** How often a worker says it is alive; releaseSilentWorkerRuns waits for several missed beats. */
export const HEARTBEAT_MS = 15_000;

export function workerName(): string {
  return `${os.hostname()}:${process.pid}`;
}

/** Starts `concurrency` pg-boss workers on every stage's queue, each running the stage's handler. */
export async function startStageWorkers<N extends string>(
  options: StageWorkersOptions<N>,
): Promise<StageWorkers> {
  const { queue } = options;
  const name = workerName();
  const concurrency = options.concurrency ?? options.config.workerConcurrency;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;
  let busy = 0;
  let stopping = false;
  const idleWaiters = new Set<() => void>();
  // A failed beat (database briefly unreachable) is not fatal: the next one, or the run's own
  // end, says more. Only a worker silent for minutes has its runs released.
  const heartbeat = setInterval(
    () => void recordHeartbeat(options.db, name).catch(() => undefined),
    options.heartbeatMs ?? HEARTBEAT_MS,
  );
  heartbeat.unref();

  for (const stage of queue.registry.order) {
    for (let i = 0; i < concurrency; i++) {
      await queue.boss.work<RecordingStagePayload>(
        queue.queueName(stage),
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds },
        async (jobs) => {
          // offWork does not wait for a fetch in flight: its jobs can arrive after stop() has
          // returned and the database is closing. Starting them then left the process hanging on
          // SIGTERM; hand them back to pg-boss instead (failed attempt, retried later; the run
          // itself was never claimed, so it stays pending).
          if (stopping) throw new Error(`worker ${name} is stopping; ${stage} job handed back unstarted`);
          busy++;
          try {
            for (const job of jobs) await runStageJob(options, name, stage, job);
          } finally {
            busy--;
            if (busy === 0) for (const wake of idleWaiters) wake();
          }
        },
      );
    }
  }

  return {
    name,
    busy: () => busy,
    async stop(timeoutMs = 60_000) {
      stopping = true;
      await Promise.all(queue.registry.order.map((stage) => queue.boss.offWork(queue.queueName(stage))));
      if (busy === 0) {
        clearInterval(heartbeat);
        return;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        function done(): void {
          clearTimeout(timer);
          idleWaiters.delete(done);
          resolve();
        }
        idleWaiters.add(done);
      });
      clearInterval(heartbeat);
    },
  };
}

async function runStageJob<N extends string>(
  options: StageWorkersOptions<N>,
  worker: string,
  stage: N,
  job: PgBoss.JobWithMetadata<RecordingStagePayload>,
): Promise<void> {
  const { queue, db, config, onEvent } = options;
  const { recordingId } = job.data;
  const force = job.data.force === true;
  const handler = queue.registry.handler(stage);
  const claim = await claimRun(db, {
    stage,
    recordingId,
    jobId: job.id,
    worker,
    force,
    staleAfterSeconds: queue.jobOptions(stage).expireInSeconds,
  });
  if (claim === 'already-done') {
    onEvent?.({ type: 'skipped', stage, recordingId, reason: 'already done' });
    await scheduleNextStage(options, stage, recordingId, false);
    return;
  }
  // Another live job holds this run; throwing makes pg-boss try again after the backoff.
  if (claim === 'busy') throw new Error(`${stage} of ${recordingId} is already running in another job`);

  onEvent?.({ type: 'started', stage, recordingId, attempt: job.retryCount + 1 });
  const started = Date.now();
  try {
    const outcome = await handler.run(job.data, { db, config, worker, jobId: job.id });
    await db.transaction().execute(async (trx) => {
      const held = await markDone(trx, { stage, recordingId, jobId: job.id, result: outcome.result });
      if (!held) throw new Error(`${stage} of ${recordingId} was taken over by another job; result dropped`);
      await outcome.record?.(trx);
      // The next stage becomes pending in the same transaction: nobody may ever see this
      // recording with nothing pending between two stages (waitUntilIdle would stop early).
      await markNextStagePending(trx, options.queue.registry.next(stage), recordingId, force);
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof WaitingForModelError) {
      // A missing program holds back only its own stage; a missing model holds back the rest.
      const goesOn = error instanceof WaitingForToolError;
      await db.transaction().execute(async (trx) => {
        await markWaitingForModel(trx, {
          stage,
          recordingId,
          jobId: job.id,
          model: error.modelName,
          message,
        });
        if (goesOn) await markNextStagePending(trx, queue.registry.next(stage), recordingId, force);
      });
      onEvent?.({ type: 'waiting', stage, recordingId, model: error.modelName, error: message });
      if (goesOn) await scheduleNextStage(options, stage, recordingId, force);
      return;
    }
    const permanent = error instanceof PermanentStageError;
    const final = permanent || job.retryCount >= job.retryLimit;
    await markAttemptFailed(db, { stage, recordingId, jobId: job.id, error: message, final });
    onEvent?.({ type: final ? 'failed' : 'retrying', stage, recordingId, error: message });
    // A permanent failure ends the job here; anything else goes back to pg-boss for a retry.
    if (permanent) return;
    throw error;
  }
  onEvent?.({ type: 'done', stage, recordingId, ms: Date.now() - started });
  // A forced redo changed this stage's output, so the stages after it are redone too.
  await scheduleNextStage(options, stage, recordingId, force);
}

/** Whether the stage after this one should run now: always when forced, else unless done or held. */
async function nextStageWanted(db: Db, next: string, recordingId: string, force: boolean): Promise<boolean> {
  if (force) return true;
  const existing = await db
    .selectFrom('stage_runs')
    .select('status')
    .where('recording_id', '=', recordingId)
    .where('stage', '=', next)
    .executeTakeFirst();
  return existing?.status !== 'done' && existing?.status !== 'running';
}

async function markNextStagePending(db: Db, next: string | undefined, recordingId: string, force: boolean) {
  if (next !== undefined && (await nextStageWanted(db, next, recordingId, force))) {
    await markPending(db, next, [recordingId]);
  }
}

async function scheduleNextStage<N extends string>(
  options: StageWorkersOptions<N>,
  stage: N,
  recordingId: string,
  force: boolean,
): Promise<void> {
  const next = options.queue.registry.next(stage);
  if (next === undefined || !(await nextStageWanted(options.db, next, recordingId, force))) return;
  await scheduleStage(options.queue, options.db, next, [recordingId], force ? { force: true } : {});
}
