import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wavBuffer, wavHeader } from '../ingest/testing/audio-fixtures.ts';
import { parseMonoPcm16Wav, WavFormatError } from '../speech/wav-samples.ts';
import { parseWavHeader, presentDataBytes, readWavFileHeader } from './wav-header.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-wav-header-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A chunk of `id` with `body`, padded to an even length as RIFF requires. */
function chunk(id: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(id, 0, 'latin1');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body, body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

describe('parseWavHeader', () => {
  it('reads the format and where the data starts', () => {
    const header = parseWavHeader(wavBuffer({ seconds: 1, sampleRate: 8000, channels: 2 }));
    expect(header).toEqual({
      format: { audioFormat: 1, channels: 2, sampleRate: 8000, bitsPerSample: 16 },
      data: { offset: 44, declaredBytes: 32000 },
    });
  });

  it('skips other chunks, odd-sized ones with their pad byte', () => {
    const plain = wavHeader(4, 16000, 1);
    const fmt = plain.subarray(12, 36);
    const riff = Buffer.from('RIFF\0\0\0\0WAVE', 'latin1');
    const bytes = Buffer.concat([
      riff,
      chunk('LIST', Buffer.from('odd')),
      fmt,
      chunk('data', Buffer.alloc(4)),
    ]);
    expect(parseWavHeader(bytes)).toEqual({
      format: { audioFormat: 1, channels: 1, sampleRate: 16000, bitsPerSample: 16 },
      data: { offset: 12 + 12 + 24 + 8, declaredBytes: 4 },
    });
  });

  it('is null for bytes that are not RIFF/WAVE, and has no data when none starts in them', () => {
    expect(parseWavHeader(Buffer.from('ID3 not riff at all'))).toBeNull();
    expect(parseWavHeader(Buffer.from('RIFF'))).toBeNull();
    expect(parseWavHeader(wavHeader(100, 8000, 1).subarray(0, 36))?.data).toBeUndefined();
  });

  it('counts only the data bytes the file holds', () => {
    expect(presentDataBytes({ offset: 44, declaredBytes: 1000 }, 544)).toBe(500);
    expect(presentDataBytes({ offset: 44, declaredBytes: 100 }, 544)).toBe(100);
  });

  it('reads a file head with the file size', () => {
    const file = path.join(dir, 'tone.wav');
    fs.writeFileSync(file, wavBuffer({ seconds: 1 }));
    const { header, fileSize } = readWavFileHeader(file);
    expect(fileSize).toBe(44 + 16000);
    expect(header?.data).toEqual({ offset: 44, declaredBytes: 16000 });
  });
});

describe('parseMonoPcm16Wav (through the header reader)', () => {
  it('names what is wrong with a WAV it cannot read', () => {
    expect(() => parseMonoPcm16Wav(Buffer.from('not a wav file'), 'x.wav')).toThrow(
      new WavFormatError('x.wav is not a RIFF/WAVE file'),
    );
    expect(() => parseMonoPcm16Wav(wavBuffer({ channels: 2 }), 'st.wav')).toThrow(
      /st.wav is not 16-bit PCM mono \(format 1, 16 bits, 2 channels\)/,
    );
    const dataFirst = Buffer.concat([
      Buffer.from('RIFF\0\0\0\0WAVE', 'latin1'),
      chunk('data', Buffer.alloc(2)),
    ]);
    expect(() => parseMonoPcm16Wav(dataFirst, 'd.wav')).toThrow(/data chunk before the fmt chunk/);
    expect(() => parseMonoPcm16Wav(wavHeader(0, 8000, 1).subarray(0, 36), 'n.wav')).toThrow(/no data chunk/);
  });

  it('reads a streamed header that claims more samples than are there', () => {
    const bytes = Buffer.concat([wavHeader(1000, 8000, 1), Buffer.from([0x00, 0x40, 0x00, 0xc0])]);
    const { sampleRate, samples } = parseMonoPcm16Wav(bytes);
    expect(sampleRate).toBe(8000);
    expect([...samples]).toEqual([0.5, -0.5]);
  });
});
