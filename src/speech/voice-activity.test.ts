import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoDir,
  pipelineTestModelsDir,
  sharedModelsDir,
  TEST_ASR_MODEL,
} from '../../test/helpers/speech-models.ts';
import { makeLongPauseCall, nonSpeechSignals, renderSignal } from '../../test/helpers/test-signals.ts';
import { makeWorkingCopies } from '../media/transcode.ts';
import { transcribeRecording, type SegmentDraft } from './channel-transcription.ts';
import { ModelNotInstalledError, UnknownModelError } from '../models/model-store.ts';
import { locateRecogniserModel, locateVadModel } from './model-location.ts';
import { openRecogniser, openVad } from './speech-engines.ts';
import { DEFAULT_REGION_PADDING, type RegionPadding } from './speech-regions.ts';
import { characterErrorRate, editDistance } from './text-metrics.ts';
import type { SpeechRegion } from './voice-activity.ts';
import { readMonoPcm16Wav, type MonoSamples } from './wav-samples.ts';

// Real Silero VAD (through sherpa-onnx) on real Russian speech, on signals that must give no
// speech at all, and on a call with a long pause; then the padding that keeps word edges.
const modelsDir = pipelineTestModelsDir();
const ruSpeech = path.resolve(sharedModelsDir, '..', 'data', 'ru-speech');
const settings = { modelsDir, threads: 2 };
let scratch: string;

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-vad-'));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Channels of a file as the decode stage makes them (16 kHz mono PCM16). */
async function workingChannels(file: string): Promise<(MonoSamples & { channel: number })[]> {
  const out = fs.mkdtempSync(path.join(scratch, 'wc-'));
  const decoded = await makeWorkingCopies({ inputPath: file, outputDir: out });
  return decoded.copies.map((c) => ({ channel: c.channel, ...readMonoPcm16Wav(c.path) }));
}

async function transcribe(
  channels: (MonoSamples & { channel: number })[],
  padding: RegionPadding = DEFAULT_REGION_PADDING,
): Promise<{ regions: Map<number, SpeechRegion[]>; segments: SegmentDraft[] }> {
  const vad = openVad(settings, 'silero-vad-v6.2');
  const recogniser = openRecogniser(settings, TEST_ASR_MODEL);
  const regions = new Map(channels.map((c) => [c.channel, vad.detector.detect(c.samples, c.sampleRate)]));
  const { segments } = await transcribeRecording({
    channels,
    regionsByChannel: regions,
    padding,
    recogniser: recogniser.recogniser,
    language: 'ru',
  });
  return { regions, segments };
}

describe('VAD on real Russian speech', () => {
  const clips = [
    'deepspeech/ru.wav',
    'pisets/test_sound_ru.wav',
    'rhasspy-test-ru/ru_01.wav',
    'rhasspy-test-ru/ru_02.wav',
    'rhasspy-test-ru/ru_03.wav',
  ];
  it.each(['silero-vad-v6.2', 'silero-vad-v5'])('%s finds the speech in every clip', async (model) => {
    const vad = openVad(settings, model);
    for (const clip of clips) {
      const [channel] = await workingChannels(path.join(ruSpeech, clip));
      if (!channel) throw new Error(`${clip} decoded to no channel`);
      const regions = vad.detector.detect(channel.samples, channel.sampleRate);
      const duration = channel.samples.length / channel.sampleRate;
      const speech = regions.reduce((sum, r) => sum + r.end - r.start, 0);
      expect(regions.length, `${model} on ${clip}`).toBeGreaterThan(0);
      // The clips are single utterances with little silence around them.
      expect(speech / duration, `${model} speech share of ${clip}`).toBeGreaterThan(0.3);
      for (const r of regions) {
        expect(r.start).toBeGreaterThanOrEqual(0);
        expect(r.end).toBeLessThanOrEqual(duration + 0.01);
      }
    }
  });
});

describe('VAD gates what is not speech', () => {
  const signals = nonSpeechSignals(10);
  it.each(signals)('%s gives no regions and no text', async (name, filter) => {
    const file = renderSignal(path.join(scratch, `${name.replace(/\W+/g, '-')}.wav`), filter);
    const channels = await workingChannels(file);
    const { regions, segments } = await transcribe(channels);
    expect(regions.get(0)).toEqual([]);
    expect(segments).toEqual([]);
  });

  it('recognises nothing inside a 30 s pause in a call, and both sides of it', async () => {
    const file = makeLongPauseCall(path.join(scratch, 'long-pause.wav'));
    const { regions, segments } = await transcribe(await workingChannels(file));
    const pause = { start: 4.5 + DEFAULT_REGION_PADDING.after, end: 34.5 - DEFAULT_REGION_PADDING.before };
    for (const r of regions.get(0) ?? [])
      expect(r.end <= 4.6 || r.start >= 34.4, JSON.stringify(r)).toBe(true);
    for (const s of segments) expect(s.end <= pause.start + 0.01 || s.start >= pause.end - 0.01).toBe(true);
    expect(segments.map((s) => s.lane)).toEqual(['speaker unknown', 'speaker unknown']);
    const [first, second] = segments;
    const cer1 = characterErrorRate(
      'мам привет это я дима это не мой номер не звони на него',
      first?.text ?? '',
    );
    const cer2 = characterErrorRate(
      'мы под харьковом стоим в посадке по нам лупят каждую ночь',
      second?.text ?? '',
    );
    expect(cer1.errors / cer1.length).toBeLessThan(0.15);
    expect(cer2.errors / cer2.length).toBeLessThan(0.15);
  });
});

describe('padding keeps first and last words', () => {
  interface Lane {
    channel: number;
    segments: { start: number; end: number; spoken: string }[];
  }
  const stem = '20220306_194211_+380501734482_+79161234567';
  const truth = JSON.parse(fs.readFileSync(path.join(demoDir, 'ground-truth', `${stem}.json`), 'utf8')) as {
    lanes: Lane[];
  };
  const near = (a: string | undefined, b: string): boolean =>
    a !== undefined && editDistance(a, b) <= Math.max(1, Math.floor(b.length / 3));

  async function keptEdges(padding: RegionPadding): Promise<{ first: number; last: number; turns: number }> {
    const { segments } = await transcribe(
      await workingChannels(path.join(demoDir, 'calls', `${stem}.ogg`)),
      padding,
    );
    let first = 0;
    let last = 0;
    let turns = 0;
    for (const lane of truth.lanes) {
      for (const turn of lane.segments) {
        const said = segments
          .filter((s) => s.channel === lane.channel && s.end > turn.start && s.start < turn.end)
          .flatMap((s) => s.text.split(' '));
        const words = turn.spoken.split(' ');
        turns++;
        if (near(said[0], words[0] ?? '')) first++;
        if (near(said.at(-1), words.at(-1) ?? '')) last++;
      }
    }
    return { first, last, turns };
  }

  it('on a demo call, against the ground truth turns', async () => {
    const padded = await keptEdges(DEFAULT_REGION_PADDING);
    const bare = await keptEdges({ before: 0, after: 0 });
    // Measured (v6.2, int8): padded 19/20 first and 20/20 last words; unpadded 18/20 and 18/20.
    expect(padded.turns).toBe(20);
    expect(padded.first).toBeGreaterThanOrEqual(19);
    expect(padded.last).toBeGreaterThanOrEqual(19);
    expect(padded.first + padded.last).toBeGreaterThan(bare.first + bare.last);
  });
});

describe('model location', () => {
  it('names the install command when a model is missing', () => {
    const empty = fs.mkdtempSync(path.join(scratch, 'models-'));
    expect(() => locateVadModel(empty, 'silero-vad-v6.2')).toThrow(ModelNotInstalledError);
    expect(() => locateVadModel(empty, 'silero-vad-v6.2')).toThrow('earshot models install silero-vad-v6.2');
    expect(() => locateRecogniserModel(empty, 'gigaam-v2-ctc-ru')).toThrow(
      'earshot models install gigaam-v2-ctc-ru',
    );
    expect(() => locateRecogniserModel(empty, '../etc')).toThrow(UnknownModelError);
    expect(() => locateRecogniserModel(modelsDir, 'silero-vad-v6.2')).toThrow('not a asr model');
  });
});
