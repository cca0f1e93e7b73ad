import { useState, type FormEvent } from 'react';
import { errorText } from '../../api/http.ts';
import { batchSearch, type BatchSearchResult } from '../../api/triage.ts';
import { formatDateTime } from '../../format.ts';
import { hrefFor } from '../../router.ts';

/** How a term's result reads in one line: "12 segments in 3 calls; caller or callee of 2 calls". */
export function batchSummary(r: BatchSearchResult): string {
  if (r.error) return `not searched: ${r.error}`;
  const segments = `${r.totalIsLowerBound ? 'at least ' : ''}${r.hits} segment${r.hits === 1 ? '' : 's'}`;
  const inCalls = r.calls.filter((c) => c.hits > 0).length;
  const said =
    r.hits > 0
      ? `${segments} in ${inCalls}${r.calls.length >= 20 ? '+' : ''} call${inCalls === 1 ? '' : 's'}`
      : 'not said';
  const party =
    r.callsAsParty === null
      ? ''
      : `; caller or callee of ${r.callsAsParty} call${r.callsAsParty === 1 ? '' : 's'}`;
  return said + party;
}

/**
 * Batch search (as in Datashare): names or numbers pasted one a line, each searched with the
 * page's language and script switch and the collection and dates of its filters.
 */
export function BatchSearchPanel({
  lang,
  translit,
  scope,
}: {
  lang: 'all' | 'ru' | 'en';
  translit: boolean;
  scope: { collection?: string; from?: string; to?: string };
}) {
  const [text, setText] = useState('');
  const [results, setResults] = useState<BatchSearchResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      setResults(await batchSearch({ terms: text.split('\n'), lang, translit, ...scope }));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="panel batch-search" data-testid="batch-search">
      <summary>Batch search: a list of names or numbers</summary>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="batch-terms">One name or number a line (at most 100)</label>
        <textarea
          id="batch-terms"
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={'Петренко\n+7 916 123-45-67\n"груз 200"'}
          data-testid="batch-terms"
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Searching…' : 'Search each'}
        </button>
      </form>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {results ? (
        <table className="batch-results" data-testid="batch-results">
          <thead>
            <tr>
              <th>Name or number</th>
              <th>Found</th>
              <th>Calls</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.term} data-testid="batch-row">
                <td>
                  <a
                    href={hrefFor('search', { q: r.term, lang: lang === 'all' ? undefined : lang, translit })}
                  >
                    {r.term}
                  </a>
                </td>
                <td className={r.error ? 'error' : r.hits === 0 && !r.callsAsParty ? 'muted' : ''}>
                  {batchSummary(r)}
                </td>
                <td>
                  <ul className="batch-calls">
                    {r.calls.slice(0, 5).map((c) => (
                      <li key={c.recordingId}>
                        <a href={hrefFor(`call/${c.recordingId}`)}>{formatDateTime(c.callStartedAt)}</a>
                        <span className="muted">
                          {' '}
                          {c.hits > 0 ? `×${c.hits}` : ''}
                          {c.party ? ' (caller/callee)' : ''}
                        </span>
                      </li>
                    ))}
                    {r.calls.length > 5 ? <li className="muted">+{r.calls.length - 5} more</li> : null}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </details>
  );
}
