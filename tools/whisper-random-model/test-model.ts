import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findCatalogModel } from '../../src/models/catalog.ts';
import { installModel } from '../../src/models/model-installer.ts';
import { writeRandomWhisperModel } from './random-ggml.ts';

/**
 * The Whisper test model, made at test time (no pretrained weights can be downloaded here) and
 * installed the way a user installs an offline bundle: `earshot models install whisper-test-micro
 * --from DIR` checks it against the catalog's size and SHA-256, so a change to the generator that
 * alters a byte fails the install. RANDOM weights: it yields garbage text, never assert on it.
 */
export const WHISPER_TEST_MODEL = 'whisper-test-micro';
const TEST_MODEL_FILE = 'ggml-test-micro.bin';

export async function installWhisperTestModel(modelsDir: string): Promise<string> {
  const entry = findCatalogModel(WHISPER_TEST_MODEL);
  if (!entry) throw new Error(`${WHISPER_TEST_MODEL} is missing from the model catalog`);
  const bundle = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-whisper-bundle-'));
  try {
    writeRandomWhisperModel({ arch: 'test-micro', file: path.join(bundle, TEST_MODEL_FILE), seed: 0 });
    const installed = await installModel(entry, { modelsDir, fromDir: bundle });
    return path.join(installed.dir, TEST_MODEL_FILE);
  } finally {
    fs.rmSync(bundle, { recursive: true, force: true });
  }
}
