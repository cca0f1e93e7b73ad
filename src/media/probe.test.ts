import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeEncoded, writeWav } from '../ingest/testing/audio-fixtures.ts';
import { checkDecodes, decodedSecondsPerStream, probeAudio } from './probe.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-probe-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('probeAudio', () => {
  it('describes a WAV and an MP3', async () => {
    const wav = await probeAudio(
      writeWav(path.join(dir, 'a.wav'), { seconds: 2, sampleRate: 8000, channels: 2 }),
    );
    expect(wav).toMatchObject({
      ok: true,
      probe: { container: 'wav', codec: 'pcm_s16le', sampleRate: 8000, channels: 2, durationSeconds: 2 },
    });
    const mp3 = await probeAudio(writeEncoded(path.join(dir, 'b.mp3'), 2));
    expect(mp3.ok && mp3.probe.codec).toBe('mp3');
    expect(mp3.ok && mp3.probe.durationSeconds).toBeGreaterThan(1.9);
  });
  it('handles names that look like options or protocols', async () => {
    const odd = writeWav(path.join(dir, '-i http:odd name.wav'), { seconds: 1 });
    expect((await probeAudio(odd)).ok).toBe(true);
  });
  it('says when a file is not audio', async () => {
    const text = path.join(dir, 'x.wav');
    fs.writeFileSync(text, 'hello');
    expect(await probeAudio(text)).toMatchObject({ ok: false, code: 'not-audio' });
  });
});

describe('checkDecodes', () => {
  it('decodes both ends of a whole file', async () => {
    const file = writeEncoded(path.join(dir, 'c.mp3'), 8);
    const check = await checkDecodes(file, 8, 3);
    expect(check.ok).toBe(true);
    expect(check.headSeconds).toBeGreaterThan(2.5);
    expect(check.tailSeconds).toBeGreaterThan(2.5);
  });
  it('decodes nothing at the announced end of a file cut short', async () => {
    const bytes = fs.readFileSync(writeEncoded(path.join(dir, 'd.mp3'), 10));
    const cut = path.join(dir, 'cut.mp3');
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length / 3));
    const check = await checkDecodes(cut, 10, 3);
    expect(check.ok).toBe(false);
    expect(check.tailSeconds).toBeLessThan(1);
  });
});

describe('decodedSecondsPerStream', () => {
  it('sums frame durations per stream using each stream time base', () => {
    const listing =
      '#tb 0: 1/8000\n#tb 1: 1/44100\n0, 0, 0, 4000, 8000, 0x1\n0, 4000, 4000, 4000, 8000, 0x2\n1, 0, 0, 44100, 2, 0x3\n';
    expect(decodedSecondsPerStream(listing)).toEqual(
      new Map([
        [0, 1],
        [1, 1],
      ]),
    );
  });
});
