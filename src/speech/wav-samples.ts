import fs from 'node:fs';

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
  if (
    bytes.length < 12 ||
    bytes.toString('ascii', 0, 4) !== 'RIFF' ||
    bytes.toString('ascii', 8, 12) !== 'WAVE'
  ) {
    throw new WavFormatError(`${label} is not a RIFF/WAVE file`);
  }
  let offset = 12;
  let format: { audioFormat: number; channels: number; sampleRate: number; bits: number } | undefined;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const length = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ' && body + 16 <= bytes.length) {
      format = {
        audioFormat: bytes.readUInt16LE(body),
        channels: bytes.readUInt16LE(body + 2),
        sampleRate: bytes.readUInt32LE(body + 4),
        bits: bytes.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!format) throw new WavFormatError(`${label} has its data chunk before the fmt chunk`);
      if (format.audioFormat !== 1 || format.bits !== 16 || format.channels !== 1) {
        throw new WavFormatError(
          `${label} is not 16-bit PCM mono (format ${format.audioFormat}, ${format.bits} bits, ${format.channels} channels)`,
        );
      }
      // A header written before the end was known (streaming) may claim more than is there.
      const end = Math.min(body + length, bytes.length);
      const count = Math.floor((end - body) / 2);
      const samples = new Float32Array(count);
      for (let i = 0; i < count; i++) samples[i] = bytes.readInt16LE(body + 2 * i) / 32768;
      return { sampleRate: format.sampleRate, samples };
    }
    offset = body + length + (length % 2);
  }
  throw new WavFormatError(`${label} has no data chunk`);
}
