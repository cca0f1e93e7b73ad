import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createSession, SESSION_COOKIE } from '../../src/accounts/sessions.ts';
import { buildApiServer, type ApiServerOptions } from '../../src/api/server.ts';
import { CSRF_HEADER } from '../../src/api/session-guard.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { Db } from '../../src/db/database.ts';
import type { UserRole } from '../../src/db/schema.ts';

/**
 * Tests that act as many users name the user per request with this header; the helper below
 * swaps it for that user's real session cookie and CSRF token (sessions made through the same
 * function the sign-in uses), so every request goes through the product's session guard. The
 * server never sees the header.
 */
export const TEST_USER_HEADER = 'x-test-user';
/** The header's value for a request with no session at all. */
export const NOBODY = 'nobody';

export async function insertUser(
  db: Db,
  name: string,
  role: UserRole,
  collectionIds: readonly string[] = [],
): Promise<string> {
  const user = await db
    .insertInto('users')
    .values({ name, role, created_by: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const collectionId of collectionIds) {
    await db
      .insertInto('collection_grants')
      .values({ user_id: user.id, collection_id: collectionId, granted_by: 'test' })
      .execute();
  }
  return user.id;
}

type Inject = (options: InjectOptions | string) => Promise<LightMyRequestResponse>;

/**
 * The API server, ready, whose inject() signs each request in as the user its x-test-user header
 * names (a real session per user, made on first use). A request without the header acts as an
 * admin inserted here, so route tests keep testing their routes, not the sign-in.
 */
export async function buildApiServerAsUsers(options: ApiServerOptions): Promise<FastifyInstance> {
  const { db } = options;
  const defaultAdmin = await insertUser(db, `test-admin-${crypto.randomUUID()}`, 'admin');
  const app = await buildApiServer(options);
  const settings = loadConfig({}).sessions;
  const sessions = new Map<string, Promise<Record<string, string>>>();
  const headersOf = (userId: string): Promise<Record<string, string>> => {
    let headers = sessions.get(userId);
    if (!headers) {
      headers = createSession(db, userId, { address: '127.0.0.1' }, settings, new Date()).then((s) => ({
        cookie: `${SESSION_COOKIE}=${s.token}`,
        [CSRF_HEADER]: s.csrfToken,
      }));
      sessions.set(userId, headers);
    }
    return headers;
  };
  const inject = app.inject.bind(app) as Inject;
  const injectAs: Inject = async (request) => {
    const given = typeof request === 'string' ? { url: request } : request;
    const { [TEST_USER_HEADER]: named, ...headers } = (given.headers ?? {}) as Record<string, string>;
    const userId = named ?? defaultAdmin;
    const session = userId === NOBODY ? {} : await headersOf(userId);
    return inject({ ...given, headers: { ...session, ...headers } });
  };
  (app as unknown as { inject: Inject }).inject = injectAs;
  return app;
}
