import { ModelError, ModelNotInstalledError } from '../models/model-store.ts';
import { isWhisperModel } from '../speech/model-location.ts';
import type { WhisperBuildVariant } from '../speech/whisper-engine.ts';
import { openTranslatorOrExplain, type SegmentId, type SegmentTranslation } from './translator.ts';
import { WhisperTranslator, type ChannelAudio, type TimedSourceSegment } from './whisper-translator.ts';

/**
 * What the translate stage and `earshot transcribe --translate` need from a translation engine,
 * whichever it is: Marian (opus-mt) models translate the segment text with transformers.js;
 * Whisper models translate the segment's audio with whisper.cpp's translate task.
 */
export interface SegmentTranslator {
  readonly engine: string;
  readonly targetLanguage: string;
  readonly models: readonly { name: string; sha256: string }[];
  /** Decoding settings where the engine has any worth recording (Whisper's). */
  readonly decoding?: object;
  /** One result per segment, in the same order. */
  translate<Id extends SegmentId>(
    segments: readonly TimedSourceSegment<Id>[],
  ): Promise<SegmentTranslation<Id>[]>;
  close(): Promise<void>;
}

export interface SegmentTranslatorOptions {
  modelsDir: string;
  /** A model name: a catalog Whisper model selects whisper.cpp, anything else a Marian folder. */
  model: string;
  threads: number;
  /** whisper.cpp addon when the model is a Whisper model (EARSHOT_WHISPER_BUILD). */
  whisperBuild?: WhisperBuildVariant;
  /** The recording's channels; only read when the engine translates from audio (Whisper). */
  loadAudio: () => Promise<readonly ChannelAudio[]>;
}

/**
 * Opens the engine the model name calls for; an unusable model is reported through `asUserFacing`,
 * one that is not installed throws ModelNotInstalledError (the stage waits for it).
 */
export async function openSegmentTranslator(
  options: SegmentTranslatorOptions,
  asUserFacing: (message: string) => Error,
): Promise<SegmentTranslator> {
  if (!isWhisperModel(options.model)) {
    return openTranslatorOrExplain(
      { modelsDir: options.modelsDir, models: [options.model], threads: options.threads },
      asUserFacing,
    );
  }
  try {
    // Checked before the audio is read, so a missing model is named at once.
    WhisperTranslator.open({ ...options, audio: [] });
    return WhisperTranslator.open({ ...options, audio: await options.loadAudio() });
  } catch (error) {
    if (error instanceof ModelNotInstalledError) throw error;
    if (error instanceof ModelError) throw asUserFacing(error.message);
    throw error;
  }
}
