import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipelineTestModelsDir, sharedModelsDir } from '../../test/helpers/speech-models.ts';
import { makeLongPauseCall, nonSpeechSignals, renderSignal } from '../../test/helpers/test-signals.ts';
import { installWhisperTestModel, WHISPER_TEST_MODEL } from '../../tools/whisper-random-model/test-model.ts';
import { writeRandomWhisperModel } from '../../tools/whisper-random-model/random-ggml.ts';
import { findCatalogModel } from '../models/catalog.ts';
import { makeWorkingCopies } from '../media/transcode.ts';
import { transcribeRecording } from './channel-transcription.ts';
import { missingModels, ModelNotInstalledError } from '../models/model-store.ts';
import type { Recogniser, RecognitionResult } from './recogniser.ts';
import { openRecogniser, openVad } from './speech-engines.ts';
import { DEFAULT_REGION_PADDING, padRegions } from './speech-regions.ts';
import { readMonoPcm16Wav, type MonoSamples } from './wav-samples.ts';
import { loadWhisperContext, whisperAddonPackage, WhisperLoadError } from './whisper-engine.ts';
import { runWhisper, toWhisperRecognition, type WhisperDecodingParams } from './whisper-recogniser.ts';

// Whisper through whisper.cpp (@fugood/whisper.node) on a RANDOM-weight model generated at test
// time (tools/whisper-random-model). Its text and language guesses are garbage: these tests assert
// structure (which audio reaches Whisper, where segments lie, what is recorded), never accuracy.
const testModels = pipelineTestModelsDir();
let scratch: string;
let modelsDir: string;

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-whisper-'));
  modelsDir = path.join(scratch, 'models');
  await installWhisperTestModel(modelsDir);
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

async function workingChannels(file: string): Promise<(MonoSamples & { channel: number })[]> {
  const out = fs.mkdtempSync(path.join(scratch, 'wc-'));
  const decoded = await makeWorkingCopies({ inputPath: file, outputDir: out });
  return decoded.copies.map((c) => ({ channel: c.channel, ...readMonoPcm16Wav(c.path) }));
}

/** The opened Whisper recogniser, wrapped to record every call that reaches whisper.cpp. */
function countedWhisper(): {
  recogniser: Recogniser;
  calls: { seconds: number; result: RecognitionResult }[];
  opened: ReturnType<typeof openRecogniser>;
} {
  const opened = openRecogniser({ modelsDir, threads: 2 }, WHISPER_TEST_MODEL);
  const calls: { seconds: number; result: RecognitionResult }[] = [];
  const recogniser: Recogniser = {
    model: opened.recogniser.model,
    decoding: opened.recogniser.decoding,
    async recognise(samples, sampleRate) {
      const result = await opened.recogniser.recognise(samples, sampleRate);
      calls.push({ seconds: samples.length / sampleRate, result });
      return result;
    },
  };
  return { recogniser, calls, opened };
}

async function transcribeWithWhisper(file: string) {
  const channels = await workingChannels(file);
  const vad = openVad({ modelsDir: testModels, threads: 2 }, 'silero-vad-v6.2');
  const regions = new Map(channels.map((c) => [c.channel, vad.detector.detect(c.samples, c.sampleRate)]));
  const counted = countedWhisper();
  const { segments } = await transcribeRecording({
    channels,
    regionsByChannel: regions,
    padding: DEFAULT_REGION_PADDING,
    recogniser: counted.recogniser,
    language: counted.opened.language,
  });
  return { channels, regions, segments, ...counted };
}

describe('Whisper model through the production path', () => {
  it('installs the generated model against the catalog checksum and opens it as a Whisper recogniser', () => {
    const opened = openRecogniser({ modelsDir, threads: 2 }, WHISPER_TEST_MODEL);
    const catalogFile = findCatalogModel(WHISPER_TEST_MODEL)?.files[0];
    expect(opened.model).toBe(WHISPER_TEST_MODEL);
    expect(opened.modelFiles).toEqual({ 'ggml-test-micro.bin': catalogFile?.sha256 });
    expect(opened.language).toBe('auto');
    expect(opened.decoding).toMatchObject({
      engine: 'whisper.cpp',
      task: 'transcribe',
      language: 'auto',
      tokenTimestamps: true,
      threads: 2,
      engineVersions: { [whisperAddonPackage('default')]: '1.1.3' },
    });
    expect(missingModels(modelsDir, [WHISPER_TEST_MODEL, 'silero-vad-v6.2'])).toEqual(['silero-vad-v6.2']);
  });

  it('names the install command when a Whisper model is not installed', () => {
    const empty = fs.mkdtempSync(path.join(scratch, 'empty-'));
    expect(() => openRecogniser({ modelsDir: empty, threads: 2 }, 'whisper-small')).toThrow(
      ModelNotInstalledError,
    );
    expect(() => openRecogniser({ modelsDir: empty, threads: 2 }, 'whisper-small')).toThrow(
      'earshot models install whisper-small',
    );
  });

  it('loads a random model of the real tiny architecture in whisper.cpp', async () => {
    const file = path.join(scratch, 'tiny.bin');
    // 77.7 MB, the published ggml-tiny.bin is 77.7 MB too: same tensors, same shapes.
    expect(writeRandomWhisperModel({ arch: 'tiny', file })).toBe(77_674_430);
    const context = loadWhisperContext(file);
    await context.release();
    fs.rmSync(file);
  });
});

describe('Whisper model files that are not models', () => {
  it('says which file whisper.cpp could not load', () => {
    const file = path.join(scratch, 'not-a-model.bin');
    fs.writeFileSync(file, Buffer.alloc(4096, 7));
    expect(() => loadWhisperContext(file)).toThrow(WhisperLoadError);
    expect(() => loadWhisperContext(file)).toThrow(`whisper.cpp could not load ${file}`);
  });
});

describe('Whisper only hears the VAD speech regions', () => {
  const signals = nonSpeechSignals(8);
  it.each(signals)('%s: zero Whisper calls, no segments', async (name, filter) => {
    const file = renderSignal(path.join(scratch, `${name.replace(/\W+/g, '-')}.wav`), filter);
    const { calls, segments } = await transcribeWithWhisper(file);
    expect(calls).toEqual([]);
    expect(segments).toEqual([]);
  });

  it('on a call with a long pause: one call per padded region, segments and words inside them', async () => {
    const file = makeLongPauseCall(path.join(scratch, 'long-pause.wav'));
    const { channels, regions, segments, calls } = await transcribeWithWhisper(file);
    const duration = channels[0]!.samples.length / channels[0]!.sampleRate;
    const padded = padRegions(regions.get(0) ?? [], DEFAULT_REGION_PADDING, duration);
    expect(padded.length).toBeGreaterThanOrEqual(2);
    // Exactly one Whisper call per padded region, each no longer than its region: never the whole file.
    expect(calls.length).toBe(padded.length);
    const heard = calls.reduce((sum, c) => sum + c.seconds, 0);
    const regionSeconds = padded.reduce((sum, r) => sum + r.end - r.start, 0);
    expect(heard).toBeCloseTo(regionSeconds, 1);
    expect(heard).toBeLessThan(duration / 2);
    // A random model may or may not emit text for a region; every segment it gives must sit in one.
    expect(segments.length).toBe(calls.filter((c) => c.result.text !== '').length);
    for (const s of segments) {
      const region = padded.find((r) => s.start >= r.start - 0.001 && s.end <= r.end + 0.001);
      expect(region, `segment ${s.start}-${s.end} outside every padded region`).toBeDefined();
      for (const w of s.words) {
        expect(w.start).toBeGreaterThanOrEqual(s.start - 0.001);
        expect(w.end).toBeLessThanOrEqual(s.end + 0.001);
        expect(w.start).toBeLessThanOrEqual(w.end);
      }
      // No token probabilities in whisper.node 1.1.3: confidence is unknown, not made up.
      expect(s.confidence).toBeNull();
    }
    // The language on each segment is Whisper's own identification for that region.
    const detected = calls.filter((c) => c.result.text !== '').map((c) => c.result.language);
    expect(segments.map((s) => s.language)).toEqual(detected);
    for (const language of detected) expect(language).toMatch(/^[a-z]{2,3}$/);
  });
});

describe('Whisper result mapping', () => {
  it('identifies the language of the stretch it is given, as whisper.cpp reports it', async () => {
    const opened = openRecogniser({ modelsDir, threads: 2 }, WHISPER_TEST_MODEL);
    const [channel] = await workingChannels(
      path.join(sharedModelsDir, '..', 'data', 'ru-speech', 'deepspeech', 'ru.wav'),
    );
    const samples = channel!.samples.subarray(0, 3 * channel!.sampleRate);
    const context = loadWhisperContext(path.join(modelsDir, WHISPER_TEST_MODEL, 'ggml-test-micro.bin'));
    const raw = await runWhisper(context, samples, 16_000, opened.decoding as WhisperDecodingParams);
    await context.release();
    const result = await opened.recogniser.recognise(samples, 16_000);
    // Greedy decoding at temperature 0 is deterministic: the same stretch gives the same guess.
    expect(result.language).toBe(raw.language);
    expect(result.language).toMatch(/^[a-z]{2,3}$/);
  });

  it('turns one-token segments into words, clamping times to the stretch', () => {
    const result = toWhisperRecognition(
      {
        language: 'uk',
        result: ' Пр ивіт друже',
        isAborted: false,
        segments: [
          { text: ' Пр', t0: 0, t1: 300 },
          { text: 'ивіт', t0: 300, t1: 700 },
          { text: ' друже', t0: 800, t1: 9_000 },
        ],
      },
      2.5,
    );
    expect(result).toMatchObject({ text: 'Привіт друже', language: 'uk', confidence: null });
    expect(result.words).toEqual([
      { w: 'Привіт', start: 0, end: 0.7, conf: null },
      { w: 'друже', start: 0.8, end: 2.5, conf: null },
    ]);
  });
});
