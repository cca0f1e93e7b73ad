import { useState, type FormEvent } from 'react';
import './triage.css';
import { errorText } from '../../api/http.ts';
import { csvHref, deleteSavedSearch, listSavedSearches, mayExportCsv, saveSearch } from '../../api/triage.ts';
import { useLoad } from '../../hooks.ts';
import { hrefFor, paramsObject } from '../../router.ts';
import { useSessionInfo } from './use-session-role.ts';

/** Parameters of the page that make the search (paging is not part of a saved search). */
function searchParamsOf(params: URLSearchParams): Record<string, string> {
  const { offset: _offset, ...rest } = paramsObject(params);
  return rest;
}

/**
 * Beside the search: save it under a name, open or delete your saved searches, and download the
 * results as CSV. A saved search is the page's address (query, language, script switch, filters).
 */
export function SearchTools({ params }: { params: URLSearchParams }) {
  const session = useSessionInfo();
  const saved = useLoad('saved-searches', (signal) => listSavedSearches(signal));
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const current = searchParamsOf(params);
  const q = current.q ?? '';

  const act = async (action: () => Promise<string>) => {
    try {
      setMessage({ text: await action(), error: false });
      saved.refresh();
    } catch (e) {
      setMessage({ text: errorText(e), error: true });
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      if (!name.trim()) throw new Error('Name the search first.');
      const s = await saveSearch(name.trim(), current);
      setName('');
      return `Saved as “${s.name}”.`;
    });
  };

  return (
    <div className="search-tools" data-testid="search-tools">
      {q ? (
        <form className="save-search" onSubmit={submit}>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="name this search"
            aria-label="Name for this search"
            maxLength={200}
            data-testid="save-search-name"
          />
          <button type="submit" className="small" data-testid="save-search">
            Save search
          </button>
        </form>
      ) : null}
      {q && session && mayExportCsv(session) ? (
        <a className="csv-link" href={csvHref('search', current)} download data-testid="search-csv">
          Download results as CSV
        </a>
      ) : null}
      {message ? (
        <span className={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </span>
      ) : null}
      {saved.data && saved.data.length > 0 ? (
        <nav className="saved-searches" aria-label="Your saved searches" data-testid="saved-searches">
          <span className="muted">Saved:</span>
          <ul>
            {saved.data.map((s) => (
              <li key={s.id}>
                <a href={hrefFor('search', s.params)} title={`q: ${s.params.q ?? ''}`}>
                  {s.name}
                </a>
                <button
                  type="button"
                  className="tag-remove"
                  aria-label={`Delete saved search ${s.name}`}
                  title={`Delete saved search ${s.name}`}
                  onClick={() => void act(async () => `Deleted “${(await deleteSavedSearch(s.id)).name}”.`)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
