import type { FastifyInstance } from 'fastify';
import { loadPrincipal } from '../../src/accounts/load-principal.ts';
import type { Principal } from '../../src/accounts/principal.ts';
import type { Db } from '../../src/db/database.ts';
import type { UserRole } from '../../src/db/schema.ts';
import { createApiServer, type ApiServerOptions } from '../../src/api/server.ts';

/**
 * Tests act as a user without signing in: this header names the user's id, and the principal is
 * loaded from the test database's users and collection_grants rows as the session hook loads it.
 * Only this test helper reads the header; the product's server never does.
 */
export const TEST_USER_HEADER = 'x-test-user';
/** The header's value for a request with no signed-in user. */
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

/**
 * The API server, ready, with a test-only hook that signs each request in as the user its
 * x-test-user header names. A request without the header acts as an admin (inserted here), so
 * route tests written before accounts existed keep testing their routes, not the sign-in.
 */
export async function buildApiServerAsUsers(options: ApiServerOptions): Promise<FastifyInstance> {
  const defaultAdmin = await insertUser(options.db, `test-admin-${crypto.randomUUID()}`, 'admin');
  const app = await createApiServer(options);
  app.addHook('onRequest', async (request) => {
    const header = request.headers[TEST_USER_HEADER];
    const userId = typeof header === 'string' ? header : defaultAdmin;
    const principal: Principal | null =
      userId === NOBODY ? null : ((await loadPrincipal(options.db, userId)) ?? null);
    request.principal = principal;
  });
  await app.ready();
  return app;
}

/** The API server, ready, every request signed in as this principal (no user rows needed). */
export async function buildApiServerAsPrincipal(
  options: ApiServerOptions,
  principal: Principal,
): Promise<FastifyInstance> {
  const app = await createApiServer(options);
  app.addHook('onRequest', (request, _reply, done) => {
    request.principal = principal;
    done();
  });
  await app.ready();
  return app;
}
