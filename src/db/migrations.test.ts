import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { migrateDownAll, migrateToLatest } from './database.ts';
import { migrations } from './migrations/index.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase('migrations');
});
afterAll(async () => t.drop());

describe('migrations', () => {
  it('go down to nothing and up again', async () => {
    await migrateDownAll(t.db);
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables
      WHERE table_schema = 'public' AND table_name = 'recordings'`.execute(t.db);
    expect(after.rows[0]?.n).toBe(0);
    await migrateToLatest(t.db);
    const again = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables
      WHERE table_schema = 'public' AND table_name = 'recordings'`.execute(t.db);
    expect(again.rows[0]?.n).toBe(1);
  });

  it('keeps the custody log append-only', async () => {
    const event = await t.db
      .insertInto('custody_events')
      .values({ action: 'received', actor: 'test', tool_versions: {}, details: {} })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      t.db.updateTable('custody_events').set({ actor: 'forger' }).where('id', '=', event.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('custody_events').execute()).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE custody_events`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('parses Russian text with the database locale', async () => {
    const r = await sql<{
      v: string;
    }>`SELECT to_tsvector('russian', 'Двухсотые под Бахмутом')::text AS v`.execute(t.db);
    expect(r.rows[0]?.v).toContain('бахмут');
  });

  it("adds the 'corrected' custody action, and refuses to go back once one is logged", async () => {
    const migrator = new Migrator({
      db: t.db,
      provider: { getMigrations: () => Promise.resolve(migrations) },
    });
    const log = (action: 'corrected' | 'derived') =>
      t.db
        .insertInto('custody_events')
        .values({ action, actor: 'Olena', tool_versions: {}, details: {} })
        .execute();

    // Down with no 'corrected' rows: the older action list is back.
    expect((await migrator.migrateTo('0008-custody-corrected')).error).toBeUndefined();
    const down = await migrator.migrateTo('0007-desk-notes');
    expect(down.error).toBeUndefined();
    expect(down.results).toEqual([
      expect.objectContaining({
        migrationName: '0008-custody-corrected',
        direction: 'Down',
        status: 'Success',
      }),
    ]);
    await expect(log('corrected')).rejects.toThrow(/custody_events_action_check/);
    await log('derived');

    await migrateToLatest(t.db);
    await log('corrected');
    const count = async () =>
      (
        await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM custody_events WHERE action = 'corrected'`.execute(t.db)
      ).rows[0]?.n;
    expect(await count()).toBe(1);

    // Down now would have to rewrite the append-only log: it refuses and changes nothing.
    const refused = await migrator.migrateTo('0007-desk-notes');
    expect(String(refused.error)).toMatch(/1 'corrected' events/);
    expect(await count()).toBe(1);
    await log('corrected');
    expect(await count()).toBe(2);
  });

  it('keeps a waiting run on the way down as failed, with the model it waited for as the reason', async () => {
    const migrator = new Migrator({
      db: t.db,
      provider: { getMigrations: () => Promise.resolve(migrations) },
    });
    await migrateToLatest(t.db);
    const collection = await t.db
      .insertInto('collections')
      .values({ name: 'waits', model_profile: 'demo' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const recording = await t.db
      .insertInto('recordings')
      .values({
        sha256: 'a'.repeat(64),
        size_bytes: 1,
        collection_id: collection.id,
        original_filename: 'a.wav',
        store_path: 'aa/a',
        metadata_extra: {},
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      t.db
        .insertInto('stage_runs')
        .values({ recording_id: recording.id, stage: 'vad', status: 'waiting', waiting_for_model: null })
        .execute(),
    ).rejects.toThrow(/stage_runs_waiting_names_model/);
    await t.db
      .insertInto('stage_runs')
      .values({
        recording_id: recording.id,
        stage: 'vad',
        status: 'waiting',
        waiting_for_model: 'silero-vad-v6.2',
      })
      .execute();

    expect((await migrator.migrateTo('0008-custody-corrected')).error).toBeUndefined();
    const rows = await sql<{ status: string; error: string }>`
      SELECT status, error FROM stage_runs WHERE recording_id = ${recording.id}`.execute(t.db);
    expect(rows.rows).toEqual([{ status: 'failed', error: 'waiting for model silero-vad-v6.2' }]);
    await migrateToLatest(t.db);
  });

  // Last: the events it logs cannot be removed, so no later test could go down past 0013.
  it("adds the 'quarantined' and 'restored' custody actions, and refuses to go back once one is logged", async () => {
    const migrator = new Migrator({
      db: t.db,
      provider: { getMigrations: () => Promise.resolve(migrations) },
    });
    await migrateToLatest(t.db);
    const log = (action: 'quarantined' | 'restored') =>
      t.db
        .insertInto('custody_events')
        .values({ action, actor: 'Olena', tool_versions: {}, details: {} })
        .execute();
    expect((await migrator.migrateTo('0012-accounts')).error).toBeUndefined();
    await expect(log('quarantined')).rejects.toThrow(/custody_events_action_check/);

    await migrateToLatest(t.db);
    await log('quarantined');
    await log('restored');
    const refused = await migrator.migrateTo('0012-accounts');
    expect(String(refused.error)).toMatch(/2 'quarantined' or 'restored' events/);
    await log('quarantined');
  });
});
