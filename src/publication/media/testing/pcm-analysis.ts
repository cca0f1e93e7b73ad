import { ffmpegPath, ffprobePath } from '../../../media/ffmpeg-binaries.ts';
import { runMediaTool } from '../../../media/run-media-tool.ts';
import { spawn } from 'node:child_process';

// Measurements that tests take of a written clip, with ffmpeg decoding it independently.

/** One channel of an audio file as float samples at `rate`. */
export function decodeChannel(file: string, channel: number, rate: number): Promise<Float32Array> {
  return new Promise((resolve, reject) => {
    const args = ['-v', 'error', '-i', `file:${file}`, '-af', `pan=mono|c0=c${channel}`];
    args.push('-ar', String(rate), '-f', 'f32le', '-');
    const child = spawn(ffmpegPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`ffmpeg could not decode ${file}`));
      const bytes = Buffer.concat(chunks);
      resolve(new Float32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.length / 4)));
    });
  });
}

function slice(samples: Float32Array, rate: number, from: number, to: number): Float32Array {
  return samples.subarray(
    Math.max(0, Math.round(from * rate)),
    Math.min(samples.length, Math.round(to * rate)),
  );
}

/** Root mean square of the samples between two times (seconds). */
export function rms(samples: Float32Array, rate: number, from: number, to: number): number {
  const part = slice(samples, rate, from, to);
  let sum = 0;
  for (const s of part) sum += s * s;
  return Math.sqrt(sum / Math.max(1, part.length));
}

/** The share of the signal's power at `hz` (Goertzel over the span; 1 for a pure tone). */
export function toneShare(samples: Float32Array, rate: number, from: number, to: number, hz: number): number {
  const part = slice(samples, rate, from, to);
  const w = (2 * Math.PI * hz) / rate;
  let sPrev = 0;
  let sPrev2 = 0;
  let energy = 0;
  for (const x of part) {
    const s = x + 2 * Math.cos(w) * sPrev - sPrev2;
    sPrev2 = sPrev;
    sPrev = s;
    energy += x * x;
  }
  const power = sPrev2 * sPrev2 + sPrev * sPrev - 2 * Math.cos(w) * sPrev * sPrev2;
  // A pure sinusoid of N samples gives power N²A²/4 and energy NA²/2.
  return energy === 0 ? 0 : (2 * power) / (part.length * energy);
}

/** Median fundamental frequency (Hz) of the voiced 40 ms frames, by autocorrelation (60–400 Hz). */
export function medianPitch(samples: Float32Array, rate: number): number {
  const frame = Math.round(0.04 * rate);
  const minLag = Math.floor(rate / 400);
  const maxLag = Math.ceil(rate / 60);
  const pitches: number[] = [];
  for (let at = 0; at + frame + maxLag < samples.length; at += frame) {
    let energy = 0;
    for (let i = 0; i < frame; i++) energy += (samples[at + i] ?? 0) ** 2;
    if (Math.sqrt(energy / frame) < 0.02) continue;
    let best = 0;
    let bestLag = 0;
    for (let lag = minLag; lag <= maxLag; lag++) {
      let sum = 0;
      for (let i = 0; i < frame; i++) sum += (samples[at + i] ?? 0) * (samples[at + i + lag] ?? 0);
      if (sum > best) [best, bestLag] = [sum, lag];
    }
    if (bestLag > 0 && best / energy > 0.5) pitches.push(rate / bestLag);
  }
  pitches.sort((a, b) => a - b);
  return pitches[Math.floor(pitches.length / 2)] ?? Number.NaN;
}

/** Integrated loudness (LUFS) by ffmpeg's ebur128 meter. */
export async function integratedLoudness(file: string): Promise<number> {
  const run = await runMediaTool(ffmpegPath(), [
    '-hide_banner',
    '-nostats',
    '-i',
    `file:${file}`,
    '-af',
    'ebur128',
    '-f',
    'null',
    '-',
  ]);
  const match = /Integrated loudness:\s*\n\s*I:\s*(-?[\d.]+) LUFS/.exec(run.stderr);
  if (!match) throw new Error(`ebur128 printed no integrated loudness for ${file}`);
  return Number(match[1]);
}

/** Every tag ffprobe finds on the container and its streams, and the duration. */
export async function probeTagsAndDuration(
  file: string,
): Promise<{ tags: Record<string, string>; durationSeconds: number; channels: number }> {
  const run = await runMediaTool(ffprobePath(), [
    '-v',
    'error',
    '-show_entries',
    'format=duration:format_tags:stream_tags:stream=channels',
    '-of',
    'json',
    `file:${file}`,
  ]);
  const parsed = JSON.parse(run.stdout) as {
    format: { duration: string; tags?: Record<string, string> };
    streams: { channels: number; tags?: Record<string, string> }[];
  };
  const tags = {
    ...parsed.format.tags,
    ...Object.assign({}, ...parsed.streams.map((s) => s.tags ?? {})),
  } as Record<string, string>;
  return {
    tags,
    durationSeconds: Number(parsed.format.duration),
    channels: parsed.streams[0]?.channels ?? 0,
  };
}
