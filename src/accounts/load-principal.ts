import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Principal } from './principal.ts';

/**
 * The principal of a user, from their row and their collection grants as they are now, so that
 * a changed role, a revoked grant or a disabled account takes effect at the next request.
 * Undefined for a user that does not exist or is disabled.
 */
export async function loadPrincipal(db: Db, userId: string): Promise<Principal | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'name', 'role'])
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return user ? principalOfUser(db, user) : undefined;
}

/** The principal of a user row already read (and known to be enabled): role and grants. */
export async function principalOfUser(
  db: Db,
  user: { id: string; name: string; role: Principal['role'] },
): Promise<Principal> {
  if (user.role === 'admin') return { userId: user.id, name: user.name, role: user.role, collections: 'all' };
  // The grants and whether they cover every collection, read in one statement (one snapshot):
  // a collection created later is not among the grants, so the next request sees it uncovered.
  const { rows } = await sql<{ collection_id: string | null; covers_every: boolean }>`
    SELECT g.collection_id,
      NOT EXISTS (
        SELECT 1 FROM collections c
        WHERE NOT EXISTS (
          SELECT 1 FROM collection_grants cg WHERE cg.user_id = ${user.id} AND cg.collection_id = c.id
        )
      ) AS covers_every
    FROM (SELECT 1) one
    LEFT JOIN collection_grants g ON g.user_id = ${user.id}
    ORDER BY g.collection_id`.execute(db);
  const collections = rows.flatMap((row) => (row.collection_id === null ? [] : [row.collection_id]));
  return {
    userId: user.id,
    name: user.name,
    role: user.role,
    collections,
    // An empty desk (no collections at all) is covered too, trivially: nothing to hide.
    everyCollectionGranted: rows[0]?.covers_every ?? false,
  };
}
