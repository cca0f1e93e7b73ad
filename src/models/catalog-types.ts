/** What a catalogued model is for; the speech and translation stages pick models by task. */
export type ModelTask =
  'vad' | 'asr' | 'diarisation-segmentation' | 'speaker-embedding' | 'translation' | 'whisper';

/** Which engine loads the files, and through which of its configurations. */
export type ModelEngine =
  | 'sherpa-onnx/vad'
  | 'sherpa-onnx/nemo-ctc'
  | 'sherpa-onnx/whisper'
  | 'sherpa-onnx/speaker-segmentation'
  | 'sherpa-onnx/speaker-embedding'
  | 'whisper.cpp/ggml'
  | 'transformers.js';

/**
 * Where a file's checksum comes from, so a reviewer can judge how much it is worth:
 * - `publisher`: the model's publisher states it (release notes, README, checksum file);
 * - `independent-pins`: two or more unrelated public projects pin the same value for the same URL;
 * - `single-pin`: one public project pins it (weaker: review before relying on it);
 * - `shared-fixture`: computed from the test fixtures in ../shared/models (their README);
 * - `generated-fixture`: computed from a test fixture the repo's own tool writes byte for byte
 *   the same every time (the random-weight Whisper model of tools/whisper-random-model);
 * - `repository-fixture`: computed from a fixture committed in this repository (demo/models);
 * - `unverified`: nothing could be established; install requires `--trust-unverified`.
 */
export type ChecksumSource =
  | 'publisher'
  | 'independent-pins'
  | 'single-pin'
  | 'shared-fixture'
  | 'generated-fixture'
  | 'repository-fixture'
  | 'unverified';

/** An archive to unpack after download; only the listed members are kept. */
export interface ArchiveSpec {
  format: 'tar.bz2';
  /** Paths inside the archive, mapped to the installed file names. */
  members: Record<string, string>;
}

export interface ModelFile {
  /** Installed path relative to the model's folder (or the archive's name, for archives). */
  name: string;
  /** Download URL; null for fixtures that exist only as offline bundles. */
  url: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  /** Some publishers (whisper.cpp) state SHA-1 only; checked when no SHA-256 is known. */
  sha1?: string;
  checksumSource: ChecksumSource;
  /** Where the checksum was read, for review. */
  checksumNote?: string;
  archive?: ArchiveSpec;
  /**
   * A file the model works without (the fp32 weights beside int8 ones): an offline bundle may
   * leave it out, and the model counts as installed without it. Downloads always fetch it.
   */
  optional?: true;
}

/** What a translation model translates, and at which precision transformers.js loads it. */
export interface TranslationSpec {
  sourceLanguages: string[];
  targetLanguage: string;
  dtype: 'q8' | 'fp32';
}

export interface CatalogModel {
  /** Stable name used on the command line and by the stages (`resolveModel(config, name)`). */
  name: string;
  task: ModelTask;
  engine: ModelEngine;
  /** ISO 639-1 codes; `multi` for multilingual models; empty for language-independent ones. */
  languages: string[];
  description: string;
  licence: string;
  sourcePage: string;
  /**
   * `download`: fetched from the URLs; `shared fixture`: only installable with `--from DIR`;
   * `demo`: committed in this repository (demo/models) for the demo collection, installable with
   * `--from demo/models` too.
   */
  source: 'download' | 'shared fixture' | 'demo';
  files: ModelFile[];
  /** Translation models only: languages and precision (the stage never guesses them from a name). */
  translation?: TranslationSpec;
  notes?: string;
}
