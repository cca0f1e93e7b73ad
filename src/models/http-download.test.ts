import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadError, downloadResumable } from './http-download.ts';
import { startRangeServer, type RangeServer } from './testing/range-server.ts';

let server: RangeServer;
let root: string;
const body = crypto.randomBytes(300_000);

beforeAll(async () => {
  server = await startRangeServer();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-download-'));
});
afterAll(async () => {
  await server.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('downloadResumable', () => {
  it('downloads a whole file and reports progress up to its size', async () => {
    server.files.set('/whole.bin', { body });
    const target = path.join(root, 'whole.partial');
    const seen: number[] = [];
    const result = await downloadResumable({
      url: `${server.baseUrl}/whole.bin`,
      partialPath: target,
      expectedSize: body.length,
      onProgress: (bytes) => seen.push(bytes),
    });
    expect(result).toEqual({ bytes: body.length, resumedFrom: 0 });
    expect(fs.readFileSync(target).equals(body)).toBe(true);
    expect(seen.at(-1)).toBe(body.length);
  });

  it('resumes with a Range request after the server drops the connection half way', async () => {
    server.files.set('/drop.bin', { body, dropFirstResponseAfter: 150_000 });
    const target = path.join(root, 'drop.partial');
    await expect(
      downloadResumable({
        url: `${server.baseUrl}/drop.bin`,
        partialPath: target,
        expectedSize: body.length,
      }),
    ).rejects.toThrow(/interrupted after \d+ bytes|ended early at \d+ of 300000 bytes/);
    const kept = fs.statSync(target).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(body.length);

    const result = await downloadResumable({
      url: `${server.baseUrl}/drop.bin`,
      partialPath: target,
      expectedSize: body.length,
    });
    expect(result.resumedFrom).toBe(kept);
    expect(server.requests.filter((r) => r.path === '/drop.bin').map((r) => r.range)).toEqual([
      undefined,
      `bytes=${kept}-`,
    ]);
    expect(fs.readFileSync(target).equals(body)).toBe(true);
  });

  it('starts again from zero when the server ignores Range and sends the whole file', async () => {
    server.files.set('/norange.bin', { body, ignoreRange: true });
    const target = path.join(root, 'norange.partial');
    fs.writeFileSync(target, body.subarray(0, 1000));
    const result = await downloadResumable({
      url: `${server.baseUrl}/norange.bin`,
      partialPath: target,
      expectedSize: null,
    });
    expect(result.resumedFrom).toBe(0);
    expect(fs.readFileSync(target).equals(body)).toBe(true);
  });

  it('throws a DownloadError naming the HTTP status for a 404', async () => {
    const target = path.join(root, 'missing.partial');
    const attempt = downloadResumable({
      url: `${server.baseUrl}/nope.bin`,
      partialPath: target,
      expectedSize: null,
    });
    await expect(attempt).rejects.toBeInstanceOf(DownloadError);
    await expect(attempt).rejects.toThrow(/HTTP 404/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('explains an unreachable host and refuses non-http URLs', async () => {
    await expect(
      downloadResumable({
        url: 'http://127.0.0.1:1/x',
        partialPath: path.join(root, 'x'),
        expectedSize: null,
      }),
    ).rejects.toThrow(/cannot reach http:\/\/127\.0\.0\.1:1\/x/);
    await expect(
      downloadResumable({ url: 'file:///etc/passwd', partialPath: path.join(root, 'y'), expectedSize: null }),
    ).rejects.toThrow(/only http\(s\) URLs/);
  });
});
