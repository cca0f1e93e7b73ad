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
  /** The clip as a working copy: 16 kHz mono, resampled as the decode stage resamples. */
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
      's16le',
      '-ac',
      '1',
      '-',
    ]);
    const samples = new Float32Array(pcm.length / 2);
    for (let i = 0; i < samples.length; i++) samples[i] = pcm.readInt16LE(2 * i) / 32768;
    return { ...clip, samples };
  });
}
