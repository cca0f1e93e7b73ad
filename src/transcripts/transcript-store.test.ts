import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  type ApiFixture,
} from '../../test/helpers/api-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { machineVersionFixture } from './testing/transcript-fixtures.ts';
import {
  appendTranscriptVersion,
  listTranscriptVersions,
  readTranscriptVersion,
  translationIsStale,
  type NewTranscriptVersion,
} from './transcript-store.ts';

let t: TestDatabase;
let fixture: ApiFixture;
let recordingId = '';

beforeAll(async () => {
  t = await createTestDatabase('transcript_store');
  fixture = createApiFixture(t.db);
  const collection = await insertCollection(t.db, 'Intercepts');
  recordingId = (await insertRecording(fixture, { collection_id: collection })).id;
});

afterAll(async () => {
  fixture?.cleanup();
  await t?.drop();
});

const machine = (): NewTranscriptVersion => machineVersionFixture(recordingId);

const segment = (text: string, start: number) => ({
  channel: 0,
  lane: 'caller',
  speaker: null,
  start,
  end: start + 1,
  text,
  language: 'ru',
  confidence: 0.9,
  words: [{ w: text, start, end: start + 1, conf: 0.9 }],
});

describe('transcript store', () => {
  it('numbers versions in order and reads the latest or a given one, segments in stored order', async () => {
    const first = await appendTranscriptVersion(t.db, machine(), [segment('алло', 0), segment('да', 2)]);
    const second = await appendTranscriptVersion(t.db, machine(), [segment('слушаю', 0)]);
    expect([first.version, second.version]).toEqual([1, 2]);

    const latest = (await readTranscriptVersion(t.db, recordingId))!;
    expect(latest.transcript.id).toBe(second.id);
    expect(latest.latestVersion).toBe(2);
    expect(latest.segments.map((s) => s.text)).toEqual(['слушаю']);

    const older = (await readTranscriptVersion(t.db, recordingId, 1))!;
    expect(older.transcript.id).toBe(first.id);
    expect(older.latestVersion).toBe(2);
    expect(older.segments.map((s) => [s.position, s.text, s.words[0]?.w])).toEqual([
      [0, 'алло', 'алло'],
      [1, 'да', 'да'],
    ]);
    expect(await readTranscriptVersion(t.db, recordingId, 9)).toBeUndefined();
  });

  it('a version that must follow one no longer latest collides instead of skipping a number', async () => {
    const versions = await listTranscriptVersions(t.db, recordingId);
    const latest = versions.at(-1)!;
    const human: NewTranscriptVersion = {
      ...machine(),
      kind: 'human',
      basedOnId: versions[0]!.id,
      createdBy: 'Olena',
      model: null,
      follows: versions[0]!.version,
    };
    await expect(appendTranscriptVersion(t.db, human, [segment('алло', 0)])).rejects.toMatchObject({
      code: '23505',
    });
    const saved = await appendTranscriptVersion(t.db, { ...human, follows: latest.version }, [
      { ...segment('алло!', 0), sourceSegmentId: null },
    ]);
    expect(saved.version).toBe(latest.version + 1);
    const listed = await listTranscriptVersions(t.db, recordingId);
    expect(listed.at(-1)).toMatchObject({ kind: 'human', based_on_version: 1, created_by: 'Olena' });
  });

  it('calls a translation stale only when the text it translated changed', () => {
    expect(translationIsStale('у нас двое', 'у нас двое')).toBe(false);
    expect(translationIsStale('у нас двое', 'у нас трое')).toBe(true);
  });
});
