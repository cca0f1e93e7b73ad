import { useEffect, useState, type FormEvent } from 'react';
import type { CallFilters } from '../api/recordings.ts';
import { search, type SearchHit } from '../api/search.ts';
import { FilterBar, filtersFromParams, MORE_FILTER_KEYS } from '../components/filter-bar.tsx';
import { ErrorMessage } from '../components/status.tsx';
import { formatClock, formatDateTime } from '../format.ts';
import { laneColorIndex, laneLabel } from '../lanes.ts';
import { useLoad } from '../hooks.ts';
import { hrefFor, navigate, paramsObject } from '../router.ts';
import { BatchSearchPanel } from './triage/batch-search-panel.tsx';
import { SearchTools } from './triage/search-tools.tsx';

const PAGE_SIZE = 25;
type Lang = 'all' | 'ru' | 'en';

function Hit({ hit }: { hit: SearchHit }) {
  const href = hrefFor(`call/${hit.recordingId}`, { t: hit.start.toFixed(2), segment: hit.segmentId });
  return (
    <li className="hit" data-testid="search-hit">
      <a href={href} className="hit-link" data-start={hit.start.toFixed(2)}>
        <div className="hit-meta">
          <span className="mono">{formatClock(hit.start, true)}</span>
          <span className={`lane-tag lane-${laneColorIndex(hit.lane)}`}>{laneLabel(hit)}</span>
          <span className={hit.source === 'translation' ? 'source-tag en' : 'source-tag ru'}>
            {hit.source === 'translation' ? 'EN translation' : 'RU transcript'}
          </span>
          <span className="muted">
            {formatDateTime(hit.recording.callStartedAt)} · {hit.recording.callerNumber ?? '?'} →{' '}
            {hit.recording.calleeNumber ?? '?'} · {hit.recording.collection.name}
          </span>
          <span className="muted">v{hit.transcriptVersion}</span>
        </div>
        <div className="kwic" lang={hit.source === 'translation' ? 'en' : 'ru'}>
          {hit.snippet.map((part, i) =>
            part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
          )}
        </div>
      </a>
    </li>
  );
}

export function SearchPage({ params }: { params: URLSearchParams }) {
  const q = params.get('q') ?? '';
  const lang: Lang =
    params.get('lang') === 'ru' || params.get('lang') === 'en' ? (params.get('lang') as Lang) : 'all';
  const translit = params.get('translit') === 'true';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const filters = filtersFromParams(params, MORE_FILTER_KEYS);
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);

  const request = { q, lang, translit, ...filters, limit: PAGE_SIZE, offset };
  const { data, error, loading } = useLoad(JSON.stringify(request), (signal) =>
    q ? search(request, signal) : Promise.resolve(null),
  );

  const go = (changes: Record<string, string | number | boolean | undefined>) =>
    navigate('search', { ...paramsObject(params), offset: undefined, ...changes });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ q: draft });
  };
  const applyFilters = (next: CallFilters) =>
    navigate('search', { q, lang: lang === 'all' ? undefined : lang, translit, ...next });

  const total = data?.total ?? 0;
  return (
    <section className="search-page">
      <h1>Search</h1>
      <form className="search-box" onSubmit={submit} role="search">
        <input
          type="search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder='Search transcripts and translations: двухсотые, "500s", Бахмут, Putin…'
          aria-label="Search query"
          autoFocus
          data-testid="search-input"
        />
        <select
          value={lang}
          onChange={(e) => go({ lang: e.target.value === 'all' ? undefined : e.target.value })}
          aria-label="Language"
        >
          <option value="all">Russian + English</option>
          <option value="ru">Russian transcript</option>
          <option value="en">English translation</option>
        </select>
        <label
          className="inline"
          title="Also match Cyrillic written in Latin letters and the other way round (Путин / Putin), and places under all their names (Kharkiv / Kharkov / Харьков)"
        >
          <input
            type="checkbox"
            checked={translit}
            onChange={(e) => go({ translit: e.target.checked || undefined })}
            data-testid="translit"
          />
          Cyrillic ↔ Latin
        </label>
        <button type="submit" className="primary">
          Search
        </button>
      </form>
      <p className="muted search-help">
        Words are matched by stem (двухсотых finds двухсотый); numbers match however written (200, двести,
        двухсотых, 200-х); &quot;quoted words&quot; match as a phrase.
      </p>
      <FilterBar value={filters} onApply={applyFilters} withStatus />
      <SearchTools params={params} />
      <BatchSearchPanel
        lang={lang}
        translit={translit}
        scope={{ collection: filters.collection, from: filters.from, to: filters.to }}
      />
      <ErrorMessage error={error} />
      {data && !error ? (
        <div className={`search-results${loading ? ' loading' : ''}`}>
          <div className="muted" data-testid="search-total">
            {data.totalIsLowerBound ? 'at least ' : ''}
            {total.toLocaleString('en')} {total === 1 ? 'segment' : 'segments'} found
            {data.totalIsLowerBound
              ? ' — too many to rank them all: these are the best of the first matches in the order calls were transcribed. Add words or filters to narrow the search.'
              : ''}
          </div>
          <ol className="hits">
            {data.hits.map((hit) => (
              <Hit key={`${hit.segmentId}:${hit.source}`} hit={hit} />
            ))}
          </ol>
          {total > PAGE_SIZE ? (
            <div className="pager">
              <button
                disabled={offset === 0}
                onClick={() => go({ offset: Math.max(0, offset - PAGE_SIZE) || undefined })}
              >
                ← Previous
              </button>
              <span className="muted">
                {offset + 1}–{Math.min(offset + PAGE_SIZE, total)} of {total.toLocaleString('en')}
              </span>
              <button
                disabled={offset + PAGE_SIZE >= total}
                onClick={() => go({ offset: offset + PAGE_SIZE })}
              >
                Next →
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
