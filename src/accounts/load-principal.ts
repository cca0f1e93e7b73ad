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
  if (!user) return undefined;
  if (user.role === 'admin') return { userId: user.id, name: user.name, role: user.role, collections: 'all' };
  const grants = await db
    .selectFrom('collection_grants')
    .select('collection_id')
    .where('user_id', '=', user.id)
    .orderBy('collection_id')
    .execute();
  return {
    userId: user.id,
    name: user.name,
    role: user.role,
    collections: grants.map((g) => g.collection_id),
  };
}
