import type { Db } from '../db/database.ts';
import type { UserRole } from '../db/schema.ts';

// The one owner of collection grants: the desk's admin page (src/api/routes/users.ts) and the
// CLI (`earshot user grant/revoke`) both write them through these functions.

/** A user id that is not in the database (the API answers 404). */
export class UserNotFound extends Error {
  constructor(readonly userId: string) {
    super(`No user with id ${userId}`);
  }
}

/** A collection id that is not in the database (the API answers 404). */
export class CollectionNotFound extends Error {
  constructor(readonly collectionId: string) {
    super(`No collection with id ${collectionId}`);
  }
}

export interface UserWithGrants {
  id: string;
  name: string;
  role: UserRole;
  createdAt: Date;
  disabledAt: Date | null;
  /** Granted collections by name; admins see every collection whatever is granted. */
  grants: { collectionId: string; collectionName: string; grantedBy: string; grantedAt: Date }[];
}

async function requireUserAndCollection(db: Db, userId: string, collectionId: string): Promise<void> {
  const [user, collection] = await Promise.all([
    db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst(),
    db.selectFrom('collections').select('id').where('id', '=', collectionId).executeTakeFirst(),
  ]);
  if (!user) throw new UserNotFound(userId);
  if (!collection) throw new CollectionNotFound(collectionId);
}

/** Grants the user the collection; true when it is new (granting it again changes nothing). */
export async function grantCollection(
  db: Db,
  grant: { userId: string; collectionId: string; grantedBy: string },
): Promise<boolean> {
  await requireUserAndCollection(db, grant.userId, grant.collectionId);
  const inserted = await db
    .insertInto('collection_grants')
    .values({ user_id: grant.userId, collection_id: grant.collectionId, granted_by: grant.grantedBy })
    .onConflict((oc) => oc.columns(['user_id', 'collection_id']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Takes the collection away from the user; true when they had it. */
export async function revokeCollection(
  db: Db,
  grant: { userId: string; collectionId: string },
): Promise<boolean> {
  await requireUserAndCollection(db, grant.userId, grant.collectionId);
  const deleted = await db
    .deleteFrom('collection_grants')
    .where('user_id', '=', grant.userId)
    .where('collection_id', '=', grant.collectionId)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}

/** Every user (or one) with their grants, by name. */
export async function listUsersWithGrants(db: Db, userId?: string): Promise<UserWithGrants[]> {
  let users = db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'created_at', 'disabled_at'])
    .orderBy((eb) => eb.fn('lower', ['name']));
  if (userId !== undefined) users = users.where('id', '=', userId);
  const rows = await users.execute();
  if (rows.length === 0) return [];
  const grants = await db
    .selectFrom('collection_grants as g')
    .innerJoin('collections as c', 'c.id', 'g.collection_id')
    .select(['g.user_id', 'g.collection_id', 'c.name', 'g.granted_by', 'g.granted_at'])
    .where(
      'g.user_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
    grants: grants
      .filter((g) => g.user_id === r.id)
      .map((g) => ({
        collectionId: g.collection_id,
        collectionName: g.name,
        grantedBy: g.granted_by,
        grantedAt: g.granted_at,
      })),
  }));
}
