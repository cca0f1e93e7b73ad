import { lazy, Suspense, useEffect, useState } from 'react';
import { errorText, onNotSignedIn } from './api/http.ts';
import { loadSession, signOut, type Session } from './api/session.ts';
import { AuditPage } from './pages/audit/audit-page.tsx';
import { CallPage } from './pages/call/call-page.tsx';
import { CallsPage } from './pages/calls/calls-page.tsx';
import { IngestPage } from './pages/ingest/ingest-page.tsx';
import { PipelinePage } from './pages/pipeline/pipeline-page.tsx';
import { RegisterIndexPage, RegisterPage } from './pages/register/register-page.tsx';
import { SearchPage } from './pages/search-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { UsersPage } from './pages/users/users-page.tsx';
import { hrefFor, navigate, useRoute, type Route } from './router.ts';

// ECharts and the region map are most of the bundle: loaded when Trends is first opened.
const TrendsPage = lazy(() =>
  import('./pages/trends/trends-page.tsx').then((m) => ({ default: m.TrendsPage })),
);

// The number page draws its call graph with ECharts too.
const NumberPageView = lazy(() =>
  import('./pages/numbers/number-page.tsx').then((m) => ({ default: m.NumberPageView })),
);

const SECTIONS = [
  { key: 'calls', label: 'Calls' },
  { key: 'search', label: 'Search' },
  { key: 'trends', label: 'Trends' },
  { key: 'pipeline', label: 'Pipeline' },
  { key: 'ingest', label: 'Add recordings' },
  { key: 'register', label: 'Protected identities' },
  { key: 'audit', label: 'Audit log', adminOnly: true },
  { key: 'users', label: 'Users', adminOnly: true },
] as const satisfies readonly { key: string; label: string; adminOnly?: boolean }[];

function Page({ route }: { route: Route }) {
  const [section, id] = route.segments;
  if (section === 'call' && id) return <CallPage key={id} recordingId={id} params={route.params} />;
  if (section === 'numbers' && id)
    return (
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <NumberPageView key={id} number={id} />
      </Suspense>
    );
  if (section === 'collections' && id && route.segments[2] === 'register')
    return <RegisterPage key={id} collectionId={id} />;
  if (section === 'register') return <RegisterIndexPage />;
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

/**
 * Who is signed in: undefined while asking the server, null when nobody is. Any 401 from any
 * request (session expired, signed out elsewhere, user disabled) sets it back to null.
 */
function useSession() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadSession().then(setSession, (e: unknown) => setError(errorText(e)));
    return onNotSignedIn(() => setSession(null));
  }, []);
  return { session, setSession, error };
}

function SessionMenu({ session, onSignedOut }: { session: Session; onSignedOut: () => void }) {
  const [failed, setFailed] = useState<string | null>(null);
  const leave = (everywhere: boolean) =>
    signOut(everywhere).then(onSignedOut, (e: unknown) => setFailed(errorText(e)));
  return (
    <span className="session-menu">
      <span className="signed-in-as" title={`Role: ${session.role}`}>
        {session.name}
      </span>
      <button type="button" className="link-button" onClick={() => void leave(false)}>
        Sign out
      </button>
      <button
        type="button"
        className="link-button"
        title="End every session of yours, on every browser"
        onClick={() => void leave(true)}
      >
        everywhere
      </button>
      {failed && <span className="error-inline">{failed}</span>}
    </span>
  );
}

export function App() {
  const route = useRoute();
  const { session, setSession, error } = useSession();
  if (error) return <p className="error-inline">The server did not answer: {error}</p>;
  if (session === undefined) return <p className="muted">Loading…</p>;
  if (session === null) {
    return (
      <SignInPage
        problem={route.segments[0] === 'sign-in' ? route.params.get('problem') : null}
        onSignedIn={(signedIn) => {
          setSession(signedIn);
          if (route.segments[0] === 'sign-in') navigate('calls', {}, true);
        }}
      />
    );
  }
  return <Desk route={route} session={session} onSignedOut={() => setSession(null)} />;
}

function Desk({ route, session, onSignedOut }: { route: Route; session: Session; onSignedOut: () => void }) {
  const first = route.segments[0];
  const section = first === 'call' ? 'calls' : first === 'collections' ? 'register' : (first ?? 'calls');
  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href={hrefFor('calls')}>
          Earshot <span className="brand-sub">desk</span>
        </a>
        <nav className="sections" aria-label="Sections">
          {SECTIONS.filter((s) => !('adminOnly' in s) || session.role === 'admin').map((s) => (
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
        <SessionMenu session={session} onSignedOut={onSignedOut} />
      </header>
      <main className="page">
        <Page route={route} />
      </main>
    </div>
  );
}
