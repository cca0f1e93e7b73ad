import type { InsertObject, Insertable } from 'kysely';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';

/** Postgres refuses a statement with more bind parameters than this (a 16-bit count). */
const MAX_BIND_PARAMETERS = 65_535;
/** Rows per statement at most, so that one statement of narrow rows stays a modest size. */
const MAX_ROWS_PER_INSERT = 2_000;

/**
 * Inserts many rows of one table in as few statements as the bind-parameter limit allows (a
 * long recording has tens of thousands of speech regions or segments). Pass a transaction as
 * `db` to make the chunks one unit; on its own each chunk commits by itself.
 */
export async function insertInChunks<T extends keyof Database>(
  db: Db,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Math.max(1, Object.keys(first).length);
  const perInsert = rowsPerInsert(columns);
  for (let i = 0; i < rows.length; i += perInsert) {
    // Kysely cannot relate a generic table name to its insert type; the signature checks the rows.
    const chunk = rows.slice(i, i + perInsert) as unknown as InsertObject<Database, T>[];
    await db.insertInto(table).values(chunk).execute();
  }
}

/** How many rows of `columns` columns one INSERT may carry. */
export function rowsPerInsert(columns: number): number {
  return Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_BIND_PARAMETERS / columns)));
}
