import type { PipelineStatus } from '../../api/pipeline.ts';
import { formatEta } from '../../format.ts';
import { hrefFor } from '../../router.ts';

/** How often the desk asks for progress while anything is pending or running. */
export const PIPELINE_POLL_MS = 3000;

export const pipelineBusy = (status: PipelineStatus): boolean => status.active;

/** One line of pipeline progress for other pages' heads, linking to the status view. */
export function PipelineSummary({ status }: { status: PipelineStatus | null }) {
  if (!status || status.recordings === 0) return null;
  const sum = (key: 'running' | 'pending' | 'failed' | 'waiting') =>
    status.stages.reduce((n, s) => n + s[key], 0);
  const failed = sum('failed');
  const waiting = sum('waiting');
  const parts: string[] = [];
  if (status.active) {
    parts.push(`${sum('running')} running, ${sum('pending')} pending`);
    const eta = status.eta;
    parts.push(
      eta.seconds === null
        ? 'no estimate yet'
        : `${eta.lowerBound ? 'at least ' : ''}${formatEta(eta.seconds)}`,
    );
  } else parts.push('idle');
  return (
    <a className="pipeline-summary" href={hrefFor('pipeline')} data-testid="pipeline-summary">
      <span className={status.active ? 'pulse-dot' : 'idle-dot'} aria-hidden="true" />
      Pipeline: {parts.join(' · ')}
      {waiting > 0 ? <span className="summary-waiting"> · {waiting} waiting for a model</span> : null}
      {failed > 0 ? <span className="summary-failed"> · {failed} failed</span> : null}
    </a>
  );
}
