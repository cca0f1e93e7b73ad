import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ffmpegPath } from '../../src/media/ffmpeg-binaries.ts';
import type { DemoFormat } from './scripts/types.ts';

// Encodes the stereo 8 kHz master into the container a leak would hold. Bit-exact flags keep
// encoder version strings and random Ogg serial numbers out, so reruns give identical files.

const run = promisify(execFile);

interface FormatSpec {
  extension: string;
  channels: 1 | 2;
  args: string[];
  describe: string;
}

export const FORMATS: Record<DemoFormat, FormatSpec> = {
  ogg: {
    extension: 'ogg',
    channels: 2,
    args: ['-c:a', 'libopus', '-b:a', '24k', '-application', 'voip'],
    describe: 'Ogg Opus, stereo, 24 kbit/s',
  },
  mp3: { extension: 'mp3', channels: 2, args: ['-c:a', 'libmp3lame', '-b:a', '32k'], describe: 'MP3, stereo 8 kHz, 32 kbit/s' },
  'wav-pcm': { extension: 'wav', channels: 2, args: ['-c:a', 'pcm_s16le'], describe: 'WAV PCM 16-bit, stereo 8 kHz' },
  'wav-ulaw': { extension: 'wav', channels: 2, args: ['-c:a', 'pcm_mulaw'], describe: 'WAV G.711 μ-law, stereo 8 kHz' },
  flac: {
    extension: 'flac',
    channels: 2,
    args: ['-c:a', 'flac', '-compression_level', '8'],
    describe: 'FLAC, stereo 8 kHz',
  },
  m4a: { extension: 'm4a', channels: 2, args: ['-c:a', 'aac', '-b:a', '32k'], describe: 'M4A (AAC-LC), stereo 8 kHz, 32 kbit/s' },
  amr: {
    extension: 'amr',
    channels: 1,
    // Both sides summed onto one channel, as a handset recorder would capture them.
    args: ['-af', 'pan=mono|c0=c0+c1', '-c:a', 'libopencore_amrnb', '-b:a', '12.2k'],
    describe: 'AMR-NB, mono (both voices mixed), 12.2 kbit/s',
  },
};

export async function encodeCall(masterWav: string, format: DemoFormat, output: string): Promise<void> {
  const spec = FORMATS[format];
  await run(ffmpegPath(), [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-i',
    masterWav,
    '-map_metadata',
    '-1',
    '-fflags',
    '+bitexact',
    '-flags:a',
    '+bitexact',
    '-ar',
    '8000',
    ...spec.args,
    output,
  ]);
}
