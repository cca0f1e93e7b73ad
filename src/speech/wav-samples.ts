import fs from 'node:fs';
import { parseWavHeader, presentDataBytes } from '../media/wav-header.ts';

/** Samples of a PCM16 mono WAV (the decode stage's working copies), as floats in [-1, 1). */
export interface MonoSamples {
  sampleRate: number;
  samples: Float32Array;
}

export class WavFormatError extends Error {}

export function readMonoPcm16Wav(file: string): MonoSamples {
  return parseMonoPcm16Wav(fs.readFileSync(file), file);
}

export function parseMonoPcm16Wav(bytes: Buffer, label = 'WAV'): MonoSamples {
  const header = parseWavHeader(bytes);
  if (!header) throw new WavFormatError(`${label} is not a RIFF/WAVE file`);
  const { format, data } = header;
  if (!data) throw new WavFormatError(`${label} has no data chunk`);
  if (!format) throw new WavFormatError(`${label} has its data chunk before the fmt chunk`);
  if (format.audioFormat !== 1 || format.bitsPerSample !== 16 || format.channels !== 1) {
    throw new WavFormatError(
      `${label} is not 16-bit PCM mono (format ${format.audioFormat}, ${format.bitsPerSample} bits, ${format.channels} channels)`,
    );
  }
  // A header written before the end was known (streaming) may claim more than is there.
  const count = Math.floor(presentDataBytes(data, bytes.length) / 2);
  const samples = new Float32Array(count);
  for (let i = 0; i < count; i++) samples[i] = bytes.readInt16LE(data.offset + 2 * i) / 32768;
  return { sampleRate: format.sampleRate, samples };
}
