import { createRequire } from 'node:module';

// sherpa-onnx-node ships JavaScript with JSDoc types only; these interfaces describe the part of
// its API Earshot uses (checked against sherpa-onnx-node 1.13.8). It is loaded lazily so that
// commands that never touch speech do not load the native addon.
const require = createRequire(import.meta.url);

export interface SherpaSpeechSegment {
  /** Index of the first sample of the segment in the stream fed to the detector. */
  start: number;
  samples: Float32Array;
}

export interface SherpaVadConfig {
  sileroVad: {
    model: string;
    threshold: number;
    minSilenceDuration: number;
    minSpeechDuration: number;
    maxSpeechDuration: number;
    windowSize: number;
  };
  sampleRate: number;
  numThreads: number;
  provider: 'cpu';
  debug: boolean;
}

export interface SherpaVad {
  acceptWaveform(samples: Float32Array): void;
  isEmpty(): boolean;
  front(enableExternalBuffer?: boolean): SherpaSpeechSegment;
  pop(): void;
  flush(): void;
  reset(): void;
}

export interface SherpaOfflineRecognizerConfig {
  featConfig: { sampleRate: number; featureDim: number };
  modelConfig: {
    nemoCtc: { model: string };
    tokens: string;
    numThreads: number;
    provider: 'cpu';
    debug: number;
  };
  decodingMethod: 'greedy_search';
}

export interface SherpaOfflineStream {
  acceptWaveform(wave: { sampleRate: number; samples: Float32Array }): void;
}

export interface SherpaOfflineResult {
  text: string;
  tokens: string[];
  timestamps: number[];
  durations?: number[];
  ys_log_probs?: number[];
  lang?: string;
}

export interface SherpaOfflineRecognizer {
  createStream(): SherpaOfflineStream;
  decode(stream: SherpaOfflineStream): void;
  decodeAsync(stream: SherpaOfflineStream): Promise<SherpaOfflineResult>;
  getResult(stream: SherpaOfflineStream): SherpaOfflineResult;
}

export interface SherpaDiarizationConfig {
  segmentation: { pyannote: { model: string }; numThreads: number; debug: number };
  embedding: { model: string; numThreads: number; debug: number };
  clustering: { numClusters: number; threshold: number };
  minDurationOn: number;
  minDurationOff: number;
}

export interface SherpaDiarization {
  sampleRate: number;
  process(samples: Float32Array): { start: number; end: number; speaker: number }[];
}

interface SherpaModule {
  Vad: new (config: SherpaVadConfig, bufferSizeInSeconds: number) => SherpaVad;
  OfflineRecognizer: new (config: SherpaOfflineRecognizerConfig) => SherpaOfflineRecognizer;
  OfflineSpeakerDiarization: new (config: SherpaDiarizationConfig) => SherpaDiarization;
  version: string;
  onnxruntimeVersion: string;
}

let loaded: SherpaModule | undefined;

export function sherpaOnnx(): SherpaModule {
  loaded ??= require('sherpa-onnx-node') as SherpaModule;
  return loaded;
}

/** Engine versions for transcripts and custody events. */
export function speechEngineVersions(): Record<string, string> {
  const sherpa = sherpaOnnx();
  return { 'sherpa-onnx': String(sherpa.version), onnxruntime: String(sherpa.onnxruntimeVersion) };
}
