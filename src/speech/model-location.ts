import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
// whisper-model.ts imports this module's errors back; both sides only use each other inside functions.
import { isWhisperModel, locateWhisperModel } from './whisper-model.ts';

/**
 * Where speech models live: one folder per model name under the models directory
 * (EARSHOT_MODELS_DIR), as `earshot models install NAME` lays them out. Only names are looked up
 * here; the catalog (src/models) knows where a model comes from.
 */
export class MissingModelError extends Error {
  constructor(
    readonly modelName: string,
    readonly missing: string[],
    modelsDir: string,
  ) {
    super(
      `speech model "${modelName}" is not installed (missing ${missing.join(', ')} in ${modelsDir}); ` +
        `install it with \`earshot models install ${modelName}\``,
    );
  }
}

export class InvalidModelNameError extends Error {}

/** A NeMo-CTC recogniser folder: model.onnx and/or model.int8.onnx beside tokens.txt. */
export interface RecogniserModelFiles {
  name: string;
  precision: ModelPrecision;
  modelFile: string;
  tokensFile: string;
}

export type ModelPrecision = 'int8' | 'fp32';

const PRECISION_FILES: Record<ModelPrecision, string> = { int8: 'model.int8.onnx', fp32: 'model.onnx' };

/**
 * Finds a recogniser by name. Without a precision, int8 is preferred (about 3x smaller and as
 * accurate for these models); fp32 is used when only it is installed.
 */
export function locateRecogniserModel(
  modelsDir: string,
  name: string,
  precision?: ModelPrecision,
): RecogniserModelFiles {
  const dir = modelFolder(modelsDir, name);
  const tokensFile = path.join(dir, 'tokens.txt');
  const candidates: ModelPrecision[] = precision ? [precision] : ['int8', 'fp32'];
  const found = candidates.find((p) => isFile(path.join(dir, PRECISION_FILES[p])));
  const missing = [
    ...(found ? [] : [candidates.map((p) => `${name}/${PRECISION_FILES[p]}`).join(' or ')]),
    ...(isFile(tokensFile) ? [] : [`${name}/tokens.txt`]),
  ];
  if (!found || missing.length > 0) throw new MissingModelError(name, missing, modelsDir);
  return { name, precision: found, modelFile: path.join(dir, PRECISION_FILES[found]), tokensFile };
}

/**
 * Silero VAD versions: catalog name and file name. `earshot models install` puts each in its own
 * folder (`silero-vad-v6.2/silero_vad.onnx`); the shared fixture folder keeps all versions in one
 * `silero-vad/` folder under silero-vad's own file names, which is accepted too.
 */
export const SILERO_VAD_MODELS = {
  'v6.2': { name: 'silero-vad-v6.2', file: 'silero_vad.onnx' },
  v5: { name: 'silero-vad-v5', file: 'silero_vad_v5.onnx' },
} as const;
export type SileroVadVersion = keyof typeof SILERO_VAD_MODELS;
const SHARED_SILERO_FOLDER = 'silero-vad';

export interface VadModelFiles {
  name: string;
  version: SileroVadVersion;
  modelFile: string;
}

export function locateVadModel(modelsDir: string, version: SileroVadVersion): VadModelFiles {
  const { name, file } = SILERO_VAD_MODELS[version];
  const candidates = [
    path.join(modelFolder(modelsDir, name), file),
    path.join(modelsDir, SHARED_SILERO_FOLDER, file),
  ];
  const found = candidates.find(isFile);
  if (!found) throw new MissingModelError(name, [`${name}/${file}`], modelsDir);
  return { name, version, modelFile: found };
}

/** The VAD version a catalog name stands for (`silero-vad-v6.2` → `v6.2`). */
export function sileroVadVersionOf(modelName: string): SileroVadVersion {
  const entry = Object.entries(SILERO_VAD_MODELS).find(([, m]) => m.name === modelName);
  if (!entry) {
    const known = Object.values(SILERO_VAD_MODELS).map((m) => m.name);
    throw new InvalidModelNameError(`"${modelName}" is not a VAD model; VAD models are ${known.join(', ')}`);
  }
  return entry[0] as SileroVadVersion;
}

/** Optional models: undefined when not installed (callers fall back, never fail). */
export function optionalModelFile(modelsDir: string, name: string, file: string): string | undefined {
  const candidate = path.join(modelFolder(modelsDir, name), file);
  return isFile(candidate) ? candidate : undefined;
}

function modelFolder(modelsDir: string, name: string): string {
  // Names come from the command line and config: keep them to one plain folder name.
  if (!/^[a-z0-9][a-z0-9._-]{0,99}$/i.test(name) || name.includes('..')) {
    throw new InvalidModelNameError(`"${name}" is not a valid model name`);
  }
  return path.join(modelsDir, name);
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

const checksumCache = new Map<string, { key: string; sha256: string }>();

/**
 * SHA-256 of model files, recorded on every transcript. Cached per path, size and mtime: models
 * are large and a worker transcribes many recordings with the same files.
 */
export function modelFileChecksums(files: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const file of files) {
    const stat = fs.statSync(file);
    const key = `${stat.size}:${stat.mtimeMs}`;
    let cached = checksumCache.get(file);
    if (cached?.key !== key) {
      cached = { key, sha256: createHash('sha256').update(fs.readFileSync(file)).digest('hex') };
      checksumCache.set(file, cached);
    }
    result[path.basename(file)] = cached.sha256;
  }
  return result;
}

/**
 * The models the speech stages will ask for with this configuration that are not installed, by
 * name: `earshot start` names them up front instead of letting every call fail one by one.
 */
export function missingSpeechModels(config: {
  modelsDir: string;
  asrModel: string;
  vadModel: string;
}): string[] {
  const missing: string[] = [];
  for (const check of [
    () => locateVadModel(config.modelsDir, sileroVadVersionOf(config.vadModel)),
    () =>
      isWhisperModel(config.asrModel)
        ? locateWhisperModel(config.modelsDir, config.asrModel)
        : locateRecogniserModel(config.modelsDir, config.asrModel),
  ]) {
    try {
      check();
    } catch (error) {
      if (error instanceof MissingModelError) missing.push(error.modelName);
      else throw error;
    }
  }
  return missing;
}
