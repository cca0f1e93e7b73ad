import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { STATUS_LABELS, VERIFICATION_STATUSES } from '../api/case-file.ts';
import { CATEGORIES, categoryLabel } from '../api/categories.ts';
import { listCollections, type CallFilters, type Collection } from '../api/recordings.ts';
import { useLoad } from '../hooks.ts';

export const FILTER_KEYS = [
  'collection',
  'from',
  'to',
  'category',
  'place',
  'person',
  'phone',
  'verification',
  'starred',
] as const;
/** Filters set by the bar's status fields or by links from other pages (triage, the call graph). */
export const MORE_FILTER_KEYS = [
  'stage',
  'status',
  'minTriage',
  'undated',
  'caller',
  'callee',
  'tag',
] as const;

/**
 * The collections to pick from with their call counts, read each time the bar is shown, so that a
 * collection ingested since appears. If they cannot be read, only "All" is offered.
 */
export function useCollections(): Collection[] {
  return useLoad('collections', (signal) => listCollections(signal)).data?.items ?? [];
}

/**
 * The filters of the Calls and Search pages. Edits stay local until "Apply" so that typing a phone
 * number does not fire a request per key; the applied values live in the page's URL.
 */
export function FilterBar({
  value,
  onApply,
  withStatus = false,
  children,
}: {
  value: CallFilters;
  onApply: (filters: CallFilters) => void;
  withStatus?: boolean;
  children?: ReactNode;
}) {
  const collections = useCollections();
  const [draft, setDraft] = useState<CallFilters>(value);
  const valueKey = JSON.stringify(value);
  useEffect(() => setDraft(JSON.parse(valueKey) as CallFilters), [valueKey]);

  const set = (key: keyof CallFilters) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: event.target.value || undefined }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const clear = () => {
    setDraft({});
    onApply({});
  };

  return (
    <form className="filter-bar" onSubmit={submit} data-testid="filters">
      {children}
      <label>
        Collection
        <select value={draft.collection ?? ''} onChange={set('collection')}>
          <option value="">All</option>
          {collections.map((c) => (
            <option key={c.id} value={c.name}>
              {c.name} ({c.recordingCount})
            </option>
          ))}
        </select>
      </label>
      <label>
        From
        <input type="date" value={draft.from ?? ''} onChange={set('from')} />
      </label>
      <label>
        To
        <input type="date" value={draft.to ?? ''} onChange={set('to')} />
      </label>
      <label>
        Category
        <select value={draft.category ?? ''} onChange={set('category')}>
          <option value="">Any</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Place
        <input placeholder="Bakhmut" value={draft.place ?? ''} onChange={set('place')} size={12} />
      </label>
      <label>
        Person
        <input placeholder="Sokolov" value={draft.person ?? ''} onChange={set('person')} size={12} />
      </label>
      <label>
        Phone
        <input placeholder="+7916…" value={draft.phone ?? ''} onChange={set('phone')} size={14} />
      </label>
      <label>
        Verification
        <select value={draft.verification ?? ''} onChange={set('verification')}>
          <option value="">Any</option>
          {VERIFICATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label
        className="checkbox-label"
        title="Only the calls you starred (the call or one of its segments); your stars are yours only"
      >
        <input
          type="checkbox"
          checked={draft.starred === 'true'}
          onChange={(event) => {
            // A switch, not a field to type in: it applies at once, with whatever else was edited.
            const next = { ...draft, starred: event.target.checked ? 'true' : undefined };
            setDraft(next);
            onApply(next);
          }}
          data-testid="starred-only"
        />
        Starred only
      </label>
      {withStatus ? (
        <>
          <label>
            Stage
            <select value={draft.stage ?? ''} onChange={set('stage')}>
              <option value="">Any</option>
              {['decode', 'fingerprint', 'vad', 'transcribe', 'translate', 'analyse'].map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          <label>
            Status
            <select value={draft.status ?? ''} onChange={set('status')}>
              <option value="">Any</option>
              {['pending', 'running', 'waiting', 'done', 'failed'].map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
        </>
      ) : null}
      <div className="filter-actions">
        <button type="submit" className="primary">
          Apply
        </button>
        <button type="button" onClick={clear}>
          Clear
        </button>
      </div>
    </form>
  );
}

/** The filter values present in a route's parameters. */
export function filtersFromParams(params: URLSearchParams, extra: readonly string[] = []): CallFilters {
  const filters: Record<string, string> = {};
  for (const key of [...FILTER_KEYS, ...extra]) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}
