import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeWorkingCopies } from '../../src/media/transcode.ts';
import { readMonoPcm16Wav } from '../../src/speech/wav-samples.ts';
import { repositoryRoot } from './cli-process.ts';

/** A telephone-band espeak sentence with true word times (tools/word-alignment/make-clips.ts). */
export interface AlignmentClip {
  file: string;
  text: string;
  words: { w: string; start: number; end: number }[];
  /** The clip's working copy, made as the decode stage makes it: 16 kHz mono PCM16. */
  samples: Float32Array;
}

const fixtureDir = path.join(repositoryRoot, 'test', 'fixtures', 'word-alignment');

export async function loadAlignmentClips(): Promise<AlignmentClip[]> {
  const manifest = JSON.parse(fs.readFileSync(path.join(fixtureDir, 'clips.json'), 'utf8')) as {
    clips: Omit<AlignmentClip, 'samples'>[];
  };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-align-'));
  try {
    const clips: AlignmentClip[] = [];
    for (const clip of manifest.clips) {
      const outputDir = path.join(work, clip.file);
      const { copies } = await makeWorkingCopies({ inputPath: path.join(fixtureDir, clip.file), outputDir });
      clips.push({ ...clip, samples: readMonoPcm16Wav(copies[0]!.path).samples });
    }
    return clips;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
