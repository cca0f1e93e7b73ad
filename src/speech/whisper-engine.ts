import { createRequire } from 'node:module';

/**
 * whisper.cpp through the prebuilt addons of @fugood/whisper.node, behind typed inputs and
 * outputs. Earshot loads the platform package (`@fugood/node-whisper-linux-x64`, ...) itself
 * rather than through the `@fugood/whisper.node` wrapper: the wrapper lists every build as an
 * optional dependency, so a plain install pulled the 198 MB CUDA and 56 MB Vulkan addons onto
 * every machine. The CPU addon is the project's optional dependency; a GPU worker adds its build
 * (see docs/whisper.md). The interfaces below describe the addon's API as of 1.1.3 (the
 * wrapper's lib/binding.ts); it is loaded lazily so that commands without Whisper never load it.
 *
 * What this binding gives and does not give (1.1.3): the detected language of each call, segment
 * texts with start/end in milliseconds (one token per segment with `maxLen: 1` and
 * `tokenTimestamps`), and no token probabilities, so Whisper segments carry no confidence.
 */
const require = createRequire(import.meta.url);

/** Published builds: `default` is the CPU build; `cuda` and `vulkan` are separate packages. */
export type WhisperBuildVariant = 'default' | 'cuda' | 'vulkan';

/** Options passed to whisper_full for one call (names as whisper.node spells them). */
export interface WhisperCallOptions {
  /** ISO 639-1 code, or `auto` to let Whisper identify the language of this stretch. */
  language: string;
  translate: boolean;
  maxThreads: number;
  temperature: number;
  temperatureInc: number;
  bestOf: number;
  beamSize?: number;
  tokenTimestamps: boolean;
  maxLen: number;
}

export interface WhisperRawSegment {
  text: string;
  /** Milliseconds from the start of the audio passed in. */
  t0: number;
  t1: number;
}

export interface WhisperRawResult {
  language?: string;
  result: string;
  segments: WhisperRawSegment[];
  isAborted: boolean;
}

interface NativeWhisperContext {
  transcribeData(
    audio: ArrayBuffer,
    options: WhisperCallOptions,
  ): { stop: () => Promise<void>; promise: Promise<WhisperRawResult> };
  release(): Promise<void>;
}

interface WhisperAddon {
  /** Loads the model synchronously; throws "Failed to initialize whisper context" on a bad file. */
  WhisperContext: new (options: {
    filePath: string;
    useGpu: boolean;
    useFlashAttn?: boolean;
  }) => NativeWhisperContext;
}

/** One loaded model. Calls are queued: a whisper.cpp context runs one transcription at a time. */
export interface WhisperContext {
  readonly modelFile: string;
  readonly variant: WhisperBuildVariant;
  /** 16 kHz mono samples in [-1, 1]; the binding takes 16-bit PCM, so they are converted here. */
  transcribe(samples: Float32Array, options: WhisperCallOptions): Promise<WhisperRawResult>;
  release(): Promise<void>;
}

export const WHISPER_SAMPLE_RATE = 16_000;

/** The npm package holding the addon for this machine and build. */
export function whisperAddonPackage(variant: WhisperBuildVariant): string {
  return `@fugood/node-whisper-${process.platform}-${process.arch}${variant === 'default' ? '' : `-${variant}`}`;
}

const addons = new Map<WhisperBuildVariant, WhisperAddon>();

export class WhisperLoadError extends Error {}

function whisperAddon(variant: WhisperBuildVariant): WhisperAddon {
  let addon = addons.get(variant);
  if (!addon) {
    const name = whisperAddonPackage(variant);
    try {
      addon = require(name) as WhisperAddon;
    } catch (error) {
      throw new WhisperLoadError(
        `the whisper.cpp addon ${name} is not installed or does not load on this machine ` +
          `(${error instanceof Error ? error.message.split('\n')[0] : String(error)}); ` +
          `install it with \`npm install --no-save ${name}@1.1.3\``,
      );
    }
    addons.set(variant, addon);
  }
  return addon;
}

/** Loads a model; this blocks the event loop for as long as whisper.cpp reads the file. */
export function loadWhisperContext(
  modelFile: string,
  options: { variant?: WhisperBuildVariant; useGpu?: boolean } = {},
): WhisperContext {
  const variant = options.variant ?? 'default';
  const addon = whisperAddon(variant);
  let native: NativeWhisperContext;
  try {
    native = new addon.WhisperContext({ filePath: modelFile, useGpu: options.useGpu ?? false });
  } catch (error) {
    throw new WhisperLoadError(
      `whisper.cpp could not load ${modelFile} (is it a whisper.cpp ggml model?): ` +
        `${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let queue: Promise<unknown> = Promise.resolve();
  return {
    modelFile,
    variant,
    transcribe(samples, callOptions) {
      const pcm = toPcm16(samples);
      const run = queue.then(() => native.transcribeData(pcm, callOptions).promise);
      queue = run.catch(() => undefined);
      return run;
    },
    async release() {
      await queue;
      await native.release();
    },
  };
}

/** Float samples to little-endian 16-bit PCM, clipped. */
export function toPcm16(samples: Float32Array): ArrayBuffer {
  const pcm = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    pcm[i] = Math.round(s * 32767);
  }
  return pcm.buffer;
}

/** Version of the addon package, for transcripts and custody events. */
export function whisperEngineVersions(variant: WhisperBuildVariant = 'default'): Record<string, string> {
  const name = whisperAddonPackage(variant);
  let version = 'not installed';
  try {
    const manifest = require(`${name}/package.json`) as { version?: string };
    version = manifest.version ?? 'unknown';
  } catch {
    // Reported as not installed; loading the model will fail with the install command.
  }
  return { [name]: version };
}
