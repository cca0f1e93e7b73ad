import type { Db } from '../db/database.ts';
import type { JobQueue } from './queue.ts';
import { markPending } from './stage-runs.ts';

/**
 * Schedules one stage for some recordings: their runs become 'pending', then jobs are queued.
 * In that order, so a worker that finishes quickly is never overwritten back to pending.
 */
export async function scheduleStage<N extends string>(
  queue: JobQueue<N>,
  db: Db,
  stage: N,
  recordingIds: readonly string[],
  options: { force?: boolean } = {},
): Promise<number> {
  const unique = [...new Set(recordingIds)];
  await markPending(db, stage, unique);
  await queue.enqueue(
    stage,
    unique.map((recordingId) => ({ recordingId, ...(options.force ? { force: true } : {}) })),
  );
  return unique.length;
}

/** Puts new recordings on the pipeline: schedules the first stage; each stage then queues the next. */
export async function schedulePipeline<N extends string>(
  queue: JobQueue<N>,
  db: Db,
  recordingIds: readonly string[],
): Promise<number> {
  const first = queue.registry.order[0];
  if (first === undefined || recordingIds.length === 0) return 0;
  return scheduleStage(queue, db, first, recordingIds);
}
