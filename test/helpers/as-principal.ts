import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { grantCollection } from '../../src/accounts/grants.ts';
import { createUser } from '../../src/accounts/users.ts';
import { buildApiServer, type ApiServerOptions } from '../../src/api/server.ts';
import type { Db } from '../../src/db/database.ts';
import type { UserRole } from '../../src/db/schema.ts';
import { sessionOf } from './signed-in-api.ts';

/**
 * Tests that act as many users name the user per request with this header; the helper below
 * swaps it for that user's real session cookie and CSRF token (sessions made through the same
 * function the sign-in uses), so every request goes through the product's session guard. The
 * server never sees the header.
 */
export const TEST_USER_HEADER = 'x-test-user';
/** The header's value for a request with no session at all. */
export const NOBODY = 'nobody';

/** A user with a role and grants, through the functions the CLI and the Users page use. */
export async function insertUser(
  db: Db,
  name: string,
  role: UserRole,
  collectionIds: readonly string[] = [],
): Promise<string> {
  const user = await createUser(db, { name, role, createdBy: 'test' });
  for (const collectionId of collectionIds) {
    await grantCollection(db, { userId: user.id, collectionId, grantedBy: 'test' });
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
  const sessions = new Map<string, Promise<Record<string, string>>>();
  const headersOf = (userId: string): Promise<Record<string, string>> => {
    let headers = sessions.get(userId);
    if (!headers) {
      headers = sessionOf(db, { id: userId, name: userId }).then((session) => session.headers);
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
