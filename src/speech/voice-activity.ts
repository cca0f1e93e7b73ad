import { sherpaOnnx, type SherpaVad } from './sherpa-onnx.ts';

/** A stretch of audio the detector judged to be speech, in seconds from the start of the channel. */
export interface SpeechRegion {
  start: number;
  end: number;
}

export interface VadParams {
  /** Speech probability above which a window counts as speech. */
  threshold: number;
  /** Silence (s) that must follow speech before a region ends. */
  minSilenceSeconds: number;
  /** Regions shorter than this (s) are dropped (clicks, breaths). */
  minSpeechSeconds: number;
  /** Longer speech is cut into regions of at most this length (s), so recognition stays bounded. */
  maxSpeechSeconds: number;
  /** Samples per detector window; Silero v5 and later need 512 at 16 kHz. */
  windowSize: 512;
}

export const DEFAULT_VAD_PARAMS: VadParams = {
  threshold: 0.5,
  minSilenceSeconds: 0.5,
  minSpeechSeconds: 0.25,
  maxSpeechSeconds: 20,
  windowSize: 512,
};

export interface VoiceActivityDetector {
  readonly params: VadParams;
  /** Speech regions of one channel of 16 kHz audio (the working copies' rate). */
  detect(samples: Float32Array, sampleRate: number): SpeechRegion[];
}

export const VAD_SAMPLE_RATE = 16_000;

/** Silero VAD through sherpa-onnx. One detector is reused across channels (reset between). */
export function createVoiceActivityDetector(options: {
  modelFile: string;
  params?: Partial<VadParams>;
  threads?: number;
}): VoiceActivityDetector {
  const params = { ...DEFAULT_VAD_PARAMS, ...options.params };
  const sherpa = sherpaOnnx();
  const vad: SherpaVad = new sherpa.Vad(
    {
      sileroVad: {
        model: options.modelFile,
        threshold: params.threshold,
        minSilenceDuration: params.minSilenceSeconds,
        minSpeechDuration: params.minSpeechSeconds,
        maxSpeechDuration: params.maxSpeechSeconds,
        windowSize: params.windowSize,
      },
      sampleRate: VAD_SAMPLE_RATE,
      numThreads: options.threads ?? 1,
      provider: 'cpu',
      debug: false,
    },
    // Buffer for samples of a region not yet popped; regions are popped after every window.
    Math.ceil(params.maxSpeechSeconds * 2 + 10),
  );

  return {
    params,
    detect(samples, sampleRate) {
      if (sampleRate !== VAD_SAMPLE_RATE) {
        throw new RangeError(`the VAD needs ${VAD_SAMPLE_RATE} Hz audio, got ${sampleRate} Hz`);
      }
      vad.reset();
      const regions: SpeechRegion[] = [];
      const drain = (): void => {
        while (!vad.isEmpty()) {
          const segment = vad.front(false);
          regions.push({
            start: segment.start / VAD_SAMPLE_RATE,
            end: (segment.start + segment.samples.length) / VAD_SAMPLE_RATE,
          });
          vad.pop();
        }
      };
      for (let i = 0; i < samples.length; i += params.windowSize) {
        vad.acceptWaveform(samples.subarray(i, i + params.windowSize));
        drain();
      }
      vad.flush();
      drain();
      vad.reset();
      return regions;
    },
  };
}
