import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  type ApiFixture,
} from '../../test/helpers/api-fixtures.ts';
import {
  BAKHMUT,
  callAnalysisOf,
  insertTranscriptVersion,
  KHARKIV,
  matchIn,
  meaningIn,
  storeAnalysis,
} from '../../test/helpers/analysis-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { migrateToLatest } from '../db/database.ts';
import { migrations } from '../db/migrations/index.ts';
import { findAnalysisRun, readCurrentAnalysis } from './analysis-store.ts';

// The analysis tables on the real database: write-once runs, and analysis_current, which the
// database keeps pointing at the latest run of each recording's latest transcript version.

let t: TestDatabase;
let fixture: ApiFixture;
let collectionId: string;

beforeAll(async () => {
  t = await createTestDatabase('analysis_store');
  fixture = createApiFixture(t.db);
  collectionId = await insertCollection(t.db, 'Leak');
});
afterAll(async () => {
  fixture?.cleanup();
  await t?.drop();
});

const TEXT_1 = 'у нас пять двухсотых под бахмутом';
const TEXT_2 = 'и три трёхсотых в харькове';
const DESERTING = 'да я домой уйду пусть хоть сажают';

async function current(recordingId: string) {
  return t.db
    .selectFrom('analysis_current')
    .selectAll()
    .where('recording_id', '=', recordingId)
    .executeTakeFirst();
}

describe('analysis store', () => {
  it('stores a run with its matches and entities and makes it current at commit', async () => {
    const { id } = await insertRecording(fixture, { collection_id: collectionId });
    const transcript = await insertTranscriptVersion(t.db, id, [{ text: TEXT_1 }, { text: TEXT_2 }]);
    const [s1, s2] = transcript.segmentIds as [string, string];
    const analysis = callAnalysisOf(
      [
        {
          key: s1,
          text: TEXT_1,
          matches: [matchIn(TEXT_1, 'двухсотых', 'casualties_killed', { count: 5 })],
          places: [{ surface: 'бахмутом', place: BAKHMUT }],
        },
        {
          key: s2,
          text: TEXT_2,
          matches: [
            matchIn(TEXT_2, 'трёхсотых', 'casualties_wounded', { count: 3 }),
            matchIn(TEXT_2, 'три', 'general', { confidence: 0.3 }),
          ],
          places: [{ surface: 'харькове', place: KHARKIV }],
        },
      ],
      72,
    );
    const runId = await storeAnalysis(t.db, id, transcript.id, analysis);

    expect(await current(id)).toMatchObject({
      run_id: runId,
      triage_score: 72,
      categories: ['casualties_killed', 'casualties_wounded'],
      place_ids: [KHARKIV.id, BAKHMUT.id].sort(),
      casualties: { killed: 5, wounded: 3, missing: null },
      collection_id: collectionId,
    });
    const stored = (await readCurrentAnalysis(t.db, id))!;
    expect(stored.transcriptVersion).toBe(1);
    expect(stored.run.segments).toBe(2);
    expect(stored.matches.map((m) => [String(m.transcript_segment_id), m.surface, m.count])).toEqual([
      [s1, 'двухсотых', 5],
      [s2, 'три', null],
      [s2, 'трёхсотых', 3],
    ]);
    for (const m of stored.matches) {
      const text = String(m.transcript_segment_id) === s1 ? TEXT_1 : TEXT_2;
      expect(text.slice(m.start_offset, m.end_offset)).toBe(m.surface);
    }
    expect(stored.entities.map((e) => [e.value, e.place_id, e.lat])).toEqual([
      ['Bakhmut', BAKHMUT.id, BAKHMUT.lat],
      ['Kharkiv', KHARKIV.id, KHARKIV.lat],
    ]);
  });

  it('stores meaning flags apart from the words, and the Calls filter sees categories only meaning found', async () => {
    const { id } = await insertRecording(fixture, { collection_id: collectionId });
    const transcript = await insertTranscriptVersion(t.db, id, [{ text: DESERTING }, { text: TEXT_1 }]);
    const [s1, s2] = transcript.segmentIds as [string, string];
    const analysis = callAnalysisOf([
      {
        key: s1,
        text: DESERTING,
        meaning: [
          meaningIn(DESERTING, 'desertion', 0.93, [
            ['домой уйду', 1.4],
            ['пусть хоть сажают', 0.9],
          ]),
          // Stored and shown, but under MEANING_COUNTED_CONFIDENCE (0.9): counted nowhere.
          meaningIn(DESERTING, 'morale', 0.7, [['пусть', 0.2]]),
        ],
      },
      {
        key: s2,
        text: TEXT_1,
        matches: [matchIn(TEXT_1, 'двухсотых', 'casualties_killed')],
        meaning: [meaningIn(TEXT_1, 'casualties_killed', 0.97, [['пять двухсотых', 2.1]])],
      },
    ]);
    const runId = await storeAnalysis(t.db, id, transcript.id, analysis);

    const row = await current(id);
    // Desertion only meaning found: the list's category filter, trends and counts include it.
    expect(row).toMatchObject({
      categories: ['casualties_killed', 'desertion'],
      category_mentions: [1, 1],
      counts: { casualties_killed: 1 },
      meaning_counts: { desertion: 1 },
    });
    const run = await t.db
      .selectFrom('analysis_runs')
      .select(['classifier_version', 'meaning_counts'])
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    expect(run).toEqual({ classifier_version: 'meaning-test', meaning_counts: { desertion: 1 } });

    const stored = (await readCurrentAnalysis(t.db, id))!;
    expect(
      stored.meaning.map((f) => [
        String(f.transcript_segment_id),
        f.category,
        f.confidence,
        f.lexicon_agrees,
      ]),
    ).toEqual([
      [s1, 'desertion', 0.93, false],
      [s1, 'morale', 0.7, false],
      [s2, 'casualties_killed', 0.97, true],
    ]);
    for (const f of stored.meaning) {
      const text = String(f.transcript_segment_id) === s1 ? DESERTING : TEXT_1;
      for (const p of f.phrases) expect(text.slice(p.start, p.end)).toBe(p.surface);
    }
    expect(stored.meaning[0]!.phrases.map((p) => [p.surface, p.weight])).toEqual([
      ['домой уйду', 1.4],
      ['пусть хоть сажают', 0.9],
    ]);

    // A run by another classifier is not this one: the stage analyses again when the model changes.
    const key = {
      recordingId: id,
      transcriptId: transcript.id,
      lexiconVersion: 'lex-test',
      analyserVersion: 'test-1',
    };
    expect(await findAnalysisRun(t.db, { ...key, classifierVersion: 'meaning-test' })).toBe(runId);
    expect(await findAnalysisRun(t.db, { ...key, classifierVersion: 'meaning-2+abc' })).toBeUndefined();
  });

  it('drops the current analysis when a new transcript version arrives, until that version is analysed', async () => {
    const { id } = await insertRecording(fixture, { collection_id: collectionId });
    const v1 = await insertTranscriptVersion(t.db, id, [{ text: TEXT_1 }]);
    const first = await storeAnalysis(
      t.db,
      id,
      v1.id,
      callAnalysisOf(
        [
          {
            key: v1.segmentIds[0]!,
            text: TEXT_1,
            matches: [matchIn(TEXT_1, 'двухсотых', 'casualties_killed')],
          },
        ],
        50,
      ),
    );
    expect((await current(id))?.run_id).toBe(first);

    const v2 = await insertTranscriptVersion(t.db, id, [{ text: 'всё спокойно' }], 'human');
    expect(await current(id)).toBeUndefined();
    expect(await readCurrentAnalysis(t.db, id)).toBeUndefined();

    // A late run on the old version (a slow worker) does not become current either.
    await storeAnalysis(t.db, id, v1.id, callAnalysisOf([{ key: v1.segmentIds[0]!, text: TEXT_1 }], 10));
    expect(await current(id)).toBeUndefined();

    const second = await storeAnalysis(
      t.db,
      id,
      v2.id,
      callAnalysisOf([{ key: v2.segmentIds[0]!, text: 'всё спокойно' }]),
    );
    expect(await current(id)).toMatchObject({ run_id: second, categories: [], triage_score: 0 });
    expect((await readCurrentAnalysis(t.db, id))?.transcriptVersion).toBe(2);
    // Both runs of version 1 are still on record.
    const runs = await t.db.selectFrom('analysis_runs').select('id').where('recording_id', '=', id).execute();
    expect(runs).toHaveLength(3);
  });

  it('keeps an empty analysis of a recording without transcript as current until a transcript exists', async () => {
    const { id } = await insertRecording(fixture, { collection_id: collectionId });
    const runId = await storeAnalysis(t.db, id, null, callAnalysisOf([]));
    expect(await current(id)).toMatchObject({ run_id: runId, categories: [], place_ids: [] });
    expect((await readCurrentAnalysis(t.db, id))?.transcriptVersion).toBeNull();
    await insertTranscriptVersion(t.db, id, [{ text: TEXT_2 }]);
    expect(await current(id)).toBeUndefined();
  });

  it('rejects changes to runs, matches, entities and meaning flags', async () => {
    const columns = {
      analysis_runs: 'created_by',
      analysis_matches: 'surface',
      analysis_entities: 'value',
      analysis_meaning_flags: 'category',
    };
    for (const [table, column] of Object.entries(columns)) {
      await expect(
        sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = 'forged'`.execute(t.db),
      ).rejects.toThrow(/write-once/);
      await expect(sql`DELETE FROM ${sql.table(table)}`.execute(t.db)).rejects.toThrow(/write-once/);
      await expect(sql`TRUNCATE ${sql.table(table)} CASCADE`.execute(t.db)).rejects.toThrow(/write-once/);
    }
  });

  it("carries the recording's collection: backfilled by migration 0020, and following a move", async () => {
    const { id } = await insertRecording(fixture, { collection_id: collectionId });
    const transcript = await insertTranscriptVersion(t.db, id, [{ text: TEXT_1 }]);
    await storeAnalysis(
      t.db,
      id,
      transcript.id,
      callAnalysisOf([{ key: transcript.segmentIds[0]!, text: TEXT_1 }]),
    );
    const migrator = new Migrator({
      db: t.db,
      provider: { getMigrations: () => Promise.resolve(migrations) },
    });
    expect((await migrator.migrateTo('0012-accounts')).error).toBeUndefined();
    await migrateToLatest(t.db);
    expect((await current(id))?.collection_id).toBe(collectionId);
    const other = await insertCollection(t.db, 'Moved to');
    await t.db.updateTable('recordings').set({ collection_id: other }).where('id', '=', id).execute();
    expect((await current(id))?.collection_id).toBe(other);
  });

  it('migrates down past 0005 and up again', async () => {
    const migrator = new Migrator({
      db: t.db,
      provider: { getMigrations: () => Promise.resolve(migrations) },
    });
    const down = await migrator.migrateTo('0004-translations');
    expect(down.error).toBeUndefined();
    const tables = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables
      WHERE table_schema = 'public' AND table_name LIKE 'analysis%'`.execute(t.db);
    expect(tables.rows[0]?.n).toBe(0);
    // Transcripts no longer fire the analysis trigger (its function is gone).
    const { id } = await insertRecording(fixture, { collection_id: collectionId });
    await insertTranscriptVersion(t.db, id, [{ text: TEXT_1 }]);
    await migrateToLatest(t.db);
    const again = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables
      WHERE table_schema = 'public' AND table_name LIKE 'analysis%'`.execute(t.db);
    expect(again.rows[0]?.n).toBe(5);
  });
});
