import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Where a translation model lives and what it is: a folder under the models directory in the
 * layout transformers.js loads (config.json, tokenizer files, onnx/encoder_model*.onnx,
 * onnx/decoder_model_merged*.onnx). Nothing here runs the model; translator.ts does.
 */

export type TranslationDtype = 'q8' | 'fp32';

const ONNX_SUFFIX: Record<TranslationDtype, string> = { q8: '_quantized', fp32: '' };

/**
 * Optional earshot-model.json beside the model files. Models converted by others (the
 * Xenova/opus-mt-* folders) do not have one; their languages then come from the folder name.
 */
const manifestSchema = z.object({
  name: z.string().min(1).optional(),
  sourceLanguages: z.array(z.string().regex(/^[a-z]{2,3}$/)).min(1),
  targetLanguage: z.string().regex(/^[a-z]{2,3}$/),
  dtype: z.enum(['q8', 'fp32']).optional(),
});

export interface TranslationModelFile {
  /** Path relative to the model folder, with forward slashes. */
  path: string;
  sizeBytes: number;
  sha256: string;
}

export interface TranslationModel {
  name: string;
  folder: string;
  sourceLanguages: string[];
  targetLanguage: string;
  dtype: TranslationDtype;
  files: TranslationModelFile[];
  /** SHA-256 over the sorted "path  sha256" lines of every file the engine loads. */
  sha256: string;
}

export class MissingTranslationModelError extends Error {
  constructor(
    readonly modelName: string,
    readonly missing: string[],
    modelsDir: string,
  ) {
    super(
      `translation model "${modelName}" is not installed (missing ${missing.join(', ')} in ${modelsDir}); ` +
        `install it with \`earshot models install ${modelName}\``,
    );
  }
}

export class InvalidTranslationModelError extends Error {}

// Folder names become path segments: no separators, no "..", nothing hidden.
const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const OPUS_NAME = /opus-mt-([a-z]{2,3})-([a-z]{2,3})$/;

export function translationModelFolder(modelsDir: string, name: string): string {
  if (!MODEL_NAME.test(name) || name.includes('..')) {
    throw new InvalidTranslationModelError(`invalid translation model name ${JSON.stringify(name)}`);
  }
  return path.join(modelsDir, name);
}

/** Files transformers.js reads for a Marian translation pipeline at the given precision. */
export function requiredModelFiles(dtype: TranslationDtype): string[] {
  const suffix = ONNX_SUFFIX[dtype];
  return [
    'config.json',
    'generation_config.json',
    'tokenizer.json',
    'tokenizer_config.json',
    `onnx/encoder_model${suffix}.onnx`,
    `onnx/decoder_model_merged${suffix}.onnx`,
  ];
}

/**
 * Finds a model by name, reads its languages and hashes the files it will load. Without a
 * dtype, the manifest's choice wins, then int8 (q8) when its files are there, then fp32.
 */
export async function locateTranslationModel(
  modelsDir: string,
  name: string,
  dtype?: TranslationDtype,
): Promise<TranslationModel> {
  const folder = translationModelFolder(modelsDir, name);
  const manifest = readManifest(folder);
  const chosen = dtype ?? manifest?.dtype ?? (hasAll(folder, requiredModelFiles('q8')) ? 'q8' : 'fp32');
  const missing = requiredModelFiles(chosen).filter((file) => !isFile(path.join(folder, file)));
  if (missing.length > 0) {
    throw new MissingTranslationModelError(
      name,
      missing.map((file) => `${name}/${file}`),
      modelsDir,
    );
  }
  const languages = manifest ?? languagesFromName(name);
  if (!languages) {
    throw new InvalidTranslationModelError(
      `translation model "${name}" does not say which languages it translates: add earshot-model.json ` +
        `with sourceLanguages and targetLanguage, or use an opus-mt-SRC-TGT folder name`,
    );
  }
  const files = await Promise.all(requiredModelFiles(chosen).map((file) => hashModelFile(folder, file)));
  return {
    name,
    folder,
    sourceLanguages: languages.sourceLanguages,
    targetLanguage: languages.targetLanguage,
    dtype: chosen,
    files,
    sha256: combinedDigest(files),
  };
}

function readManifest(folder: string): z.infer<typeof manifestSchema> | undefined {
  const manifestPath = path.join(folder, 'earshot-model.json');
  if (!isFile(manifestPath)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new InvalidTranslationModelError(`${manifestPath} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new InvalidTranslationModelError(`${manifestPath} is invalid: ${problems}`);
  }
  return parsed.data;
}

function languagesFromName(name: string): { sourceLanguages: string[]; targetLanguage: string } | undefined {
  const match = OPUS_NAME.exec(name);
  if (!match) return undefined;
  return { sourceLanguages: [match[1]!], targetLanguage: match[2]! };
}

async function hashModelFile(folder: string, file: string): Promise<TranslationModelFile> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  for await (const chunk of fs.createReadStream(path.join(folder, file), { highWaterMark: 1 << 20 })) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    sizeBytes += buffer.length;
  }
  return { path: file, sizeBytes, sha256: hash.digest('hex') };
}

function combinedDigest(files: TranslationModelFile[]): string {
  const lines = [...files]
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((file) => `${file.path}  ${file.sha256}\n`)
    .join('');
  return createHash('sha256').update(lines).digest('hex');
}

function hasAll(folder: string, files: string[]): boolean {
  return files.every((file) => isFile(path.join(folder, file)));
}

function isFile(filePath: string): boolean {
  try {
    return fs.statSync(filePath).isFile();
  } catch {
    return false;
  }
}
