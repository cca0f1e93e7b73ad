import { createHash } from 'node:crypto';
import { ModelError, resolveModelOfTask } from '../models/model-store.ts';

/**
 * A translation model as transformers.js loads it: a catalogued model installed under the models
 * folder (config.json, tokenizer files, onnx/encoder_model*.onnx, onnx/decoder_model_merged*.onnx).
 * Where it lives and whether it is complete is src/models' business; its languages and precision
 * come from the catalog. Nothing here runs the model; translator.ts does.
 */

export type TranslationDtype = 'q8' | 'fp32';

export interface TranslationModelFile {
  /** Path relative to the model folder, with forward slashes. */
  path: string;
  sizeBytes: number;
  sha256: string;
}

export interface TranslationModel {
  name: string;
  /** The models folder the model was found in (transformers.js's localModelPath). */
  modelsDir: string;
  folder: string;
  sourceLanguages: string[];
  targetLanguage: string;
  dtype: TranslationDtype;
  files: TranslationModelFile[];
  /** SHA-256 over the sorted "path  sha256" lines of every file the engine loads. */
  sha256: string;
}

/** Finds an installed translation model by catalog name, with the checksums recorded at install. */
export function locateTranslationModel(modelsDir: string, name: string): TranslationModel {
  const model = resolveModelOfTask({ modelsDir }, name, 'translation');
  const spec = model.translation;
  if (!spec) throw new ModelError(`catalog entry "${name}" does not say which languages it translates`);
  const files = model.files.map((f) => ({ path: f.name, sizeBytes: f.sizeBytes, sha256: f.sha256 }));
  return {
    name,
    modelsDir,
    folder: model.dir,
    sourceLanguages: spec.sourceLanguages,
    targetLanguage: spec.targetLanguage,
    dtype: spec.dtype,
    files,
    sha256: combinedDigest(files),
  };
}

function combinedDigest(files: TranslationModelFile[]): string {
  const lines = [...files]
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((file) => `${file.path}  ${file.sha256}\n`)
    .join('');
  return createHash('sha256').update(lines).digest('hex');
}
