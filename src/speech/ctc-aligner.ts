import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { FEATURE_SAMPLE_RATE, logMelFeatures, MEL_BINS } from './ctc-features.ts';
import { forceAlignWords, type CtcLogProbs } from './ctc-forced-alignment.ts';
import type { RecogniserModelFiles } from './model-location.ts';

/**
 * Word alignment with a NeMo CTC recogniser's own model: Earshot runs the installed model.onnx
 * through onnxruntime (sherpa-onnx decodes but does not return the per-frame log-probabilities),
 * on the front end sherpa uses (ctc-features.ts), and force-aligns known words to the audio.
 * Used when a person edits a transcript, so the words they changed get times heard in the audio
 * instead of interpolated ones. One session per model file per process, opened on first use.
 */

/** Words to place, in order, within [from, to] seconds of the audio given. */
export interface WordRun {
  words: readonly string[];
  from: number;
  to: number;
}

/** Per word of the run: its times (seconds from the audio's start), or null when it has no letters the model writes. */
export type RunAlignment =
  { aligned: true; words: ({ start: number; end: number } | null)[] } | { aligned: false; reason: string };

export interface WordAligner {
  readonly model: string;
  /** Aligns each run within its window over 16 kHz mono samples. */
  alignRuns(samples: Float32Array, sampleRate: number, runs: readonly WordRun[]): Promise<RunAlignment[]>;
}

/** The model cannot be used for alignment at all (not a character CTC model of this front end). */
export class AlignmentUnavailable extends Error {}

// Below this much audio the per-utterance feature normalisation has too little to go on.
const MIN_AUDIO_SECONDS = 0.3;
const FEATURE_STEP_SECONDS = 0.01;

interface Vocabulary {
  ids: Map<string, number>;
  gaps: number[];
}

/** tokens.txt: "token id" per line; the blank is <blk> and the word separator ▁ (U+2581). */
function readVocabulary(file: string): Vocabulary {
  const ids = new Map<string, number>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const match = /^(\S+)\s+(\d+)$/u.exec(line.trim());
    if (match) ids.set(match[1]!, Number(match[2]));
  }
  const blank = ids.get('<blk>') ?? ids.get('<blank>');
  if (blank === undefined) throw new AlignmentUnavailable(`${file} has no <blk> token: not a CTC vocabulary`);
  const pieces = [...ids.keys()].filter((t) => !t.startsWith('<') && t !== '\u2581' && [...t].length > 1);
  if (pieces.length > 0) {
    throw new AlignmentUnavailable(
      `the model writes word pieces (e.g. "${pieces[0]}"), not characters; only character CTC models are aligned`,
    );
  }
  const space = ids.get('\u2581');
  return { ids, gaps: space === undefined ? [blank] : [blank, space] };
}

/** A word's token ids: letters and digits only, lower case, ё as е where the model has no ё; null if a letter is unknown. */
function wordTokens(word: string, vocabulary: Vocabulary): number[] | null {
  const letters = [...word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')];
  const tokens: number[] = [];
  for (const letter of letters) {
    const id = vocabulary.ids.get(letter) ?? (letter === 'ё' ? vocabulary.ids.get('е') : undefined);
    if (id === undefined) return null;
    tokens.push(id);
  }
  return tokens.length > 0 ? tokens : null;
}

type OnnxRuntime = typeof import('onnxruntime-node');
let runtime: OnnxRuntime | undefined;
function onnxRuntime(): OnnxRuntime {
  // Loaded on first alignment, so commands that never align do not load a second native addon.
  runtime ??= createRequire(import.meta.url)('onnxruntime-node') as OnnxRuntime;
  return runtime;
}

async function openSession(modelFile: string): Promise<InferenceSession> {
  const session = await onnxRuntime().InferenceSession.create(modelFile, { intraOpNumThreads: 1 });
  const input = session.inputMetadata.find((m) => m.name === 'audio_signal');
  const bins = input && 'shape' in input ? input.shape[1] : undefined;
  if (
    bins !== MEL_BINS ||
    !session.inputNames.includes('length') ||
    !session.outputNames.includes('logprobs')
  ) {
    throw new AlignmentUnavailable(
      `the model's input is not the ${MEL_BINS}-bin NeMo front end Earshot reproduces (GigaAM and other front ends are not aligned)`,
    );
  }
  return session;
}

async function logProbsOf(
  session: InferenceSession,
  samples: Float32Array,
): Promise<CtcLogProbs & { step: number }> {
  const ort = onnxRuntime();
  const { data, frames } = logMelFeatures(samples);
  const out = await session.run({
    audio_signal: new ort.Tensor('float32', data, [1, MEL_BINS, frames]),
    length: new ort.Tensor('int64', BigInt64Array.from([BigInt(frames)]), [1]),
  });
  const logprobs = out.logprobs as Tensor;
  const [, outFrames, vocabulary] = logprobs.dims as [number, number, number];
  // NeMo's subsampling (4 for the models Earshot runs) read from the shapes, not assumed.
  const subsampling = Math.max(1, Math.round(frames / outFrames));
  return {
    data: logprobs.data as Float32Array,
    frames: outFrames,
    vocabulary,
    step: subsampling * FEATURE_STEP_SECONDS,
  };
}

const round = (seconds: number): number => Math.round(seconds * 1000) / 1000;

export class CtcWordAligner implements WordAligner {
  private session: Promise<InferenceSession> | undefined;
  private vocabulary: Vocabulary | undefined;

  constructor(private readonly files: RecogniserModelFiles) {}

  get model(): string {
    return this.files.name;
  }

  /** The model's per-frame log-probabilities for 16 kHz samples, and the seconds per frame. */
  async logProbs(samples: Float32Array): Promise<CtcLogProbs & { step: number }> {
    this.session ??= openSession(this.files.modelFile);
    return logProbsOf(await this.session, samples);
  }

  async alignRuns(
    samples: Float32Array,
    sampleRate: number,
    runs: readonly WordRun[],
  ): Promise<RunAlignment[]> {
    if (sampleRate !== FEATURE_SAMPLE_RATE) {
      return runs.map(() => ({
        aligned: false,
        reason: `audio is ${sampleRate} Hz, not ${FEATURE_SAMPLE_RATE} Hz`,
      }));
    }
    if (samples.length < MIN_AUDIO_SECONDS * sampleRate) {
      return runs.map(() => ({
        aligned: false,
        reason: `the segment is shorter than ${MIN_AUDIO_SECONDS} s`,
      }));
    }
    this.vocabulary ??= readVocabulary(this.files.tokensFile);
    const vocabulary = this.vocabulary;
    const probs = await this.logProbs(samples);
    return runs.map((run) => {
      const tokens = run.words.map((w) => wordTokens(w, vocabulary));
      const alignable = tokens.filter((t): t is number[] => t !== null);
      const spans = forceAlignWords(probs, alignable, vocabulary.gaps, {
        from: Math.floor(run.from / probs.step),
        to: Math.ceil(run.to / probs.step),
      });
      if (!spans) return { aligned: false, reason: 'the words do not fit in their stretch of audio' };
      let next = 0;
      const words = tokens.map((t) => {
        if (t === null) return null;
        const span = spans[next++]!;
        // A token fires in one frame; the word lasts until the frame after its last token.
        const start = Math.max(run.from, span.first * probs.step);
        const end = Math.min(run.to, (span.last + 1) * probs.step);
        return { start: round(start), end: round(Math.max(start, end)) };
      });
      return { aligned: true, words };
    });
  }
}

const aligners = new Map<string, CtcWordAligner>();

/** The aligner for an installed NeMo CTC recogniser, one per model file per process. */
export function ctcWordAligner(files: RecogniserModelFiles): CtcWordAligner {
  let aligner = aligners.get(files.modelFile);
  if (!aligner) {
    aligner = new CtcWordAligner(files);
    aligners.set(files.modelFile, aligner);
  }
  return aligner;
}
