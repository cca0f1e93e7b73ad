import { useEffect, useRef } from 'react';
import { getPipelineStatus } from '../../api/pipeline.ts';
import { STATUS_LABELS } from '../../api/case-file.ts';
import { listRecordings, type CallFilters, type RecordingSummary } from '../../api/recordings.ts';
import { DemoModelsNotice } from '../../components/machine-badge.tsx';
import { FilterBar, filtersFromParams, MORE_FILTER_KEYS } from '../../components/filter-bar.tsx';
import { flagSummary } from '../../api/flag-summary.ts';
import { CategoryFlag, ErrorMessage, StageDots } from '../../components/status.tsx';
import { formatClock, formatDateTime } from '../../format.ts';
import { useLoad, usePolling } from '../../hooks.ts';
import { hrefFor, navigate, paramsObject } from '../../router.ts';
import { RegisterLink } from '../register/register-link.tsx';
import { ExportButton } from '../call/export-button.tsx';
import { PIPELINE_POLL_MS, pipelineBusy, PipelineSummary } from '../pipeline/pipeline-summary.tsx';
import { NumberLink } from '../numbers/number-link.tsx';
import { mayExportCsv, csvHref } from '../../api/triage.ts';
import { BulkBar } from '../triage/bulk-bar.tsx';
import { CallTriageCell, SelectAllCell, SelectCell, TagFilterNotice } from '../triage/call-row-triage.tsx';
import { useCallsTriage, type CallsTriage } from '../triage/use-calls-triage.ts';
import { useSessionInfo } from '../triage/use-session-role.ts';

const PAGE_SIZE = 50;
type Sort = 'call_started_at' | 'triage';

function Casualties({ item }: { item: RecordingSummary }) {
  const c = item.analysis?.casualties;
  if (!c || (c.killed === null && c.wounded === null && c.missing === null))
    return <span className="muted">–</span>;
  return (
    <span className="casualties" title="Counts stated in the call (machine-read)">
      {c.killed !== null ? <span className="cas-killed">{c.killed} KIA</span> : null}
      {c.wounded !== null ? <span className="cas-wounded">{c.wounded} WIA</span> : null}
      {c.missing !== null ? <span className="cas-missing">{c.missing} MIA</span> : null}
    </span>
  );
}

/** Recogniser languages, e.g. "ru · uk"; a mixed call is worth seeing at a glance. */
function Languages({ languages }: { languages: readonly string[] }) {
  if (languages.length === 0)
    return (
      <td className="muted" data-testid="call-languages">
        –
      </td>
    );
  return (
    <td
      className="nowrap mono"
      data-testid="call-languages"
      title={`Languages of the latest transcript (machine-detected): ${languages.join(', ')}`}
    >
      {languages.slice(0, 2).join(' · ')}
      {languages.length > 2 ? <span className="muted"> +{languages.length - 2}</span> : null}
    </td>
  );
}

function CallRow({ item, triage }: { item: RecordingSummary; triage: CallsTriage }) {
  const analysis = item.analysis;
  // One flag per category: from words when the lexicon found it, else (dashed) from meaning.
  const flags = analysis ? flagSummary(analysis.counts, analysis.meaningCounts) : [];
  return (
    <tr data-testid="call-row" onClick={() => navigate(`call/${item.id}`)}>
      <SelectCell item={item} triage={triage} />
      <td className="nowrap">
        <a href={hrefFor(`call/${item.id}`)} onClick={(e) => e.stopPropagation()}>
          {formatDateTime(item.call.startedAt)}
        </a>
        <div className="sub">{item.originalFilename}</div>
        <CallTriageCell item={item} triage={triage} />
      </td>
      <td className="nowrap mono">
        <NumberLink number={item.call.callerNumber} raw={item.call.callerRaw} />
        <div className="sub mono">
          → <NumberLink number={item.call.calleeNumber} raw={item.call.calleeRaw} />
        </div>
      </td>
      <td className="num">{formatClock(item.call.durationSeconds ?? item.probe.durationSeconds ?? NaN)}</td>
      <td className="num" title="Speaker lanes in the latest transcript">
        {item.lanes ? item.lanes : '–'}
      </td>
      <Languages languages={item.languages ?? []} />
      <td>
        {item.collection.name}
        {item.collection.demoModels ? (
          <span
            className="demo-models-tag"
            title="Transcribed and translated by demo models: synthetic voices only"
          >
            demo models
          </span>
        ) : null}
      </td>
      <td>
        <StageDots stages={item.stages} />
      </td>
      <td data-testid="call-verification">
        <span className={`verification-badge status-${item.verificationStatus}`}>
          {STATUS_LABELS[item.verificationStatus]}
        </span>
      </td>
      <td>
        <div className="flags-cell">
          {flags
            .slice(0, 4)
            .map(({ category, words, meaning }) =>
              words > 0 ? (
                <CategoryFlag key={category} category={category} count={words} />
              ) : (
                <CategoryFlag key={category} category={category} count={meaning} source="meaning" compact />
              ),
            )}
          {flags.length > 4 ? <span className="muted"> +{flags.length - 4}</span> : null}
        </div>
      </td>
      <td>
        <Casualties item={item} />
      </td>
      <td className="num triage-cell">
        {analysis ? (
          <span
            className="triage"
            style={{ ['--score' as string]: analysis.triageScore }}
            data-low={analysis.triageScore < 35 ? 'true' : undefined}
          >
            {Math.round(analysis.triageScore)}
          </span>
        ) : (
          <span className="muted">–</span>
        )}
      </td>
    </tr>
  );
}

export function CallsPage({ params }: { params: URLSearchParams }) {
  const filters = filtersFromParams(params, MORE_FILTER_KEYS);
  const sort: Sort = params.get('sort') === 'triage' ? 'triage' : 'call_started_at';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const request = { ...filters, sort, order: 'desc' as const, limit: PAGE_SIZE, offset };
  const { data, error, loading, refresh } = useLoad(JSON.stringify(request), (signal) =>
    listRecordings(request, signal),
  );
  // While the pipeline works, the list is read again each time a stage run finishes.
  const pipeline = usePolling(getPipelineStatus, pipelineBusy, PIPELINE_POLL_MS);
  const lastFinished = useRef<string | null | undefined>(undefined);
  const finishedAt = pipeline.data?.lastFinishedAt;
  useEffect(() => {
    if (finishedAt === undefined) return;
    if (lastFinished.current !== undefined && lastFinished.current !== finishedAt) refresh();
    lastFinished.current = finishedAt;
  }, [finishedAt]);

  const go = (changes: Record<string, string | number | undefined>) =>
    navigate('calls', { ...paramsObject(params), ...changes });
  const apply = (next: CallFilters) =>
    navigate('calls', { ...next, sort: sort === 'triage' ? 'triage' : undefined });

  const session = useSessionInfo();
  const triage = useCallsTriage(data?.items.map((item) => item.id) ?? []);
  const total = data?.total ?? 0;
  return (
    <section className="calls-page">
      <div className="page-head">
        <h1>Calls</h1>
        <span className="muted" data-testid="calls-total">
          {data ? `${total.toLocaleString('en')} matching` : ''}
        </span>
        <PipelineSummary status={pipeline.data} />
        <div className="spacer" />
        <label className="inline">
          Sort by
          <select
            value={sort}
            onChange={(e) =>
              go({ sort: e.target.value === 'triage' ? 'triage' : undefined, offset: undefined })
            }
          >
            <option value="call_started_at">Call time (newest first)</option>
            <option value="triage">Triage score (highest first)</option>
          </select>
        </label>
      </div>
      <FilterBar value={filters} onApply={apply} withStatus />
      <TagFilterNotice tag={filters.tag} />
      {session && mayExportCsv(session) ? (
        <a className="csv-link" href={csvHref('calls', request)} download data-testid="calls-csv">
          Download these calls as CSV
        </a>
      ) : null}
      <BulkBar
        session={session}
        selected={triage.selected}
        tagSuggestions={triage.suggestions}
        onDone={triage.refresh}
        onClear={triage.clear}
      />
      {filters.collection ? (
        <ExportButton
          scope={{ collection: filters.collection }}
          what={`every call of the collection "${filters.collection}" (other filters do not apply)`}
        />
      ) : null}
      {filters.collection ? <RegisterLink collectionName={filters.collection} /> : null}
      {data?.items.some((item) => item.collection.demoModels) ? <DemoModelsNotice scope="list" /> : null}
      <ErrorMessage error={error} />
      <div className={`table-wrap${loading ? ' loading' : ''}`}>
        <table className="calls-table">
          <colgroup>
            <col style={{ width: '2.5rem' }} />
            <col style={{ width: '13rem' }} />
            <col style={{ width: '11rem' }} />
            <col style={{ width: '5rem' }} />
            <col style={{ width: '4rem' }} />
            <col style={{ width: '5.5rem' }} />
            <col style={{ width: '9rem' }} />
            <col style={{ width: '7rem' }} />
            <col />
            <col style={{ width: '9rem' }} />
            <col style={{ width: '4.5rem' }} />
          </colgroup>
          <thead>
            <tr>
              <SelectAllCell triage={triage} />
              <th>Call (UTC)</th>
              <th>Caller → callee</th>
              <th className="num">Length</th>
              <th className="num">Lanes</th>
              <th title="Languages of the latest transcript">Lang</th>
              <th>Collection</th>
              <th>Stages</th>
              <th>Verification</th>
              <th>Flags</th>
              <th>Casualties</th>
              <th className="num">Triage</th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((item) => (
              <CallRow key={item.id} item={item} triage={triage} />
            ))}
            {data && data.items.length === 0 ? (
              <tr>
                <td colSpan={12} className="empty">
                  No calls match these filters.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <div className="pager">
        <button
          disabled={offset === 0}
          onClick={() => go({ offset: Math.max(0, offset - PAGE_SIZE) || undefined })}
        >
          ← Previous
        </button>
        <span className="muted">
          {total > 0
            ? `${offset + 1}–${Math.min(offset + PAGE_SIZE, total)} of ${total.toLocaleString('en')}`
            : ''}
        </span>
        <button disabled={offset + PAGE_SIZE >= total} onClick={() => go({ offset: offset + PAGE_SIZE })}>
          Next →
        </button>
      </div>
    </section>
  );
}
