import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

// espeak-ng speaks, sox makes it sound like a phone line (300–3400 Hz band, 8 kHz). Both are
// called with fixed arguments and no dither so the same script gives the same samples.

const run = promisify(execFile);

export const SAMPLE_RATE = 8000;

export async function checkSynthesisTools(): Promise<string> {
  const versions: string[] = [];
  for (const [tool, hint] of [
    ['espeak-ng', 'apt-get install espeak-ng'],
    ['sox', 'apt-get install sox'],
  ] as const) {
    try {
      const { stdout } = await run(tool, ['--version']);
      // Only the version number: the banner also names local data paths, which the README must not.
      versions.push(`${tool} ${/\d+\.\d+(?:\.\d+)?/.exec(stdout)?.[0] ?? 'unknown version'}`);
    } catch {
      throw new Error(
        `${tool} was not found on PATH. The demo generator needs it to synthesise speech (${hint}). ` +
          'The committed demo/ folder is usable without it.',
      );
    }
  }
  return versions.join('; ');
}

/** One utterance: espeak-ng → band-pass → 8 kHz PCM16, silence trimmed off both ends. */
export async function synthesiseUtterance(
  voiceText: string,
  voice: string,
  peakDb: number,
  workDir: string,
  name: string,
): Promise<Int16Array> {
  const raw = join(workDir, `${name}.raw.wav`);
  const phone = join(workDir, `${name}.tel.wav`);
  await run('espeak-ng', ['-v', voice, '-w', raw, '--', voiceText]);
  // -D: no dither (dither is random); sinc: telephone band; gain -n: same peak for every utterance.
  await run('sox', ['-D', raw, '-b', '16', '-c', '1', phone, 'sinc', '300-3400', 'rate', '8000', 'gain', '-n', String(peakDb)]);
  const wav = readWavPcm16(await readFile(phone));
  if (wav.sampleRate !== SAMPLE_RATE || wav.channels !== 1) {
    throw new Error(`sox produced ${wav.sampleRate} Hz × ${wav.channels}, expected ${SAMPLE_RATE} Hz mono`);
  }
  return trimSilence(wav.samples);
}

export interface WavPcm16 {
  sampleRate: number;
  channels: number;
  samples: Int16Array;
}

export function readWavPcm16(buffer: Buffer): WavPcm16 {
  if (buffer.toString('ascii', 0, 4) !== 'RIFF' || buffer.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a RIFF/WAVE file');
  }
  let offset = 12;
  let sampleRate = 0;
  let channels = 0;
  while (offset + 8 <= buffer.length) {
    const id = buffer.toString('ascii', offset, offset + 4);
    const size = buffer.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (buffer.readUInt16LE(body) !== 1 || buffer.readUInt16LE(body + 14) !== 16) {
        throw new Error('expected 16-bit PCM wav');
      }
      channels = buffer.readUInt16LE(body + 2);
      sampleRate = buffer.readUInt32LE(body + 4);
    } else if (id === 'data') {
      const length = Math.min(size, buffer.length - body) >> 1;
      const samples = new Int16Array(length);
      for (let i = 0; i < length; i++) samples[i] = buffer.readInt16LE(body + i * 2);
      return { sampleRate, channels, samples };
    }
    offset = body + size + (size & 1);
  }
  throw new Error('wav has no data chunk');
}

/** Interleaved PCM16 wav (RIFF header + data). */
export function encodeWavPcm16(channels: Int16Array[], sampleRate: number): Buffer {
  const frames = channels[0]?.length ?? 0;
  const dataBytes = frames * channels.length * 2;
  const buffer = Buffer.alloc(44 + dataBytes);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + dataBytes, 4);
  buffer.write('WAVE', 8, 'ascii');
  buffer.write('fmt ', 12, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(channels.length, 22);
  buffer.writeUInt32LE(sampleRate, 24);
  buffer.writeUInt32LE(sampleRate * channels.length * 2, 28);
  buffer.writeUInt16LE(channels.length * 2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(dataBytes, 40);
  let offset = 44;
  for (let i = 0; i < frames; i++) {
    for (const channel of channels) {
      buffer.writeInt16LE(channel[i] ?? 0, offset);
      offset += 2;
    }
  }
  return buffer;
}

const FRAME = SAMPLE_RATE / 100; // 10 ms: the precision the ground truth promises
const SILENCE_RMS = 32768 * 10 ** (-60 / 20);

/** Cuts leading and trailing 10 ms frames quieter than −60 dBFS: espeak pads its output with
 *  near-digital silence, while the soft ends of words (fricatives, decays) sit around −47 dBFS. */
export function trimSilence(samples: Int16Array): Int16Array {
  const frames = Math.ceil(samples.length / FRAME);
  const loud = (f: number): boolean => {
    let sum = 0;
    const end = Math.min(samples.length, (f + 1) * FRAME);
    for (let i = f * FRAME; i < end; i++) sum += (samples[i] ?? 0) ** 2;
    return Math.sqrt(sum / Math.max(1, end - f * FRAME)) > SILENCE_RMS;
  };
  let first = 0;
  while (first < frames && !loud(first)) first++;
  let last = frames - 1;
  while (last > first && !loud(last)) last--;
  if (first >= frames) throw new Error('synthesised utterance is silent');
  return samples.slice(first * FRAME, Math.min(samples.length, (last + 1) * FRAME));
}
