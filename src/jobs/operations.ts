import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { StageStatus } from '../db/schema.ts';
import type { JobQueue } from './queue.ts';
import type { StageRegistry } from './registry.ts';
import { scheduleStage } from './scheduling.ts';

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

export interface PipelineStatus {
  recordings: number;
  stages: StageCounts[];
  failures: StageFailure[];
}

const STATUSES: readonly StageStatus[] = ['pending', 'running', 'done', 'failed', 'waiting'];

/** Per-stage counts over all recordings, in pipeline order, plus every failed run with its reason. */
export async function getPipelineStatus(
  db: Db,
  registry: Pick<StageRegistry, 'order'>,
): Promise<PipelineStatus> {
  const total = await db
    .selectFrom('recordings')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const recordings = Number(total.n);
  const rows = await db
    .selectFrom('stage_runs')
    .select(['stage', 'status', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy(['stage', 'status'])
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
    .orderBy('r.stage')
    .orderBy('r.finished_at')
    .execute();
  return {
    recordings,
    stages,
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

/** Schedules every failed run again (optionally of one stage). Returns how many. */
export async function retryFailed<N extends string>(
  queue: JobQueue<N>,
  db: Db,
  options: { stage?: N } = {},
): Promise<{ stage: N; scheduled: number }[]> {
  const stages = options.stage ? [options.stage] : queue.registry.order;
  const report: { stage: N; scheduled: number }[] = [];
  for (const stage of stages) {
    const rows = await db
      .selectFrom('stage_runs')
      .select('recording_id')
      .where('stage', '=', stage)
      .where('status', '=', 'failed')
      .execute();
    const scheduled = await scheduleStage(
      queue,
      db,
      stage,
      rows.map((r) => r.recording_id),
    );
    report.push({ stage, scheduled });
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
      ${
        previous === undefined
          ? sql`true`
          : sql`EXISTS (SELECT 1 FROM stage_runs p
        WHERE p.recording_id = rec.id AND p.stage = ${previous} AND p.status = 'done')`
      } AS ready
    FROM recordings rec
    LEFT JOIN stage_runs r ON r.recording_id = rec.id AND r.stage = ${stage}
    WHERE r.status IS NULL OR r.status <> 'running'
      ${options.force ? sql`` : sql`AND (r.status IS NULL OR r.status <> 'done')`}
    ORDER BY rec.created_at, rec.id`.execute(db);
  const ready = candidates.rows.filter((r) => r.ready).map((r) => r.id);
  const scheduled = await scheduleStage(queue, db, stage, ready, { force: options.force === true });
  return { stage, scheduled, waitingForPreviousStage: candidates.rows.length - ready.length };
}
