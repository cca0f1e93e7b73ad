import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createSession } from '../../src/accounts/sessions.ts';
import { SESSION_COOKIE } from '../../src/accounts/sessions.ts';
import { createUser } from '../../src/accounts/users.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { Db } from '../../src/db/database.ts';
import type { UserRole } from '../../src/db/schema.ts';
import { CSRF_HEADER } from '../../src/api/session-guard.ts';

/** A user signed in through a real session row: what a request needs to carry to act as them. */
export interface TestSession {
  userId: string;
  name: string;
  /** `earshot_session=…`, for a Cookie header or a browser context. */
  cookie: string;
  token: string;
  csrfToken: string;
  /** Cookie and CSRF headers together, for fetch() against a running server. */
  headers: Record<string, string>;
}

let created = 0;

/**
 * Creates a user (an admin unless told otherwise; no password, so no argon2 cost) and a live
 * session for them in the test database, through the same functions the server uses.
 */
export async function createTestSession(
  db: Db,
  options: { name?: string; role?: UserRole } = {},
): Promise<TestSession> {
  const name = options.name ?? `tester-${process.pid}-${++created}`;
  const user = await createUser(db, { name, role: options.role ?? 'admin', createdBy: 'test' });
  return sessionOf(db, { id: user.id, name });
}

/** A live session for an existing user, made by the function the sign-in uses. */
export async function sessionOf(db: Db, user: { id: string; name: string }): Promise<TestSession> {
  const settings = loadConfig({}).sessions;
  const session = await createSession(db, user.id, { address: '127.0.0.1' }, settings, new Date());
  const cookie = `${SESSION_COOKIE}=${session.token}`;
  return {
    userId: user.id,
    name: user.name,
    cookie,
    token: session.token,
    csrfToken: session.csrfToken,
    headers: { cookie, [CSRF_HEADER]: session.csrfToken },
  };
}

export interface SignedInApi extends TestSession {
  /** app.inject with the session cookie and the CSRF header added (a test's own headers win). */
  inject(options: InjectOptions | string): Promise<LightMyRequestResponse>;
}

/** An inject wrapper that acts as a freshly created, signed-in user of the API under test. */
export async function signedInApi(
  app: FastifyInstance,
  db: Db,
  options: { name?: string; role?: UserRole } = {},
): Promise<SignedInApi> {
  return actingAs(app, await createTestSession(db, options));
}

/** An inject wrapper that acts as an existing session (sessions are rows: any server of the database takes them). */
export function actingAs(app: FastifyInstance, session: TestSession): SignedInApi {
  return {
    ...session,
    inject: (request) => {
      const given = typeof request === 'string' ? { url: request } : request;
      return app.inject({ ...given, headers: { ...session.headers, ...given.headers } });
    },
  };
}

/** The one-time link `earshot start`/`serve` print on a first start (a capture group of waitFor). */
export const SIGN_IN_LINK = /(http:\/\/\S+\/sign-in\?token=[\w-]+)/;

/**
 * Opens a printed one-time sign-in link as a browser would and returns the session it set: the
 * cookie, and the CSRF token the desk reads from GET /api/session.
 */
export async function signInWithLink(link: string): Promise<Omit<TestSession, 'userId' | 'token'>> {
  const response = await fetch(link, { redirect: 'manual' });
  const setCookie = response.headers.get('set-cookie') ?? '';
  const cookie = new RegExp(`${SESSION_COOKIE}=[^;]+`).exec(setCookie)?.[0];
  if (response.status !== 303 || !cookie) {
    throw new Error(
      `the sign-in link did not sign in: ${response.status} ${response.headers.get('location')}`,
    );
  }
  const session = await fetch(new URL('/api/session', link), { headers: { cookie } });
  const body = (await session.json()) as { name: string; csrfToken: string };
  return {
    name: body.name,
    cookie,
    csrfToken: body.csrfToken,
    headers: { cookie, [CSRF_HEADER]: body.csrfToken },
  };
}
