import type { CatalogModel } from './catalog-types.ts';
import { digestFile } from '../runtime/file-hash.ts';
import {
  fileSize,
  modelDirectory,
  modelFilePath,
  optionalFileNames,
  readManifest,
  type ModelManifest,
} from './model-store.ts';

export interface VerifiedFile {
  name: string;
  status: 'ok' | 'missing' | 'mismatch';
  detail?: string;
}

export interface ModelVerification {
  model: string;
  status: 'ok' | 'not-installed' | 'failed';
  trust: ModelManifest['trust'] | null;
  files: VerifiedFile[];
}

/**
 * Re-hashes every installed file of a model and compares it with the manifest written at install,
 * and (for files the catalog states a SHA-256 for, i.e. not archive members) with the catalog too,
 * so an edited manifest cannot hide a swapped file.
 */
export async function verifyModel(modelsDir: string, model: CatalogModel): Promise<ModelVerification> {
  const dir = modelDirectory(modelsDir, model.name);
  const manifest = readManifest(dir);
  if (!manifest) return { model: model.name, status: 'not-installed', trust: null, files: [] };
  const files: VerifiedFile[] = [];
  const catalogSha = new Map(model.files.filter((f) => !f.archive).map((f) => [f.name, f.sha256]));
  const expectedNames = new Set([...manifest.files.map((f) => f.name)]);
  const optional = optionalFileNames(model);
  for (const file of model.files) {
    const names = file.archive ? Object.values(file.archive.members) : [file.name];
    for (const name of names) {
      if (!expectedNames.has(name) && !optional.has(name))
        files.push({ name, status: 'missing', detail: 'not recorded in the manifest' });
    }
  }
  for (const record of manifest.files) {
    const filePath = modelFilePath(dir, record.name);
    if (fileSize(filePath) === null) {
      files.push({ name: record.name, status: 'missing', detail: `${filePath} is gone` });
      continue;
    }
    const digest = await digestFile(filePath);
    const catalogValue = catalogSha.get(record.name) ?? null;
    if (digest.sha256 !== record.sha256) {
      files.push({
        name: record.name,
        status: 'mismatch',
        detail: `sha256 ${digest.sha256}, installed as ${record.sha256}`,
      });
    } else if (catalogValue !== null && digest.sha256 !== catalogValue) {
      files.push({
        name: record.name,
        status: 'mismatch',
        detail: `sha256 ${digest.sha256}, catalog says ${catalogValue}`,
      });
    } else {
      files.push({ name: record.name, status: 'ok' });
    }
  }
  const failed = files.some((f) => f.status !== 'ok');
  return { model: model.name, status: failed ? 'failed' : 'ok', trust: manifest.trust, files };
}
