import path from 'node:path';
import { inject } from 'vitest';
import { DEMO_MODELS } from '../../src/models/model-profile.ts';
import { repositoryRoot } from './cli-process.ts';

export { sharedModelsDir } from '../../src/models/testing/test-models.ts';

export const TEST_ASR_MODEL = 'test-asr-ru';
/** The demo Marian model (trained on the demo corpus only): Russian → English. */
export const TEST_TRANSLATION_MODEL = DEMO_MODELS.translation;

/**
 * The models folder the test run installed once (test/global-setup.ts): Silero VAD v6.2 and v5,
 * test-asr-ru (int8 and fp32) and the Marian demo translator, each installed through
 * `earshot models install --from` as a user would. Tests that need a model fail loudly, naming
 * what is missing, when ../shared/models is not there; they never skip.
 */
export function pipelineTestModelsDir(): string {
  const models = inject('testModels');
  if ('error' in models) throw new Error(models.error);
  return models.dir;
}

/** Environment for a config or a CLI process that runs the pipeline's stages on the test models. */
export function speechTestEnv(): Record<string, string> {
  return {
    EARSHOT_MODELS_DIR: pipelineTestModelsDir(),
    EARSHOT_ASR_MODEL: TEST_ASR_MODEL,
    EARSHOT_TRANSLATION_MODEL: TEST_TRANSLATION_MODEL,
  };
}

export const demoDir = path.join(repositoryRoot, 'demo');
