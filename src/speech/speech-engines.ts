import type { Diariser } from './diarisation.ts';
import { findDiariser } from './diarisation.ts';
import {
  isWhisperModel,
  locateRecogniserModel,
  locateVadModel,
  locateWhisperModel,
  type ModelPrecision,
} from './model-location.ts';
import { createRecogniser, type Recogniser } from './recogniser.ts';
import { speechEngineVersions } from './sherpa-onnx.ts';
import { createVoiceActivityDetector, type VadParams, type VoiceActivityDetector } from './voice-activity.ts';
import { whisperEngineVersions, type WhisperBuildVariant } from './whisper-engine.ts';
import { createWhisperRecogniser } from './whisper-recogniser.ts';

/**
 * Opens the speech engines by model name and describes them the way transcripts record them:
 * model name, SHA-256 of every model file, and the parameters used.
 */
export interface SpeechEngineSettings {
  modelsDir: string;
  threads: number;
  /** whisper.cpp addon for Whisper models (EARSHOT_WHISPER_BUILD); the CPU build when absent. */
  whisperBuild?: WhisperBuildVariant;
}

export interface OpenedVad {
  detector: VoiceActivityDetector;
  model: string;
  modelFiles: Record<string, string>;
  params: VadParams & { engine: Record<string, string> };
}

const detectors = new Map<string, VoiceActivityDetector>();

export function openVad(
  settings: SpeechEngineSettings,
  modelName: string,
  params: Partial<VadParams> = {},
): OpenedVad {
  const files = locateVadModel(settings.modelsDir, modelName);
  const key = JSON.stringify([files.modelFile, settings.threads, params]);
  let detector = detectors.get(key);
  if (!detector) {
    detector = createVoiceActivityDetector({ modelFile: files.modelFile, params, threads: settings.threads });
    detectors.set(key, detector);
  }
  return {
    detector,
    model: files.name,
    modelFiles: files.checksums,
    params: { ...detector.params, engine: speechEngineVersions() },
  };
}

export interface OpenedRecogniser {
  recogniser: Recogniser;
  model: string;
  modelFiles: Record<string, string>;
  /**
   * Language the recogniser writes. The NeMo-CTC models Earshot runs (GigaAM, the fixture) are
   * Russian; Whisper says `auto` here and identifies the language of every segment.
   */
  language: string;
  decoding: Recogniser['decoding'] & { engineVersions: Record<string, string> };
}

/**
 * The recogniser for a model name: whisper.cpp when the catalog lists the name as a Whisper
 * model, sherpa-onnx NeMo-CTC otherwise. Both take the same padded VAD regions.
 */
export function openRecogniser(
  settings: SpeechEngineSettings,
  modelName: string,
  precision?: ModelPrecision,
): OpenedRecogniser {
  if (isWhisperModel(modelName)) {
    const model = locateWhisperModel(settings.modelsDir, modelName);
    const variant = settings.whisperBuild ?? 'default';
    const recogniser = createWhisperRecogniser(model, {
      threads: settings.threads,
      variant,
      useGpu: variant !== 'default',
    });
    return {
      recogniser,
      model: model.name,
      modelFiles: model.checksums,
      language: 'auto',
      decoding: { ...recogniser.decoding, engineVersions: whisperEngineVersions(variant) },
    };
  }
  const files = locateRecogniserModel(settings.modelsDir, modelName, precision);
  const recogniser = createRecogniser(files, { threads: settings.threads });
  return {
    recogniser,
    model: files.name,
    modelFiles: files.checksums,
    language: 'ru',
    decoding: { ...recogniser.decoding, engineVersions: speechEngineVersions() },
  };
}

/** The optional diariser for mono calls; undefined (one "speaker unknown" lane) when not installed. */
export function openDiariser(settings: SpeechEngineSettings): Diariser | undefined {
  return findDiariser(settings.modelsDir, { threads: settings.threads });
}
