import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { riffTruncation } from './riff-check.ts';
import { wavBuffer, wavHeader } from './testing/audio-fixtures.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-riff-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, data: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

describe('riffTruncation', () => {
  it('accepts whole WAV files and non-RIFF files', () => {
    expect(riffTruncation(write('whole.wav', wavBuffer()))).toBeNull();
    expect(riffTruncation(write('other.mp3', Buffer.from('ID3 not riff')))).toBeNull();
  });
  it('reports a WAV cut short', () => {
    const whole = wavBuffer({ seconds: 1 });
    expect(riffTruncation(write('cut.wav', whole.subarray(0, 1000)))).toMatch(
      /announces 16000 bytes .* only 956/,
    );
  });
  it('treats unknown data lengths (0, 0xFFFFFFFF) as not truncated', () => {
    const streamed = wavHeader(0, 8000, 1);
    expect(riffTruncation(write('streamed.wav', Buffer.concat([streamed, Buffer.alloc(100)])))).toBeNull();
  });
});
