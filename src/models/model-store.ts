import fs from 'node:fs';
import path from 'node:path';
import type { EarshotConfig } from '../config/config.ts';
import { findCatalogModel, installedFileNames, modelCatalog } from './catalog.ts';
import type { CatalogModel, ModelEngine, ModelTask, TranslationSpec } from './catalog-types.ts';

/** The manifest an install leaves beside the model's files; written last, so its presence means "complete". */
export const MANIFEST_FILE = 'earshot-model.json';
/** Partial downloads and unpacking happen here, inside the model's folder (same file system: renames are atomic). */
export const STAGING_DIR = '.download';

export interface InstalledFileRecord {
  name: string;
  sizeBytes: number;
  sha256: string;
}

export interface ModelManifest {
  manifestVersion: 1;
  model: string;
  installedAt: string;
  /** `repository`: committed with Earshot (the demo models in demo/models). */
  origin: { kind: 'download'; urls: string[] } | { kind: 'bundle'; dir: string } | { kind: 'repository' };
  /** `verified`: every file matched a catalogued checksum. `trusted-unverified`: installed with --trust-unverified. */
  trust: 'verified' | 'trusted-unverified';
  files: InstalledFileRecord[];
}

/** Base class of every model-management error; messages are meant for the person at the terminal. */
export class ModelError extends Error {}

export class UnknownModelError extends ModelError {
  constructor(readonly modelName: string) {
    super(
      `unknown model "${modelName}". Known models: ${modelCatalog.map((m) => m.name).join(', ')} (see \`earshot models list\`)`,
    );
  }
}

/** How messages name a model's task ("translation model "opus-mt-ru-en" is not installed"). */
const TASK_NAMES: Record<ModelTask, string> = {
  vad: 'voice activity',
  asr: 'speech recognition',
  whisper: 'Whisper',
  translation: 'translation',
  'diarisation-segmentation': 'diarisation',
  'speaker-embedding': 'speaker embedding',
};

/** The one "this model is not (completely) installed" error: stages wait on it, the CLI names the fix. */
export class ModelNotInstalledError extends ModelError {
  constructor(
    readonly modelName: string,
    readonly modelsDir: string,
    readonly reason: string,
  ) {
    const task = findCatalogModel(modelName)?.task;
    super(
      `${task ? `${TASK_NAMES[task]} ` : ''}model "${modelName}" is not installed in ${modelsDir} (${reason}). ` +
        `Install it with \`earshot models install ${modelName}\`, or \`earshot models install ${modelName} --from DIR\` from an offline bundle`,
    );
  }
}

export function modelDirectory(modelsDir: string, modelName: string): string {
  return path.join(modelsDir, modelName);
}

/** Resolves a relative file name from the catalog inside a model folder, refusing anything that escapes it. */
export function modelFilePath(modelDir: string, relativeName: string): string {
  const resolved = path.resolve(modelDir, relativeName);
  if (path.isAbsolute(relativeName) || !resolved.startsWith(path.resolve(modelDir) + path.sep)) {
    throw new ModelError(`model file name "${relativeName}" would leave the model folder`);
  }
  return resolved;
}

export function readManifest(modelDir: string): ModelManifest | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(modelDir, MANIFEST_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as Partial<ModelManifest>;
    if (parsed.manifestVersion !== 1 || !Array.isArray(parsed.files)) return null;
    return parsed as ModelManifest;
  } catch {
    return null;
  }
}

export function writeManifest(modelDir: string, manifest: ModelManifest): void {
  const target = path.join(modelDir, MANIFEST_FILE);
  const temporary = `${target}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(manifest, null, 2) + '\n');
  fs.renameSync(temporary, target);
}

export interface ResolvedModelFile {
  name: string;
  path: string;
  sizeBytes: number;
  sha256: string;
}

/** An installed model, as the speech and translation stages need it (and record it in their output). */
export interface ResolvedModel {
  name: string;
  task: ModelTask;
  engine: ModelEngine;
  dir: string;
  trust: ModelManifest['trust'];
  installedAt: string;
  files: ResolvedModelFile[];
  /** Languages and precision of a translation model (from the catalog). */
  translation?: TranslationSpec;
  /** Absolute path of one of the model's files, by its catalog name (e.g. `tokens.txt`). */
  filePath(name: string): string;
  /** Whether an optional file (e.g. fp32 weights beside int8) was installed. */
  hasFile(name: string): boolean;
  /**
   * SHA-256 of the named files as recorded at install, keyed by base name: what transcripts and
   * translations record. Re-hashing is `earshot models verify`'s job, not every job's.
   */
  checksums(names: readonly string[]): Record<string, string>;
}

/**
 * Finds an installed model by catalog name under config.modelsDir. Checks that every file the
 * catalog lists is present with the size recorded at install; it does not re-hash (that is
 * `earshot models verify`, too slow for every job). Throws ModelNotInstalledError naming the
 * install command when anything is missing.
 */
export function resolveModel(
  config: Pick<EarshotConfig, 'modelsDir'>,
  name: string,
  catalog: readonly CatalogModel[] = modelCatalog,
): ResolvedModel {
  const model = findCatalogModel(name, catalog);
  if (!model) throw new UnknownModelError(name);
  const dir = modelDirectory(config.modelsDir, name);
  const manifest = readManifest(dir);
  if (!manifest) throw new ModelNotInstalledError(name, config.modelsDir, 'no install manifest');
  const files: ResolvedModelFile[] = [];
  const optional = optionalFileNames(model);
  for (const fileName of installedFileNames(model)) {
    const record = manifest.files.find((f) => f.name === fileName);
    if (!record && optional.has(fileName)) continue;
    if (!record)
      throw new ModelNotInstalledError(name, config.modelsDir, `${fileName} is not in its manifest`);
    const filePath = modelFilePath(dir, fileName);
    const size = fileSize(filePath);
    if (size === null) throw new ModelNotInstalledError(name, config.modelsDir, `${fileName} is missing`);
    if (size !== record.sizeBytes) {
      throw new ModelNotInstalledError(
        name,
        config.modelsDir,
        `${fileName} has ${size} bytes, ${record.sizeBytes} were installed; run \`earshot models verify ${name}\``,
      );
    }
    files.push({ name: fileName, path: filePath, sizeBytes: record.sizeBytes, sha256: record.sha256 });
  }
  return {
    name,
    task: model.task,
    engine: model.engine,
    dir,
    trust: manifest.trust,
    installedAt: manifest.installedAt,
    files,
    ...(model.translation ? { translation: model.translation } : {}),
    filePath(fileName) {
      const found = files.find((f) => f.name === fileName);
      if (!found) throw new ModelError(`model "${name}" has no file "${fileName}"`);
      return found.path;
    },
    hasFile: (fileName) => files.some((f) => f.name === fileName),
    checksums(names) {
      return Object.fromEntries(
        names.map((fileName) => {
          const found = files.find((f) => f.name === fileName);
          if (!found) throw new ModelError(`model "${name}" has no file "${fileName}"`);
          return [path.basename(fileName), found.sha256];
        }),
      );
    },
  };
}

/** resolveModel for a stage that needs one task: a catalogued model of another task is refused by name. */
export function resolveModelOfTask(
  config: Pick<EarshotConfig, 'modelsDir'>,
  name: string,
  task: ModelTask,
): ResolvedModel {
  const catalogued = findCatalogModel(name);
  if (catalogued && catalogued.task !== task) {
    throw new ModelError(`"${name}" is a ${catalogued.task} model, not a ${task} model`);
  }
  return resolveModel(config, name);
}

/** An optional model (the diariser's): the resolved model when it is installed, else undefined. */
export function findInstalledModel(
  config: Pick<EarshotConfig, 'modelsDir'>,
  name: string,
): ResolvedModel | undefined {
  try {
    return resolveModel(config, name);
  } catch (error) {
    if (error instanceof ModelNotInstalledError) return undefined;
    throw error;
  }
}

/** The names among `names` that are not completely installed in modelsDir (unknown names included). */
export function missingModels(modelsDir: string, names: readonly string[]): string[] {
  return [...new Set(names)].filter((name) => {
    try {
      resolveModel({ modelsDir }, name);
      return false;
    } catch (error) {
      if (error instanceof ModelError) return true;
      throw error;
    }
  });
}

/** Files the model works without (see ModelFile.optional). */
export function optionalFileNames(model: CatalogModel): Set<string> {
  return new Set(model.files.filter((f) => f.optional && !f.archive).map((f) => f.name));
}

export type ModelInstallState =
  | { state: 'not-installed' }
  | { state: 'partial'; partialBytes: number }
  | { state: 'installed'; trust: ModelManifest['trust']; installedAt: string }
  | { state: 'damaged'; reason: string };

/** Cheap state for `earshot models list`: presence and sizes only, no hashing. */
export function modelInstallState(modelsDir: string, model: CatalogModel): ModelInstallState {
  const dir = modelDirectory(modelsDir, model.name);
  const manifest = readManifest(dir);
  if (!manifest) {
    const partialBytes = directoryBytes(path.join(dir, STAGING_DIR));
    return partialBytes > 0 ? { state: 'partial', partialBytes } : { state: 'not-installed' };
  }
  try {
    resolveModel({ modelsDir }, model.name, [model]);
  } catch (error) {
    return { state: 'damaged', reason: error instanceof Error ? error.message : String(error) };
  }
  return { state: 'installed', trust: manifest.trust, installedAt: manifest.installedAt };
}

export function fileSize(filePath: string): number | null {
  try {
    const stat = fs.statSync(filePath);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}

function directoryBytes(dir: string): number {
  let total = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += directoryBytes(full);
    else if (entry.isFile()) total += fileSize(full) ?? 0;
  }
  return total;
}
