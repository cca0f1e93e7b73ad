import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../test/helpers/ports.ts';
import { makeAudioFile } from '../../test/helpers/recordings.ts';
import { loadConfig, type EarshotConfig } from '../config/config.ts';
import { ingestPaths } from '../ingest/ingest-paths.ts';
import { pipelineRegistry } from '../jobs/handlers.ts';
import { PGBOSS_SCHEMA, startJobQueue } from '../jobs/queue.ts';
import { connectDatabase, type DatabaseConnection } from '../runtime/database-connection.ts';
import { EnvironmentError } from '../runtime/environment-error.ts';
import { saveCorrection } from '../transcripts/correction.ts';
import { insertMachineTranscriptFixture } from '../transcripts/testing/transcript-fixtures.ts';
import { createDb, migrateToLatest, type Db } from './database.ts';
import { APPEND_ONLY_TABLES, EMBEDDED_RUNTIME_ROLE, KEPT_TABLES } from './database-roles.ts';
import { ensureDatabase, startEmbeddedPostgres } from './embedded-postgres.ts';

// The app's own connection, as connectDatabase hands it out on the embedded server, tries to undo
// the append-only guarantees and must be refused; its ordinary work must still go through. The
// data folder is first made the way an earlier version made it (everything as the superuser,
// pg-boss included), so the same run proves that such a folder is brought over with nothing lost.

let root: string;
let config: EarshotConfig;
let connection: DatabaseConnection | undefined;
let superuserUrl: (database: string) => string;
const before = { recordings: 0, custodyEvents: 0, queuedJobs: 0 };

async function count(db: Db, table: string): Promise<number> {
  const rows = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
  return Number(rows.rows[0]!.n);
}

async function ingestOne(db: Db, name: string, collection: string) {
  const folder = path.join(root, `input-${name}`);
  fs.mkdirSync(folder);
  makeAudioFile(path.join(folder, `${name}.wav`), 'stereo', 1);
  return ingestPaths(db, config, { paths: [folder], collection, actor: 'tester' });
}

/** What Earshot before the runtime role left behind: schema, rows and job queue, all the superuser's. */
async function makeEarlierVersionDataFolder(): Promise<void> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const server = await startEmbeddedPostgres({
    dataDir: config.embeddedPostgresDir,
    port: config.embeddedPostgresPort,
    databaseName: 'earshot',
  });
  superuserUrl = (database) => server.connectionString(database);
  const db = createDb(server.connectionString('earshot'), 2);
  try {
    await migrateToLatest(db);
    const result = await ingestOne(db, 'earlier', 'earlier');
    expect(result.newRecordingIds).toHaveLength(1);
    const boss = new PgBoss({ connectionString: server.connectionString('earshot'), schema: PGBOSS_SCHEMA });
    // Its pool may still hold a connection when the server stops: that is no failure here.
    boss.on('error', () => undefined);
    await boss.start();
    await boss.createQueue('stage.decode');
    await boss.send('stage.decode', { recordingId: result.newRecordingIds[0] });
    await boss.stop({ graceful: false, wait: true });
    before.recordings = await count(db, 'recordings');
    before.custodyEvents = await count(db, 'custody_events');
    before.queuedJobs = await count(db, `${PGBOSS_SCHEMA}.job`);
  } finally {
    await db.destroy();
    await server.stop();
  }
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-db-roles-'));
  fs.chmodSync(root, 0o755);
  config = loadConfig(
    {
      EARSHOT_DATA_DIR: path.join(root, 'data'),
      EARSHOT_PG_PORT: String(await freePort()),
      DATABASE_URL: '',
    },
    root,
  );
  await makeEarlierVersionDataFolder();
  connection = await connectDatabase(config);
}, 180_000);

afterAll(async () => {
  await connection?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** Runs one statement on the app's connection and returns the error it raised. */
async function refusal(statement: string): Promise<string> {
  try {
    await sql.raw(statement).execute(connection!.db);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return `accepted: ${statement}`;
}

describe('the app works through a runtime role that cannot undo the append-only tables', () => {
  it('brings an earlier data folder over with nothing lost', async () => {
    const db = connection!.db;
    expect(await count(db, 'recordings')).toBe(before.recordings);
    expect(await count(db, 'custody_events')).toBe(before.custodyEvents);
    expect(await count(db, `${PGBOSS_SCHEMA}.job`)).toBe(before.queuedJobs);
  });

  it('connects as a login role without superuser, role, database or replication rights, owning no table', async () => {
    const role = await sql<Record<string, unknown>>`
      SELECT current_user AS name, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication,
             (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'public' AND c.relowner = r.oid) AS owned
      FROM pg_roles r WHERE rolname = current_user`.execute(connection!.db);
    expect(role.rows[0]).toEqual({
      name: EMBEDDED_RUNTIME_ROLE,
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolbypassrls: false,
      rolreplication: false,
      owned: 0,
    });
  });

  it('cannot switch the triggers off, rewrite the custody log or make objects', async () => {
    expect(await refusal('ALTER TABLE custody_events DISABLE TRIGGER ALL')).toMatch(/must be owner/);
    expect(await refusal('ALTER TABLE custody_events DISABLE TRIGGER custody_events_no_update')).toMatch(
      /must be owner/,
    );
    expect(await refusal('SET session_replication_role = replica')).toMatch(/permission denied/);
    expect(await refusal(`UPDATE custody_events SET actor = 'someone else'`)).toMatch(/permission denied/);
    expect(await refusal('DELETE FROM custody_events')).toMatch(/permission denied/);
    expect(await refusal('TRUNCATE custody_events')).toMatch(/permission denied/);
    expect(await refusal('DROP TABLE custody_events')).toMatch(/must be owner/);
    expect(await refusal('DROP TRIGGER custody_events_no_update ON custody_events')).toMatch(/must be owner/);
    expect(await refusal('CREATE TABLE shadow (x int)')).toMatch(/permission denied for schema public/);
    expect(await refusal('CREATE SCHEMA shadow')).toMatch(/permission denied for database/);
    expect(await refusal('CREATE ROLE intruder SUPERUSER')).toMatch(/permission denied/);
    expect(await refusal(`ALTER ROLE ${EMBEDDED_RUNTIME_ROLE} SUPERUSER`)).toMatch(/permission denied/);
    expect(await refusal('GRANT earshot_app TO postgres')).toMatch(/permission denied|must have admin/);
    expect(await count(connection!.db, 'custody_events')).toBe(before.custodyEvents);
  });

  it('stamps each custody event with the server time, so a backdated one shows', async () => {
    const db = connection!.db;
    const backdated = await sql<{ occurred_at: Date; recorded_at: Date }>`
      INSERT INTO custody_events (action, actor, occurred_at, recorded_at, details)
      VALUES ('metadata', 'intruder', '2001-01-01T00:00:00Z', '2001-01-01T00:00:00Z', '{}')
      RETURNING occurred_at, recorded_at`.execute(db);
    const row = backdated.rows[0]!;
    expect(row.occurred_at.toISOString()).toBe('2001-01-01T00:00:00.000Z');
    // The writer's claimed recorded_at is overwritten by the trigger the role cannot disable.
    expect(row.recorded_at.getUTCFullYear()).toBeGreaterThan(2020);
    expect(await refusal('ALTER TABLE custody_events DISABLE TRIGGER custody_events_recorded_at')).toMatch(
      /must be owner/,
    );
    before.custodyEvents += 1;
  });

  it('may only read and insert on every append-only table', async () => {
    const rights = await sql<{ table: string; rights: string[] }>`
      SELECT t AS table,
             array(SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE',
                                              'REFERENCES', 'TRIGGER']) p
                   WHERE has_table_privilege(current_user, t, p)) AS rights
      FROM unnest(${[...APPEND_ONLY_TABLES]}::text[]) t`.execute(connection!.db);
    expect(rights.rows).toEqual(APPEND_ONLY_TABLES.map((table) => ({ table, rights: ['SELECT', 'INSERT'] })));
  });

  it('may read, insert and update the kept tables, never delete', async () => {
    const rights = await sql<{ table: string; rights: string[] }>`
      SELECT t AS table, ARRAY(
        SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) p
        WHERE has_table_privilege(current_user, t, p)) AS rights
      FROM unnest(${[...KEPT_TABLES]}::text[]) t`.execute(connection!.db);
    expect(rights.rows).toEqual(
      KEPT_TABLES.map((table) => ({ table, rights: ['SELECT', 'INSERT', 'UPDATE'] })),
    );
  });

  it('lists every table whose triggers refuse TRUNCATE as append-only or kept', async () => {
    // tgtype bit 32: a TRUNCATE trigger, which only the append-only tables have.
    const guarded = await sql<{ table: string }>`
      SELECT DISTINCT c.relname AS table FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND NOT g.tgisinternal AND (g.tgtype & 32) <> 0`.execute(connection!.db);
    expect(guarded.rows.length).toBeGreaterThan(0);
    for (const { table } of guarded.rows) expect([...APPEND_ONLY_TABLES, ...KEPT_TABLES]).toContain(table);
  });

  it('still ingests, corrects a transcript and queues jobs through that role', async () => {
    const db = connection!.db;
    const result = await ingestOne(db, 'now', 'now');
    expect(result.newRecordingIds).toHaveLength(1);
    const recordingId = result.newRecordingIds[0]!;
    await insertMachineTranscriptFixture(db, recordingId, [{ start: 0, end: 1, text: 'алло' }]);
    const saved = await saveCorrection(db, {
      recordingId,
      baseVersion: 1,
      author: 'tester',
      segments: [{ channel: 0, lane: 'channel-0', start: 0, end: 1, text: 'алло, да' }],
    });
    expect(saved.version).toBe(2);

    const queue = await startJobQueue({
      connectionString: connection!.connectionString,
      registry: pipelineRegistry(),
    });
    try {
      await queue.enqueue('decode', [{ recordingId }]);
    } finally {
      await queue.stop({ graceful: false });
    }
    expect(await count(db, `${PGBOSS_SCHEMA}.job`)).toBe(before.queuedJobs + 1);
  });
});

describe('DATABASE_URL on a server of ones own', () => {
  const runtimeUrl = (database: string): string => {
    const url = new URL(connection!.connectionString);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const external = (env: Record<string, string>): EarshotConfig =>
    loadConfig({ EARSHOT_DATA_DIR: path.join(root, 'external'), ...env }, root);

  it('migrates with EARSHOT_MIGRATION_DATABASE_URL and works as the runtime role of DATABASE_URL', async () => {
    await ensureDatabase(superuserUrl('postgres'), 'team');
    const team = await connectDatabase(
      external({ DATABASE_URL: runtimeUrl('team'), EARSHOT_MIGRATION_DATABASE_URL: superuserUrl('team') }),
    );
    try {
      const who = await sql<{ name: string }>`SELECT current_user AS name`.execute(team.db);
      expect(who.rows[0]!.name).toBe(EMBEDDED_RUNTIME_ROLE);
      const denied = await sql
        .raw('TRUNCATE custody_events')
        .execute(team.db)
        .catch((e: Error) => e.message);
      expect(denied).toMatch(/permission denied/);
      expect(await count(team.db, 'custody_events')).toBe(0);
    } finally {
      await team.close();
    }
  });

  it('refuses to run a runtime role on a database that lacks migrations, saying what to set', async () => {
    await ensureDatabase(superuserUrl('postgres'), 'unmigrated');
    const attempt = connectDatabase(external({ DATABASE_URL: runtimeUrl('unmigrated') }));
    await expect(attempt).rejects.toThrow(EnvironmentError);
    await expect(attempt).rejects.toThrow(/EARSHOT_MIGRATION_DATABASE_URL/);
  });

  it('refuses a superuser as the runtime role', async () => {
    const attempt = connectDatabase(
      external({ DATABASE_URL: superuserUrl('team'), EARSHOT_MIGRATION_DATABASE_URL: superuserUrl('team') }),
    );
    await expect(attempt).rejects.toThrow(/is a superuser/);
  });
});
