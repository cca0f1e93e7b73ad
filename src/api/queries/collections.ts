import { collectionCondition, type CollectionScope } from '../../accounts/collection-scope.ts';
import type { Db } from '../../db/database.ts';
import type { Collection } from '../../db/schema.ts';
import { CollectionNotFound } from '../../accounts/grants.ts';

export type CollectionWithCount = Collection & { recording_count: string };

/**
 * The id of the collection with this name if it is in scope; undefined when there is none or the
 * scope does not reach it (the same answer: a name reveals nothing either).
 */
export async function findCollectionIdByName(
  db: Db,
  name: string,
  scope: CollectionScope,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('collections as c')
    .select('c.id')
    .where('c.name', '=', name)
    .where(collectionCondition('c.id', scope))
    .executeTakeFirst();
  return row?.id;
}

/** The collections in scope with their recording counts, by name. */
export async function listCollectionsWithCounts(
  db: Db,
  scope: CollectionScope,
): Promise<CollectionWithCount[]> {
  return db
    .selectFrom('collections as c')
    .where(collectionCondition('c.id', scope))
    .leftJoin('recordings as r', 'r.collection_id', 'c.id')
    .selectAll('c')
    .select((eb) => eb.fn.count<string>('r.id').as('recording_count'))
    .groupBy('c.id')
    .orderBy('c.name')
    .execute();
}

/** Throws CollectionNotFound (a 404) unless the collection exists and the scope reaches it. */
export async function requireCollectionInScope(db: Db, id: string, scope: CollectionScope): Promise<void> {
  const row = await db
    .selectFrom('collections as c')
    .select('c.id')
    .where('c.id', '=', id)
    .where(collectionCondition('c.id', scope))
    .executeTakeFirst();
  if (!row) throw new CollectionNotFound(id);
}
