import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ffmpegPath } from '../../src/media/ffmpeg-binaries.ts';
import { WORKING_SAMPLE_RATE } from '../../src/media/transcode.ts';
import { repositoryRoot } from './cli-process.ts';

/** A telephone-band espeak sentence with true word times (tools/word-alignment/make-clips.ts). */
export interface AlignmentClip {
  file: string;
  text: string;
  words: { w: string; start: number; end: number }[];
  /** The clip as a working copy: 16 kHz mono 16-bit, resampled with soxr as the decode stage resamples. */
  samples: Float32Array;
}

const fixtureDir = path.join(repositoryRoot, 'test', 'fixtures', 'word-alignment');

export function loadAlignmentClips(): AlignmentClip[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(fixtureDir, 'clips.json'), 'utf8')) as {
    clips: Omit<AlignmentClip, 'samples'>[];
  };
  return manifest.clips.map((clip) => {
    const pcm = execFileSync(ffmpegPath(), [
      '-v',
      'error',
      '-i',
      path.join(fixtureDir, clip.file),
      '-af',
      `aresample=${WORKING_SAMPLE_RATE}:resampler=soxr`,
      '-f',
      'f32le',
      '-ac',
      '1',
      '-',
    ]);
    // Rounded to 16 bits here, as working copies are: ffmpeg's soxr path dithers 16-bit output
    // at random (two runs differ), and these clips must be the same every run.
    const samples = new Float32Array(pcm.length / 4);
    for (let i = 0; i < samples.length; i++) {
      samples[i] = Math.max(-32768, Math.min(32767, Math.round(pcm.readFloatLE(4 * i) * 32768))) / 32768;
    }
    return { ...clip, samples };
  });
}
