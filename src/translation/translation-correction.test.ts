import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../test/helpers/database.ts';
import { openTestPipeline, type TestPipeline } from '../../test/helpers/pipeline.ts';
import { insertRecording, type StoredRecording } from '../../test/helpers/recordings.ts';
import { demoDir, speechTestEnv } from '../../test/helpers/speech-models.ts';
import type { EarshotConfig } from '../config/config.ts';
import { translateStage } from '../jobs/stages/translate.ts';
import { runPipelineUntilIdle } from '../jobs/run-until-idle.ts';
import { saveCorrection } from '../transcripts/correction.ts';
import { readTranscriptVersion, segmentTranslations } from '../transcripts/transcript-store.ts';
import {
  saveTranslationCorrection,
  SegmentNotInCall,
  TranslationCorrectionConflict,
  TranslationCorrectionRejected,
} from './translation-correction.ts';
import { storedTranslationQuality } from './translation-quality.ts';
import { segmentTranslationHistory } from './translation-versions.ts';

// The demo's mono call (both voices mixed on one channel) through decode → vad → transcribe →
// translate on real Postgres and pg-boss with the test models. The demo translator, trained on
// the stereo calls, answers this call's Russian with English from other calls: the estimate
// must mark it. Then a person corrects one segment's English, and a forced re-translation
// must not put the machine's English back.

let database: TestDatabase;
let config: EarshotConfig;
let testPipeline: TestPipeline | undefined;
let call: StoredRecording;

beforeAll(async () => {
  testPipeline = await openTestPipeline('translation-correction', {
    EARSHOT_WORKER_CONCURRENCY: '1',
    ...speechTestEnv(),
  });
  ({ database, config } = testPipeline);
  const mono = path.join(demoDir, 'calls', '20240512_200733_+79024417730_+79024417791.amr');
  call = await insertRecording(database.db, testPipeline.store, mono, { channels: 1 });
  await testPipeline.pipeline.schedulePipeline([call.id]);
  const status = await runPipelineUntilIdle(testPipeline.pipeline);
  expect(status.failures).toEqual([]);
}, 300_000);

afterAll(async () => {
  await testPipeline?.close();
});

async function current() {
  const read = (await readTranscriptVersion(database.db, call.id))!;
  const translations = await segmentTranslations(database.db, read.transcript.id);
  return { read, translations };
}

describe('translation quality and human translations', () => {
  it('marks the demo translator’s English for the mono call "check this translation"', async () => {
    const { read, translations } = await current();
    expect(read.segments.length).toBeGreaterThanOrEqual(3);
    const estimates = read.segments.map((s) => {
      const t = translations.get(String(s.id))!;
      return storedTranslationQuality(t.translationId, s.text, t.text);
    });
    // Every segment of this call is translated with another call's sentences.
    expect(estimates.filter((q) => q.doubtful).length).toBe(read.segments.length);
  });

  it('stores a correction as a human version with custody; a forced re-translation keeps it current', async () => {
    const { read, translations } = await current();
    const segment = read.segments[0]!;
    const machine = translations.get(String(segment.id))!;
    expect(machine.kind).toBe('machine');

    const saved = await saveTranslationCorrection(database.db, {
      recordingId: call.id,
      segmentId: String(segment.id),
      baseTranslationId: machine.translationId,
      text: '  Igor, hi, can you talk?  ',
      author: 'editor',
    });
    expect(saved.basedOnTranslationId).toBe(machine.translationId);

    const shown = (await current()).translations.get(String(segment.id))!;
    expect(shown).toMatchObject({ kind: 'human', createdBy: 'editor', text: 'Igor, hi, can you talk?' });
    const history = await segmentTranslationHistory(database.db, read.transcript.id, String(segment.id));
    expect(history.versions.map((v) => [v.version, v.kind, v.current])).toEqual([
      [1, 'machine', false],
      [2, 'human', true],
    ]);
    expect(history.versions[1]!.diff).toContainEqual({ op: 'insert', text: 'Igor,' });

    const custody = await database.db
      .selectFrom('custody_events')
      .select(['action', 'actor', 'details'])
      .where('recording_id', '=', call.id)
      .where(sql<string>`details->>'stage'`, '=', 'translation-correction')
      .execute();
    expect(custody).toEqual([
      {
        action: 'corrected',
        actor: 'editor',
        details: expect.objectContaining({
          kind: 'human',
          segmentId: String(segment.id),
          translationId: saved.translationId,
          basedOnTranslationId: machine.translationId,
          version: read.transcript.version,
        }) as unknown,
      },
    ]);

    const forced = await translateStage.run(
      { recordingId: call.id, force: true },
      { db: database.db, config, worker: 'test', jobId: 'test' },
    );
    await forced.record!(database.db);
    const after = (await current()).translations.get(String(segment.id))!;
    expect(after).toMatchObject({ kind: 'human', translationId: saved.translationId });
    const kept = await segmentTranslationHistory(database.db, read.transcript.id, String(segment.id));
    expect(kept.versions.map((v) => v.kind)).toEqual(['machine', 'human', 'machine']);
    expect(kept.newerMachineTranslationId).toBe(kept.versions[2]!.translationId);
    // Search sees the person's English, not the machine's newer text.
    const searchable = await database.db
      .selectFrom('latest_segment_translations')
      .select('translation_id')
      .where('transcript_segment_id', '=', String(segment.id))
      .executeTakeFirstOrThrow();
    expect(String(searchable.translation_id)).toBe(saved.translationId);
    const superseded = await sql<{ translation_id: string }>`
      SELECT translation_id FROM superseded_segment_translations
      WHERE translation_id = ${kept.versions[2]!.translationId}`.execute(database.db);
    expect(superseded.rows).toHaveLength(1);
    // Other segments took the machine's new English as before.
    const other = (await current()).translations.get(String(read.segments[1]!.id))!;
    expect(other.kind).toBe('machine');
    expect(other.translationId).not.toBe(translations.get(String(read.segments[1]!.id))!.translationId);
  });

  it('keeps the person’s English when a Russian correction elsewhere is translated again', async () => {
    const { read } = await current();
    const [first, second] = read.segments;
    await saveCorrection(database.db, {
      recordingId: call.id,
      baseVersion: read.transcript.version,
      author: 'editor',
      segments: read.segments.map((s) => ({
        sourceSegmentId: String(s.id),
        channel: s.channel,
        lane: s.lane,
        start: s.start_seconds,
        end: s.end_seconds,
        text: s.id === second!.id ? 'могу серега ты как' : s.text,
      })),
    });
    const forced = await translateStage.run(
      { recordingId: call.id, force: true },
      { db: database.db, config, worker: 'test', jobId: 'test' },
    );
    await forced.record!(database.db);
    const after = await current();
    expect(after.read.transcript.version).toBe(read.transcript.version + 1);
    const copy = after.read.segments.find((s) => String(s.source_segment_id) === String(first!.id))!;
    expect(after.translations.get(String(copy.id))).toMatchObject({
      kind: 'human',
      text: 'Igor, hi, can you talk?',
      stale: false,
    });
    const edited = after.read.segments.find((s) => String(s.source_segment_id) === String(second!.id))!;
    expect(after.translations.get(String(edited.id))).toMatchObject({ kind: 'machine', stale: false });
  });

  it('refuses an edit of English that changed since, an empty text, and a segment of another call', async () => {
    const { read, translations } = await current();
    const segment = read.segments[0]!;
    const base = {
      recordingId: call.id,
      segmentId: String(segment.id),
      baseTranslationId: translations.get(String(segment.id))!.translationId,
      author: 'editor',
    };
    await expect(
      saveTranslationCorrection(database.db, { ...base, baseTranslationId: '1', text: 'Hello' }),
    ).rejects.toThrow(TranslationCorrectionConflict);
    await expect(saveTranslationCorrection(database.db, { ...base, text: '   ' })).rejects.toThrow(
      TranslationCorrectionRejected,
    );
    await expect(
      saveTranslationCorrection(database.db, { ...base, text: 'Igor, hi, can you talk?' }),
    ).rejects.toThrow(/nothing changed/);
    await expect(
      saveTranslationCorrection(database.db, { ...base, segmentId: '999999999', text: 'Hello' }),
    ).rejects.toThrow(SegmentNotInCall);
  });
});
