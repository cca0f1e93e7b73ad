import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  type ApiFixture,
} from '../../../test/helpers/api-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { machineOfferOf } from '../../transcripts/machine-offer.ts';
import { machineVersionFixture } from '../../transcripts/testing/transcript-fixtures.ts';
import { appendTranscriptVersion } from '../../transcripts/transcript-store.ts';
import { migrateToLatest } from '../database.ts';
import { migrations } from './index.ts';

// A database where a forced re-run already hid a correction (before 0027 the newest version was
// current): the upgrade makes the correction current again and offers the machine version.

let t: TestDatabase;
let fixture: ApiFixture;

beforeAll(async () => {
  t = await createTestDatabase('migration_0027');
  fixture = createApiFixture(t.db);
});

afterAll(async () => {
  fixture?.cleanup();
  await t?.drop();
});

const segment = (text: string) => ({
  channel: 0,
  lane: 'channel-0',
  speaker: null,
  start: 0,
  end: 1,
  text,
  language: 'ru',
  confidence: null,
  words: [],
});

describe('migration 0027', () => {
  it('gives a correction hidden by a machine re-run back its place as the current version', async () => {
    const migrator = new Migrator({
      db: t.db,
      provider: { getMigrations: () => Promise.resolve(migrations) },
    });
    expect((await migrator.migrateTo('0026-protected-identities')).error).toBeUndefined();
    const collection = await insertCollection(t.db, 'Intercepts');
    const { id } = await insertRecording(fixture, { collection_id: collection });
    const v1 = await appendTranscriptVersion(t.db, machineVersionFixture(id), [segment('одиннадцать')]);
    const v2 = await appendTranscriptVersion(
      t.db,
      { ...machineVersionFixture(id), kind: 'human', basedOnId: v1.id, createdBy: 'Olena', model: null },
      [segment('шестнадцать')],
    );
    const v3 = await appendTranscriptVersion(t.db, machineVersionFixture(id), [segment('одиннадцать')]);
    const currentOf = () =>
      t.db
        .selectFrom('latest_transcripts')
        .select('version')
        .where('recording_id', '=', id)
        .executeTakeFirst();
    expect(await currentOf()).toEqual({ version: 3 });

    await migrateToLatest(t.db);
    expect(await currentOf()).toEqual({ version: 2 });
    const superseded = await t.db.selectFrom('superseded_transcripts').select('transcript_id').execute();
    expect(superseded.map((s) => s.transcript_id).sort()).toEqual([v1.id, v3.id].sort());
    expect((await machineOfferOf(t.db, id))?.offered.id).toBe(v3.id);
    expect(v2.version).toBe(2);
  });
});
