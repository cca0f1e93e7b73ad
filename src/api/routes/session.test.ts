import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from '../../../test/helpers/api-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { createTestSession, signedInApi } from '../../../test/helpers/signed-in-api.ts';
import { createSignInToken } from '../../accounts/sign-in-link.ts';
import { THROTTLE } from '../../accounts/throttle.ts';
import { createUser, disableUser, findUser } from '../../accounts/users.ts';
import { buildApiServer } from '../server.ts';

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
/** The server's clock: tests move it instead of waiting. */
let now = new Date('2026-03-01T10:00:00Z');

const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  t = await createTestDatabase('api_session');
  fixture = createApiFixture(t.db);
  app = await buildApiServer({ db: t.db, config: fixture.config, clock: () => now });
  await createUser(t.db, { name: 'Olena', role: 'editor', password: PASSWORD, createdBy: 'test' });
});

afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

const signIn = (name: string, password: string, address = '10.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/sign-in', payload: { name, password }, remoteAddress: address });

function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'earshot_session');
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(response.headers)}`);
  return `earshot_session=${cookie.value}`;
}

const whoAmI = (cookie: string) => app.inject({ url: '/api/session', headers: { cookie } });

describe('signing in with a password', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and answers who is signed in', async () => {
    const response = await signIn('olena', PASSWORD);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Olena', role: 'editor', collections: [] });
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/);
    const me = await whoAmI(sessionCookie(response));
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      name: 'Olena',
      csrfToken: response.json<{ csrfToken: string }>().csrfToken,
    });
    const stored = await t.db.selectFrom('user_sessions').select('token_sha256').execute();
    expect(stored.map((s) => s.token_sha256)).not.toContain(sessionCookie(response).split('=')[1]);
  });

  it('marks the cookie Secure when configured behind TLS', async () => {
    const tlsApp = await buildApiServer({
      db: t.db,
      config: { ...fixture.config, sessions: { ...fixture.config.sessions, secureCookie: true } },
      clock: () => now,
    });
    try {
      const response = await tlsApp.inject({
        method: 'POST',
        url: '/api/sign-in',
        payload: { name: 'Olena', password: PASSWORD },
      });
      expect(String(response.headers['set-cookie'])).toMatch(/; Secure/);
    } finally {
      await tlsApp.close();
    }
  });

  it('refuses a wrong password and, after repeated failures, throttles with 429 and Retry-After', async () => {
    await createUser(t.db, { name: 'target', role: 'viewer', password: PASSWORD, createdBy: 'test' });
    for (let i = 0; i < THROTTLE.accountFailures; i++) {
      const wrong = await signIn('target', `wrong password ${i}`, `10.1.0.${i}`);
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toMatchObject({ error: 'sign_in_failed' });
    }
    // Even the right password waits now: the attempt is not even checked.
    const throttled = await signIn('target', PASSWORD, '10.1.1.1');
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json()).toMatchObject({ error: 'too_many_attempts' });
    expect(Number(throttled.headers['retry-after'])).toBe(THROTTLE.firstWaitMs / 1000);
    // Once the wait is over, the right password signs in again.
    now = new Date(now.getTime() + THROTTLE.firstWaitMs + 1000);
    expect((await signIn('target', PASSWORD, '10.1.1.1')).statusCode).toBe(200);
  });

  it('makes the wait grow with each failure, and throttles an address trying many names', async () => {
    // Later than Olena's last successful sign-in, which would reset her count.
    now = new Date(now.getTime() + 5 * 60_000);
    const failedAt = new Date(now.getTime() - 60_000);
    // Eight failures a minute ago: the wait is 30 s × 2^3 = 4 minutes from the last one.
    await sql`INSERT INTO sign_in_attempts (user_name, address, succeeded, attempted_at)
              SELECT 'Olena', '10.2.0.' || i, false, ${failedAt} FROM generate_series(1, 8) i`.execute(t.db);
    const waiting = await signIn('Olena', PASSWORD, '10.2.1.1');
    expect(waiting.statusCode).toBe(429);
    expect(Number(waiting.headers['retry-after'])).toBe(4 * 60 - 60);

    await sql`INSERT INTO sign_in_attempts (user_name, address, succeeded, attempted_at)
              SELECT 'name-' || i, '10.3.0.1', false, ${failedAt} FROM generate_series(1, ${THROTTLE.addressFailures + 2}) i`.execute(
      t.db,
    );
    const fromAddress = await signIn('someone-else', 'whatever', '10.3.0.1');
    expect(fromAddress.statusCode).toBe(429);
    expect(Number(fromAddress.headers['retry-after'])).toBe(2 * 60 - 60);
    // Failures older than the window no longer count.
    now = new Date(now.getTime() + THROTTLE.windowMs);
    expect((await signIn('Olena', PASSWORD, '10.2.1.1')).statusCode).toBe(200);
  });

  it('records sign-ins, failed sign-ins (under no actor) and sign-outs in the audit log', async () => {
    const before = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    const since = Number(before?.seq ?? 0);
    expect((await signIn('Olena', 'not the password', '10.0.0.77')).statusCode).toBe(401);
    const ok = await signIn('Olena', PASSWORD, '10.0.0.77');
    expect(ok.statusCode).toBe(200);
    const cookie = sessionCookie(ok);
    const csrf = ok.json<{ csrfToken: string }>().csrfToken;
    const out = await app.inject({
      method: 'POST',
      url: '/api/sign-out',
      headers: { cookie, 'x-earshot-csrf': csrf },
      remoteAddress: '10.0.0.77',
    });
    expect(out.statusCode).toBe(204);
    const entries = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'target', 'address'])
      .where('seq', '>', String(since))
      .orderBy('seq')
      .execute();
    expect(entries).toEqual([
      { action: 'sign-in-failed', actor: null, target: 'Olena', address: '10.0.0.77' },
      { action: 'sign-in', actor: 'Olena', target: 'Olena', address: '10.0.0.77' },
      { action: 'sign-out', actor: 'Olena', target: 'Olena', address: '10.0.0.77' },
    ]);
  });

  it('refuses an unknown name with the same answer as a wrong password', async () => {
    const response = await signIn('nobody-here', PASSWORD, '10.4.0.1');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: 'sign_in_failed', message: 'Wrong name or password.' });
  });
});

describe('session cookies', () => {
  it('refuses /api routes without a session, with a forged cookie, but not the open ones', async () => {
    for (const cookie of [undefined, 'earshot_session=forged-token-value', 'earshot_session=']) {
      const response = await app.inject({ url: '/api/recordings', headers: cookie ? { cookie } : {} });
      expect(response.statusCode, cookie).toBe(401);
      expect(response.json()).toMatchObject({ error: 'not_signed_in' });
    }
    expect((await app.inject({ url: '/api/openapi.json' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/sign-out' })).statusCode).toBe(204);
  });

  it('ends a session after its idle time and after its absolute lifetime', async () => {
    const { idleMs, maxAgeMs } = fixture.config.sessions;
    const idle = sessionCookie(await signIn('Olena', PASSWORD, '10.5.0.1'));
    expect((await whoAmI(idle)).statusCode).toBe(200);
    now = new Date(now.getTime() + idleMs + 1000);
    expect((await whoAmI(idle)).statusCode).toBe(401);

    const busy = sessionCookie(await signIn('Olena', PASSWORD, '10.5.0.1'));
    const signedInAt = now.getTime();
    // Active every half idle period: never idle, but the absolute lifetime still ends it.
    while (now.getTime() + idleMs / 2 < signedInAt + maxAgeMs) {
      now = new Date(now.getTime() + idleMs / 2);
      expect((await whoAmI(busy)).statusCode).toBe(200);
    }
    now = new Date(signedInAt + maxAgeMs + 1000);
    expect((await whoAmI(busy)).statusCode).toBe(401);
  });

  it("ends a disabled user's live sessions at once", async () => {
    const user = await createTestSession(t.db, { name: 'leaver', role: 'editor' });
    expect((await whoAmI(user.cookie)).statusCode).toBe(200);
    await disableUser(t.db, 'leaver');
    expect((await whoAmI(user.cookie)).statusCode).toBe(401);
    // Even if the session row were left live, the disabled user is refused.
    await sql`UPDATE user_sessions SET revoked_at = NULL WHERE user_id = ${user.userId}`.execute(t.db);
    expect((await whoAmI(user.cookie)).statusCode).toBe(401);
  });

  it('signs out of one session, or of every session of the user', async () => {
    const first = sessionCookie(await signIn('Olena', PASSWORD, '10.6.0.1'));
    const second = sessionCookie(await signIn('Olena', PASSWORD, '10.6.0.1'));
    const third = sessionCookie(await signIn('Olena', PASSWORD, '10.6.0.1'));
    const csrf = (cookie: string) => whoAmI(cookie).then((r) => r.json<{ csrfToken: string }>().csrfToken);

    const out = await app.inject({
      method: 'POST',
      url: '/api/sign-out',
      headers: { cookie: first, 'x-earshot-csrf': await csrf(first) },
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/earshot_session=;/);
    expect((await whoAmI(first)).statusCode).toBe(401);
    expect((await whoAmI(second)).statusCode).toBe(200);

    const everywhere = await app.inject({
      method: 'POST',
      url: '/api/sign-out-everywhere',
      headers: { cookie: second, 'x-earshot-csrf': await csrf(second) },
    });
    expect(everywhere.statusCode).toBe(200);
    expect(everywhere.json<{ endedSessions: number }>().endedSessions).toBeGreaterThanOrEqual(2);
    expect((await whoAmI(second)).statusCode).toBe(401);
    expect((await whoAmI(third)).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a write without the CSRF header or with a wrong one (403), before doing anything', async () => {
    const api = await signedInApi(app, t.db);
    const url = '/api/sign-out-everywhere';
    const missing = await app.inject({ method: 'POST', url, headers: { cookie: api.cookie } });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ error: 'forbidden' });
    const wrong = await api.inject({ method: 'POST', url, headers: { 'x-earshot-csrf': 'x'.repeat(43) } });
    expect(wrong.statusCode).toBe(403);
    const signOut = await app.inject({
      method: 'POST',
      url: '/api/sign-out',
      headers: { cookie: api.cookie },
    });
    expect(signOut.statusCode).toBe(403);
    expect((await whoAmI(api.cookie)).statusCode).toBe(200);
    // Another session's token is as wrong as a made-up one.
    const other = await createTestSession(t.db);
    const foreign = await api.inject({ method: 'POST', url, headers: { 'x-earshot-csrf': other.csrfToken } });
    expect(foreign.statusCode).toBe(403);
    expect((await api.inject({ method: 'POST', url })).statusCode).toBe(200);
  });
});

describe('one-time sign-in links', () => {
  it('signs in once, redirects to the desk, and refuses the link a second time', async () => {
    const admin = await createUser(t.db, { name: 'first-admin', role: 'admin', createdBy: 'test' });
    const token = await createSignInToken(t.db, admin.id, fixture.config.sessions, now);
    const stored = await t.db.selectFrom('sign_in_tokens').select('token_sha256').execute();
    expect(stored.map((s) => s.token_sha256)).not.toContain(token);
    const first = await app.inject({ url: `/sign-in?token=${token}` });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/');
    expect((await whoAmI(sessionCookie(first))).json()).toMatchObject({
      name: 'first-admin',
      collections: 'all',
    });
    const again = await app.inject({ url: `/sign-in?token=${token}` });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/#/sign-in?problem=link');
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('refuses an expired link, a made-up one, and one of a disabled user', async () => {
    const user = (await findUser(t.db, 'first-admin'))!;
    const expired = await createSignInToken(t.db, user.id, fixture.config.sessions, now);
    now = new Date(now.getTime() + fixture.config.sessions.signInLinkMs + 1000);
    for (const token of [expired, 'made-up']) {
      const response = await app.inject({ url: `/sign-in?token=${token}` });
      expect(response.headers.location).toBe('/#/sign-in?problem=link');
    }
    const live = await createSignInToken(t.db, user.id, fixture.config.sessions, now);
    await disableUser(t.db, 'first-admin');
    expect((await app.inject({ url: `/sign-in?token=${live}` })).headers.location).toBe(
      '/#/sign-in?problem=link',
    );
  });
});
