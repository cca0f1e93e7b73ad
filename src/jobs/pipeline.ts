import type { EarshotConfig } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import type { DatabaseConnection } from '../runtime/database-connection.ts';
import { pipelineRegistry } from './handlers.ts';
import { resumeRunsWaitingForModels, type ResumedWait } from './model-waits.ts';
import { getPipelineStatus, type PipelineStatus } from './operations.ts';
import { startJobQueue, type JobQueue } from './queue.ts';
import {
  recoverInterruptedWork,
  releaseStaleRuns,
  requeueLostRuns,
  type RecoveryReport,
} from './recovery.ts';
import type { StageRegistry } from './registry.ts';
import { schedulePipeline } from './scheduling.ts';
import type { StageJobOptions } from './stage-handler.ts';
import { startStageWorkers, type PipelineEvent, type StageWorkers } from './workers.ts';

export interface OpenPipelineOptions<N extends string> {
  connection: Pick<DatabaseConnection, 'db' | 'connectionString' | 'embedded'>;
  config: EarshotConfig;
  registry?: StageRegistry<N>;
  /** Overrides retry and expiry settings of every stage (tests). */
  jobOptions?: StageJobOptions;
  /** Repair what a crash left behind before anything runs (default true). */
  recover?: boolean;
  /** Treat this process as the only worker even without the embedded server (tests, recovery). */
  exclusive?: boolean;
  /** Worker heartbeats and the check for silent workers (defaults for real use; tests shorten them). */
  heartbeat?: HeartbeatOptions;
}

export interface HeartbeatOptions {
  /** How often workers refresh the heartbeat of the runs they hold (default 15 s). */
  intervalMs?: number;
  /** How often runs of silent or expired workers are looked for (default 30 s). */
  staleCheckMs?: number;
  /** Heartbeat age after which a worker counts as gone (default 90 s). */
  silentAfterSeconds?: number;
}

export interface WaitOptions {
  onProgress?: (status: PipelineStatus) => void;
  intervalMs?: number;
  /** Give up after this long and return the status as it is. */
  timeoutMs?: number;
}

export interface Pipeline<N extends string = string> {
  queue: JobQueue<N>;
  db: Db;
  /** What recovery found when the pipeline opened (all zero when recover was false). */
  recovery: RecoveryReport;
  /** Puts new recordings on the pipeline (for `earshot ingest` and `earshot start`). */
  schedulePipeline(recordingIds: readonly string[]): Promise<number>;
  /**
   * Queues whatever should be waiting but is not: recordings never put on the pipeline, stages
   * whose previous stage is done but that were never scheduled, pending runs whose job is gone.
   */
  scheduleMissing(): Promise<number>;
  /** Queues runs that waited for a model now installed (workers also do it every few seconds). */
  resumeModelWaits(): Promise<ResumedWait[]>;
  /** Runs stage handlers in this process until stop(). */
  startWorkers(options?: {
    concurrency?: number;
    onEvent?: (event: PipelineEvent) => void;
  }): Promise<StageWorkers>;
  /** Resolves when no run is pending or running (needs workers somewhere), with the final status. */
  /** Polls until nothing is pending or running; rejects with PipelineStoppedError once stopped. */
  waitUntilIdle(options?: WaitOptions): Promise<PipelineStatus>;
  status(): Promise<PipelineStatus>;
  /** Stops workers (finishing jobs in hand) and the job queue; leaves the database open. */
  stop(): Promise<void>;
}

/** With SILENT_WORKER_SECONDS, a dead worker's runs go to others within two minutes. */
const STALE_CHECK_MS = 30_000;
/** How often workers look whether a model that runs wait for has been installed. */
const MODEL_WAIT_CHECK_MS = 5_000;

/** waitUntilIdle gives up this way when the pipeline is stopped before the work is done. */
export class PipelineStoppedError extends Error {
  constructor() {
    super('the pipeline was stopped before it was idle');
  }
}

/**
 * The pipeline on a database connection: starts pg-boss, runs crash recovery (exclusive when
 * this process started the embedded server, since no other worker can exist then), and offers
 * workers, scheduling and progress. What `earshot start`, `earshot worker` and ingest use.
 */
export async function openPipeline<N extends string = string>(
  options: OpenPipelineOptions<N>,
): Promise<Pipeline<N>> {
  const registry = options.registry ?? (pipelineRegistry() as unknown as StageRegistry<N>);
  const { db } = options.connection;
  // Only the process that started the embedded server can be sure no other worker is alive.
  const exclusive = options.exclusive ?? options.connection.embedded?.ownedByThisProcess === true;
  const queue = await startJobQueue({
    connectionString: options.connection.connectionString,
    registry,
    jobOptions: options.jobOptions,
    supervise: true,
  });
  let recovery: RecoveryReport = { interruptedRuns: 0, orphanedJobs: 0, abandonedRuns: 0, requeuedRuns: 0 };
  try {
    if (options.recover !== false) recovery = await recoverInterruptedWork(queue, db, { exclusive });
  } catch (error) {
    await queue.stop({ graceful: false });
    throw error;
  }

  const workers: StageWorkers[] = [];
  let staleTimer: NodeJS.Timeout | undefined;
  let modelWaitTimer: NodeJS.Timeout | undefined;
  const resumeModelWaits = () => resumeRunsWaitingForModels(queue, db, options.config);
  // Set by stop(): a wait still polling must not query a database its owner is about to close.
  let stopped = false;
  // stop() may close the database while a poll's query is in flight: that failure means "stopped".
  const unlessStopped = async <T>(query: Promise<T>): Promise<T> => {
    try {
      return await query;
    } catch (error) {
      if (stopped) throw new PipelineStoppedError();
      throw error;
    }
  };

  return {
    queue,
    db,
    recovery,
    schedulePipeline: (ids) => schedulePipeline(queue, db, ids),
    scheduleMissing: () => requeueLostRuns(queue, db),
    resumeModelWaits,
    async startWorkers(workerOptions = {}) {
      const started = await startStageWorkers({
        queue,
        db,
        config: options.config,
        heartbeatMs: options.heartbeat?.intervalMs,
        ...workerOptions,
      });
      workers.push(started);
      // A model installed while this runs (`earshot models install` in another terminal) lets
      // the runs waiting for it go on, with no retry command.
      if (!modelWaitTimer) {
        modelWaitTimer = setInterval(() => {
          if (!stopped) void resumeModelWaits().catch(() => undefined);
        }, MODEL_WAIT_CHECK_MS);
        modelWaitTimer.unref();
      }
      // Other workers may share the database: now and then release runs whose worker vanished.
      if (!exclusive && !staleTimer) {
        const silentAfter = options.heartbeat?.silentAfterSeconds;
        staleTimer = setInterval(
          () => void releaseStaleRuns(queue, db, silentAfter).catch(() => undefined),
          options.heartbeat?.staleCheckMs ?? STALE_CHECK_MS,
        );
        staleTimer.unref();
      }
      return started;
    },
    async waitUntilIdle({ onProgress, intervalMs = 1000, timeoutMs } = {}) {
      const deadline = timeoutMs === undefined ? Infinity : Date.now() + timeoutMs;
      let lastRequeue = Date.now();
      for (;;) {
        if (stopped) throw new PipelineStoppedError();
        const status = await unlessStopped(getPipelineStatus(db, registry));
        onProgress?.(status);
        const active = status.stages.reduce((sum, s) => sum + s.pending + s.running, 0);
        if (active === 0 || Date.now() >= deadline) return status;
        // Safety net: work that lost its job (should not happen) is queued again.
        if (Date.now() - lastRequeue > 30_000) {
          lastRequeue = Date.now();
          await unlessStopped(requeueLostRuns(queue, db));
        }
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    },
    status: () => getPipelineStatus(db, registry),
    async stop() {
      stopped = true;
      if (staleTimer) clearInterval(staleTimer);
      if (modelWaitTimer) clearInterval(modelWaitTimer);
      await Promise.all(workers.map((w) => w.stop()));
      await queue.stop();
    },
  };
}
