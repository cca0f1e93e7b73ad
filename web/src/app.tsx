import { lazy, Suspense } from 'react';
import { AuditPage } from './pages/audit/audit-page.tsx';
import { CallPage } from './pages/call/call-page.tsx';
import { CallsPage } from './pages/calls/calls-page.tsx';
import { IngestPage } from './pages/ingest/ingest-page.tsx';
import { PipelinePage } from './pages/pipeline/pipeline-page.tsx';
import { SearchPage } from './pages/search-page.tsx';
import { UsersPage } from './pages/users/users-page.tsx';
import { hrefFor, useRoute, type Route } from './router.ts';

// ECharts and the region map are most of the bundle: loaded when Trends is first opened.
const TrendsPage = lazy(() =>
  import('./pages/trends/trends-page.tsx').then((m) => ({ default: m.TrendsPage })),
);

const SECTIONS = [
  { key: 'calls', label: 'Calls' },
  { key: 'search', label: 'Search' },
  { key: 'trends', label: 'Trends' },
  { key: 'pipeline', label: 'Pipeline' },
  { key: 'ingest', label: 'Add recordings' },
  { key: 'audit', label: 'Audit log' },
  { key: 'users', label: 'Users' },
] as const;

function Page({ route }: { route: Route }) {
  const [section, id] = route.segments;
  if (section === 'call' && id) return <CallPage key={id} recordingId={id} params={route.params} />;
  if (section === 'search') return <SearchPage params={route.params} />;
  if (section === 'pipeline') return <PipelinePage />;
  if (section === 'ingest') return <IngestPage />;
  if (section === 'audit') return <AuditPage params={route.params} />;
  if (section === 'users') return <UsersPage />;
  if (section === 'trends')
    return (
      <Suspense fallback={<p className="muted">Loading charts…</p>}>
        <TrendsPage params={route.params} />
      </Suspense>
    );
  return <CallsPage params={route.params} />;
}

export function App() {
  const route = useRoute();
  const section = route.segments[0] === 'call' ? 'calls' : (route.segments[0] ?? 'calls');
  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href={hrefFor('calls')}>
          Earshot <span className="brand-sub">desk</span>
        </a>
        <nav className="sections" aria-label="Sections">
          {SECTIONS.map((s) => (
            <a
              key={s.key}
              href={hrefFor(s.key)}
              className={section === s.key ? 'active' : undefined}
              aria-current={section === s.key ? 'page' : undefined}
            >
              {s.label}
            </a>
          ))}
        </nav>
        <span
          className="offline-note"
          title="The desk talks only to this Earshot server; nothing leaves the machine"
        >
          Offline · local server only
        </span>
      </header>
      <main className="page">
        <Page route={route} />
      </main>
    </div>
  );
}
