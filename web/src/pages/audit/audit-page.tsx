import { useEffect, useState, type FormEvent } from 'react';
import {
  AUDIT_ACTIONS,
  getAuditLog,
  verifyAuditLog,
  type AuditEntry,
  type AuditFilters,
  type AuditVerification,
} from '../../api/audit.ts';
import { ErrorMessage } from '../../components/status.tsx';
import { useLoad } from '../../hooks.ts';
import { hrefFor, navigate, paramsObject } from '../../router.ts';
import './audit.css';

const PAGE_SIZE = 50;
const FILTER_KEYS = ['actor', 'action', 'target', 'from', 'to'] as const;

/** A 404 from the audit routes means "not an admin": said plainly rather than as a missing route. */
const NOT_ADMIN = /^No route for GET \/api\/audit/;

function filtersFrom(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of FILTER_KEYS) filters[key] = params.get(key) ?? undefined;
  return filters;
}

function Filters({ value, onApply }: { value: AuditFilters; onApply: (next: AuditFilters) => void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [JSON.stringify(value)]);
  const field = (key: (typeof FILTER_KEYS)[number]) => ({
    value: draft[key] ?? '',
    onChange: (e: { target: { value: string } }) =>
      setDraft({ ...draft, [key]: e.target.value || undefined }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="filter-bar" onSubmit={submit} aria-label="Audit filters">
      <label>
        User
        <input type="text" placeholder="any" {...field('actor')} data-testid="audit-actor" />
      </label>
      <label>
        Action
        <select {...field('action')} data-testid="audit-action">
          <option value="">any</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label>
        Target contains
        <input type="text" placeholder="recording id, query…" {...field('target')} />
      </label>
      <label>
        From
        <input type="date" {...field('from')} />
      </label>
      <label>
        To
        <input type="date" {...field('to')} />
      </label>
      <div className="filter-actions">
        <button type="button" onClick={() => onApply({})}>
          Clear
        </button>
        <button type="submit" className="primary">
          Apply
        </button>
      </div>
    </form>
  );
}

function ChainStatus({ result, onVerify }: { result: AuditVerification | null; onVerify: () => void }) {
  if (!result) return <p className="muted">Verifying the chain…</p>;
  return (
    <div className={result.ok ? 'notice audit-chain' : 'error-box audit-chain'} data-testid="audit-chain">
      {result.ok ? (
        <>Chain intact: {result.checked.toLocaleString('en')} entries, every hash and link checks out. </>
      ) : (
        <>
          <strong>Tampered ({result.problem?.kind}):</strong> {result.problem?.message}.{' '}
        </>
      )}
      <span className="mono small-print">
        Head: seq {result.head.seq} sha256 {result.head.hash}
      </span>{' '}
      <button type="button" onClick={onVerify}>
        Verify again
      </button>
      <div className="small-print">
        A cut-off tail is only seen against a head written down earlier:{' '}
        <code>earshot audit verify --head SEQ:SHA256</code>.
      </div>
    </div>
  );
}

function EntryRow({ entry }: { entry: AuditEntry }) {
  const isRecording = /^[0-9a-f-]{36}$/.test(entry.target ?? '');
  return (
    <tr data-testid="audit-entry">
      <td className="num mono">{entry.seq}</td>
      <td className="nowrap mono">{entry.occurredAt.replace('T', ' ').replace('Z', ' UTC')}</td>
      <td>{entry.actor ?? <span className="muted">no session</span>}</td>
      <td className="mono">{entry.address ?? '–'}</td>
      <td>{entry.action}</td>
      <td className="audit-target">
        {isRecording ? <a href={hrefFor(`call/${entry.target}`)}>{entry.target}</a> : (entry.target ?? '–')}
      </td>
      <td className="mono small-print audit-details">
        {Object.keys(entry.details).length > 0 ? JSON.stringify(entry.details) : ''}
      </td>
    </tr>
  );
}

export function AuditPage({ params }: { params: URLSearchParams }) {
  const filters = filtersFrom(params);
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const request = { ...filters, limit: PAGE_SIZE, offset };
  const { data, error, loading } = useLoad(JSON.stringify(request), (signal) => getAuditLog(request, signal));
  const verification = useLoad('verify', verifyAuditLog);
  const go = (changes: Record<string, string | number | undefined>) =>
    navigate('audit', { ...paramsObject(params), offset: undefined, ...changes });

  if (error && NOT_ADMIN.test(error)) {
    return <p className="empty">Only administrators can read the audit log.</p>;
  }
  const total = data?.total ?? 0;
  return (
    <section className="audit-page">
      <div className="page-head">
        <h1>Audit log</h1>
        <span className="muted" data-testid="audit-total">
          {data ? `${total.toLocaleString('en')} ${total === 1 ? 'entry' : 'entries'}` : ''}
        </span>
      </div>
      <ErrorMessage error={verification.error} />
      {verification.error ? null : <ChainStatus result={verification.data} onVerify={verification.reload} />}
      <Filters value={filters} onApply={(next) => navigate('audit', { ...next })} />
      <ErrorMessage error={error} />
      <div className={`table-wrap${loading ? ' loading' : ''}`}>
        <table className="audit-table">
          <thead>
            <tr>
              <th className="num">Seq</th>
              <th>When</th>
              <th>User</th>
              <th>From</th>
              <th>Action</th>
              <th>Target</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((entry) => (
              <EntryRow key={entry.seq} entry={entry} />
            ))}
          </tbody>
        </table>
        {data && data.items.length === 0 ? <p className="empty">No entries match.</p> : null}
      </div>
      {total > PAGE_SIZE ? (
        <div className="pager">
          <button
            disabled={offset === 0}
            onClick={() => go({ offset: Math.max(0, offset - PAGE_SIZE) || undefined })}
          >
            ← Newer
          </button>
          <span className="muted">
            {offset + 1}–{Math.min(offset + PAGE_SIZE, total)} of {total.toLocaleString('en')}
          </span>
          <button disabled={offset + PAGE_SIZE >= total} onClick={() => go({ offset: offset + PAGE_SIZE })}>
            Older →
          </button>
        </div>
      ) : null}
    </section>
  );
}
