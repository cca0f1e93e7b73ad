import { sql } from 'kysely';
import { EnvironmentError } from '../runtime/environment-error.ts';
import type { Db } from './database.ts';

/**
 * Who may do what in Earshot's database. Two roles:
 *
 * - the owner role runs the migrations and owns every table, function and trigger (the embedded
 *   server's superuser `postgres`; on a team server, the role of EARSHOT_MIGRATION_DATABASE_URL);
 * - the runtime role (DATABASE_URL; `earshot_app` on the embedded server) does the app's work. It
 *   owns no table of the application schema, so it cannot ALTER a table, disable its triggers or
 *   drop it; it is no superuser, so it cannot set session_replication_role; it may not create
 *   objects in the schema; and on the append-only tables below it may only read and insert, so the
 *   triggers that refuse UPDATE, DELETE and TRUNCATE are backed by missing privileges too.
 *
 * pg-boss keeps its queue in its own schema, which the runtime role owns: creating a queue creates
 * a partition table there. Nothing of the evidence is in that schema.
 *
 * The grants are applied again after every migration run (idempotent), so a table added by a later
 * migration gets the ordinary rights, or the append-only ones when it is listed here.
 */

/** Rows are only ever added to these tables; the runtime role may SELECT and INSERT, nothing more. */
export const APPEND_ONLY_TABLES: readonly string[] = [
  'custody_events',
  'transcripts',
  'transcript_segments',
  'segment_translations',
  'analysis_runs',
  'analysis_matches',
  'analysis_entities',
  'analysis_meaning_flags',
  'desk_notes',
  'store_verifications',
  'audit_log',
  'verification_case_events',
  'case_attachments',
  'number_notes',
  'protected_identity_pseudonyms',
  'machine_transcript_decisions',
];

/**
 * Rows of these tables are never deleted, though some columns may change under their triggers'
 * rules (the protected-identity register: a pseudonym is renamed, an entry retired): the runtime
 * role may read, insert and update, never delete.
 */
export const KEPT_TABLES: readonly string[] = ['protected_identities'];

/** The migrator's bookkeeping: the runtime role reads it to tell whether migrations are pending. */
const READ_ONLY_TABLES: readonly string[] = ['kysely_migration', 'kysely_migration_lock'];

/** The runtime role of the embedded server. */
export const EMBEDDED_RUNTIME_ROLE = 'earshot_app';

const APP_SCHEMA = 'public';
const PGBOSS_SCHEMA = 'pgboss';
/** Serialises grant runs of processes starting together ("tuple concurrently updated"). */
const GRANTS_LOCK = 0x6561_7231;

/**
 * Creates the runtime role on a server whose superuser we hold (the embedded one), or brings an
 * existing one back to the attributes it must have. The password is set when the role is made and
 * when `resetPassword` says the stored one is new.
 */
export async function ensureRuntimeRole(
  admin: Db,
  role: string,
  password: string,
  resetPassword: boolean,
): Promise<void> {
  const attributes = 'LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOBYPASSRLS NOREPLICATION NOINHERIT';
  const name = sql.id(role);
  const existing = await sql<{ ok: boolean }>`
    SELECT (NOT rolsuper AND NOT rolcreaterole AND NOT rolcreatedb AND NOT rolbypassrls
            AND NOT rolreplication AND NOT rolinherit AND rolcanlogin) AS ok
    FROM pg_roles WHERE rolname = ${role}`.execute(admin);
  const passwordClause = sql`PASSWORD ${sql.lit(password)}`;
  if (existing.rows.length === 0) {
    try {
      await sql`CREATE ROLE ${name} ${sql.raw(attributes)} ${passwordClause}`.execute(admin);
      return;
    } catch (error) {
      // Another process on the same server made it a moment ago: bring that one up to date.
      if ((error as { code?: string }).code !== '42710') throw error;
    }
  } else if (existing.rows[0]!.ok && !resetPassword) {
    return;
  }
  await sql`ALTER ROLE ${name} ${sql.raw(attributes)} ${passwordClause}`.execute(admin);
}

/**
 * Gives the runtime role exactly the rights above, through the owner's connection. Run after the
 * migrations, by the process that ran them.
 */
export async function applyRuntimeGrants(owner: Db, role: string): Promise<void> {
  await owner.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${GRANTS_LOCK})`.execute(trx);
    await assertSeparateRuntimeRole(trx, role);
    const r = sql.id(role);
    const schema = sql.id(APP_SCHEMA);
    const database = (await sql<{ db: string }>`SELECT current_database() AS db`.execute(trx)).rows[0]!.db;
    // PostgreSQL before 15 let everyone create in `public`; no one but the owner may.
    await sql`REVOKE CREATE ON SCHEMA ${schema} FROM PUBLIC, ${r}`.execute(trx);
    await sql`REVOKE CREATE ON DATABASE ${sql.id(database)} FROM ${r}`.execute(trx);
    await sql`GRANT CONNECT ON DATABASE ${sql.id(database)} TO ${r}`.execute(trx);
    await sql`GRANT USAGE ON SCHEMA ${schema} TO ${r}`.execute(trx);
    // Tables the owner makes later start with the ordinary rights; the lists below then apply.
    await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema}
              GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`.execute(trx);
    await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema}
              GRANT USAGE, SELECT ON SEQUENCES TO ${r}`.execute(trx);
    // Never TRUNCATE, REFERENCES or TRIGGER (which would let it add triggers of its own).
    await sql`REVOKE ALL ON ALL TABLES IN SCHEMA ${schema} FROM ${r}`.execute(trx);
    await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${r}`.execute(trx);
    await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${r}`.execute(trx);
    const tables = await existingTables(trx, [...APPEND_ONLY_TABLES, ...READ_ONLY_TABLES]);
    for (const table of tables) {
      const t = sql.id(APP_SCHEMA, table);
      await sql`REVOKE UPDATE, DELETE ON ${t} FROM ${r}`.execute(trx);
      if (READ_ONLY_TABLES.includes(table)) await sql`REVOKE INSERT ON ${t} FROM ${r}`.execute(trx);
    }
    for (const table of await existingTables(trx, KEPT_TABLES))
      await sql`REVOKE DELETE ON ${sql.id(APP_SCHEMA, table)} FROM ${r}`.execute(trx);
  });
  await handPgBossToRuntimeRole(owner, role);
}

async function existingTables(db: Db, names: readonly string[]): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${APP_SCHEMA} AND c.relkind IN ('r', 'p') AND c.relname = ANY(${[...names]})`.execute(
    db,
  );
  return rows.rows.map((row) => row.name);
}

/**
 * Granting to the owner itself would take away the owner's own rights, and a superuser ignores
 * grants altogether: both mean that DATABASE_URL names the wrong role.
 */
async function assertSeparateRuntimeRole(db: Db, role: string): Promise<void> {
  const found = await sql<{ me: string; superuser: boolean }>`
    SELECT current_user AS me, rolsuper AS superuser FROM pg_roles WHERE rolname = ${role}`.execute(db);
  const row = found.rows[0];
  if (!row) {
    throw new EnvironmentError(
      `The database role "${role}" of DATABASE_URL does not exist. Create it as a login role that is ` +
        `no superuser (CREATE ROLE ${role} LOGIN PASSWORD '…'); Earshot grants it what it needs.`,
    );
  }
  if (row.me === role || row.superuser) {
    throw new EnvironmentError(
      `DATABASE_URL connects as "${role}", which ${row.superuser ? 'is a superuser' : 'is the migration role'}: ` +
        `the app's own connection could then switch off the append-only tables' triggers. Point ` +
        `DATABASE_URL at a separate login role without superuser rights, and keep the owner role in ` +
        `EARSHOT_MIGRATION_DATABASE_URL.`,
    );
  }
}

/**
 * pg-boss creates its tables on first start, which needs the right to create a schema; the runtime
 * role has none. The owner installs them and then gives the schema and everything in it to the
 * runtime role (also the tables that an earlier version of Earshot made as the owner).
 */
async function handPgBossToRuntimeRole(owner: Db, role: string): Promise<void> {
  await installPgBoss(owner);
  // The schema first: a new table owner needs the right to create in the table's schema.
  const objects = await sql<{ statement: string }>`
    SELECT format('ALTER SCHEMA %I OWNER TO %I', n.nspname, ${role}::text) AS statement, 1 AS rank
      FROM pg_namespace n WHERE n.nspname = ${PGBOSS_SCHEMA} AND n.nspowner <> ${role}::regrole
    UNION ALL
    -- Tables (partitions too: ownership does not pass down); their indexes and owned sequences follow.
    SELECT format('ALTER TABLE %I.%I OWNER TO %I', n.nspname, c.relname, ${role}::text), 2
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ${PGBOSS_SCHEMA} AND c.relkind IN ('r', 'p', 'v', 'm')
        AND c.relowner <> ${role}::regrole
    UNION ALL
    SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, ${role}::text), 2
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = ${PGBOSS_SCHEMA} AND p.proowner <> ${role}::regrole
    UNION ALL
    SELECT format('ALTER TYPE %I.%I OWNER TO %I', n.nspname, t.typname, ${role}::text), 2
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = ${PGBOSS_SCHEMA} AND t.typtype = 'e' AND t.typowner <> ${role}::regrole
    ORDER BY rank`.execute(owner);
  if (objects.rows.length === 0) return;
  try {
    await owner.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${GRANTS_LOCK})`.execute(trx);
      for (const { statement } of objects.rows) await sql.raw(statement).execute(trx);
    });
  } catch (error) {
    throw new EnvironmentError(
      `The migration role could not give the job queue's schema "${PGBOSS_SCHEMA}" to the runtime role ` +
        `"${role}" (${error instanceof Error ? error.message : String(error)}). Let it act for that ` +
        `role: GRANT ${role} TO <migration role>; then start Earshot again.`,
    );
  }
}

/** pg-boss's own install script, as pg-boss runs it: a race with another installer is no error. */
async function installPgBoss(owner: Db): Promise<void> {
  await owner.connection().execute(async (connection) => {
    const installed = await sql<{ name: string | null }>`
      SELECT to_regclass(${`${PGBOSS_SCHEMA}.version`})::text AS name`.execute(connection);
    if (installed.rows[0]?.name) return;
    // Loaded only here: commands like `earshot status` must not load the job queue's package.
    const { default: PgBoss } = await import('pg-boss');
    try {
      // The script has its own BEGIN, lock and COMMIT.
      await sql.raw(PgBoss.getConstructionPlans(PGBOSS_SCHEMA)).execute(connection);
    } catch (error) {
      await sql`ROLLBACK`.execute(connection);
      if (!(error instanceof Error && error.message.includes('already exists'))) throw error;
    }
  });
}
