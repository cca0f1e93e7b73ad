import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCatalogModel } from '../models/catalog.ts';
import { installModel } from '../models/model-installer.ts';
import { DEMO_MODELS } from '../models/model-profile.ts';
import { ModelNotInstalledError, UnknownModelError } from '../models/model-store.ts';
import { locateTranslationModel } from './translation-model.ts';
import { Translator } from './translator.ts';

// The translation model is found through the model store (catalog + install manifest), like every
// other model: these tests install the demo Marian model as a user would and look it up.
const DEMO_FOLDER = path.join(DEMO_MODELS.dir, DEMO_MODELS.translation);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-translation-model-'));

async function install(name: string, modelsDir: string): Promise<void> {
  const model = findCatalogModel(name);
  if (!model) throw new Error(`${name} is not catalogued`);
  await installModel(model, { modelsDir, fromDir: DEMO_FOLDER, trustUnverified: true });
}

beforeAll(async () => {
  await install(DEMO_MODELS.translation, scratch);
  // No Ukrainian model can be had here: the demo model's files stand in for opus-mt-uk-en (whose
  // catalog entry has no checksums, so it installs as unverified), to test routing by language.
  await install('opus-mt-uk-en', scratch);
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('locateTranslationModel', () => {
  it('takes languages and precision from the catalog and checksums from the install manifest', () => {
    const model = locateTranslationModel(scratch, DEMO_MODELS.translation);
    expect(model).toMatchObject({ sourceLanguages: ['ru'], targetLanguage: 'en', dtype: 'q8' });
    expect(model.folder).toBe(path.join(scratch, DEMO_MODELS.translation));
    const catalogFiles = findCatalogModel(DEMO_MODELS.translation)!.files;
    expect(model.files.map((f) => [f.path, f.sizeBytes, f.sha256]).sort()).toEqual(
      catalogFiles.map((f) => [f.name, f.sizeBytes, f.sha256]).sort(),
    );
    // The committed demo folder is an installed model too: same files, same checksum.
    expect(locateTranslationModel(DEMO_MODELS.dir, DEMO_MODELS.translation).sha256).toBe(model.sha256);
  });

  it('is not installed when a file is gone or has another size, and says how to fix it', () => {
    const copy = path.join(scratch, 'damaged');
    fs.cpSync(path.join(scratch, DEMO_MODELS.translation), path.join(copy, DEMO_MODELS.translation), {
      recursive: true,
    });
    fs.appendFileSync(path.join(copy, DEMO_MODELS.translation, 'generation_config.json'), '\n');
    expect(() => locateTranslationModel(copy, DEMO_MODELS.translation)).toThrow(
      /generation_config\.json has 210 bytes, 209 were installed; run `earshot models verify marian-ru-en-test`/,
    );
    fs.rmSync(path.join(copy, DEMO_MODELS.translation, 'onnx', 'encoder_model_quantized.onnx'));
    expect(() => locateTranslationModel(copy, DEMO_MODELS.translation)).toThrow(ModelNotInstalledError);
  });

  it('names the install command for a model that is not installed', () => {
    const empty = fs.mkdtempSync(path.join(scratch, 'empty-'));
    expect(() => locateTranslationModel(empty, 'opus-mt-ru-en')).toThrow(ModelNotInstalledError);
    expect(() => locateTranslationModel(empty, 'opus-mt-ru-en')).toThrow(
      /earshot models install opus-mt-ru-en/,
    );
  });

  it('refuses names outside the catalog and models of another task', () => {
    for (const name of ['../etc', 'a/b', '.hidden', '', 'mystery-model']) {
      expect(() => locateTranslationModel(scratch, name)).toThrow(UnknownModelError);
    }
    expect(() => locateTranslationModel(scratch, 'silero-vad-v6.2')).toThrow(
      /is a vad model, not a translation model/,
    );
  });
});

describe('Translator.open', () => {
  it('fails before any work when a model is missing', async () => {
    const empty = fs.mkdtempSync(path.join(scratch, 'none-'));
    await expect(Translator.open({ modelsDir: empty, models: ['opus-mt-ru-en'] })).rejects.toThrow(
      /earshot models install opus-mt-ru-en/,
    );
    await expect(Translator.open({ modelsDir: empty, models: [] })).rejects.toThrow(/no translation model/);
  });

  it('routes each language to the model that covers it', async () => {
    const translator = await Translator.open({
      modelsDir: scratch,
      models: [DEMO_MODELS.translation, 'opus-mt-uk-en'],
      threads: 1,
    });
    try {
      expect(translator.supportedLanguages()).toEqual(['ru', 'uk']);
      const results = await translator.translate([
        { id: 1, text: 'мам привет', language: 'ru' },
        { id: 2, text: 'мам привет', language: 'uk' },
        { id: 3, text: 'bonjour', language: 'fr' },
      ]);
      expect(results.map((r) => r.model)).toEqual([DEMO_MODELS.translation, 'opus-mt-uk-en', null]);
      expect(results[0]?.modelSha256).toBe(results[1]?.modelSha256);
    } finally {
      await translator.close();
    }
  });
});
