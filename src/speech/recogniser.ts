import { sherpaOnnx, type SherpaOfflineRecognizer, type SherpaOfflineResult } from './sherpa-onnx.ts';
import type { RecogniserModelFiles } from './model-location.ts';
import type { WhisperDecodingParams } from './whisper-recogniser.ts';
import { wordsFromTokens, type TimedToken, type TimedWord } from './word-timing.ts';

export interface RecognitionResult {
  text: string;
  tokens: TimedToken[];
  words: TimedWord[];
  /** Mean token probability, or null when the engine gives no log-probabilities. */
  confidence: number | null;
  /** Language the engine identified in this stretch (Whisper); absent when the model has one language. */
  language?: string;
}

/** The decoding settings recorded on every transcript. */
export interface DecodingParams {
  engine: 'sherpa-onnx';
  modelType: 'nemo_ctc';
  decodingMethod: 'greedy_search';
  sampleRate: number;
  featureDim: number;
  threads: number;
  precision: string;
}

export interface Recogniser {
  readonly model: { name: string };
  readonly decoding: DecodingParams | WhisperDecodingParams;
  /** Recognises one stretch of 16 kHz mono audio; times are relative to its first sample. */
  recognise(samples: Float32Array, sampleRate: number): Promise<RecognitionResult>;
}

// NeMo and GigaAM CTC models: 10 ms feature frames, subsampled 4x, one output every 40 ms.
const CTC_OUTPUT_STEP_SECONDS = 0.04;
const FEATURE_SAMPLE_RATE = 16_000;
const FEATURE_DIM = 80;

const loaded = new Map<string, SherpaOfflineRecognizer>();

/**
 * An offline NeMo-CTC recogniser (GigaAM v2 CTC and the test fixture load the same way).
 * Loaded recognisers are kept per model file and thread count: loading costs a fraction of a
 * second for small models and seconds for GigaAM.
 */
export function createRecogniser(
  model: RecogniserModelFiles,
  options: { threads?: number } = {},
): Recogniser {
  const threads = options.threads ?? 2;
  const key = `${model.modelFile}\0${model.tokensFile}\0${threads}`;
  let recognizer = loaded.get(key);
  if (!recognizer) {
    recognizer = new (sherpaOnnx().OfflineRecognizer)({
      featConfig: { sampleRate: FEATURE_SAMPLE_RATE, featureDim: FEATURE_DIM },
      modelConfig: {
        nemoCtc: { model: model.modelFile },
        tokens: model.tokensFile,
        numThreads: threads,
        provider: 'cpu',
        debug: 0,
      },
      decodingMethod: 'greedy_search',
    });
    loaded.set(key, recognizer);
  }
  const engine = recognizer;
  return {
    model,
    decoding: {
      engine: 'sherpa-onnx',
      modelType: 'nemo_ctc',
      decodingMethod: 'greedy_search',
      sampleRate: FEATURE_SAMPLE_RATE,
      featureDim: FEATURE_DIM,
      threads,
      precision: model.precision,
    },
    async recognise(samples, sampleRate) {
      const stream = engine.createStream();
      stream.acceptWaveform({ sampleRate, samples });
      // decodeAsync runs on libuv's pool, so a worker's event loop (job heartbeats) keeps going.
      const raw = await engine.decodeAsync(stream);
      return toRecognitionResult(raw, samples.length / sampleRate);
    },
  };
}

export function toRecognitionResult(raw: SherpaOfflineResult, audioSeconds: number): RecognitionResult {
  const logProbs =
    raw.ys_log_probs && raw.ys_log_probs.length === raw.tokens.length ? raw.ys_log_probs : undefined;
  const tokens: TimedToken[] = raw.tokens.map((token, i) => ({
    token,
    start: raw.timestamps[i] ?? 0,
    prob: logProbs ? Math.exp(logProbs[i] ?? 0) : null,
  }));
  const text = raw.text.replace(/\s+/g, ' ').trim();
  const words = wordsFromTokens(tokens, { stepSeconds: CTC_OUTPUT_STEP_SECONDS, audioEnd: audioSeconds });
  const confidence =
    logProbs && logProbs.length > 0
      ? Math.round(Math.exp(logProbs.reduce((sum, p) => sum + p, 0) / logProbs.length) * 1000) / 1000
      : null;
  return { text, tokens, words, confidence };
}
