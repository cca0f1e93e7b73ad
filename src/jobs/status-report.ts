import { DEMO_MODEL_LABEL } from '../models/model-profile.ts';
import type { StoreVerification } from '../ingest/store-verification.ts';
import type { QuarantinedFile } from '../ingest/store-quarantine.ts';
import type { PipelineStatus } from './operations.ts';
import type { PipelineEvent } from './workers.ts';
import { toolWait } from './tool-waits.ts';

const COLUMNS = ['pending', 'running', 'waiting', 'done', 'failed', 'missing'] as const;

/** `earshot status` as a table: one row per stage in pipeline order, then failures with reasons. */
export function formatStatusTable(status: PipelineStatus): string {
  const width = Math.max(5, ...status.stages.map((s) => s.stage.length));
  const lines = [`Recordings: ${status.recordings}`, ''];
  lines.push(['stage'.padEnd(width), ...COLUMNS.map((c) => c.padStart(8))].join('  '));
  for (const s of status.stages) {
    lines.push([s.stage.padEnd(width), ...COLUMNS.map((c) => String(s[c]).padStart(8))].join('  '));
  }
  for (const silent of status.silentWorkers) {
    lines.push(
      '',
      `${silent.runs} running run${silent.runs === 1 ? '' : 's'}: worker ${silent.worker} silent since ` +
        `${silent.lastHeartbeat.toISOString()} (killed or lost?); another worker ` +
        'takes them over within two minutes; with none running, start one: `earshot worker`',
    );
  }
  if (status.waits.length > 0) {
    lines.push('', 'Waiting for models (they run by themselves once the model is installed):');
    for (const group of groupByReason(status.waits, (w) => w.model)) {
      const n = group.items.length;
      const tool = toolWait(group.reason);
      lines.push(
        tool
          ? `  ${group.stage}: ${n} recording${n === 1 ? '' : 's'} waiting for ${group.reason} — ${tool.fix}`
          : `  ${group.stage}: ${n} recording${n === 1 ? '' : 's'} waiting for model ${group.reason}` +
              ` — install it with \`earshot models install ${group.reason}\``,
      );
    }
  }
  if (status.demoRecordings > 0) {
    lines.push('', `${status.demoRecordings} recordings of the demo collection: ${DEMO_MODEL_LABEL}.`);
  }
  if (status.failures.length > 0) {
    lines.push('', `Failures (${status.failures.length}); retry with \`earshot retry --failed\`:`);
    for (const f of status.failures) {
      lines.push(
        `  ${f.stage}  ${printable(f.originalFilename)}  recording ${f.recordingId}  ` +
          `attempts ${f.attempts}: ${printable(f.error)}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

/** What `earshot status` says about the last `earshot verify-store`. */
export function formatStoreVerificationLine(v: StoreVerification | undefined): string {
  if (!v) return '\nStore: never verified; `earshot verify-store` hashes every stored file again.\n';
  const scope = v.collection ? ` (collection "${v.collection}")` : '';
  const result = v.ok
    ? `every file matched (${v.originalsChecked} originals, ${v.derivedChecked} working copies)`
    : `${v.problems.length} files changed, missing or quarantined: \`earshot verify-store\` names them`;
  return `\nStore last verified ${v.finishedAt.toISOString()}${scope}: ${result}.\n`;
}

/** One line per file quarantined and not restored: the desk and API refuse it until then. */
export function formatQuarantineLines(files: readonly QuarantinedFile[]): string {
  if (files.length === 0) return '';
  const lines = files.map(
    (q) =>
      `  ${q.kind} of recording ${q.recordingId}, quarantined ${q.quarantinedAt.toISOString()}, kept in ${q.quarantinePath}`,
  );
  return (
    `Quarantined (bytes did not match; not served until restored with \`earshot restore-original\`, ` +
    `or \`earshot redo decode --force\` for a working copy):\n${lines.join('\n')}\n`
  );
}

/** One line of progress for long waits: per stage done/total and what is left. */
export function formatProgressLine(status: PipelineStatus): string {
  return status.stages
    .map(
      (s) =>
        `${s.stage} ${s.done}/${status.recordings} done, ${s.running} running, ${s.pending} pending, ` +
        `${s.failed} failed${s.waiting > 0 ? `, ${s.waiting} waiting for a model` : ''}`,
    )
    .join(' | ');
}

export function formatPipelineEvent(event: PipelineEvent): string {
  switch (event.type) {
    case 'started':
      return `${event.stage} started ${event.recordingId} (attempt ${event.attempt})`;
    case 'done':
      return `${event.stage} done ${event.recordingId} in ${(event.ms / 1000).toFixed(1)} s`;
    case 'skipped':
      return `${event.stage} skipped ${event.recordingId}: ${event.reason}`;
    case 'retrying':
      return `${event.stage} will retry ${event.recordingId}: ${printable(event.error)}`;
    case 'failed':
      return `${event.stage} failed ${event.recordingId}: ${printable(event.error)}`;
    case 'waiting':
      return `${event.stage} waits for model ${event.model} (${event.recordingId}): install it with \`earshot models install ${event.model}\``;
  }
}

// File names and tool messages can hold control characters; keep the terminal output one line each.
function printable(text: string): string {
  return text.replace(/[\p{Cc}]/gu, ' ');
}

/** Runs of one stage that share a reason (a failure's error, the model a run waits for). */
export interface ReasonGroup<T> {
  stage: string;
  reason: string;
  items: T[];
}

/**
 * The same reason for many calls (a missing model, an undecodable codec) is one group with its
 * calls, not one line per call; groups in pipeline order of the input, largest first within a stage.
 */
export function groupByReason<T extends { stage: string }>(
  items: readonly T[],
  reasonOf: (item: T) => string,
): ReasonGroup<T>[] {
  const groups = new Map<string, ReasonGroup<T>>();
  for (const item of items) {
    const reason = reasonOf(item);
    const key = `${item.stage}\u0000${reason}`;
    const group = groups.get(key) ?? { stage: item.stage, reason, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  const stageRank = [...new Set(items.map((i) => i.stage))];
  return [...groups.values()].sort(
    (a, b) => stageRank.indexOf(a.stage) - stageRank.indexOf(b.stage) || b.items.length - a.items.length,
  );
}
