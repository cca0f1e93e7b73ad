import { useState, type FormEvent } from 'react';
import { getCallGraph, getMonthlyTrends, getPlaceTrends, type TrendFilters } from '../../api/analysis.ts';
import { useCollections } from '../../components/filter-bar.tsx';
import { ErrorMessage } from '../../components/status.tsx';
import { useLoad } from '../../hooks.ts';
import { navigate } from '../../router.ts';
import { CallGraphChart } from './call-graph.tsx';
import { MonthlyCharts } from './monthly-charts.tsx';
import { PlacesMap } from './places-map.tsx';

export function TrendsPage({ params }: { params: URLSearchParams }) {
  const filters: TrendFilters = {
    collection: params.get('collection') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    verifiedOnly: params.get('verifiedOnly') === 'true' ? 'true' : undefined,
  };
  const key = JSON.stringify(filters);
  const monthly = useLoad(key, (signal) => getMonthlyTrends(filters, signal));
  const places = useLoad(key, (signal) => getPlaceTrends(filters, signal));
  const graph = useLoad(key, (signal) => getCallGraph(filters, signal));
  const [draft, setDraft] = useState(filters);
  // Picked from the collections that exist (as the Calls filters do): a typed name could match none.
  const collections = useCollections();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate('trends', { ...draft });
  };
  // A point of a verified-only chart opens as the list of its verified calls.
  const linkFilters = {
    collection: filters.collection,
    verification: filters.verifiedOnly ? 'verified' : undefined,
  };

  return (
    <section className="trends-page">
      <div className="page-head">
        <h1>Trends</h1>
        <form className="filter-bar compact" onSubmit={submit}>
          <label>
            Collection
            <select
              value={draft.collection ?? ''}
              onChange={(e) => setDraft({ ...draft, collection: e.target.value || undefined })}
              data-testid="trends-collection"
            >
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
            <input
              type="date"
              value={draft.from ?? ''}
              onChange={(e) => setDraft({ ...draft, from: e.target.value || undefined })}
            />
          </label>
          <label>
            To
            <input
              type="date"
              value={draft.to ?? ''}
              onChange={(e) => setDraft({ ...draft, to: e.target.value || undefined })}
            />
          </label>
          <label className="checkbox-label">
            <input
              type="checkbox"
              checked={draft.verifiedOnly === 'true'}
              onChange={(e) => setDraft({ ...draft, verifiedOnly: e.target.checked ? 'true' : undefined })}
            />
            Verified only
          </label>
          <div className="filter-actions">
            <button type="submit" className="primary">
              Apply
            </button>
          </div>
        </form>
      </div>
      <ErrorMessage error={monthly.error} />
      {monthly.data ? <MonthlyCharts trends={monthly.data} filters={linkFilters} /> : null}
      <div className="two-col">
        <div>
          <ErrorMessage error={places.error} />
          {places.data ? <PlacesMap places={places.data.places} filters={linkFilters} /> : null}
        </div>
        <div>
          <ErrorMessage error={graph.error} />
          {graph.data ? <CallGraphChart graph={graph.data} filters={linkFilters} /> : null}
        </div>
      </div>
    </section>
  );
}
