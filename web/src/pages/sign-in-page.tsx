import { useState, type FormEvent } from 'react';
import { errorText } from '../api/http.ts';
import { signIn, type Session } from '../api/session.ts';

/** Why the one-time link did not sign in (the server sends the browser here with ?problem=link). */
const LINK_PROBLEM =
  'That sign-in link has already been used or has expired. Sign in with your name and password, or ' +
  'ask an admin for a new link (`earshot sign-in-link --user NAME`).';

/** Name and password; the server's refusal (wrong password, throttled) is shown as it says it. */
export function SignInPage({
  problem,
  onSignedIn,
}: {
  problem: string | null;
  onSignedIn: (session: Session) => void;
}) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(problem === 'link' ? LINK_PROBLEM : null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    signIn({ name: name.trim(), password }).then(onSignedIn, (e: unknown) => {
      setError(errorText(e));
      setPassword('');
      setBusy(false);
    });
  };

  return (
    <main className="page sign-in">
      <form className="sign-in-form" onSubmit={submit} aria-label="Sign in">
        <h1>Sign in to Earshot</h1>
        <label>
          Name
          <input
            name="name"
            autoComplete="username"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            autoFocus
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p className="error-box" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || !name.trim() || !password}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="muted">
          No password yet? The first start of the server prints a one-time sign-in link; an admin can print
          another with <code>earshot sign-in-link --user NAME</code>.
        </p>
      </form>
    </main>
  );
}
