import fs from 'node:fs';
import os from 'node:os';
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

/** The committed Marian fixture (trained on the demo corpus only): Russian → English. */
export const TEST_TRANSLATION_MODEL = 'marian-ru-en-test';
export const translationFixtureDir = path.join(
  repositoryRoot,
  'test',
  'fixtures',
  'translation-model',
  TEST_TRANSLATION_MODEL,
);

let pipelineModelsDir: string | undefined;

/**
 * A models folder holding every model the pipeline needs: links to the shared speech models and
 * to the translation fixture. Made once per test process in the system's tmp folder and removed
 * when the process exits.
 */
export function pipelineTestModelsDir(): string {
  if (pipelineModelsDir) return pipelineModelsDir;
  const shared = requireSharedSpeechModels();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-test-models-'));
  for (const name of ['silero-vad', TEST_ASR_MODEL]) {
    fs.symlinkSync(path.join(shared, name), path.join(dir, name), 'dir');
  }
  fs.symlinkSync(translationFixtureDir, path.join(dir, TEST_TRANSLATION_MODEL), 'dir');
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  pipelineModelsDir = dir;
  return dir;
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
