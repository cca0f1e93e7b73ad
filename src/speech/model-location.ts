import { findCatalogModel, installedFileNames } from '../models/catalog.ts';
import { ModelError, resolveModelOfTask, type ResolvedModel } from '../models/model-store.ts';

/**
 * Which file of an installed speech model each engine loads. Where models live, what their
 * manifests say and whether they are complete is src/models' business (resolveModel); this module
 * only knows the engines' file conventions.
 */

/** A NeMo-CTC recogniser: model.int8.onnx and/or model.onnx beside tokens.txt. */
export interface RecogniserModelFiles {
  name: string;
  precision: ModelPrecision;
  modelFile: string;
  tokensFile: string;
  /** SHA-256 of the loaded files as installed, by base name (recorded on every transcript). */
  checksums: Record<string, string>;
}

export type ModelPrecision = 'int8' | 'fp32';

const PRECISION_FILES: Record<ModelPrecision, string> = { int8: 'model.int8.onnx', fp32: 'model.onnx' };

export interface SingleFileModel {
  name: string;
  modelFile: string;
  checksums: Record<string, string>;
}

/**
 * Finds a recogniser by name. Without a precision, int8 is preferred (about 3x smaller and as
 * accurate for these models); fp32 is used when only it is installed.
 */
export function locateRecogniserModel(
  modelsDir: string,
  name: string,
  precision?: ModelPrecision,
): RecogniserModelFiles {
  const model = resolveModelOfTask({ modelsDir }, name, 'asr');
  const candidates: ModelPrecision[] = precision ? [precision] : ['int8', 'fp32'];
  const found = candidates.find((p) => model.hasFile(PRECISION_FILES[p]));
  if (!found) {
    throw new ModelError(
      `model "${name}" has no ${candidates.map((p) => PRECISION_FILES[p]).join(' or ')} installed; ` +
        `install it again with \`earshot models install ${name}\``,
    );
  }
  const files = [PRECISION_FILES[found], 'tokens.txt'];
  return {
    name,
    precision: found,
    modelFile: model.filePath(files[0]!),
    tokensFile: model.filePath('tokens.txt'),
    checksums: model.checksums(files),
  };
}

/** A Silero VAD (one .onnx file). */
export function locateVadModel(modelsDir: string, name: string): SingleFileModel {
  return singleFile(resolveModelOfTask({ modelsDir }, name, 'vad'), '.onnx');
}

/** A whisper.cpp model (one ggml .bin file). */
export function locateWhisperModel(modelsDir: string, name: string): SingleFileModel {
  return singleFile(resolveModelOfTask({ modelsDir }, name, 'whisper'), '.bin');
}

/** Whether the catalog lists the name as a whisper.cpp model (recogniser and translator both). */
export function isWhisperModel(name: string): boolean {
  return findCatalogModel(name)?.task === 'whisper';
}

function singleFile(model: ResolvedModel, extension: string): SingleFileModel {
  const catalogued = findCatalogModel(model.name);
  const file = catalogued && installedFileNames(catalogued).find((f) => f.endsWith(extension));
  if (!file) throw new ModelError(`catalog entry "${model.name}" lists no ${extension} file`);
  return { name: model.name, modelFile: model.filePath(file), checksums: model.checksums([file]) };
}
