import type { StageRun } from '../../db/schema.ts';
import { iso, isoOrNull } from './dates.ts';

export function presentStageRun(run: StageRun) {
  return {
    stage: run.stage,
    status: run.status,
    attempts: run.attempts,
    error: run.error,
    waitingForModel: run.waiting_for_model,
    startedAt: isoOrNull(run.started_at),
    finishedAt: isoOrNull(run.finished_at),
    updatedAt: iso(run.updated_at),
  };
}
