import fs from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from './cli-process.ts';

/**
 * The shared models folder (../shared/models): Silero VAD and the test-asr-ru fixture. Tests that
 * need a model fail loudly when it is missing; they never skip.
 */
export const sharedModelsDir = path.resolve(repositoryRoot, '..', 'shared', 'models');
export const TEST_ASR_MODEL = 'test-asr-ru';

const REQUIRED = [
  'silero-vad/silero_vad.onnx',
  'silero-vad/silero_vad_v5.onnx',
  'test-asr-ru/model.int8.onnx',
  'test-asr-ru/model.onnx',
  'test-asr-ru/tokens.txt',
];

export function requireSharedSpeechModels(): string {
  const missing = REQUIRED.filter((file) => !fs.existsSync(path.join(sharedModelsDir, file)));
  if (missing.length > 0) {
    throw new Error(`speech tests need ${missing.join(', ')} in ${sharedModelsDir} (see its READMEs)`);
  }
  return sharedModelsDir;
}

/** Environment for a config or a CLI process that runs the speech stages on the shared models. */
export function speechTestEnv(): Record<string, string> {
  return { EARSHOT_MODELS_DIR: requireSharedSpeechModels(), EARSHOT_ASR_MODEL: TEST_ASR_MODEL };
}

export const demoDir = path.join(repositoryRoot, 'demo');
