import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import {
  SEALED_DIRECTORY_MODE,
  StoreConflictError,
  cleanStaleTempFiles,
  commitStaged,
  stageStream,
} from './content-store.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-store-'));
afterAll(() => {
  // Sealed directories must be opened again before their files can go (when not run as root).
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) fs.chmodSync(path.join(entry.parentPath, entry.name), 0o755);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('content store', () => {
  it('hashes while staging and links the blob read-only under its SHA-256', async () => {
    const staged = await stageStream(dir, Readable.from([Buffer.from('hello '), Buffer.from('world')]));
    expect(staged.sha256).toBe('b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9');
    expect(staged.sizeBytes).toBe(11);
    const stored = commitStaged(dir, staged);
    expect(stored).toEqual({
      storePath: 'b9/4d/b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9',
      existed: false,
    });
    const blob = path.join(dir, stored.storePath);
    expect(fs.readFileSync(blob, 'utf8')).toBe('hello world');
    expect(fs.statSync(blob).mode & 0o777).toBe(0o444);
    expect(fs.existsSync(staged.tempPath)).toBe(false);

    const again = commitStaged(dir, await stageStream(dir, Readable.from([Buffer.from('hello world')])));
    expect(again.existed).toBe(true);
  });
  it('seals the directories of each blob (0555) and still adds a blob to a sealed directory', async () => {
    const first = commitStaged(dir, await stageStream(dir, Readable.from([Buffer.from('first blob')])));
    const leaf = path.dirname(path.join(dir, first.storePath));
    const modeOf = (p: string): number => fs.statSync(p).mode & 0o777;
    expect(modeOf(leaf)).toBe(SEALED_DIRECTORY_MODE);
    expect(modeOf(path.dirname(leaf))).toBe(SEALED_DIRECTORY_MODE);
    // The store's root keeps its temp folder, so it stays writable.
    expect(modeOf(dir) & 0o200).toBe(0o200);

    // Two more blobs whose addresses share the sealed directories: one the same leaf, one the
    // same first level. The names are made up; commitStaged trusts the staged SHA-256.
    const firstSha = path.basename(first.storePath);
    const sibling = `${firstSha.slice(0, 4)}${'0'.repeat(60)}`;
    const cousin = `${firstSha.slice(0, 2)}${firstSha.slice(2, 4) === 'ff' ? 'fe' : 'ff'}${'1'.repeat(60)}`;
    for (const sha256 of [sibling, cousin]) {
      const staged = await stageStream(dir, Readable.from([Buffer.from(sha256)]));
      const stored = commitStaged(dir, { ...staged, sha256 });
      expect(fs.readFileSync(path.join(dir, stored.storePath), 'utf8')).toBe(sha256);
      expect(modeOf(path.dirname(path.join(dir, stored.storePath)))).toBe(SEALED_DIRECTORY_MODE);
    }
    expect(fs.readdirSync(leaf).sort()).toEqual([path.basename(first.storePath), sibling].sort());
    expect(modeOf(path.dirname(leaf))).toBe(SEALED_DIRECTORY_MODE);
  });
  it('never rewrites a blob whose size does not match, and says so', async () => {
    const staged = await stageStream(dir, Readable.from([Buffer.from('abc')]));
    const target = path.join(dir, staged.sha256.slice(0, 2), staged.sha256.slice(2, 4), staged.sha256);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, 'damaged copy');
    expect(() => commitStaged(dir, staged)).toThrow(StoreConflictError);
    expect(fs.readFileSync(target, 'utf8')).toBe('damaged copy');
  });
  it('removes a staged temp file when the input stream fails', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('disk went away'));
      },
    });
    await expect(stageStream(dir, failing)).rejects.toThrow('disk went away');
    expect(fs.readdirSync(path.join(dir, '.incoming'))).toEqual([]);
  });
  it('cleans temp files left by dead processes but not by live ones', () => {
    const incoming = path.join(dir, '.incoming');
    fs.writeFileSync(path.join(incoming, '999999999.abc.part'), 'x');
    fs.writeFileSync(path.join(incoming, `${process.ppid}.abc.part`), 'x');
    expect(cleanStaleTempFiles(dir)).toBe(1);
    expect(fs.readdirSync(incoming)).toEqual([`${process.ppid}.abc.part`]);
  });
});
