import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stagingSpace } from '../ingest/content-store.ts';
import { AttachmentTooLarge, commitAttachment, stageAttachment } from './attachments.ts';
import { EvidenceRejected } from './evidence-input.ts';

const MiB = 1024 * 1024;
let dir = '';

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-attachments-'));
});
afterEach(() => {
  // The store seals its directories (0555): opened again so that a non-root run can remove them.
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isDirectory()) fs.chmodSync(path.join(entry.parentPath, entry.name), 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A stream of `total` bytes made as it is read, counting what was pulled from it. */
function lazyBytes(total: number, pulled: { bytes: number }): Readable {
  const chunk = Buffer.alloc(64 * 1024, 0x5a);
  return new Readable({
    read() {
      if (pulled.bytes >= total) return void this.push(null);
      pulled.bytes += chunk.length;
      this.push(chunk);
    },
  });
}

const leftInStore = () =>
  (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) =>
    fs.statSync(path.join(dir, f)).isFile(),
  );

describe('attachment staging', () => {
  it('stops reading a file as soon as it passes the limit, and leaves nothing behind', async () => {
    const pulled = { bytes: 0 };
    const huge = lazyBytes(1024 * MiB, pulled);
    await expect(
      stageAttachment(dir, { stream: huge, fileName: 'interview.wav' }, 4 * MiB),
    ).rejects.toBeInstanceOf(AttachmentTooLarge);
    // A gibibyte offered; a few chunks past the limit read (stream buffers), never the whole.
    expect(pulled.bytes).toBeLessThan(8 * MiB);
    expect(leftInStore()).toEqual([]);
  });

  it('leaves no temp file when the very first chunk is over the limit (refused before the file opened)', async () => {
    for (let i = 0; i < 40; i++) {
      const over = Readable.from([Buffer.alloc(2048, i)]);
      await expect(stageAttachment(dir, { stream: over, fileName: 'shot.png' }, 1024)).rejects.toBeInstanceOf(
        AttachmentTooLarge,
      );
    }
    expect(leftInStore()).toEqual([]);
  });

  it('streams a large file into the store without holding it: staged space is the file, once', async () => {
    const pulled = { bytes: 0 };
    stagingSpace.resetPeak();
    const before = stagingSpace.inUseBytes;
    const staged = await stageAttachment(
      dir,
      { stream: lazyBytes(32 * MiB, pulled), fileName: 'interview.wav', mimetype: 'audio/wav' },
      64 * MiB,
    );
    expect(staged.staged.sizeBytes).toBe(32 * MiB);
    expect(staged.mediaType).toBe('audio/wav');
    const storePath = commitAttachment(dir, staged);
    expect(storePath).toBe(
      path.join(staged.staged.sha256.slice(0, 2), staged.staged.sha256.slice(2, 4), staged.staged.sha256),
    );
    expect(fs.statSync(path.join(dir, storePath)).mode & 0o777).toBe(0o444);
    expect(stagingSpace.inUseBytes).toBe(before);
    expect(leftInStore()).toEqual([storePath]);
  });

  it('refuses an empty file and a hostile name before storing anything', async () => {
    await expect(
      stageAttachment(dir, { stream: Readable.from([]), fileName: 'empty.png' }, MiB),
    ).rejects.toThrow('The file "empty.png" is empty; nothing was stored.');
    await expect(
      stageAttachment(dir, { stream: Readable.from([Buffer.from('x')]), fileName: '../x.png' }, MiB),
    ).rejects.toBeInstanceOf(EvidenceRejected);
    expect(leftInStore()).toEqual([]);
  });
});
