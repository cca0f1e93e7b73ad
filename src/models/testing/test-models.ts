import fs from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from '../../runtime/paths.ts';
import { findCatalogModel } from '../catalog.ts';
import { installModel } from '../model-installer.ts';
import { DEMO_MODELS } from '../model-profile.ts';

/** The shared test models (../shared/models): Silero VAD v5/v6.2 and the full test-asr-ru. */
export const sharedModelsDir = path.resolve(repositoryRoot, '..', 'shared', 'models');

/** Every model the tests and benchmarks run, with the bundle folder it is installed from. */
const TEST_MODEL_BUNDLES: ReadonlyArray<{ name: string; from: string }> = [
  { name: 'silero-vad-v6.2', from: path.join(sharedModelsDir, 'silero-vad') },
  { name: 'silero-vad-v5', from: path.join(sharedModelsDir, 'silero-vad') },
  { name: 'test-asr-ru', from: path.join(sharedModelsDir, 'test-asr-ru') },
  { name: DEMO_MODELS.translation, from: path.join(DEMO_MODELS.dir, DEMO_MODELS.translation) },
];

/**
 * Installs the test models into `modelsDir` the way a user would (`earshot models install NAME
 * --from DIR`: copied, checksummed, manifest written), so tests run exactly what "installed"
 * means. Throws, naming what is missing, when ../shared/models is not there.
 */
export async function installTestModels(modelsDir: string): Promise<void> {
  const missing = TEST_MODEL_BUNDLES.filter((b) => !fs.existsSync(b.from)).map((b) => b.from);
  if (missing.length > 0) {
    throw new Error(`the test models need ${missing.join(', ')} (see ../shared/models and its READMEs)`);
  }
  for (const bundle of TEST_MODEL_BUNDLES) {
    const model = findCatalogModel(bundle.name);
    if (!model) throw new Error(`${bundle.name} is not in the model catalog`);
    await installModel(model, { modelsDir, fromDir: bundle.from });
  }
}
