import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/helpers/database.ts';
import { openTestPipeline, type TestPipeline } from '../../../test/helpers/pipeline.ts';
import { insertRecording, type StoredRecording, type TestDataDir } from '../../../test/helpers/recordings.ts';
import { pipelineTestModelsDir } from '../../../test/helpers/speech-models.ts';
import { cutTwoLaneDemoCall } from '../../../test/helpers/test-signals.ts';
import {
  installWhisperTestModel,
  WHISPER_TEST_MODEL,
} from '../../../tools/whisper-random-model/test-model.ts';
import type { EarshotConfig } from '../../config/config.ts';
import { findCatalogModel } from '../../models/catalog.ts';
import { readTranscriptVersion } from '../../transcripts/transcript-store.ts';
import { whisperAddonPackage } from '../../speech/whisper-engine.ts';
import type { Pipeline } from '../pipeline.ts';
import { runPipelineUntilIdle } from '../run-until-idle.ts';

// decode → vad → transcribe → translate with Whisper as recogniser and as translator, on real
// Postgres and pg-boss, over the start of a two-lane demo call. The Whisper model has RANDOM weights
// (generated at test time): its text is garbage, so only structure and records are asserted.

let database: TestDatabase;
let store: TestDataDir;
let modelsDir: string;
let config: EarshotConfig;
let pipeline: Pipeline;
let testPipeline: TestPipeline | undefined;
let call: StoredRecording;
const catalogSha256 = findCatalogModel(WHISPER_TEST_MODEL)?.files[0]?.sha256;

beforeAll(async () => {
  modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-whisper-models-'));
  fs.symlinkSync(
    path.join(pipelineTestModelsDir(), 'silero-vad-v6.2'),
    path.join(modelsDir, 'silero-vad-v6.2'),
    'dir',
  );
  await installWhisperTestModel(modelsDir);
  testPipeline = await openTestPipeline('whisper-stages', {
    EARSHOT_WORKER_CONCURRENCY: '1',
    EARSHOT_MODELS_DIR: modelsDir,
    EARSHOT_ASR_MODEL: WHISPER_TEST_MODEL,
    EARSHOT_TRANSLATION_MODEL: WHISPER_TEST_MODEL,
  });
  ({ database, store, config, pipeline } = testPipeline);
  // The first 15 s of a two-lane demo call: a few turns per lane keep the Whisper calls few.
  const clip = path.join(modelsDir, 'call-start.wav');
  cutTwoLaneDemoCall(clip, 15);
  call = await insertRecording(database.db, store, clip, { channels: 2 });
  await pipeline.schedulePipeline([call.id]);
  const status = await runPipelineUntilIdle(pipeline);
  // Stages after translate belong to other work; these four must not fail.
  const speechStages = new Set(['decode', 'vad', 'transcribe', 'translate']);
  expect(status.failures.filter((f) => speechStages.has(f.stage))).toEqual([]);
}, 300_000);

afterAll(async () => {
  await testPipeline?.close();
  fs.rmSync(modelsDir, { recursive: true, force: true });
});

describe('Whisper in the pipeline', () => {
  it('records the model, its ggml SHA-256 and the decoding parameters on the transcript', async () => {
    const stored = await readTranscriptVersion(database.db, call.id);
    if (!stored) throw new Error('no transcript');
    expect(stored.transcript.model).toBe(WHISPER_TEST_MODEL);
    expect(stored.transcript.model_files).toEqual({ 'ggml-test-micro.bin': catalogSha256 });
    expect(stored.transcript.decoding).toMatchObject({
      engine: 'whisper.cpp',
      binding: whisperAddonPackage('default'),
      task: 'transcribe',
      language: 'auto',
      sampling: 'greedy',
      temperature: 0,
      tokenTimestamps: true,
      threads: config.speechThreads,
      padding: { before: 0.5, after: 0.8 },
      vad: { model: 'silero-vad-v6.2' },
      engineVersions: { [whisperAddonPackage('default')]: '1.1.3' },
    });
    // Random weights still produce some text for most speech regions; every segment has a
    // Whisper-identified language and lies on one of the call's two lanes.
    expect(stored.segments.length).toBeGreaterThan(0);
    for (const s of stored.segments) {
      expect(s.language).toMatch(/^[a-z]{2,3}$/);
      expect(['caller', 'callee']).toContain(s.lane);
      expect(s.end_seconds).toBeGreaterThan(s.start_seconds);
    }
    const byLanguage = new Map<string, number>();
    for (const s of stored.segments) {
      byLanguage.set(s.language!, (byLanguage.get(s.language!) ?? 0) + s.end_seconds - s.start_seconds);
    }
    const dominant = [...byLanguage.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(stored.transcript.language).toBe(dominant);
  });

  it("translates with Whisper's translate task: one row per source segment, engine and model recorded", async () => {
    const stored = (await readTranscriptVersion(database.db, call.id))!;
    const rows = await database.db
      .selectFrom('segment_translations')
      .selectAll()
      .where('transcript_id', '=', stored.transcript.id)
      .execute();
    expect(rows.map((r) => String(r.transcript_segment_id)).sort()).toEqual(
      stored.segments.map((s) => String(s.id)).sort(),
    );
    for (const row of rows) {
      expect(row).toMatchObject({
        target_language: 'en',
        status: 'translated',
        engine: 'whisper.cpp',
        model: WHISPER_TEST_MODEL,
        model_sha256: catalogSha256,
      });
    }
    const custody = await database.db
      .selectFrom('custody_events')
      .select('details')
      .where('recording_id', '=', call.id)
      .execute();
    const translated = custody
      .map((c) => c.details as Record<string, unknown>)
      .find((d) => d.stage === 'translate');
    expect(translated).toMatchObject({
      engine: 'whisper.cpp',
      model: WHISPER_TEST_MODEL,
      modelSha256: catalogSha256,
      decoding: { task: 'translate', engine: 'whisper.cpp' },
    });
  });
});
