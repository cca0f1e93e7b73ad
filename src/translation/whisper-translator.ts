import { locateWhisperModel } from '../speech/model-location.ts';
import {
  runWhisper,
  sharedWhisperContext,
  whisperDecodingParams,
  type WhisperDecodingParams,
  type WhisperModelFile,
} from '../speech/whisper-recogniser.ts';
import type { WhisperBuildVariant } from '../speech/whisper-engine.ts';
import { normaliseLanguage, TranslationEngineError } from './translator.ts';
import type { SegmentId, SegmentTranslation, SourceSegment } from './translator.ts';

/**
 * Whisper's own translate task as a translation engine: Whisper listens to the audio of each
 * transcript segment again and writes English. So it needs the segment's channel and times, and
 * the recording's audio; the output is one row per source segment, in the same order, like the
 * Marian translator's.
 */

export const WHISPER_TRANSLATION_ENGINE = 'whisper.cpp';

/** A transcript segment with where it was said: Whisper translates from the audio, not the text. */
export interface TimedSourceSegment<Id extends SegmentId = SegmentId> extends SourceSegment<Id> {
  channel: number;
  start: number;
  end: number;
}

/** One channel of the recording at 16 kHz (the working copies). */
export interface ChannelAudio {
  channel: number;
  sampleRate: number;
  samples: Float32Array;
}

// The languages Whisper was trained on that matter here; anything else is left to its own identification.
const WHISPER_HINT_LANGUAGES = new Set(['ru', 'uk', 'be', 'en', 'pl', 'kk', 'ka', 'hy', 'az', 'tt']);

export class WhisperTranslator {
  readonly engine = WHISPER_TRANSLATION_ENGINE;
  readonly targetLanguage = 'en';
  readonly decoding: WhisperDecodingParams;

  private constructor(
    private readonly model: WhisperModelFile,
    readonly models: readonly [{ name: string; sha256: string }],
    private readonly audio: readonly ChannelAudio[],
    private readonly build: WhisperBuildVariant,
    threads: number,
  ) {
    this.decoding = whisperDecodingParams('translate', {
      threads,
      variant: build,
      useGpu: build !== 'default',
    });
  }

  /** Finds and checksums the ggml file now, so a missing model fails before any work starts. */
  static open(options: {
    modelsDir: string;
    model: string;
    threads: number;
    whisperBuild?: WhisperBuildVariant;
    audio: readonly ChannelAudio[];
  }): WhisperTranslator {
    const model = locateWhisperModel(options.modelsDir, options.model);
    const sha256 = Object.values(model.checksums)[0]!;
    return new WhisperTranslator(
      model,
      [{ name: model.name, sha256 }],
      options.audio,
      options.whisperBuild ?? 'default',
      options.threads,
    );
  }

  async translate<Id extends SegmentId>(
    segments: readonly TimedSourceSegment<Id>[],
  ): Promise<SegmentTranslation<Id>[]> {
    const results: SegmentTranslation<Id>[] = [];
    for (const segment of segments) results.push(await this.translateSegment(segment));
    return results;
  }

  /** The loaded model is shared with recognition in this process and kept for the next recording. */
  async close(): Promise<void> {}

  private async translateSegment<Id extends SegmentId>(
    segment: TimedSourceSegment<Id>,
  ): Promise<SegmentTranslation<Id>> {
    const sourceLanguage = normaliseLanguage(segment.language);
    const base = { id: segment.id, sourceLanguage, targetLanguage: this.targetLanguage, engine: this.engine };
    // The same rule as the text engines: an empty transcript segment has nothing to translate.
    if (segment.text.trim() === '') {
      return { ...base, status: 'empty-source', text: '', model: null, modelSha256: null };
    }
    const channel = this.audio.find((c) => c.channel === segment.channel);
    if (!channel) {
      throw new TranslationEngineError(
        `segment ${String(segment.id)} is on channel ${segment.channel}, which the recording's audio does not have`,
      );
    }
    const from = Math.max(0, Math.floor(segment.start * channel.sampleRate));
    const to = Math.min(channel.samples.length, Math.ceil(segment.end * channel.sampleRate));
    if (to <= from) {
      throw new TranslationEngineError(
        `segment ${String(segment.id)} (${segment.start}–${segment.end} s) lies outside channel ${segment.channel}'s audio`,
      );
    }
    try {
      const context = sharedWhisperContext(this.model.modelFile, {
        variant: this.build,
        useGpu: this.build !== 'default',
      });
      const raw = await runWhisper(
        context,
        channel.samples.subarray(from, to),
        channel.sampleRate,
        this.decoding,
        WHISPER_HINT_LANGUAGES.has(sourceLanguage) ? sourceLanguage : 'auto',
      );
      const text = raw.segments
        .map((s) => s.text)
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      const [model] = this.models;
      return { ...base, status: 'translated', text, model: model.name, modelSha256: model.sha256 };
    } catch (error) {
      throw new TranslationEngineError(
        `translating segment ${String(segment.id)} with ${this.model.name} failed: ${(error as Error).message}`,
      );
    }
  }
}
