import { beforeAll, describe, expect, it } from 'vitest';
import { pipelineTestModelsDir, TEST_ASR_MODEL } from '../../test/helpers/speech-models.ts';
import { loadAlignmentClips, type AlignmentClip } from '../../test/helpers/word-alignment-clips.ts';
import type { Db } from '../db/database.ts';
import type { TranscriptWord } from '../db/schema.ts';
import { ctcWordAligner } from '../speech/ctc-aligner.ts';
import { locateRecogniserModel } from '../speech/model-location.ts';
import { createRecogniser } from '../speech/recogniser.ts';
import { alignInChannel, realignWords, type EditAligner } from './word-realignment.ts';
import { retimeWords } from './word-retiming.ts';

// What re-alignment buys over interpolation, measured: six telephone-band espeak sentences whose
// true word times are known (test/fixtures/word-alignment). The recogniser's own words over each
// clip are the machine transcript; a person edits it back to the true sentence (scenarios below).
// For the words the edit changed, the mean absolute error of their start and end is compared:
// aligned to the audio (realignWords) against interpolated (retimeWords).
//
// The test model emits every token about 0.23 s after it is said; its own word times carry the
// same lag. So errors are measured twice: against the true times, and on the recogniser's clock
// (true times plus the recogniser's median lag on the words it heard right), which is the clock
// the kept words of an edited segment run on. The floors below hold on the recogniser's clock.

const SAMPLE_RATE = 16_000;
// realignWords reads the database only through the aligner, and this one is given the audio.
const unusedDb = undefined as unknown as Db;

interface Clip extends AlignmentClip {
  machine: TranscriptWord[];
}
let clips: Clip[];
let aligner: EditAligner;
let lag: number;

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

beforeAll(async () => {
  const files = locateRecogniserModel(pipelineTestModelsDir(), TEST_ASR_MODEL);
  const recogniser = createRecogniser(files, { threads: 1 });
  clips = [];
  for (const clip of await loadAlignmentClips()) {
    const { words } = await recogniser.recognise(clip.samples, SAMPLE_RATE);
    clips.push({ ...clip, machine: words });
  }
  const shifts = clips.flatMap((clip) =>
    clip.machine.flatMap((w) => {
      const truth = clip.words.find((t) => t.w === w.w);
      return truth ? [w.start - truth.start, w.end - truth.end] : [];
    }),
  );
  lag = median(shifts);
  const ctc = ctcWordAligner(files);
  // Channel n is clip n.
  aligner = {
    alignSegment: (_db, segment, gaps) =>
      alignInChannel(
        ctc,
        { sampleRate: SAMPLE_RATE, samples: clips[segment.channel]!.samples },
        segment,
        gaps,
      ),
  };
}, 120_000);

/** The machine words a scenario starts from: some replaced by wrong ones, or none at all. */
const scenarios: [string, (machine: TranscriptWord[]) => TranscriptWord[]][] = [
  ['every third word misheard', (m) => m.map((w, i) => (i % 3 === 1 ? { ...w, w: 'ошибка' } : w))],
  ['three words in a row misheard', (m) => m.map((w, i) => (i >= 2 && i <= 4 ? { ...w, w: 'ошибка' } : w))],
  ['the whole segment typed anew (no machine words)', () => []],
];

interface Measured {
  words: number;
  aligned: { truth: number; clock: number; shift: number };
  interpolated: { truth: number; clock: number };
  notes: string[];
}

async function measure(scenario: (machine: TranscriptWord[]) => TranscriptWord[]): Promise<Measured> {
  const e = { aligned: [] as number[], alignedClock: [] as number[], shift: [] as number[] };
  const i = { truth: [] as number[], clock: [] as number[] };
  const notes: string[] = [];
  for (const [channel, clip] of clips.entries()) {
    const segment = { channel, start: 0, end: clip.samples.length / SAMPLE_RATE };
    const source = scenario(clip.machine);
    const interpolated = retimeWords(source, clip.text, segment.start, segment.end);
    const realigned = await realignWords(unusedDb, aligner, source, clip.text, segment);
    if (realigned.note) notes.push(realigned.note);
    interpolated.forEach((guess, n) => {
      if (!guess.estimated) return;
      const truth = clip.words[n]!;
      const heard = realigned.words[n]!;
      expect(heard.aligned, `${clip.file} «${truth.w}»`).toBe(true);
      for (const edge of ['start', 'end'] as const) {
        e.aligned.push(Math.abs(heard[edge] - truth[edge]));
        e.alignedClock.push(Math.abs(heard[edge] - truth[edge] - lag));
        e.shift.push(heard[edge] - truth[edge]);
        i.truth.push(Math.abs(guess[edge] - truth[edge]));
        i.clock.push(Math.abs(guess[edge] - truth[edge] - lag));
      }
    });
  }
  return {
    words: e.aligned.length / 2,
    aligned: { truth: mean(e.aligned), clock: mean(e.alignedClock), shift: median(e.shift) },
    interpolated: { truth: mean(i.truth), clock: mean(i.clock) },
    notes,
  };
}

describe('edited words aligned to the audio, against interpolated times', () => {
  it('finds the recogniser lag these clips are measured on', () => {
    expect(lag).toBeGreaterThan(0.1);
    expect(lag).toBeLessThan(0.35);
  });

  it.each(scenarios)(
    '%s: aligned boundaries are far closer than interpolated ones',
    async (name, scenario) => {
      const m = await measure(scenario);
      console.info(
        `${name}: ${m.words} changed words; mean boundary error aligned ${m.aligned.truth.toFixed(3)} s, ` +
          `interpolated ${m.interpolated.truth.toFixed(3)} s (true times); on the recogniser's clock ` +
          `(lag ${lag.toFixed(2)} s) aligned ${m.aligned.clock.toFixed(3)} s, interpolated ${m.interpolated.clock.toFixed(3)} s`,
      );
      expect(m.notes).toEqual([]);
      expect(m.words).toBeGreaterThanOrEqual(20);
      // Aligned words run on the recogniser's clock, so they sit in order with the kept ones …
      expect(Math.abs(m.aligned.shift - lag)).toBeLessThan(0.06);
      // … and on it they are within a frame or two of where they were said.
      expect(m.aligned.clock).toBeLessThan(0.08);
      expect(m.aligned.clock).toBeLessThan(m.interpolated.clock / 2);
    },
  );
});
