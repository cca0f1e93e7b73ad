import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  type ApiFixture,
} from '../../../test/helpers/api-fixtures.ts';
import { insertTranscriptVersion, storeAnalysis } from '../../../test/helpers/analysis-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { analyseCall } from '../../analysis/analyse-text.ts';
import { buildIdentityMatcher } from '../forms/identity-matcher.ts';
import { EntityNotInCall, protectAllInCall, protectEntity } from './from-analysis.ts';
import {
  addProtectedIdentity,
  listRegister,
  loadProtectedIdentities,
  ProtectedIdentityRejected,
  PseudonymTaken,
  renamePseudonym,
  retireProtectedIdentity,
} from './register-store.ts';

// The register against the real database: stable, unique pseudonyms, idempotent adds, retirement
// that keeps the row, and --protect-all on a demo call analysed by the real analyser.

const OLENA = { userId: null, name: 'olena' };
let t: TestDatabase;
let fixture: ApiFixture;
let leakA = '';
let leakB = '';

// The demo corpus's call of 14 January 2023 (tools/demo/scripts/calls-2023.ts), as transcribed.
const ROMAN_CALL = [
  'Мама, привет. Это Рома. Мне дали позвонить пять минут.',
  'Ромочка! Где ты? Из колонии сказали, что тебя забрали.',
  'Я в Вагнере, мам. Под Бахмутом стоим.',
  'Свои. Позывной Бес, командир отделения, вэ че сорок один шестьсот девяносто восемь.',
  'Запиши номер Тимура, он со мной. 8 927 118 40 56. Если я не позвоню, звони ему.',
  'Записала. Рома, вернись, пожалуйста.',
];

beforeAll(async () => {
  t = await createTestDatabase('protected_register');
  fixture = createApiFixture(t.db);
  leakA = await insertCollection(t.db, 'Leak A');
  leakB = await insertCollection(t.db, 'Leak B');
});
afterAll(async () => {
  fixture?.cleanup();
  await t?.drop();
});

const add = (
  collectionId: string,
  kind: Parameters<typeof addProtectedIdentity>[1]['kind'],
  label: string,
  pseudonym?: string,
) => addProtectedIdentity(t.db, { collectionId, kind, label, pseudonym, actor: OLENA });

async function analysedCall(collectionId: string, lines: readonly string[]): Promise<string> {
  const recording = await insertRecording(fixture, { collection_id: collectionId });
  const transcript = await insertTranscriptVersion(
    t.db,
    recording.id,
    lines.map((text) => ({ text })),
  );
  const analysis = analyseCall(transcript.segmentIds.map((key, i) => ({ key, text: lines[i]! })));
  await storeAnalysis(t.db, recording.id, transcript.id, analysis);
  return recording.id;
}

describe('the protected-identity register', () => {
  it('numbers pseudonyms per kind and collection, and never gives one twice', async () => {
    const a = await add(leakA, 'person', 'Самойлов Дмитрий');
    const b = await add(leakA, 'person', 'Петров Иван');
    const mother = await add(leakA, 'person', 'Самойлова Анна', "A's mother");
    const number = await add(leakA, 'phone', '8 916 123-45-67');
    const place = await add(leakA, 'place', 'Бахмут');
    const elsewhere = await add(leakB, 'person', 'Самойлов Дмитрий');
    expect([a, b, mother, number, place, elsewhere].map((r) => r.entry.pseudonym)).toEqual([
      'Soldier A',
      'Soldier B',
      "A's mother",
      'Number 1',
      'Place 1',
      'Soldier A',
    ]);
    expect(number.entry.label).toBe('+79161234567');
    // A person entered by full name alone gets name parts; parts given by hand are kept as given.
    expect(mother.entry).toMatchObject({ first_name: 'Анна', surname: 'Самойлова', gender: 'female' });
    await expect(add(leakA, 'unit', 'в/ч 22179', 'soldier a')).rejects.toThrow(PseudonymTaken);
    await expect(add(leakA, 'phone', '12')).rejects.toThrow(ProtectedIdentityRejected);
    // The fourth person: "Soldier D" (the third was named by hand), and stable on reading back.
    expect((await add(leakA, 'person', 'Лапин')).entry.pseudonym).toBe('Soldier D');
    const again = await listRegister(t.db, leakA);
    expect(again.find((r) => r.id === a.entry.id)?.pseudonym).toBe('Soldier A');
  });

  it('gives the live entry back when the same identity is added again', async () => {
    const first = await add(leakA, 'call_sign', 'Гром');
    const second = await add(leakA, 'call_sign', '  гром ');
    expect(second).toMatchObject({ created: false, entry: { id: first.entry.id, pseudonym: 'Call sign 1' } });
    const phone = await add(leakA, 'phone', '+7 (916) 123 45 67');
    expect(phone.created).toBe(false);
  });

  it('renames a pseudonym, but never to one another entry has or had', async () => {
    const a = (await add(leakA, 'unit', '237-й полк')).entry;
    const b = (await add(leakA, 'unit', '1-я рота')).entry;
    const renamed = await renamePseudonym(t.db, leakA, a.id, 'The regiment', OLENA);
    expect(renamed).toMatchObject({
      previous: 'Unit 1',
      entry: { pseudonym: 'The regiment', former_pseudonyms: ['Unit 1'] },
    });
    await expect(renamePseudonym(t.db, leakA, b.id, 'unit 1', OLENA)).rejects.toThrow(PseudonymTaken);
    await expect(renamePseudonym(t.db, leakA, b.id, 'The Regiment', OLENA)).rejects.toThrow(PseudonymTaken);
    // An entry may take back its own former name; a new entry skips every used name.
    expect((await renamePseudonym(t.db, leakA, a.id, 'Unit 1', OLENA)).entry.pseudonym).toBe('Unit 1');
    expect((await add(leakA, 'unit', '2-я рота')).entry.pseudonym).toBe('Unit 3');
  });

  it('retires an entry by keeping it, marked, and refuses to change it after', async () => {
    const entry = (await add(leakA, 'cell_id', '250-20-8812-40016')).entry;
    const retired = await retireProtectedIdentity(t.db, leakA, entry.id, 'not an identity after all', OLENA);
    expect(retired).toMatchObject({ retired_by: 'olena', retired_reason: 'not an identity after all' });
    expect(retired.retired_at).toBeInstanceOf(Date);
    expect((await listRegister(t.db, leakA)).some((r) => r.id === entry.id)).toBe(true);
    expect((await loadProtectedIdentities(t.db, leakA)).some((r) => r.id === entry.id)).toBe(false);
    await expect(renamePseudonym(t.db, leakA, entry.id, 'Cell X', OLENA)).rejects.toThrow(
      ProtectedIdentityRejected,
    );
    await expect(retireProtectedIdentity(t.db, leakA, entry.id, 'again', OLENA)).rejects.toThrow(
      /retired already/,
    );
    // The database keeps it too: no delete, no change of what was protected, no un-retiring.
    await expect(
      t.db.deleteFrom('protected_identities').where('id', '=', entry.id).execute(),
    ).rejects.toThrow(/keeps every entry/);
    await expect(
      t.db
        .updateTable('protected_identities')
        .set({ retired_at: null, retired_by: null, retired_reason: null })
        .where('id', '=', entry.id)
        .execute(),
    ).rejects.toThrow(/retired/);
    const live = (await add(leakA, 'person', 'Кравцов')).entry;
    await expect(
      t.db
        .updateTable('protected_identities')
        .set({ label: 'someone else' })
        .where('id', '=', live.id)
        .execute(),
    ).rejects.toThrow(/only the pseudonym/);
    await expect(sql`TRUNCATE protected_identity_pseudonyms CASCADE`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    // Protected again after retirement: a new entry with a new name.
    const back = await add(leakA, 'cell_id', '250-20-8812-40016');
    expect(back).toMatchObject({ created: true, entry: { pseudonym: 'Cell 2' } });
  });

  it('adds from a call analysis: persons split, numbers normalised, places by gazetteer name, units, once', async () => {
    const collection = await insertCollection(t.db, 'Leak C');
    const recordingId = await analysedCall(collection, ROMAN_CALL);
    const result = await protectAllInCall(t.db, recordingId, OLENA);
    const byKind = (kind: string) => result.entries.filter((e) => e.kind === kind);
    expect(byKind('phone').map((e) => [e.label, e.pseudonym])).toEqual([['+79271184056', 'Number 1']]);
    expect(byKind('place').map((e) => [e.label, e.other_names])).toEqual([['Бахмут', ['Bakhmut']]]);
    expect(byKind('call_sign').map((e) => e.label)).toEqual(['Бес']);
    // A unit said aloud is stored by its number, and found however it is written or said.
    expect(byKind('unit').map((e) => [e.label, e.pseudonym])).toEqual([['в/ч 41698', 'Unit 1']]);
    const matcher = buildIdentityMatcher(await loadProtectedIdentities(t.db, collection));
    for (const text of [
      'из войсковой части 41698',
      'military unit forty one thousand six hundred ninety eight',
    ])
      expect(
        matcher.findMentions(text).map((m) => m.form.identityId),
        text,
      ).toEqual([byKind('unit')[0]!.id]);
    const persons = byKind('person');
    expect(persons.map((e) => e.pseudonym)).toEqual(persons.map((_, i) => `Soldier ${'ABCDEFG'[i]}`));
    const timur = persons.find((e) => e.label === 'Тимур');
    expect(timur).toMatchObject({
      first_name: 'Тимур',
      surname: null,
      other_names: ['Тимура'],
      source: 'analysis',
    });
    expect(timur?.source_recording_id).toBe(recordingId);
    expect(result.added).toBe(result.entries.length);
    // Twice: nothing new, the same entries; one entity by one click gives its existing entry.
    const again = await protectAllInCall(t.db, recordingId, OLENA);
    expect(again.added).toBe(0);
    expect(again.entries.map((e) => e.id)).toEqual(result.entries.map((e) => e.id));
    const one = await protectEntity(t.db, recordingId, 'phone', '+79271184056', OLENA);
    expect(one).toMatchObject({ created: false, entry: { pseudonym: 'Number 1' } });
    const unit = await protectEntity(t.db, recordingId, 'unit', 'в/ч 41698', OLENA);
    expect(unit).toMatchObject({ created: false, entry: { kind: 'unit', pseudonym: 'Unit 1' } });
    await expect(protectEntity(t.db, recordingId, 'person', 'Никто', OLENA)).rejects.toThrow(EntityNotInCall);
  });

  it('protects a voice by its call and lane, once, and only as a voice', async () => {
    const recording = await insertRecording(fixture, { collection_id: leakB });
    const voice = { recordingId: recording.id, lane: 'channel-1' };
    const first = await addProtectedIdentity(t.db, {
      collectionId: leakB,
      kind: 'voice',
      label: 'The caller',
      voice,
      actor: OLENA,
    });
    expect(first.entry).toMatchObject({
      pseudonym: 'Voice 1',
      voice_recording_id: recording.id,
      voice_lane: 'channel-1',
    });
    const again = await addProtectedIdentity(t.db, {
      collectionId: leakB,
      kind: 'voice',
      label: 'Caller (again)',
      voice,
      actor: OLENA,
    });
    expect(again).toMatchObject({ created: false, entry: { id: first.entry.id } });
    const identities = await loadProtectedIdentities(t.db, leakB);
    expect(identities.find((i) => i.id === first.entry.id)?.voice).toEqual(voice);
    await expect(add(leakB, 'voice', 'no lane')).rejects.toThrow(ProtectedIdentityRejected);
    await expect(
      addProtectedIdentity(t.db, { collectionId: leakB, kind: 'person', label: 'Иван', voice, actor: OLENA }),
    ).rejects.toThrow(ProtectedIdentityRejected);
  });

  it('numbers entries added at the same moment without giving a name twice', async () => {
    const collection = await insertCollection(t.db, 'Leak D');
    const labels = ['Гром', 'Бес', 'Туман', 'Каштан', 'Сокол', 'Гром'];
    const results = await Promise.all(labels.map((label) => add(collection, 'call_sign', label)));
    const names = new Set(results.map((r) => r.entry.pseudonym));
    expect([...names].sort()).toEqual([
      'Call sign 1',
      'Call sign 2',
      'Call sign 3',
      'Call sign 4',
      'Call sign 5',
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(5);
  });

  it('refuses to protect everything in a call that has no analysis', async () => {
    const recording = await insertRecording(fixture, { collection_id: leakB });
    await expect(protectAllInCall(t.db, recording.id, OLENA)).rejects.toThrow(EntityNotInCall);
  });
});
