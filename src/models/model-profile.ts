import path from 'node:path';
import type { EarshotConfig } from '../config/config.ts';
import type { ModelProfile } from '../db/schema.ts';
import { repositoryRoot } from '../runtime/paths.ts';
import { missingModels } from './model-store.ts';

/**
 * Which models a collection's speech and translation stages use. The demo collection is read by
 * the small demo models committed in demo/models, so a first run works offline with nothing beside
 * the repository; every other collection uses the configured models (EARSHOT_ASR_MODEL, …) from
 * the models folder and never falls back to the demo ones.
 */
export interface StageModels {
  profile: ModelProfile;
  modelsDir: string;
  vad: string;
  asr: string;
  translation: string;
}

export const DEMO_MODELS = {
  dir: path.join(repositoryRoot, 'demo', 'models'),
  vad: 'silero-vad-v6.2',
  asr: 'test-asr-ru',
  translation: 'marian-ru-en-test',
} as const;

/** What the desk and the CLI say beside demo-model output. */
export const DEMO_MODEL_LABEL =
  'demo models: small test models that read synthetic voices only; install real ones for your own calls';

export function stageModelsFor(
  profile: ModelProfile,
  config: Pick<EarshotConfig, 'modelsDir' | 'vadModel' | 'asrModel' | 'translationModel'>,
): StageModels {
  if (profile === 'demo') {
    return {
      profile,
      modelsDir: DEMO_MODELS.dir,
      vad: DEMO_MODELS.vad,
      asr: DEMO_MODELS.asr,
      translation: DEMO_MODELS.translation,
    };
  }
  return {
    profile,
    modelsDir: config.modelsDir,
    vad: config.vadModel,
    asr: config.asrModel,
    translation: config.translationModel,
  };
}

/** The profile's models that are not installed, by name (for `earshot start` and `status`). */
export function missingStageModels(models: StageModels): string[] {
  return missingModels(models.modelsDir, [models.vad, models.asr, models.translation]);
}

/** The model each model-using stage loads; other stages (decode, analyse) use none. */
export function modelOfStage(models: StageModels, stage: string): string | undefined {
  switch (stage) {
    case 'vad':
      return models.vad;
    case 'transcribe':
      return models.asr;
    case 'translate':
      return models.translation;
    default:
      return undefined;
  }
}
