import { ALL_COLLECTIONS, collectionCondition, type CollectionScope } from '../accounts/collection-scope.ts';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { StageStatus } from '../db/schema.ts';
import type { JobQueue } from './queue.ts';
import type { StageRegistry } from './registry.ts';
import { scheduleStage } from './scheduling.ts';
import { previousStageDone, SILENT_WORKER_SECONDS } from './stage-runs.ts';

export interface StageCounts {
  stage: string;
  pending: number;
  running: number;
  done: number;
  failed: number;
  /** Runs that wait for a model to be installed (not failures). */
  waiting: number;
  /** Recordings with no run of this stage yet. */
  missing: number;
}

export interface StageFailure {
  recordingId: string;
  originalFilename: string;
  stage: string;
  error: string;
  attempts: number;
  finishedAt: Date | null;
}

/** A run that waits for its model to be installed. */
export interface StageWait {
  recordingId: string;
  originalFilename: string;
  stage: string;
  model: string;
}

/** A worker that holds runs but stopped heart-beating (killed, or its machine lost). */
export interface SilentWorker {
  /** hostname:pid */
  worker: string;
  /** Its last heartbeat. */
  lastHeartbeat: Date;
  /** How many runs it still holds ('running'); they are released to other workers shortly. */
  runs: number;
}

export interface PipelineStatus {
  recordings: number;
  /** Recordings of demo collections, read by the demo models (demo/models). */
  demoRecordings: number;
  stages: StageCounts[];
  failures: StageFailure[];
  waits: StageWait[];
  /** Workers gone silent while holding runs: their runs show as running until released. */
  silentWorkers: SilentWorker[];
}

const STATUSES: readonly StageStatus[] = ['pending', 'running', 'done', 'failed', 'waiting'];

/**
 * Per-stage counts over all recordings, in pipeline order, plus every failed run with its reason
 * and every waiting run with the model it waits for. Only the stage order is read from the registry.
 */
export async function getPipelineStatus(
  db: Db,
  registry: Pick<StageRegistry, 'order'>,
  silentAfterSeconds = SILENT_WORKER_SECONDS,
  /** The collections counted (a desk user's); the CLI and workers count every one. */
  scope: CollectionScope = ALL_COLLECTIONS,
): Promise<PipelineStatus> {
  const inScope = collectionCondition('rec.collection_id', scope);
  const total = await db
    .selectFrom('recordings as rec')
    .where(inScope)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const recordings = Number(total.n);
  const rows = await db
    .selectFrom('stage_runs as r')
    .innerJoin('recordings as rec', 'rec.id', 'r.recording_id')
    .where(inScope)
    .select(['r.stage', 'r.status', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy(['r.stage', 'r.status'])
    .execute();
  const stages = registry.order.map((stage) => {
    const counts: StageCounts = { stage, pending: 0, running: 0, done: 0, failed: 0, waiting: 0, missing: 0 };
    for (const status of STATUSES) {
      counts[status] = Number(rows.find((r) => r.stage === stage && r.status === status)?.n ?? 0);
    }
    counts.missing = recordings - STATUSES.reduce((sum, status) => sum + counts[status], 0);
    return counts;
  });
  const failed = await db
    .selectFrom('stage_runs as r')
    .innerJoin('recordings as rec', 'rec.id', 'r.recording_id')
    .select(['r.recording_id', 'rec.original_filename', 'r.stage', 'r.error', 'r.attempts', 'r.finished_at'])
    .where('r.status', '=', 'failed')
    .where(inScope)
    .orderBy('r.stage')
    .orderBy('r.finished_at')
    .execute();
  const waiting = await db
    .selectFrom('stage_runs as r')
    .innerJoin('recordings as rec', 'rec.id', 'r.recording_id')
    .select(['r.recording_id', 'rec.original_filename', 'r.stage', 'r.waiting_for_model'])
    .where('r.status', '=', 'waiting')
    .where(inScope)
    .orderBy('r.stage')
    .orderBy('rec.original_filename')
    .execute();
  const demo = await db
    .selectFrom('recordings as r')
    .innerJoin('collections as c', 'c.id', 'r.collection_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('c.model_profile', '=', 'demo')
    .where(collectionCondition('r.collection_id', scope))
    .executeTakeFirstOrThrow();
  return {
    recordings,
    demoRecordings: Number(demo.n),
    silentWorkers: await findSilentWorkers(db, silentAfterSeconds),
    stages,
    waits: waiting.map((w) => ({
      recordingId: w.recording_id,
      originalFilename: w.original_filename,
      stage: w.stage,
      model: w.waiting_for_model ?? 'unknown model',
    })),
    failures: failed.map((f) => ({
      recordingId: f.recording_id,
      originalFilename: f.original_filename,
      stage: f.stage,
      error: f.error ?? 'unknown error',
      attempts: f.attempts,
      finishedAt: f.finished_at,
    })),
  };
}

/** Workers holding running runs whose heartbeat is older than silentAfterSeconds, oldest first. */
async function findSilentWorkers(db: Db, silentAfterSeconds: number): Promise<SilentWorker[]> {
  const rows = await db
    .selectFrom('stage_runs')
    .select([
      'worker',
      (eb) => eb.fn.max('heartbeat_at').as('last_heartbeat'),
      (eb) => eb.fn.countAll<string>().as('runs'),
    ])
    .where('status', '=', 'running')
    .where('worker', 'is not', null)
    .groupBy('worker')
    .having(
      (eb) => eb.fn.max('heartbeat_at'),
      '<',
      sql<Date>`now() - make_interval(secs => ${silentAfterSeconds})`,
    )
    .orderBy('last_heartbeat')
    .execute();
  return rows.map((r) => ({
    worker: r.worker ?? 'unknown',
    lastHeartbeat: new Date(r.last_heartbeat ?? 0),
    runs: Number(r.runs),
  }));
}

/** Schedules every failed run again (optionally of one stage). Returns how many. */
export async function retryFailed<N extends string>(
  queue: JobQueue<N>,
  db: Db,
  options: { stage?: N } = {},
): Promise<{ stage: N; scheduled: number }[]> {
  return retryFailedThrough(
    (stage, ids) => scheduleStage(queue, db, stage, ids),
    db,
    queue.registry.order,
    options,
  );
}

/**
 * retryFailed through any scheduler of stage runs: the HTTP API holds a scheduling function
 * rather than the queue itself (src/transcripts/rerun.ts StageScheduler).
 */
export async function retryFailedThrough<N extends string>(
  schedule: (stage: N, recordingIds: readonly string[]) => Promise<unknown>,
  db: Db,
  order: readonly N[],
  /** scope: only the runs of recordings in these collections (a desk user's); default every one. */
  options: { stage?: N; scope?: CollectionScope } = {},
): Promise<{ stage: N; scheduled: number }[]> {
  const stages = options.stage ? [options.stage] : order;
  const report: { stage: N; scheduled: number }[] = [];
  for (const stage of stages) {
    const rows = await db
      .selectFrom('stage_runs as s')
      .innerJoin('recordings as rec', 'rec.id', 's.recording_id')
      .select('s.recording_id')
      .where('s.stage', '=', stage)
      .where('s.status', '=', 'failed')
      .where(collectionCondition('rec.collection_id', options.scope ?? ALL_COLLECTIONS))
      .execute();
    const ids = [...new Set(rows.map((r) => r.recording_id))];
    if (ids.length > 0) await schedule(stage, ids);
    report.push({ stage, scheduled: ids.length });
  }
  return report;
}

export interface RedoReport {
  stage: string;
  scheduled: number;
  /** Recordings whose previous stage is not done yet: the stage cannot run on them. */
  waitingForPreviousStage: number;
}

/**
 * Backfills a stage: schedules it for every recording where it is missing or not done (pending
 * without a job, failed), or with force for every recording, redoing done work. Only recordings
 * whose previous stage is done qualify; runs a worker holds right now are left alone.
 */
export async function redoStage<N extends string>(
  queue: JobQueue<N>,
  db: Db,
  stage: N,
  options: { force?: boolean } = {},
): Promise<RedoReport> {
  const index = queue.registry.order.indexOf(stage);
  const previous = index > 0 ? queue.registry.order[index - 1] : undefined;
  const candidates = await sql<{ id: string; ready: boolean }>`
    SELECT rec.id,
      ${previousStageDone(previous)} AS ready
    FROM recordings rec
    LEFT JOIN stage_runs r ON r.recording_id = rec.id AND r.stage = ${stage}
    WHERE r.status IS NULL OR r.status <> 'running'
      ${options.force ? sql`` : sql`AND (r.status IS NULL OR r.status <> 'done')`}
    ORDER BY rec.created_at, rec.id`.execute(db);
  const ready = candidates.rows.filter((r) => r.ready).map((r) => r.id);
  const scheduled = await scheduleStage(queue, db, stage, ready, { force: options.force === true });
  return { stage, scheduled, waitingForPreviousStage: candidates.rows.length - ready.length };
}
