import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ffmpegPath } from '../../media/ffmpeg-binaries.ts';

/** Test and benchmark inputs, generated on the spot so nothing large is committed. */

export interface WavOptions {
  seconds?: number;
  sampleRate?: number;
  channels?: number;
  /** Varies the tone (and so the bytes): same seed, same file. */
  seed?: number;
}

export function wavHeader(dataBytes: number, sampleRate: number, channels: number): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/** A 16-bit PCM WAV of a tone; small enough for tests, distinct per seed. */
export function wavBuffer(options: WavOptions = {}): Buffer {
  const { seconds = 2, sampleRate = 8000, channels = 1, seed = 1 } = options;
  const frames = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(frames * channels * 2);
  const frequency = 200 + (seed % 997);
  for (let i = 0; i < frames; i++) {
    const sample = Math.round(8000 * Math.sin((2 * Math.PI * frequency * i) / sampleRate)) + (seed % 7);
    for (let c = 0; c < channels; c++) data.writeInt16LE(sample, (i * channels + c) * 2);
  }
  return Buffer.concat([wavHeader(data.length, sampleRate, channels), data]);
}

export function writeWav(file: string, options: WavOptions = {}): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, wavBuffer(options));
  return file;
}

/** Encodes a tone with ffmpeg (mp3, ogg, ...: chosen by the extension). */
export function writeEncoded(file: string, seconds = 3, frequency = 440): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync(ffmpegPath(), [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `sine=f=${frequency}:d=${seconds}`,
    file,
  ]);
  return file;
}

/**
 * Writes a large WAV by streaming the same block many times: a multi-GB input without holding it
 * in memory (sparse-free, so the bytes are real).
 */
export async function writeLargeWav(file: string, totalBytes: number, sampleRate = 8000): Promise<void> {
  const dataBytes = totalBytes - 44;
  const block = wavBuffer({ seconds: 4, sampleRate, seed: 3 }).subarray(44);
  function* chunks(): Generator<Buffer> {
    yield wavHeader(dataBytes, sampleRate, 1);
    for (let left = dataBytes; left > 0; left -= block.length) {
      yield left >= block.length ? block : block.subarray(0, left);
    }
  }
  await pipeline(chunks(), fs.createWriteStream(file));
}
