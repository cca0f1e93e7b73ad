import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreConflictError, cleanStaleTempFiles, commitStaged, stageStream } from './content-store.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-store-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

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
