import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/helpers/database.ts';
import { openTestPipeline, type TestPipeline } from '../../../test/helpers/pipeline.ts';
import {
  addRecording,
  insertRecording,
  type StoredRecording,
  type TestDataDir,
} from '../../../test/helpers/recordings.ts';
import { demoDir, speechTestEnv, TEST_TRANSLATION_MODEL } from '../../../test/helpers/speech-models.ts';
import { loadConfig, type EarshotConfig } from '../../config/config.ts';
import { readTranscriptVersion, segmentTranslations } from '../../transcripts/transcript-store.ts';
import type { Pipeline } from '../pipeline.ts';
import { runPipelineUntilIdle } from '../run-until-idle.ts';
import { scheduleStage } from '../scheduling.ts';
import { WaitingForModelError } from '../stage-handler.ts';
import { translateStage } from './translate.ts';

// decode → vad → transcribe → translate on real Postgres and pg-boss, with the test recogniser
// and the committed Marian fixture, over one demo call (two lanes of Russian).

const CYRILLIC = /[\u0400-\u04FF]/u;

let database: TestDatabase;
let store: TestDataDir;
let config: EarshotConfig;
let pipeline: Pipeline;
let testPipeline: TestPipeline | undefined;
let call: StoredRecording;

beforeAll(async () => {
  testPipeline = await openTestPipeline('translate-stage', {
    EARSHOT_WORKER_CONCURRENCY: '1',
    ...speechTestEnv(),
  });
  ({ database, store, config, pipeline } = testPipeline);
  call = await insertRecording(database.db, store, path.join(demoDir, 'calls', 'intercept_0007.ogg'), {
    channels: 2,
  });
  await pipeline.schedulePipeline([call.id]);
  const status = await runPipelineUntilIdle(pipeline);
  expect(status.failures).toEqual([]);
}, 300_000);

afterAll(async () => {
  await testPipeline?.close();
});

function translationsOf(transcriptId: string) {
  return database.db
    .selectFrom('segment_translations')
    .selectAll()
    .where('transcript_id', '=', transcriptId)
    .orderBy('transcript_segment_id')
    .execute();
}

describe('translate stage', () => {
  it('translates every segment of the transcript into English, one row per segment', async () => {
    const transcript = (await readTranscriptVersion(database.db, call.id))!;
    expect(transcript.segments.length).toBeGreaterThan(5);
    const rows = await translationsOf(transcript.transcript.id);
    expect(rows.map((r) => String(r.transcript_segment_id)).sort()).toEqual(
      transcript.segments.map((s) => String(s.id)).sort(),
    );
    const checksums = new Set(rows.map((r) => r.model_sha256));
    expect([...checksums]).toHaveLength(1);
    expect([...checksums][0]).toMatch(/^[0-9a-f]{64}$/);
    for (const row of rows) {
      const source = transcript.segments.find((s) => String(s.id) === String(row.transcript_segment_id))!;
      expect(source.text).toMatch(CYRILLIC);
      expect(row).toMatchObject({
        status: 'translated',
        target_language: 'en',
        model: TEST_TRANSLATION_MODEL,
      });
      expect(row.engine).not.toBe('');
      expect(row.text).toMatch(/[A-Za-z]/);
      expect(row.text).not.toMatch(CYRILLIC);
    }
    const events = await database.db
      .selectFrom('custody_events')
      .select('details')
      .where('recording_id', '=', call.id)
      .where(sql<string>`details->>'stage'`, '=', 'translate')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({
      transcriptId: transcript.transcript.id,
      model: TEST_TRANSLATION_MODEL,
      modelSha256: [...checksums][0],
      added: rows.length,
    });
    // What the desk shows: every segment has its own translation, and none is stale.
    const views = [...(await segmentTranslations(database.db, transcript.transcript.id)).values()];
    expect(views).toHaveLength(rows.length);
    expect(views.every((v) => !v.stale && v.translatedSegmentId === v.segmentId)).toBe(true);
  });

  it('skips segments already translated for the transcript unless forced', async () => {
    const again = await translateStage.run(
      { recordingId: call.id },
      { db: database.db, config, worker: 'test', jobId: 'test' },
    );
    expect(again.result).toMatchObject({ added: 0 });
    const transcript = (await readTranscriptVersion(database.db, call.id))!;
    const forced = await translateStage.run(
      { recordingId: call.id, force: true },
      { db: database.db, config, worker: 'test', jobId: 'test' },
    );
    expect(forced.result).toMatchObject({ added: transcript.segments.length });
  });

  it('a forced transcribe translates the new version and leaves the old translations with version 1', async () => {
    const first = (await readTranscriptVersion(database.db, call.id))!;
    await scheduleStage(pipeline.queue, database.db, 'transcribe', [call.id], { force: true });
    const status = await runPipelineUntilIdle(pipeline);
    expect(status.failures).toEqual([]);
    const second = (await readTranscriptVersion(database.db, call.id))!;
    expect(second.transcript.version).toBe(2);

    const ids = (segments: readonly { id: string }[]) => segments.map((s) => String(s.id)).sort();
    // The new version's segments each read their own fresh translation, none inherited from
    // version 1 (a machine transcript starts afresh: its segments have no source segment).
    const fresh = await segmentTranslations(database.db, second.transcript.id);
    expect([...fresh.keys()].sort()).toEqual(ids(second.segments));
    expect(
      [...fresh.values()].every(
        (v) => !v.stale && v.translatedSegmentId === v.segmentId && v.status === 'translated',
      ),
    ).toBe(true);
    expect(second.latestVersion).toBe(2);
    // Version 1 keeps its own translations; it reads as an older version (isLatest false).
    const old = await segmentTranslations(database.db, first.transcript.id);
    expect([...old.keys()].sort()).toEqual(ids(first.segments));
    expect([...old.values()].every((v) => v.translatedSegmentId === v.segmentId)).toBe(true);
    // The old rows are still there, unchanged, and cannot be changed.
    await expect(
      database.db
        .updateTable('segment_translations')
        .set({ text: 'forged' })
        .where('transcript_id', '=', first.transcript.id)
        .execute(),
    ).rejects.toThrow(/write-once/);
  });

  it('waits for the translation model when it is not installed, naming it and the install command', async () => {
    const missing = loadConfig({
      EARSHOT_DATA_DIR: store.dataDir,
      ...speechTestEnv(),
      EARSHOT_TRANSLATION_MODEL: 'opus-mt-ru-en',
    });
    const run = translateStage.run(
      { recordingId: call.id },
      { db: database.db, config: missing, worker: 'test', jobId: 'test' },
    );
    await expect(run).rejects.toThrow(WaitingForModelError);
    await expect(run).rejects.toMatchObject({ modelName: 'opus-mt-ru-en' });
    await expect(run).rejects.toThrow('earshot models install opus-mt-ru-en');
  });

  it('refuses to translate a recording that has no transcript', async () => {
    const fresh = await addRecording(database.db, store, 'mono');
    const run = translateStage.run(
      { recordingId: fresh.id },
      { db: database.db, config, worker: 'test', jobId: 'test' },
    );
    await expect(run).rejects.toThrow(/run transcribe first/);
  });
});
