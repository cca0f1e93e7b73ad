import { useState } from 'react';
import { errorText } from '../../api/http.ts';
import {
  getPipelineStatus,
  retryFailed,
  type FailureGroup,
  type PipelineStatus,
  type RetryRequest,
  type StageCounts,
  type WaitGroup,
} from '../../api/pipeline.ts';
import { ErrorMessage, isProgramWait } from '../../components/status.tsx';
import { formatDateTime, formatEta } from '../../format.ts';
import { usePolling } from '../../hooks.ts';
import { hrefFor } from '../../router.ts';
import { PIPELINE_POLL_MS, pipelineBusy } from './pipeline-summary.tsx';
import './pipeline.css';

const COLUMNS = [
  { key: 'done', label: 'Done' },
  { key: 'running', label: 'Running' },
  { key: 'pending', label: 'Pending' },
  { key: 'waiting', label: 'Waiting' },
  { key: 'failed', label: 'Failed' },
  { key: 'missing', label: 'Not reached' },
] as const;

function StageRow({ counts, total }: { counts: StageCounts; total: number }) {
  const share = (n: number) => (total > 0 ? `${(100 * n) / total}%` : '0%');
  return (
    <tr data-testid="pipeline-stage" data-stage={counts.stage}>
      <th scope="row">{counts.stage}</th>
      <td className="bar-cell">
        <span
          className="stage-bar"
          role="img"
          aria-label={`${counts.stage}: ${counts.done} of ${total} done`}
        >
          <span className="seg seg-done" style={{ width: share(counts.done) }} />
          <span className="seg seg-running" style={{ width: share(counts.running) }} />
          <span className="seg seg-pending" style={{ width: share(counts.pending) }} />
          <span className="seg seg-waiting" style={{ width: share(counts.waiting) }} />
          <span className="seg seg-failed" style={{ width: share(counts.failed) }} />
        </span>
      </td>
      {COLUMNS.map((c) => (
        <td
          key={c.key}
          className={`num count-${c.key}${counts[c.key] > 0 ? ' nonzero' : ''}`}
          data-count={c.key}
        >
          {counts[c.key].toLocaleString('en')}
        </td>
      ))}
    </tr>
  );
}

function CallList({ calls, count }: { calls: { id: string; originalFilename: string }[]; count: number }) {
  return (
    <details className="reason-calls">
      <summary>
        {count === 1 ? 'Show the call' : `Show ${count.toLocaleString('en')} calls`}
        {calls.length < count ? ` (first ${calls.length})` : ''}
      </summary>
      <ul>
        {calls.map((c) => (
          <li key={c.id}>
            <a href={hrefFor(`call/${c.id}`)}>{c.originalFilename}</a>
          </li>
        ))}
      </ul>
    </details>
  );
}

function WaitItem({ wait }: { wait: WaitGroup }) {
  return (
    <li className="reason-group wait-group" data-testid="wait-group">
      <div className="reason-head">
        <span className="stage-name">{wait.stage}</span>
        <span>
          waiting for {isProgramWait(wait.model) ? '' : 'model '}
          <strong>{wait.model}</strong>
        </span>
        <span className="reason-count">
          {wait.count.toLocaleString('en')} call{wait.count === 1 ? '' : 's'}
        </span>
      </div>
      <p className="small-print">
        Install it and these runs go on by themselves: <code className="command">{wait.command}</code>
      </p>
      <CallList calls={wait.calls} count={wait.count} />
    </li>
  );
}

function FailureItem({
  failure,
  onRetry,
  retryDisabled,
}: {
  failure: FailureGroup;
  onRetry: () => void;
  retryDisabled: boolean;
}) {
  return (
    <li className="reason-group failure-group" data-testid="failure-group">
      <div className="reason-head">
        <span className="stage-name">{failure.stage}</span>
        <span className="reason-text">{failure.reason}</span>
        <span className="reason-count">
          {failure.count.toLocaleString('en')} call{failure.count === 1 ? '' : 's'}
        </span>
      </div>
      <div className="reason-actions">
        <CallList calls={failure.calls} count={failure.count} />
        <button className="small" onClick={onRetry} disabled={retryDisabled}>
          Retry failed {failure.stage} runs
        </button>
      </div>
    </li>
  );
}

/** Workers killed or lost while holding runs (as `earshot status` names them). */
function SilentWorkers({ workers }: { workers: PipelineStatus['silentWorkers'] }) {
  if (workers.length === 0) return null;
  return (
    <section className="reasons-section" data-testid="silent-workers">
      <h2 className="warn">Silent workers</h2>
      <ul className="reason-list">
        {workers.map((w) => (
          <li key={w.worker} className="reason-group" data-testid="silent-worker">
            <div className="reason-head">
              <span className="stage-name">{w.worker}</span>
              <span className="reason-text">
                silent since {formatDateTime(w.lastHeartbeat)} (killed or lost?)
              </span>
              <span className="reason-count">
                {w.runs.toLocaleString('en')} running run{w.runs === 1 ? '' : 's'}
              </span>
            </div>
            <p className="small-print">
              Another worker takes its runs over within two minutes; with none running, start one:{' '}
              <code className="command">earshot worker</code>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Eta({ status }: { status: PipelineStatus }) {
  const { eta } = status;
  const headline = !status.active
    ? 'Nothing is pending or running.'
    : eta.seconds === null
      ? 'No estimate yet.'
      : `${eta.lowerBound ? 'At least ' : ''}${formatEta(eta.seconds)}.`.replace(/^a/, 'A');
  return (
    <div className="eta panel" data-testid="pipeline-eta">
      <strong>{headline}</strong>
      {status.active ? <span> {eta.remainingRuns.toLocaleString('en')} stage runs to do.</span> : null}
      {status.active ? <div className="small-print muted">{eta.basis}</div> : null}
    </div>
  );
}

export function PipelinePage() {
  const { data, error, poll } = usePolling(getPipelineStatus, pipelineBusy, PIPELINE_POLL_MS);
  const [retrying, setRetrying] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [retryError, setRetryError] = useState<string | null>(null);

  const retry = (request: RetryRequest) => {
    setRetrying(true);
    setRetryError(null);
    retryFailed(request).then(
      (result) => {
        setNotice(`Scheduled ${result.scheduled} failed run${result.scheduled === 1 ? '' : 's'} again.`);
        setRetrying(false);
        poll();
      },
      (e: unknown) => {
        setRetryError(errorText(e));
        setRetrying(false);
      },
    );
  };

  const failedTotal = data?.stages.reduce((n, s) => n + s.failed, 0) ?? 0;
  const retryTitle =
    data && !data.canRetry ? 'This server runs no job queue: use `earshot retry --failed`' : undefined;
  return (
    <section className="pipeline-page">
      <div className="page-head">
        <h1>Pipeline</h1>
        <span className="muted" data-testid="pipeline-total">
          {data ? `${data.recordings.toLocaleString('en')} calls` : ''}
        </span>
        <div className="spacer" />
        <span className="muted small-print" aria-live="polite">
          {data ? (data.active ? 'Updating every few seconds' : 'Idle') : ''}
        </span>
        <button
          className="primary"
          disabled={!data?.canRetry || failedTotal === 0 || retrying}
          title={retryTitle}
          onClick={() => retry({})}
          data-testid="retry-all"
        >
          Retry all failed{failedTotal > 0 ? ` (${failedTotal})` : ''}
        </button>
      </div>
      <ErrorMessage error={error ?? retryError} />
      {notice ? (
        <div className="notice" role="status">
          {notice}
        </div>
      ) : null}
      {data ? (
        <>
          <Eta status={data} />
          <SilentWorkers workers={data.silentWorkers} />
          <div className="table-wrap">
            <table className="pipeline-table">
              <thead>
                <tr>
                  <th scope="col">Stage</th>
                  <th scope="col" className="bar-cell">
                    Progress
                  </th>
                  {COLUMNS.map((c) => (
                    <th key={c.key} scope="col" className="num">
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.stages.map((s) => (
                  <StageRow key={s.stage} counts={s} total={data.recordings} />
                ))}
              </tbody>
            </table>
          </div>
          {data.lastFinishedAt ? (
            <p className="small-print muted">
              Last stage run finished {formatDateTime(data.lastFinishedAt)}.
            </p>
          ) : null}
          {data.waits.length > 0 ? (
            <section className="reasons-section">
              <h2>Waiting for models</h2>
              <ul className="reason-list">
                {data.waits.map((w) => (
                  <WaitItem key={`${w.stage} ${w.model}`} wait={w} />
                ))}
              </ul>
            </section>
          ) : null}
          {data.failures.length > 0 ? (
            <section className="reasons-section">
              <h2>Failures</h2>
              <ul className="reason-list">
                {data.failures.map((f) => (
                  <FailureItem
                    key={`${f.stage} ${f.reason}`}
                    failure={f}
                    retryDisabled={!data.canRetry || retrying}
                    onRetry={() => retry({ stage: f.stage as NonNullable<RetryRequest['stage']> })}
                  />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
