import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, findLiveSession, type NewSession } from '../accounts/sessions.ts';
import { tokensEqual } from '../accounts/tokens.ts';
import type { SessionSettings } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { NotSignedInError } from '../accounts/principal.ts';
import { CsrfRejected } from './session-errors.ts';

/** The header every state-changing request carries: the session's CSRF token (GET /api/session). */
export const CSRF_HEADER = 'x-earshot-csrf';

/**
 * /api routes answered without a session: signing in and out, the API's own description, and
 * health (for monitoring; it leaves out what is stored unless signed in).
 */
export const OPEN_ROUTES: ReadonlySet<string> = new Set([
  '/api/sign-in',
  '/api/sign-out',
  '/api/openapi.json',
  '/api/health',
]);

/** Methods that need the CSRF header as well as the session (the OpenAPI document says so too). */
export const STATE_CHANGING: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    /** The live session the cookie names (null without one): sign-out and the CSRF check use it. */
    session: { tokenSha256: string; csrfToken: string } | null;
  }
}

export interface SessionGuardOptions {
  db: Db;
  settings: SessionSettings;
  /** The time sessions are checked against (tests move it; the server uses the wall clock). */
  clock: () => Date;
}

/**
 * Sets request.principal from the session cookie on every request, then refuses any /api route
 * but the open ones without a live session (401), and any state-changing /api request whose
 * x-earshot-csrf header is not the session's token (403). The desk's static files are open: the
 * desk itself shows the sign-in page on a 401.
 */
export function installSessionGuard(app: FastifyInstance, options: SessionGuardOptions): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    request.principal = null;
    request.session = null;
    // The route's pattern when one matched, else the raw path (an unknown /api path is refused too).
    const route = request.routeOptions.url ?? request.url.split('?')[0] ?? '';
    // The desk's files and the sign-in link's page need no session lookup (one query per asset).
    if (!route.startsWith('/api')) return;
    const token = sessionToken(request);
    const live = token ? await findLiveSession(options.db, token, options.settings, options.clock()) : null;
    request.principal = live?.principal ?? null;
    request.session = live ? { tokenSha256: live.tokenSha256, csrfToken: live.csrfToken } : null;

    if (OPEN_ROUTES.has(route)) {
      // Signing out of a live session is a write like any other: a foreign page must not do it.
      if (route === '/api/sign-out' && request.session) requireCsrf(request, request.session.csrfToken);
      return;
    }
    if (!request.session) throw new NotSignedInError();
    if (STATE_CHANGING.has(request.method)) requireCsrf(request, request.session.csrfToken);
  });
}

function requireCsrf(request: FastifyRequest, expected: string): void {
  const given = request.headers[CSRF_HEADER];
  if (typeof given !== 'string' || !tokensEqual(given, expected)) throw new CsrfRejected();
}

function sessionToken(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  const token = parseCookies(header)[SESSION_COOKIE];
  return token && token.length <= 100 ? token : undefined;
}

/** Set-Cookie for a new session: HttpOnly, SameSite=Strict, Path=/, Secure behind TLS. */
export function setSessionCookie(reply: FastifyReply, session: NewSession, settings: SessionSettings): void {
  reply.header(
    'set-cookie',
    serializeCookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: settings.secureCookie,
      expires: session.expiresAt,
    }),
  );
}

export function clearSessionCookie(reply: FastifyReply, settings: SessionSettings): void {
  reply.header(
    'set-cookie',
    serializeCookie(SESSION_COOKIE, '', {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: settings.secureCookie,
      expires: new Date(0),
    }),
  );
}
