import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedFileNames, modelCatalog } from './catalog.ts';
import { digestFile } from '../runtime/file-hash.ts';
import { DEMO_MODELS } from './model-profile.ts';
import { resolveModel } from './model-store.ts';

const SHARED_MODELS = path.resolve(import.meta.dirname, '../../../shared/models');

describe('model catalog', () => {
  it('has unique, path-safe names and well-formed checksums', () => {
    const names = modelCatalog.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    for (const model of modelCatalog) {
      expect(model.name).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
      expect(model.licence.length).toBeGreaterThan(0);
      for (const file of model.files) {
        const where = `${model.name}/${file.name}`;
        expect(file.name, where).not.toMatch(/(^\/|\.\.|\\)/);
        if (file.sha256 !== null) expect(file.sha256, where).toMatch(/^[0-9a-f]{64}$/);
        if (file.sha1 !== undefined) expect(file.sha1, where).toMatch(/^[0-9a-f]{40}$/);
        const hasChecksum = file.sha256 !== null || file.sha1 !== undefined;
        expect(file.checksumSource === 'unverified', where).toBe(!hasChecksum);
        if (file.sizeBytes !== null) expect(file.sizeBytes, where).toBeGreaterThan(0);
      }
      expect(new Set(installedFileNames(model)).size).toBe(installedFileNames(model).length);
    }
  });

  it('downloads only over https from URLs for download entries; fixtures have no URL', () => {
    for (const model of modelCatalog) {
      for (const file of model.files) {
        if (model.source !== 'download') expect(file.url, model.name).toBeNull();
        else expect(file.url, model.name).toMatch(/^https:\/\/[a-z0-9.-]+\//);
      }
    }
  });

  it('has every task the speech and translation stages need', () => {
    const tasks = new Set(modelCatalog.map((m) => m.task));
    for (const task of [
      'vad',
      'asr',
      'diarisation-segmentation',
      'speaker-embedding',
      'translation',
      'whisper',
    ]) {
      expect(tasks.has(task as never), task).toBe(true);
    }
  });

  it('matches the committed demo models byte for byte, and their install manifests agree', async () => {
    for (const name of [DEMO_MODELS.vad, DEMO_MODELS.asr, DEMO_MODELS.translation]) {
      const model = modelCatalog.find((m) => m.name === name)!;
      const resolved = resolveModel({ modelsDir: DEMO_MODELS.dir }, name);
      for (const file of model.files.filter((f) => !f.optional)) {
        const digest = await digestFile(resolved.filePath(file.name));
        expect({ size: digest.sizeBytes, sha256: digest.sha256 }, `${name}/${file.name}`).toEqual({
          size: file.sizeBytes,
          sha256: file.sha256,
        });
        expect(resolved.checksums([file.name])).toEqual({ [path.basename(file.name)]: file.sha256 });
      }
    }
  });

  it('matches the shared fixture files byte for byte (size and SHA-256)', async () => {
    const fixtures: Array<[string, string]> = [
      ['test-asr-ru', 'test-asr-ru'],
      ['silero-vad-v5', 'silero-vad'],
      ['silero-vad-v6.2', 'silero-vad'],
    ];
    for (const [modelName, folder] of fixtures) {
      const model = modelCatalog.find((m) => m.name === modelName);
      expect(model, modelName).toBeDefined();
      for (const file of model?.files ?? []) {
        const filePath = path.join(SHARED_MODELS, folder, file.name);
        expect(fs.existsSync(filePath), filePath).toBe(true);
        const digest = await digestFile(filePath);
        expect({ size: digest.sizeBytes, sha256: digest.sha256 }, filePath).toEqual({
          size: file.sizeBytes,
          sha256: file.sha256,
        });
      }
    }
  });
});
