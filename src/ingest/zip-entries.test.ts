import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeZip } from './testing/zip-fixtures.ts';
import { defaultLimits, type IngestSource, type WalkItem } from './types.ts';
import { unsafeRelativePath as unsafeEntryPath } from './relative-path.ts';
import { readZipEntries } from './zip-entries.ts';

const MIB = 1024 * 1024;
let root: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-zip-entries-'));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function sources(zip: string, limits = defaultLimits): Promise<IngestSource[]> {
  const items: WalkItem[] = [];
  for await (const item of readZipEntries(Buffer.from(zip), zip, limits)) items.push(item);
  return items.flatMap((item) => (item.kind === 'source' ? [item.source] : []));
}

/** Reads a stream to its end; resolves with the bytes it gave and the error that ended it. */
async function drain(stream: NodeJS.ReadableStream): Promise<{ bytes: number; error: unknown }> {
  let bytes = 0;
  try {
    for await (const chunk of stream) bytes += (chunk as Buffer).length;
    return { bytes, error: null };
  } catch (error) {
    return { bytes, error };
  }
}

describe('readZipEntries', () => {
  it('inflates one entry of an archive at a time, the next only once the previous is released', async () => {
    const zip = path.join(root, 'two.zip');
    await writeZip(zip, [
      { name: 'a.wav', data: crypto.randomBytes(300_000) },
      { name: 'b.wav', data: crypto.randomBytes(300_000) },
    ]);
    const [a, b] = await sources(zip);
    const order: string[] = [];
    const first = await a!.open();
    const second = b!.open().then((stream) => {
      order.push('b opened');
      return stream;
    });
    first.once('close', () => order.push('a closed'));
    expect((await drain(first)).bytes).toBe(300_000);
    // Closed is not enough: a's temp file may still be on disk until its ingest releases it.
    await new Promise<void>((resolve) => setImmediate(resolve));
    order.push('a released');
    a!.release!();
    expect((await drain(await second)).bytes).toBe(300_000);
    b!.release!();
    expect(order).toEqual(['a closed', 'a released', 'b opened']);
  });

  it("stops an archive's entries once they inflate past its expansion budget", async () => {
    const zip = path.join(root, 'budget.zip');
    await writeZip(zip, [
      { name: 'a.wav', data: crypto.randomBytes(2 * MIB), store: true },
      { name: 'b.wav', data: crypto.randomBytes(2 * MIB), store: true },
    ]);
    const limits = { ...defaultLimits, maxArchiveBytes: 3 * MIB };
    const [a, b] = await sources(zip, limits);
    expect((await drain(await a!.open())).error).toBeNull();
    a!.release!();
    const second = await drain(await b!.open());
    expect(second.error).toMatchObject({
      code: 'zip-bomb',
      message: expect.stringMatching(/expansion budget/) as unknown,
    });
    // Stopped at the budget: never more than one chunk past it.
    expect(2 * MIB + second.bytes).toBeLessThanOrEqual(3 * MIB + 64 * 1024);
  });
});

describe('unsafeEntryPath', () => {
  it('accepts relative paths inside the archive', () => {
    expect(unsafeEntryPath('calls/2022/a.wav')).toBeNull();
    expect(unsafeEntryPath('a..b.wav')).toBeNull();
  });
  it('refuses absolute, drive-qualified and climbing paths', () => {
    expect(unsafeEntryPath('/etc/passwd')).toMatch(/absolute/);
    expect(unsafeEntryPath('C:/Windows/x.wav')).toMatch(/drive/);
    expect(unsafeEntryPath('calls/../../x.wav')).toMatch(/\.\./);
    expect(unsafeEntryPath('calls\\..\\x.wav')).toMatch(/\.\./);
  });
});
