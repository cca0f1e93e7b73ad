import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CatalogModel } from '../../src/models/catalog-types.ts';
import { digestFile } from '../../src/runtime/file-hash.ts';
import {
  writeRandomSpeakerModel,
  type SpeakerModelKind,
} from '../../tools/random-onnx/random-speaker-models.ts';
import { writeRandomWhisperModel } from '../../tools/whisper-random-model/random-ggml.ts';

/*
 * Offline bundles shaped exactly like a catalog model's download: the catalog's file names and
 * relative paths (onnx/…), archives as the archive file itself. The bytes are the real weights
 * where this machine has them, else stand-ins of the same format (see each writer).
 */

/** Writes a bundle for `model` into `dir`. */
export type BundleWriter = (model: CatalogModel, dir: string) => void;

function target(dir: string, name: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

/** Every (non-archive) file of the catalog entry, copied from `sourceDir` under its catalog name. */
export function copiedFrom(sourceDir: string, names: Record<string, string> = {}): BundleWriter {
  return (model, dir) => {
    for (const file of model.files) {
      const source = path.join(sourceDir, names[file.name] ?? file.name);
      if (!fs.existsSync(source)) throw new Error(`${source} is missing (needed for ${model.name})`);
      fs.copyFileSync(source, target(dir, file.name));
    }
  };
}

/** The random-weight test-micro Whisper (seed 0) under the catalog's ggml file name. */
export const randomWhisperGgml: BundleWriter = (model, dir) => {
  for (const file of model.files) {
    writeRandomWhisperModel({ arch: 'test-micro', file: target(dir, file.name), seed: 0 });
  }
};

/** A random-weight sherpa-onnx speaker model (tools/random-onnx) under the catalog's file name. */
export function randomSpeakerModel(kind: SpeakerModelKind): BundleWriter {
  return (model, dir) => {
    for (const file of model.files) writeRandomSpeakerModel({ kind, file: target(dir, file.name), seed: 0 });
  };
}

/**
 * A real `.tar.bz2` holding the archive members the catalog lists, made with the system tar. Each
 * member's bytes come from `memberSource(installedName)` (a file path).
 */
export function tarBzip2Of(memberSource: (installedName: string) => string): BundleWriter {
  return (model, dir) => {
    const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-archive-'));
    try {
      for (const file of model.files) {
        if (!file.archive) throw new Error(`${model.name}: ${file.name} is not an archive`);
        const members = Object.entries(file.archive.members);
        for (const [member, installedName] of members) {
          fs.copyFileSync(memberSource(installedName), target(staging, member));
        }
        execFileSync('tar', ['-cjf', target(dir, file.name), '-C', staging, ...members.map(([m]) => m)]);
      }
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
  };
}

/**
 * A copy of the catalog entry whose sizes and checksums are those of the bundle's files. Stand-in
 * weights cannot match the checksums pinned for the real download, so they are installed against
 * this copy; everything after the install uses the real catalog entry by name.
 */
export async function withBundleChecksums(model: CatalogModel, dir: string): Promise<CatalogModel> {
  const files = await Promise.all(
    model.files.map(async (file) => {
      const digest = await digestFile(path.join(dir, file.name));
      return {
        ...file,
        sizeBytes: digest.sizeBytes,
        sha256: digest.sha256,
        ...(file.sha1 !== undefined ? { sha1: digest.sha1 } : {}),
      };
    }),
  );
  return { ...model, files };
}
