import type { Db } from '../../db/database.ts';
import type { Collection } from '../../db/schema.ts';

export type CollectionWithCount = Collection & { recording_count: string };

export async function listCollectionsWithCounts(db: Db): Promise<CollectionWithCount[]> {
  return db
    .selectFrom('collections as c')
    .leftJoin('recordings as r', 'r.collection_id', 'c.id')
    .selectAll('c')
    .select((eb) => eb.fn.count<string>('r.id').as('recording_count'))
    .groupBy('c.id')
    .orderBy('c.name')
    .execute();
}
