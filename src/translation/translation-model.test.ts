import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  InvalidTranslationModelError,
  locateTranslationModel,
  MissingTranslationModelError,
  requiredModelFiles,
} from './translation-model.ts';
import { Translator } from './translator.ts';

const FIXTURE = path.resolve('test/fixtures/translation-model/marian-ru-en-test');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-translation-model-'));

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function copyFixture(name: string, options: { withManifest: boolean }): string {
  const target = path.join(scratch, name);
  fs.cpSync(FIXTURE, target, { recursive: true });
  if (!options.withManifest) fs.rmSync(path.join(target, 'earshot-model.json'));
  return target;
}

describe('locateTranslationModel', () => {
  it('reads the fixture: languages from its manifest, int8 files, one checksum over them', async () => {
    const model = await locateTranslationModel(path.dirname(FIXTURE), 'marian-ru-en-test');
    expect(model.sourceLanguages).toEqual(['ru']);
    expect(model.targetLanguage).toBe('en');
    expect(model.files.map((f) => f.path).sort()).toEqual(requiredModelFiles('q8').sort());
    expect(model.files.every((f) => f.sizeBytes > 0 && /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
  });

  it('changes the checksum when any loaded file changes', async () => {
    const folder = copyFixture('changed-model', { withManifest: true });
    const before = await locateTranslationModel(scratch, 'changed-model');
    fs.appendFileSync(path.join(folder, 'generation_config.json'), '\n');
    const after = await locateTranslationModel(scratch, 'changed-model');
    expect(after.sha256).not.toBe(before.sha256);
  });

  it('names the missing files and the install command', async () => {
    await expect(locateTranslationModel(scratch, 'opus-mt-ru-en')).rejects.toThrow(
      MissingTranslationModelError,
    );
    await expect(locateTranslationModel(scratch, 'opus-mt-ru-en')).rejects.toThrow(
      /opus-mt-ru-en\/onnx\/encoder_model\.onnx.*earshot models install opus-mt-ru-en/,
    );
    const folder = copyFixture('no-decoder', { withManifest: true });
    fs.rmSync(path.join(folder, 'onnx/decoder_model_merged_quantized.onnx'));
    await expect(locateTranslationModel(scratch, 'no-decoder')).rejects.toThrow(
      /no-decoder\/onnx\/decoder_model_merged_quantized\.onnx/,
    );
    await expect(locateTranslationModel(path.dirname(FIXTURE), 'marian-ru-en-test', 'fp32')).rejects.toThrow(
      /encoder_model\.onnx/,
    );
  });

  it('refuses model names that would leave the models folder', async () => {
    for (const name of ['../etc', 'a/b', '.hidden', '']) {
      await expect(locateTranslationModel(scratch, name)).rejects.toThrow(InvalidTranslationModelError);
    }
  });

  it('takes the languages of a folder without manifest from its opus-mt name, and refuses to guess otherwise', async () => {
    copyFixture('opus-mt-uk-en', { withManifest: false });
    const model = await locateTranslationModel(scratch, 'opus-mt-uk-en');
    expect(model.sourceLanguages).toEqual(['uk']);
    expect(model.dtype).toBe('q8');
    copyFixture('mystery-model', { withManifest: false });
    await expect(locateTranslationModel(scratch, 'mystery-model')).rejects.toThrow(
      /does not say which languages/,
    );
  });

  it('rejects a malformed manifest with the file and the problem', async () => {
    const folder = copyFixture('bad-manifest', { withManifest: true });
    fs.writeFileSync(
      path.join(folder, 'earshot-model.json'),
      '{"sourceLanguages": [], "targetLanguage": "en"}',
    );
    await expect(locateTranslationModel(scratch, 'bad-manifest')).rejects.toThrow(
      /earshot-model\.json is invalid: sourceLanguages/,
    );
    fs.writeFileSync(path.join(folder, 'earshot-model.json'), '{oops');
    await expect(locateTranslationModel(scratch, 'bad-manifest')).rejects.toThrow(/not valid JSON/);
  });
});

describe('Translator.open', () => {
  it('fails before any work when a model is missing', async () => {
    await expect(Translator.open({ modelsDir: scratch, models: ['opus-mt-ru-en'] })).rejects.toThrow(
      /earshot models install opus-mt-ru-en/,
    );
    await expect(Translator.open({ modelsDir: scratch, models: [] })).rejects.toThrow(/no translation model/);
  });

  it('routes each language to the model that covers it (a second copy of the fixture stands in for uk→en)', async () => {
    copyFixture('route-ru', { withManifest: true });
    copyFixture('opus-mt-uk-en-route', { withManifest: false });
    fs.writeFileSync(
      path.join(scratch, 'opus-mt-uk-en-route', 'earshot-model.json'),
      JSON.stringify({ sourceLanguages: ['uk'], targetLanguage: 'en' }),
    );
    const translator = await Translator.open({
      modelsDir: scratch,
      models: ['route-ru', 'opus-mt-uk-en-route'],
      threads: 1,
    });
    try {
      expect(translator.supportedLanguages()).toEqual(['ru', 'uk']);
      const results = await translator.translate([
        { id: 1, text: 'мам привет', language: 'ru' },
        { id: 2, text: 'мам привет', language: 'uk' },
        { id: 3, text: 'bonjour', language: 'fr' },
      ]);
      expect(results.map((r) => r.model)).toEqual(['route-ru', 'opus-mt-uk-en-route', null]);
      expect(results[0]?.modelSha256).toBe(results[1]?.modelSha256);
    } finally {
      await translator.close();
    }
  });
});
