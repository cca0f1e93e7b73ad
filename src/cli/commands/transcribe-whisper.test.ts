import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli-process.ts';
import { pipelineTestModelsDir } from '../../../test/helpers/speech-models.ts';
import { cutTwoLaneDemoCall } from '../../../test/helpers/test-signals.ts';
import {
  installWhisperTestModel,
  WHISPER_TEST_MODEL,
} from '../../../tools/whisper-random-model/test-model.ts';
import { findCatalogModel } from '../../models/catalog.ts';

// `earshot transcribe FILE --model whisper-test-micro --translate` as a user runs it. The Whisper
// model has RANDOM weights (generated at test time): its words are garbage, so only the shape of
// the output and what it records are checked.
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-transcribe-whisper-'));
const modelsDir = path.join(workDir, 'models');
const dataDir = path.join(workDir, 'data');
const clip = path.join(workDir, 'call-start.wav');
const env = { EARSHOT_DATA_DIR: dataDir, EARSHOT_MODELS_DIR: modelsDir };

beforeAll(async () => {
  fs.mkdirSync(dataDir, { recursive: true });
  await installWhisperTestModel(modelsDir);
  fs.symlinkSync(
    path.join(pipelineTestModelsDir(), 'silero-vad-v6.2'),
    path.join(modelsDir, 'silero-vad-v6.2'),
    'dir',
  );
  cutTwoLaneDemoCall(clip, 12);
});
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

interface JsonOutput {
  recogniser: { model: string; modelFiles: Record<string, string>; decoding: Record<string, unknown> };
  segments: {
    lane: string;
    start: number;
    end: number;
    language: string;
    confidence: number | null;
    translation: { text: string | null; model: string | null; modelSha256: string | null; status: string };
  }[];
}

describe('earshot transcribe with Whisper', () => {
  it('--model and --translation-model pick whisper.cpp for both; --json records model, checksum and task', async () => {
    const { code, output } = await runCli(
      [
        'transcribe',
        clip,
        '--model',
        WHISPER_TEST_MODEL,
        '--translate',
        '--translation-model',
        WHISPER_TEST_MODEL,
        '--json',
        '--threads',
        '2',
      ],
      env,
    );
    expect(code, output).toBe(0);
    const result = JSON.parse(output.slice(output.indexOf('{'))) as JsonOutput;
    const sha256 = findCatalogModel(WHISPER_TEST_MODEL)?.files[0]?.sha256;
    expect(result.recogniser.model).toBe(WHISPER_TEST_MODEL);
    expect(result.recogniser.modelFiles).toEqual({ 'ggml-test-micro.bin': sha256 });
    expect(result.recogniser.decoding).toMatchObject({ engine: 'whisper.cpp', task: 'transcribe' });
    expect(result.segments.length).toBeGreaterThan(0);
    for (const s of result.segments) {
      expect(['caller', 'callee']).toContain(s.lane);
      expect(s.language).toMatch(/^[a-z]{2,3}$/);
      expect(s.confidence).toBeNull();
      expect(s.end).toBeLessThanOrEqual(12.01);
      expect(s.translation).toMatchObject({
        status: 'translated',
        model: WHISPER_TEST_MODEL,
        modelSha256: sha256,
      });
    }
  });

  it('names the install command when the Whisper model is missing', async () => {
    const { code, output } = await runCli(['transcribe', clip, '--model', 'whisper-small'], env);
    expect(code).toBe(2);
    expect(output).toContain('earshot models install whisper-small');
  });
});
