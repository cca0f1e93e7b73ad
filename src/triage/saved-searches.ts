import type { Db } from '../db/database.ts';
import { SavedSearchNotFound } from './triage-errors.ts';

/**
 * A person's own saved searches (migration 0031): a name and the Search page's parameters as the
 * page holds them in its address (q, lang, translit and the calls list's filters), so opening one
 * runs the same search, on the calls the person may see at that moment.
 */

export interface SavedSearch {
  id: string;
  name: string;
  params: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
}

function present(row: {
  id: string;
  name: string;
  params: Record<string, string>;
  created_at: Date;
  updated_at: Date;
}): SavedSearch {
  return {
    id: row.id,
    name: row.name,
    params: row.params,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listSavedSearches(db: Db, userId: string): Promise<SavedSearch[]> {
  const rows = await db
    .selectFrom('saved_searches')
    .select(['id', 'name', 'params', 'created_at', 'updated_at'])
    .where('user_id', '=', userId)
    .orderBy('name')
    .execute();
  return rows.map(present);
}

/** Saves under a name; a search saved under the same name before is replaced. */
export async function saveSearch(
  db: Db,
  userId: string,
  input: { name: string; params: Record<string, string> },
): Promise<SavedSearch> {
  const row = await db
    .insertInto('saved_searches')
    .values({ user_id: userId, name: input.name, params: JSON.stringify(input.params) })
    .onConflict((oc) =>
      oc.columns(['user_id', 'name']).doUpdateSet({
        params: JSON.stringify(input.params),
        updated_at: new Date(),
      }),
    )
    .returning(['id', 'name', 'params', 'created_at', 'updated_at'])
    .executeTakeFirstOrThrow();
  return present(row);
}

/** Deletes one of the user's saved searches; another user's is not found. */
export async function deleteSavedSearch(db: Db, userId: string, id: string): Promise<SavedSearch> {
  const row = await db
    .deleteFrom('saved_searches')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returning(['id', 'name', 'params', 'created_at', 'updated_at'])
    .executeTakeFirst();
  if (!row) throw new SavedSearchNotFound(id);
  return present(row);
}
