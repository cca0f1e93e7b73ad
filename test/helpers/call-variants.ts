import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ffmpegPath } from '../../src/media/ffmpeg-binaries.ts';

/**
 * Copies of a demo call as leaks make them, built with the npm ffmpeg (which has libmp3lame,
 * libopus and libopencore_amrnb): re-encoded, trimmed at both ends, mixed down to mono.
 */
export const CALL_VARIANTS = {
  mp3: { ext: 'mp3', args: ['-c:a', 'libmp3lame', '-b:a', '32k'] },
  opus: { ext: 'ogg', args: ['-c:a', 'libopus', '-b:a', '16k'] },
  'amr-nb': { ext: 'amr', args: ['-ac', '1', '-ar', '8000', '-c:a', 'libopencore_amrnb', '-b:a', '12.2k'] },
  /** 4.5 s cut at the start, 15 s kept (the end cut too). */
  trimmed: { ext: 'mp3', args: ['-ss', '4.5', '-t', '15', '-c:a', 'libmp3lame', '-b:a', '64k'] },
  mono: { ext: 'mp3', args: ['-ac', '1', '-c:a', 'libmp3lame', '-b:a', '48k'] },
} as const;

export type CallVariant = keyof typeof CALL_VARIANTS;

/** Seconds the trimmed variant cuts from the start: its offset in the source. */
export const TRIM_START_SECONDS = 4.5;

/** Writes `variant` of `source` into `dir`; returns its path. A variant of a variant works too. */
export function makeCallVariant(source: string, variant: CallVariant, dir: string, stem?: string): string {
  const { ext, args } = CALL_VARIANTS[variant];
  const out = path.join(dir, `${stem ?? path.parse(source).name}.${variant}.${ext}`);
  execFileSync(ffmpegPath(), ['-v', 'error', '-y', '-i', source, ...args, out]);
  return out;
}
