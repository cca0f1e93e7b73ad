// The audio part of a publication excerpt, for npm run bench:export: a 1-minute excerpt of a demo
// call written with redaction (eight tone spans, one lane disguised, two-pass loudnorm, WAV + MP3)
// against `ffmpeg -c copy` of the same minute, in the same run, median of three each. Run alone:
// `npx tsx bench/excerpt-audio.ts`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ffmpegPath } from '../src/media/ffmpeg-binaries.ts';
import { writeRedactedClip } from '../src/publication/media/redacted-clip.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
// 62.6 s, stereo Ogg Opus: the longest demo call but one that holds a whole minute.
export const EXCERPT_SOURCE = path.join(
  here,
  '..',
  'demo',
  'calls',
  '20230709_221853_+380721560384_+79627015538.ogg',
);
const FROM = 1;
const TO = 61;
const RUNS = 3;

export interface ExcerptAudioTimings {
  redactedSeconds: number;
  copySeconds: number;
}

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export async function timed(work: () => unknown): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export async function benchExcerptAudio(): Promise<ExcerptAudioTimings> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-excerpt-'));
  const redactions = Array.from({ length: 8 }, (_, i) => ({
    start: 5 + i * 7,
    end: 5.6 + i * 7,
    mode: 'tone' as const,
  }));
  const redacted: number[] = [];
  const copies: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      redacted.push(
        await timed(() =>
          writeRedactedClip({
            source: EXCERPT_SOURCE,
            from: FROM,
            to: TO,
            marginSeconds: 0,
            redactions,
            disguise: { lanes: [0] },
            out: { wav: path.join(dir, 'clip.wav'), mp3: path.join(dir, 'clip.mp3') },
          }),
        ),
      );
      copies.push(await timeCopy(FROM, TO, dir));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { redactedSeconds: median(redacted), copySeconds: median(copies) };
}

/** `ffmpeg -c copy` of from–to of the excerpt's source into dir, in seconds. */
export function timeCopy(from: number, to: number, dir: string): Promise<number> {
  return timed(() => {
    const args = [
      '-v',
      'error',
      '-ss',
      String(from),
      '-t',
      String(to - from),
      '-i',
      `file:${EXCERPT_SOURCE}`,
    ];
    const result = spawnSync(ffmpegPath(), [...args, '-c', 'copy', '-y', path.join(dir, 'copy.ogg')]);
    if (result.status !== 0) throw new Error(`ffmpeg -c copy failed: ${result.stderr.toString()}`);
  });
}

export function excerptAudioRows(t: ExcerptAudioTimings): string[] {
  return [
    `\n1-minute excerpt of a demo call (median of ${RUNS}):`,
    `  redacted clip (8 tone spans, 1 lane disguised, -16 LUFS, WAV+MP3)${t.redactedSeconds.toFixed(2).padStart(6)} s`,
    `  ffmpeg -c copy of the same minute                                    ${t.copySeconds.toFixed(2).padStart(6)} s`,
    `  ratio: ${(t.redactedSeconds / t.copySeconds).toFixed(0)}x the time of a copy`,
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const row of excerptAudioRows(await benchExcerptAudio())) console.log(row);
}
