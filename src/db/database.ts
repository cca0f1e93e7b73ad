import { Kysely, Migrator, PostgresDialect, sql, type MigrationResultSet } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';

// bigint columns (sizes) come back as strings; keep them exact rather than lossy numbers.
// timestamptz comes back as Date (pg default).

export type Db = Kysely<Database>;

export function createDb(connectionString: string, poolSize = 10): Db {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

function migrator(db: Db): Migrator {
  return new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
}

function unwrap(result: MigrationResultSet): void {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const message = result.error instanceof Error ? result.error.message : JSON.stringify(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${message}`);
  }
}

export async function migrateToLatest(db: Db): Promise<void> {
  unwrap(await migrator(db).migrateToLatest());
}

/** The migrations of this version that the database has not run yet, in order. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const table = await sql<{
    name: string | null;
  }>`SELECT to_regclass('kysely_migration')::text AS name`.execute(db);
  const done = new Set<string>();
  if (table.rows[0]?.name) {
    const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
    for (const row of rows.rows) done.add(row.name);
  }
  return Object.keys(migrations).filter((name) => !done.has(name));
}

export async function migrateDownAll(db: Db): Promise<void> {
  const m = migrator(db);
  for (;;) {
    const result = await m.migrateDown();
    unwrap(result);
    if (!result.results || result.results.length === 0) return;
  }
}
