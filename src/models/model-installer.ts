import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extractArchiveMembers } from './archive-extract.ts';
import type { CatalogModel, ModelFile } from './catalog-types.ts';
import { digestFile, type FileDigest } from '../runtime/file-hash.ts';
import { downloadResumable } from './http-download.ts';
import { silentProgress, type ByteProgress } from './install-progress.ts';
import {
  ModelError,
  STAGING_DIR,
  modelDirectory,
  modelFilePath,
  writeManifest,
  type InstalledFileRecord,
  type ModelManifest,
} from './model-store.ts';

export class ChecksumMismatchError extends ModelError {}

export interface InstallOptions {
  modelsDir: string;
  /** Offline bundle folder (USB stick): files are copied from here instead of downloaded. */
  fromDir?: string;
  /** Base URL of a mirror serving `<mirror>/<model>/<file>` instead of the catalog URLs. */
  mirror?: string;
  /** Allow files without a known checksum; the model is then recorded as `trusted-unverified`. */
  trustUnverified?: boolean;
  progress?: ByteProgress;
  log?: (line: string) => void;
  now?: () => Date;
}

export interface InstallResult {
  manifest: ModelManifest;
  dir: string;
  /** Files that were already in place with the right checksum and were kept. */
  keptFiles: string[];
}

/** True when the catalog states some checksum for the file. */
function hasChecksum(file: ModelFile): boolean {
  return file.sha256 !== null || file.sha1 !== undefined;
}

/**
 * Installs a catalogued model into `<modelsDir>/<name>/`: downloads (resumable) or copies from a
 * bundle, checks size and checksums, unpacks archives, renames each file into place, and writes
 * the manifest last. Nothing is marked installed unless every file checked out.
 */
export async function installModel(model: CatalogModel, options: InstallOptions): Promise<InstallResult> {
  const log = options.log ?? (() => {});
  const unverified = model.files.filter((f) => !hasChecksum(f));
  if (unverified.length > 0 && !options.trustUnverified) {
    throw new ModelError(
      `no checksum is known for ${unverified.map((f) => f.name).join(', ')} of "${model.name}", so Earshot cannot ` +
        'verify what it would install. Re-run with --trust-unverified to install it anyway: the SHA-256 seen is ' +
        'recorded and the model is marked unverified',
    );
  }
  if (!options.fromDir && !options.mirror && model.files.some((f) => f.url === null)) {
    throw new ModelError(
      `"${model.name}" is a shared fixture with no download URL: install it from a folder with ` +
        `\`earshot models install ${model.name} --from DIR\``,
    );
  }
  if (options.fromDir && !fs.statSync(options.fromDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ModelError(`the bundle folder ${options.fromDir} does not exist or is not a folder`);
  }

  const dir = modelDirectory(options.modelsDir, model.name);
  const staging = path.join(dir, STAGING_DIR);
  fs.mkdirSync(staging, { recursive: true });
  const records: InstalledFileRecord[] = [];
  const keptFiles: string[] = [];
  const urls: string[] = [];
  for (const file of model.files) {
    const finalPath = modelFilePath(dir, file.name);
    if (!file.archive) {
      const kept = await keepIfAlreadyValid(file, finalPath);
      if (kept) {
        log(`${file.name}: already in place, checksum matches`);
        records.push({ name: file.name, sizeBytes: kept.sizeBytes, sha256: kept.sha256 });
        keptFiles.push(file.name);
        continue;
      }
    }
    if (options.fromDir && file.optional && !findInBundle(model, file, options.fromDir)) {
      log(`${file.name}: not in the bundle; optional, skipped`);
      continue;
    }
    const partialPath = modelFilePath(staging, `${file.name}.partial`);
    fs.mkdirSync(path.dirname(partialPath), { recursive: true });
    if (options.fromDir) {
      await copyFromBundle(model, file, options.fromDir, partialPath, options.progress ?? silentProgress);
    } else {
      const url = sourceUrl(model, file, options.mirror);
      urls.push(url);
      await downloadWithProgress(url, file, partialPath, options.progress ?? silentProgress);
    }
    const digest = await digestFile(partialPath);
    try {
      checkDigest(file, digest, options.fromDir ? 'the bundle copy' : 'the download');
    } catch (error) {
      fs.rmSync(partialPath, { force: true }); // never keep bytes that failed their check
      throw error;
    }
    if (file.archive) {
      const unpackDir = path.join(staging, 'unpack');
      const members = await extractArchiveMembers(partialPath, file.archive, unpackDir);
      for (const [member, extractedPath] of members) {
        const target = file.archive.members[member];
        if (target === undefined) continue;
        const memberDigest = await digestFile(extractedPath);
        moveIntoPlace(extractedPath, modelFilePath(dir, target));
        records.push({ name: target, sizeBytes: memberDigest.sizeBytes, sha256: memberDigest.sha256 });
      }
      fs.rmSync(unpackDir, { recursive: true, force: true });
      fs.rmSync(partialPath, { force: true });
      log(`${file.name}: checksum ok, unpacked ${members.size} files`);
    } else {
      moveIntoPlace(partialPath, finalPath);
      records.push({ name: file.name, sizeBytes: digest.sizeBytes, sha256: digest.sha256 });
      log(`${file.name}: ${hasChecksum(file) ? 'checksum ok' : `UNVERIFIED, sha256 ${digest.sha256}`}`);
    }
  }
  fs.rmSync(staging, { recursive: true, force: true });
  const manifest: ModelManifest = {
    manifestVersion: 1,
    model: model.name,
    installedAt: (options.now ?? (() => new Date()))().toISOString(),
    origin: options.fromDir
      ? { kind: 'bundle', dir: path.resolve(options.fromDir) }
      : { kind: 'download', urls },
    trust: unverified.length > 0 ? 'trusted-unverified' : 'verified',
    files: records,
  };
  writeManifest(dir, manifest);
  return { manifest, dir, keptFiles };
}

function sourceUrl(model: CatalogModel, file: ModelFile, mirror: string | undefined): string {
  if (mirror)
    return `${mirror.replace(/\/+$/, '')}/${encodeURIComponent(model.name)}/${file.name.split('/').map(encodeURIComponent).join('/')}`;
  if (file.url === null) throw new ModelError(`${file.name} of "${model.name}" has no download URL`);
  return file.url;
}

/** Checks size and every checksum the catalog states; throws a message naming both values on mismatch. */
export function checkDigest(file: ModelFile, digest: FileDigest, what: string): void {
  const problems: string[] = [];
  if (file.sizeBytes !== null && digest.sizeBytes !== file.sizeBytes) {
    problems.push(`size ${digest.sizeBytes} bytes, expected ${file.sizeBytes}`);
  }
  if (file.sha256 !== null && digest.sha256 !== file.sha256) {
    problems.push(`sha256 ${digest.sha256}, expected ${file.sha256}`);
  }
  if (file.sha1 !== undefined && digest.sha1 !== file.sha1) {
    problems.push(`sha1 ${digest.sha1}, expected ${file.sha1}`);
  }
  if (problems.length > 0) {
    throw new ChecksumMismatchError(
      `checksum mismatch for ${file.name} (${what}): ${problems.join('; ')}. The file was deleted and nothing was ` +
        'installed; the source is damaged, tampered with, or a different version',
    );
  }
}

async function keepIfAlreadyValid(file: ModelFile, finalPath: string): Promise<FileDigest | null> {
  if (!fs.statSync(finalPath, { throwIfNoEntry: false })?.isFile() || !hasChecksum(file)) return null;
  const digest = await digestFile(finalPath);
  try {
    checkDigest(file, digest, 'existing file');
    return digest;
  } catch {
    fs.rmSync(finalPath, { force: true });
    return null;
  }
}

async function downloadWithProgress(
  url: string,
  file: ModelFile,
  partialPath: string,
  progress: ByteProgress,
): Promise<void> {
  let started = false;
  try {
    await downloadResumable({
      url,
      partialPath,
      expectedSize: file.sizeBytes,
      onProgress(bytes, total) {
        if (!started) {
          progress.start(file.name, total, bytes);
          started = true;
        }
        progress.update(bytes);
      },
    });
  } finally {
    if (started) progress.stop();
  }
}

/** Where a bundle may hold a file: `<dir>/<model>/<file>`, `<dir>/<file>`, or `<dir>/<basename>`. */
export function bundleCandidates(model: CatalogModel, file: ModelFile, fromDir: string): string[] {
  const candidates = [path.join(fromDir, model.name, file.name), path.join(fromDir, file.name)];
  const base = path.basename(file.name);
  if (base !== file.name) candidates.push(path.join(fromDir, base));
  return candidates;
}

function findInBundle(model: CatalogModel, file: ModelFile, fromDir: string): string | undefined {
  return bundleCandidates(model, file, fromDir).find((c) =>
    fs.statSync(c, { throwIfNoEntry: false })?.isFile(),
  );
}

async function copyFromBundle(
  model: CatalogModel,
  file: ModelFile,
  fromDir: string,
  partialPath: string,
  progress: ByteProgress,
): Promise<void> {
  const source = findInBundle(model, file, fromDir);
  if (!source) {
    const candidates = bundleCandidates(model, file, fromDir);
    throw new ModelError(
      `the bundle folder ${fromDir} has no ${file.name} for "${model.name}" (looked for ${candidates.join(', ')})`,
    );
  }
  const total = fs.statSync(source).size;
  let done = 0;
  progress.start(file.name, total, 0);
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      done += chunk.length;
      progress.update(done);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(fs.createReadStream(source), counter, fs.createWriteStream(partialPath));
  } catch (error) {
    fs.rmSync(partialPath, { force: true });
    throw new ModelError(
      `could not copy ${source}: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    progress.stop();
  }
}

function moveIntoPlace(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.renameSync(from, to);
}
