import type { PipelineEta } from '../../jobs/pipeline-eta.ts';
import type { PipelineStatus, StageFailure, StageWait } from '../../jobs/operations.ts';
import { groupByReason } from '../../jobs/status-report.ts';
import { toolWait } from '../../jobs/tool-waits.ts';
import { isoOrNull } from './dates.ts';

/** Calls listed per reason; the count covers the rest. */
const CALLS_PER_GROUP = 100;

const call = (item: StageFailure | StageWait) => ({
  id: item.recordingId,
  originalFilename: item.originalFilename,
});

/** What installs the model (or, for a program a stage waits for, the program). */
export function installCommand(model: string): string {
  return toolWait(model)?.command ?? `earshot models install ${model}`;
}

export function presentPipelineStatus(
  status: PipelineStatus,
  eta: PipelineEta,
  options: { canRetry: boolean; lastFinishedAt: Date | null },
) {
  return {
    recordings: status.recordings,
    active: status.stages.some((s) => s.pending + s.running > 0),
    stages: status.stages.map((s) => ({
      stage: s.stage,
      done: s.done,
      running: s.running,
      pending: s.pending,
      waiting: s.waiting,
      failed: s.failed,
      missing: s.missing,
    })),
    failures: groupByReason(status.failures, (f) => f.error).map((g) => ({
      stage: g.stage,
      reason: g.reason,
      count: g.items.length,
      calls: g.items.slice(0, CALLS_PER_GROUP).map(call),
    })),
    waits: groupByReason(status.waits, (w) => w.model).map((g) => ({
      stage: g.stage,
      model: g.reason,
      command: installCommand(g.reason),
      count: g.items.length,
      calls: g.items.slice(0, CALLS_PER_GROUP).map(call),
    })),
    silentWorkers: status.silentWorkers.map((w) => ({
      worker: w.worker,
      lastHeartbeat: w.lastHeartbeat.toISOString(),
      runs: w.runs,
    })),
    eta,
    canRetry: options.canRetry,
    lastFinishedAt: isoOrNull(options.lastFinishedAt),
  };
}
