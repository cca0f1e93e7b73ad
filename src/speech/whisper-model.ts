import { findCatalogModel, installedFileNames } from '../models/catalog.ts';
import { ModelNotInstalledError, resolveModel } from '../models/model-store.ts';
import { InvalidModelNameError, MissingModelError } from './model-location.ts';
import type { WhisperModelFile } from './whisper-recogniser.ts';

/**
 * Whisper models are found through the catalog and the install manifest (src/models), the way
 * `earshot models install` leaves them: the catalog's task says a name is a Whisper model, the
 * manifest says its ggml file is complete (present, with the size recorded at install).
 */
export function isWhisperModel(name: string): boolean {
  return findCatalogModel(name)?.task === 'whisper';
}

export function locateWhisperModel(modelsDir: string, name: string): WhisperModelFile {
  const entry = findCatalogModel(name);
  if (entry?.task !== 'whisper' || entry.engine !== 'whisper.cpp/ggml') {
    throw new InvalidModelNameError(`"${name}" is not a whisper.cpp model in the catalog`);
  }
  const ggmlName = installedFileNames(entry).find((f) => f.endsWith('.bin'));
  if (!ggmlName) throw new InvalidModelNameError(`catalog entry "${name}" lists no ggml .bin file`);
  try {
    return { name, modelFile: resolveModel({ modelsDir }, name).filePath(ggmlName) };
  } catch (error) {
    // One error type for every missing speech model: the stages and the CLI report it with the install command.
    if (error instanceof ModelNotInstalledError) {
      throw new MissingModelError(name, [`${name}/${ggmlName} with its install manifest`], modelsDir);
    }
    throw error;
  }
}
