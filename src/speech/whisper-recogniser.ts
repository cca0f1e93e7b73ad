import type { Recogniser, RecognitionResult } from './recogniser.ts';
import {
  loadWhisperContext,
  whisperAddonPackage,
  WHISPER_SAMPLE_RATE,
  type WhisperBuildVariant,
  type WhisperCallOptions,
  type WhisperContext,
  type WhisperRawResult,
} from './whisper-engine.ts';
import type { TimedToken, TimedWord } from './word-timing.ts';

/**
 * Whisper (whisper.cpp ggml models) as a recogniser with the same interface as the NeMo-CTC one:
 * it is handed one padded VAD region at a time, never a whole file (Whisper invents text such as
 * «Продолжение следует» on silence), identifies the language of each region itself, and returns
 * word timings mapped to the region's own time line.
 */

/** The decoding settings recorded on every Whisper transcript and translation. */
export interface WhisperDecodingParams {
  engine: 'whisper.cpp';
  /** The addon package that ran it (`@fugood/node-whisper-linux-x64`, `...-cuda`). */
  binding: string;
  variant: WhisperBuildVariant;
  useGpu: boolean;
  task: 'transcribe' | 'translate';
  /** `auto`: Whisper identifies the language of every region on its own. */
  language: string;
  sampling: 'greedy' | 'beam-search';
  temperature: number;
  /** Whisper's fallback: re-decode at a higher temperature when the output looks degenerate. */
  temperatureInc: number;
  bestOf: number;
  beamSize: number | null;
  tokenTimestamps: boolean;
  /** 1: one token per whisper.cpp segment, which is how the binding exposes token times. */
  maxLen: number;
  threads: number;
  sampleRate: number;
  /** Regions shorter than this are padded with silence (whisper.cpp refuses very short input). */
  minInputSeconds: number;
}

export interface WhisperModelFile {
  /** Catalog name, e.g. `whisper-small`. */
  name: string;
  modelFile: string;
}

export interface WhisperRecogniserOptions {
  threads: number;
  variant?: WhisperBuildVariant;
  useGpu?: boolean;
  /** Whisper's own defaults (greedy, temperature 0 with 0.2 fallback steps, best of 5) unless given. */
  decoding?: Partial<Pick<WhisperDecodingParams, 'temperature' | 'temperatureInc' | 'bestOf' | 'beamSize'>>;
}

const MIN_INPUT_SECONDS = 1;

export function whisperDecodingParams(
  task: WhisperDecodingParams['task'],
  options: WhisperRecogniserOptions,
): WhisperDecodingParams {
  const beamSize = options.decoding?.beamSize ?? null;
  return {
    engine: 'whisper.cpp',
    binding: whisperAddonPackage(options.variant ?? 'default'),
    variant: options.variant ?? 'default',
    useGpu: options.useGpu ?? false,
    task,
    language: 'auto',
    sampling: beamSize === null ? 'greedy' : 'beam-search',
    temperature: options.decoding?.temperature ?? 0,
    temperatureInc: options.decoding?.temperatureInc ?? 0.2,
    bestOf: options.decoding?.bestOf ?? 5,
    beamSize,
    tokenTimestamps: true,
    maxLen: 1,
    threads: options.threads,
    sampleRate: WHISPER_SAMPLE_RATE,
    minInputSeconds: MIN_INPUT_SECONDS,
  };
}

/** The options whisper.node takes for one call, from the recorded parameters. */
export function whisperCallOptions(
  params: WhisperDecodingParams,
  language = params.language,
): WhisperCallOptions {
  return {
    language,
    translate: params.task === 'translate',
    maxThreads: params.threads,
    temperature: params.temperature,
    temperatureInc: params.temperatureInc,
    bestOf: params.bestOf,
    ...(params.beamSize === null ? {} : { beamSize: params.beamSize }),
    tokenTimestamps: params.tokenTimestamps,
    maxLen: params.maxLen,
  };
}

const contexts = new Map<string, WhisperContext>();

/**
 * A loaded model per file, build and device, shared by recognition and translation in one
 * process (large-v3-turbo is 1.6 GB). Loading happens on first use; a failed load is not kept.
 */
export function sharedWhisperContext(
  modelFile: string,
  options: Pick<WhisperRecogniserOptions, 'variant' | 'useGpu'>,
): WhisperContext {
  const key = JSON.stringify([modelFile, options.variant ?? 'default', options.useGpu ?? false]);
  let context = contexts.get(key);
  if (!context) {
    context = loadWhisperContext(modelFile, options);
    contexts.set(key, context);
  }
  return context;
}

/** Runs one stretch of audio through Whisper, padded to the minimum length it accepts. */
export async function runWhisper(
  context: WhisperContext,
  samples: Float32Array,
  sampleRate: number,
  params: WhisperDecodingParams,
  language?: string,
): Promise<WhisperRawResult> {
  if (sampleRate !== WHISPER_SAMPLE_RATE) {
    throw new Error(`Whisper needs ${WHISPER_SAMPLE_RATE} Hz audio, got ${sampleRate} Hz`);
  }
  const minSamples = Math.ceil(params.minInputSeconds * sampleRate);
  let input = samples;
  if (samples.length < minSamples) {
    input = new Float32Array(minSamples);
    input.set(samples);
  }
  return context.transcribe(input, whisperCallOptions(params, language));
}

export function createWhisperRecogniser(
  model: WhisperModelFile,
  options: WhisperRecogniserOptions,
): Recogniser {
  const decoding = whisperDecodingParams('transcribe', options);
  return {
    model,
    decoding,
    async recognise(samples, sampleRate) {
      const context = sharedWhisperContext(model.modelFile, options);
      const raw = await runWhisper(context, samples, sampleRate, decoding);
      return toWhisperRecognition(raw, samples.length / sampleRate);
    },
  };
}

/**
 * Maps whisper.cpp's one-token segments to text and words. A token that starts with a space
 * starts a word; times are clamped to the audio handed in, because Whisper's timestamp tokens can
 * point past the end of a short region (random or confused models do it often).
 */
export function toWhisperRecognition(raw: WhisperRawResult, audioSeconds: number): RecognitionResult {
  const clamp = (ms: number): number => round(Math.min(audioSeconds, Math.max(0, ms / 1000)));
  const tokens: TimedToken[] = [];
  const words: TimedWord[] = [];
  for (const segment of raw.segments) {
    if (segment.text === '') continue;
    const start = clamp(segment.t0);
    const end = Math.max(start, clamp(segment.t1));
    tokens.push({ token: segment.text, start, prob: null });
    const last = words.at(-1);
    const piece = segment.text.trim();
    if (piece === '') continue;
    if (last && !/^\s/.test(segment.text)) {
      last.w += piece;
      last.end = Math.max(last.end, end);
    } else {
      words.push({ w: piece, start, end, conf: null });
    }
  }
  const text = raw.segments
    .map((s) => s.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  const language = raw.language?.trim();
  return {
    text,
    tokens,
    words,
    // whisper.node 1.1.3 does not expose token probabilities (whisper_full_get_token_p).
    confidence: null,
    ...(language ? { language } : {}),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
