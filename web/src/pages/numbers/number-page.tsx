import { getNumberPage, postNumberNote, type NumberPage } from '../../api/numbers.ts';
import { ErrorMessage } from '../../components/status.tsx';
import { formatClock, formatDate, formatDateTime, formatPercent } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { hrefFor } from '../../router.ts';
import { NumberGraphChart } from './number-graph.tsx';
import { NumberLink } from './number-link.tsx';
import { currentAttributions, NumberNotesPanel } from './number-notes.tsx';
import './numbers.css';

const DIRECTION = { outgoing: '→', incoming: '←', self: '↺' } as const;
const DIRECTION_TITLE = { outgoing: 'it called', incoming: 'it was called', self: 'to itself' } as const;

/** The collections an entry on the number can belong to: those its calls, mentions and notes are in. */
function collectionsOf(page: NumberPage): { id: string; name: string }[] {
  const byId = new Map<string, string>();
  for (const c of page.calls) byId.set(c.collection.id, c.collection.name);
  for (const n of page.notes) byId.set(n.collection.id, n.collection.name);
  return [...byId].map(([id, name]) => ({ id, name }));
}

function Summary({ page }: { page: NumberPage }) {
  const believed = currentAttributions(page.notes);
  return (
    <div className="number-summary panel" data-testid="number-summary">
      <p>
        <strong>{page.totalCalls}</strong> {page.totalCalls === 1 ? 'call' : 'calls'} in your collections
        {page.totalCalls > 0 ? (
          <>
            {' · '}first seen <strong>{formatDateTime(page.firstSeen)}</strong> · last seen{' '}
            <strong>{formatDateTime(page.lastSeen)}</strong>
          </>
        ) : null}
        {page.spoken.length > 0 ? ` · spoken in ${page.spoken.length} transcript passages` : null}
      </p>
      {believed.length > 0 ? (
        <ul className="believed">
          {believed.map((a) => (
            <li key={a.id}>
              Subscriber believed to be <strong>{a.subscriber}</strong>{' '}
              <span className={`confidence confidence-${a.confidence}`}>{a.confidence}</span>{' '}
              <span className="muted small-print">
                ({a.source}; {a.author}, {formatDate(a.createdAt)})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small-print">No attribution yet.</p>
      )}
      {page.totalCalls > 0 ? (
        <a href={hrefFor('calls', { phone: page.number })}>Its calls in the Calls list</a>
      ) : null}
    </div>
  );
}

function Counterparts({ page }: { page: NumberPage }) {
  return (
    <section className="panel" aria-labelledby="counterparts-title" data-testid="counterparts">
      <h2 id="counterparts-title">Counterparts</h2>
      {page.counterparts.length === 0 ? <p className="muted">None known.</p> : null}
      <div className="table-scroll">
        <table className="trend-table">
          <thead>
            <tr>
              <th>Number</th>
              <th className="num">Calls</th>
              <th className="num" title="Calls from this number / to this number">
                Out / in
              </th>
              <th>First</th>
              <th>Last</th>
            </tr>
          </thead>
          <tbody>
            {page.counterparts.map((c) => (
              <tr key={c.number} data-testid="counterpart">
                <td className="mono">
                  <NumberLink number={c.number} />
                </td>
                <td className="num">{c.calls}</td>
                <td className="num">
                  {c.outgoing} / {c.incoming}
                </td>
                <td className="nowrap">{formatDate(c.firstSeen)}</td>
                <td className="nowrap">{formatDate(c.lastSeen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Calls({ page }: { page: NumberPage }) {
  return (
    <section className="panel" aria-labelledby="number-calls-title">
      <h2 id="number-calls-title">
        Calls
        {page.calls.length < page.totalCalls ? ` (first ${page.calls.length} of ${page.totalCalls})` : ''}
      </h2>
      <div className="table-scroll">
        <table className="trend-table number-calls">
          <thead>
            <tr>
              <th>Started</th>
              <th>Other side</th>
              <th className="num">Length</th>
              <th>Cell</th>
              <th>Location</th>
              <th>Collection</th>
            </tr>
          </thead>
          <tbody>
            {page.calls.map((c) => (
              <tr key={c.id} data-testid="number-call">
                <td className="nowrap">
                  <a href={hrefFor(`call/${c.id}`)}>{formatDateTime(c.startedAt)}</a>
                </td>
                <td className="nowrap mono">
                  <span title={DIRECTION_TITLE[c.direction]} aria-label={DIRECTION_TITLE[c.direction]}>
                    {DIRECTION[c.direction]}
                  </span>{' '}
                  <NumberLink number={c.counterpart} raw={c.counterpartRaw} />
                </td>
                <td className="num">{c.durationSeconds !== null ? formatClock(c.durationSeconds) : '–'}</td>
                <td className="mono small-print">{c.cellId ?? '–'}</td>
                <td>{c.locationText ?? '–'}</td>
                <td>{c.collection.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Cells({ page }: { page: NumberPage }) {
  return (
    <section className="panel" aria-labelledby="cells-title" data-testid="number-cells">
      <h2 id="cells-title">
        Cells and locations <span className="machine-tag">from call records</span>
      </h2>
      {page.cells.length === 0 ? <p className="muted">The call records give none.</p> : null}
      <ul className="plain-list">
        {page.cells.map((c) => (
          <li key={`${c.cellId}|${c.locationText}`}>
            <span className="mono">{c.cellId ?? 'no cell id'}</span>
            {c.locationText ? ` · ${c.locationText}` : ''}{' '}
            <span className="muted small-print">
              {c.calls} {c.calls === 1 ? 'call' : 'calls'}, {formatDate(c.firstSeen)}
              {c.lastSeen !== c.firstSeen ? ` – ${formatDate(c.lastSeen)}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Mentioned({ page }: { page: NumberPage }) {
  return (
    <section className="panel" aria-labelledby="mentioned-title" data-testid="number-mentioned">
      <h2 id="mentioned-title">
        Mentioned in its calls <span className="machine-tag">machine</span>
      </h2>
      {page.places.length + page.persons.length === 0 ? (
        <p className="muted">No place or person found in its analysed transcripts.</p>
      ) : null}
      <div className="entity-chips">
        {page.places.map((p) => (
          <a
            key={p.placeId}
            className="chip entity-chip entity-place"
            href={hrefFor('calls', { place: p.placeId })}
          >
            <span className="chip-kind">place</span> {p.nameEn} · {p.calls}
          </a>
        ))}
        {page.persons.map((p) => (
          <span key={p.name} className="chip entity-chip entity-person">
            <span className="chip-kind">person</span> {p.name} · {p.calls}
          </span>
        ))}
      </div>
    </section>
  );
}

function Spoken({ page }: { page: NumberPage }) {
  return (
    <section className="panel" aria-labelledby="spoken-title" data-testid="number-spoken">
      <h2 id="spoken-title">
        Spoken in transcripts <span className="machine-tag">machine</span>
      </h2>
      {page.spoken.length === 0 ? (
        <p className="muted">Not found spoken in any analysed transcript.</p>
      ) : null}
      <ul className="plain-list">
        {page.spoken.map((s) => (
          <li key={`${s.recordingId}:${s.segmentId}:${s.surface}`}>
            <a href={hrefFor(`call/${s.recordingId}`)}>{formatDateTime(s.startedAt)}</a>{' '}
            <span className="mono">
              {s.callerNumber ?? '?'} → {s.calleeNumber ?? '?'}
            </span>
            <div className="small-print">
              «{s.surface}» <span className="muted">({formatPercent(s.confidence)})</span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Everything the collections hold on one phone number: the "research the numbers" step. */
export function NumberPageView({ number }: { number: string }) {
  const page = useLoad(number, (signal) => getNumberPage(number, signal));
  const data = page.data;
  return (
    <section className="number-page">
      <div className="page-head">
        <h1>
          Phone number <span className="number-title">{data?.number ?? number}</span>
        </h1>
      </div>
      <ErrorMessage error={page.error} />
      {!data && !page.error ? <p className="muted">Loading…</p> : null}
      {data ? (
        <>
          <Summary page={data} />
          <div className="number-grid">
            <Counterparts page={data} />
            <NumberGraphChart graph={data.graph} number={data.number} />
          </div>
          <Calls page={data} />
          <div className="number-grid">
            <Cells page={data} />
            <Mentioned page={data} />
          </div>
          <div className="number-grid">
            <Spoken page={data} />
            <NumberNotesPanel
              key={data.number}
              notes={data.notes}
              collections={collectionsOf(data)}
              onAdd={async (body) => {
                await postNumberNote(data.number, body);
                page.refresh();
              }}
            />
          </div>
        </>
      ) : null}
    </section>
  );
}
