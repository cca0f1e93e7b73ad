import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Sha256PassThrough } from '../runtime/file-hash.ts';
import { EnvironmentError, fileSystemFix, fileSystemProblem } from '../runtime/environment-error.ts';

/**
 * The write-once store of evidentiary originals: `<originals>/<aa>/<bb>/<sha256>`, read-only.
 * Bytes are hashed while they are copied into a temp file inside the store (same file system,
 * so the final step is an atomic link); a file is never held in memory and never rewritten.
 */
const INCOMING = '.incoming';

export interface StagedFile {
  tempPath: string;
  sha256: string;
  sizeBytes: number;
}

export interface StoredBlob {
  /** Relative to the originals directory. */
  storePath: string;
  /** True when the blob was already in the store (from an earlier run or another source). */
  existed: boolean;
}

export class StoreConflictError extends Error {}

const stagedBytes = new Map<string, number>();

/**
 * Temp space held by this process's staged files right now, and the most held at once since
 * `resetPeak` (the ingest benchmark and the one-entry-per-archive test read it). A staged file
 * counts from its first byte written until it is linked into the store or discarded.
 */
export const stagingSpace = {
  inUseBytes: 0,
  peakBytes: 0,
  resetPeak(): void {
    this.peakBytes = this.inUseBytes;
  },
};

function countStaged(tempPath: string, bytes: number): void {
  stagedBytes.set(tempPath, (stagedBytes.get(tempPath) ?? 0) + bytes);
  stagingSpace.inUseBytes += bytes;
  stagingSpace.peakBytes = Math.max(stagingSpace.peakBytes, stagingSpace.inUseBytes);
}

function uncountStaged(tempPath: string): void {
  stagingSpace.inUseBytes -= stagedBytes.get(tempPath) ?? 0;
  stagedBytes.delete(tempPath);
}

export function blobRelativePath(sha256: string): string {
  return path.join(sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/**
 * Streams `input` into a temp file in the store, computing its SHA-256 on the way. A failure to
 * write the store (full disk, read-only) is an EnvironmentError: it is not the source's fault and
 * every further file would fail the same way.
 */
export async function stageStream(originalsDir: string, input: Readable): Promise<StagedFile> {
  const incoming = path.join(originalsDir, INCOMING);
  const tempPath = path.join(incoming, `${process.pid}.${randomBytes(6).toString('hex')}.part`);
  const counter = new Sha256PassThrough((bytes) => countStaged(tempPath, bytes));
  let storeFailed = false;
  // pipeline() hands a source's error on to the file it writes: remember it to tell them apart.
  let sourceError: unknown;
  input.once('error', (error) => (sourceError = error));
  let out: fs.WriteStream | undefined;
  try {
    try {
      fs.mkdirSync(incoming, { recursive: true });
    } catch (error) {
      storeFailed = true;
      throw error;
    }
    // flush: fsync before close, so the original survives a power cut once we say it is stored.
    out = fs.createWriteStream(tempPath, {
      flags: 'wx',
      mode: 0o600,
      flush: true,
      highWaterMark: 1024 * 1024,
    });
    out.once('error', (error) => (storeFailed ||= error !== sourceError));
    await pipeline(input, counter, out);
  } catch (error) {
    // A source that fails at once (a limit passed in the first chunk) can fail before the temp
    // file is even opened: wait for it to be closed, or it would appear after being removed.
    if (out && !out.closed) await new Promise<void>((resolve) => out!.once('close', () => resolve()));
    fs.rmSync(tempPath, { force: true });
    uncountStaged(tempPath);
    throw storeFailed ? storeWriteFailure(originalsDir, error) : error;
  }
  return { tempPath, sha256: counter.sha256(), sizeBytes: counter.bytes };
}

function storeWriteFailure(originalsDir: string, error: unknown): unknown {
  const problem = fileSystemProblem(error);
  if (!problem) return error;
  return new EnvironmentError(
    `Originals cannot be stored in ${originalsDir}: ${problem}. ${fileSystemFix(error)}; then run the ` +
      `same ingest again: the file being stored was left out, and files already stored are recognised and kept.`,
  );
}

/**
 * Moves a staged file to its content address. `link` refuses to replace an existing file, so
 * two processes storing the same content cannot overwrite each other; an existing blob is only
 * checked (size), never rewritten. The blob's directories are sealed (0555) once it is in: an
 * editor that saves by rename, a `cp` over it, or a stray `rm` cannot replace or remove it.
 */
export function commitStaged(
  originalsDir: string,
  staged: StagedFile,
  /** Only to restore an original recorded under an older layout; its content address otherwise. */
  storePath = blobRelativePath(staged.sha256),
): StoredBlob {
  const finalPath = path.join(originalsDir, storePath);
  makeSealedDirectories(originalsDir, path.dirname(storePath));
  fs.chmodSync(staged.tempPath, 0o444);
  let existed = false;
  try {
    inUnsealedDirectory(path.dirname(finalPath), () => fs.linkSync(staged.tempPath, finalPath));
    syncDirectory(path.dirname(finalPath));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    existed = true;
  } finally {
    fs.rmSync(staged.tempPath, { force: true });
    uncountStaged(staged.tempPath);
  }
  if (existed) assertBlobSize(finalPath, staged.sizeBytes);
  return { storePath, existed };
}

/** Mode of a store directory once its files are in: readable and listable, never writable. */
export const SEALED_DIRECTORY_MODE = 0o555;
const OPEN_DIRECTORY_MODE = 0o755;

/** Creates each missing directory of `relativeDir` under `root` (which stays writable), sealed. */
function makeSealedDirectories(root: string, relativeDir: string): void {
  let parent = root;
  for (const part of relativeDir.split(path.sep)) {
    const dir = path.join(parent, part);
    if (!fs.existsSync(dir)) {
      const create = () => {
        try {
          fs.mkdirSync(dir, { mode: SEALED_DIRECTORY_MODE });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
      };
      if (parent === root) create();
      else inUnsealedDirectory(parent, create);
    }
    parent = dir;
  }
}

/**
 * Runs `change` (add or move out one entry) with `dir` writable for that moment only, and seals
 * it again. Another process sealing the directory in between makes `change` fail with EACCES:
 * it is then opened again and retried, a few times.
 */
export function inUnsealedDirectory<T>(dir: string, change: () => T): T {
  for (let attempt = 1; ; attempt += 1) {
    fs.chmodSync(dir, OPEN_DIRECTORY_MODE);
    try {
      return change();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EACCES' || attempt >= 5) throw error;
    } finally {
      fs.chmodSync(dir, SEALED_DIRECTORY_MODE);
    }
  }
}

/** Checks that a blob already in the store has the expected size; the store is never repaired silently. */
export function assertBlobSize(finalPath: string, sizeBytes: number): void {
  const existing = fs.statSync(finalPath);
  if (existing.size !== sizeBytes) {
    throw new StoreConflictError(
      `the store already holds ${finalPath} with ${existing.size} bytes, but this content has ${sizeBytes} bytes; the stored file was left untouched: check the store for damage`,
    );
  }
}

export function discardStaged(staged: StagedFile): void {
  fs.rmSync(staged.tempPath, { force: true });
  uncountStaged(staged.tempPath);
}

/** Removes temp files left by ingest processes that no longer run (killed half way). */
export function cleanStaleTempFiles(originalsDir: string): number {
  const incoming = path.join(originalsDir, INCOMING);
  let names: string[];
  try {
    names = fs.readdirSync(incoming);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const pid = Number(name.split('.')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && isProcessAlive(pid)) continue;
    if (pid === process.pid) continue;
    fs.rmSync(path.join(incoming, name), { force: true });
    removed += 1;
  }
  return removed;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function syncDirectory(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on directories; the file itself is already synced.
  }
}
