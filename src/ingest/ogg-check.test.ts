import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../test/helpers/cli-process.ts';
import { oggTruncation } from './ogg-check.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-ogg-check-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const demoOgg = fs.readFileSync(
  path.join(repositoryRoot, 'demo', 'calls', '20220306_194211_+380501734482_+79161234567.ogg'),
);

function write(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('oggTruncation', () => {
  it('passes a complete Ogg file and files that are not Ogg', () => {
    expect(oggTruncation(write('whole.ogg', demoOgg))).toBeNull();
    expect(oggTruncation(write('text.ogg', Buffer.from('not ogg at all')))).toBeNull();
  });
  it('finds a file cut inside a page', () => {
    const cut = demoOgg.subarray(0, Math.floor(demoOgg.length * 0.4) + 7);
    expect(oggTruncation(write('mid.ogg', cut))).toMatch(/ends inside a page/);
  });
  it('finds a file cut at a page boundary: whole pages, but none flagged end-of-stream', () => {
    const lastPage = demoOgg.lastIndexOf(Buffer.from('OggS'));
    expect(lastPage).toBeGreaterThan(0);
    const cut = demoOgg.subarray(0, lastPage);
    expect(oggTruncation(write('boundary.ogg', cut))).toMatch(/no end-of-stream page/);
  });
});
