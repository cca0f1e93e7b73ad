import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findCatalogModel } from '../../src/models/catalog.ts';
import { installModel } from '../../src/models/model-installer.ts';
import { readManifest, writeManifest } from '../../src/models/model-store.ts';
import { DEMO_MODELS } from '../../src/models/model-profile.ts';

/*
 * Writes demo/models, the models committed for the demo collection, through the same installer a
 * user runs, so each folder is exactly an installed model with its manifest:
 *   npx tsx tools/demo/install-demo-models.ts --vad ../shared/models/silero-vad \
 *     --asr ../shared/models/test-asr-ru --translation DIR_WITH_THE_MARIAN_FILES
 * Optional files (test-asr-ru's fp32 weights) are left out: the demo carries int8 only.
 */
const { values } = parseArgs({
  options: { vad: { type: 'string' }, asr: { type: 'string' }, translation: { type: 'string' } },
});
const sources: Record<string, string | undefined> = {
  [DEMO_MODELS.vad]: values.vad,
  [DEMO_MODELS.asr]: values.asr,
  [DEMO_MODELS.translation]: values.translation,
};
for (const [name, from] of Object.entries(sources)) {
  if (!from) throw new Error(`give the bundle folder of ${name} (see the comment at the top)`);
  const model = findCatalogModel(name);
  if (!model) throw new Error(`${name} is not in the catalog`);
  const bundle = fs.mkdtempSync(path.join(DEMO_MODELS.dir, '.bundle-'));
  try {
    for (const file of model.files.filter((f) => !f.optional)) {
      fs.mkdirSync(path.dirname(path.join(bundle, file.name)), { recursive: true });
      fs.copyFileSync(path.join(from, file.name), path.join(bundle, file.name));
    }
    const { dir } = await installModel(model, { modelsDir: DEMO_MODELS.dir, fromDir: bundle });
    const manifest = readManifest(dir)!;
    // The committed manifest must not carry this machine's paths or the time it was made.
    writeManifest(dir, { ...manifest, origin: { kind: 'repository' }, installedAt: '2026-12-07T00:00:00.000Z' });
    console.log(`${name}: ${dir}`);
  } finally {
    fs.rmSync(bundle, { recursive: true, force: true });
  }
}
