import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { digestFile, sha256Bytes, sha256File, sha256FileSync, Sha256PassThrough } from './file-hash.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-file-hash-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// FIPS 180 test vectors for "abc".
const ABC_SHA256 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const ABC_SHA1 = 'a9993e364706816aba3e25717850c26c9cd0d89d';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function write(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('file hashing', () => {
  it('gives the standard digests', async () => {
    const file = write('abc.txt', 'abc');
    expect(await digestFile(file)).toEqual({ sizeBytes: 3, sha256: ABC_SHA256, sha1: ABC_SHA1 });
    expect(await sha256File(file)).toEqual({ sizeBytes: 3, sha256: ABC_SHA256 });
    expect(sha256FileSync(file)).toEqual({ sizeBytes: 3, sha256: ABC_SHA256 });
    expect(sha256Bytes('abc')).toBe(ABC_SHA256);
    expect(sha256FileSync(write('empty', Buffer.alloc(0)))).toEqual({ sizeBytes: 0, sha256: EMPTY_SHA256 });
  });

  it('agrees across every reader for a file of several blocks, and reports progress', async () => {
    const bytes = Buffer.alloc(3 * (1 << 20) + 12_345);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 11)) & 0xff;
    const file = write('blocks.bin', bytes);
    const expected = sha256Bytes(bytes);
    let reported = 0;
    const streamed = await sha256File(file, (n) => (reported += n));
    expect(streamed).toEqual({ sizeBytes: bytes.length, sha256: expected });
    expect(reported).toBe(bytes.length);
    expect(sha256FileSync(file).sha256).toBe(expected);
    expect((await digestFile(file)).sha256).toBe(expected);

    const through = new Sha256PassThrough();
    let copied = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        copied += chunk.length;
        callback();
      },
    });
    await pipeline(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), through, sink);
    expect(copied).toBe(bytes.length);
    expect(through.bytes).toBe(bytes.length);
    expect(through.sha256()).toBe(expected);
  });

  it('names the missing file', async () => {
    await expect(sha256File(path.join(dir, 'absent.bin'))).rejects.toThrow(/absent\.bin/);
    expect(() => sha256FileSync(path.join(dir, 'absent.bin'))).toThrow(/absent\.bin/);
  });
});
