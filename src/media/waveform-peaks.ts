import { spawn } from 'node:child_process';
import { ffmpegPath } from './ffmpeg-binaries.ts';
import { MediaDecodeError, probeAudio } from './transcode.ts';

/**
 * Resolution of a waveform: 100 min/max pairs per second (10 ms each) shows syllables and short
 * pauses, finer than any lane the desk draws (a 1920 px lane of 3 px bars holds 640 bars).
 */
export const TARGET_PEAKS_PER_SECOND = 100;
/**
 * Above this many pairs the resolution drops instead (from 200 s of audio on): it bounds the JSON
 * at about 300 KB however long the intercept is, and 20 000 pairs still give a 4K lane more than
 * ten pairs per bar.
 */
export const MAX_PEAKS = 20_000;

export interface WaveformPeaks {
  /** Sample rate of the audio the peaks were taken from. */
  sampleRate: number;
  /** How many samples each min/max pair covers (the last pair may cover fewer). */
  samplesPerPeak: number;
  /** Length of the decoded audio, from its sample count. */
  durationSeconds: number;
  /** Lowest sample of each span, in [-1, 1]. */
  min: number[];
  /** Highest sample of each span, in [-1, 1]. */
  max: number[];
}

/** Samples per min/max pair for audio of this length: TARGET_PEAKS_PER_SECOND, capped at MAX_PEAKS pairs. */
export function samplesPerPeakFor(sampleRate: number, durationSeconds: number): number {
  const atTarget = Math.max(1, Math.round(sampleRate / TARGET_PEAKS_PER_SECOND));
  const totalSamples = Math.max(0, Math.ceil(sampleRate * durationSeconds));
  return Math.max(atTarget, Math.ceil(totalSamples / MAX_PEAKS));
}

// Four decimals are a twentieth of a device pixel on the tallest lane even for quiet calls that
// the desk scales up, and keep the JSON short.
const round = (value: number): number => Math.round(value * 10_000) / 10_000;

/**
 * Reduces a stream of 16-bit PCM samples to one min/max pair per `samplesPerPeak` samples. Fed in
 * chunks of any size, so an hour of audio is never held in memory.
 */
export class PeakReducer {
  private readonly min: number[] = [];
  private readonly max: number[] = [];
  private spanMin = Infinity;
  private spanMax = -Infinity;
  private inSpan = 0;
  private total = 0;

  constructor(private readonly samplesPerPeak: number) {
    if (!Number.isInteger(samplesPerPeak) || samplesPerPeak < 1) {
      throw new RangeError(`samplesPerPeak must be a positive integer, not ${samplesPerPeak}`);
    }
  }

  push(samples: Int16Array): void {
    for (let i = 0; i < samples.length; i++) {
      const sample = samples[i] ?? 0;
      if (sample < this.spanMin) this.spanMin = sample;
      if (sample > this.spanMax) this.spanMax = sample;
      this.inSpan += 1;
      if (this.inSpan === this.samplesPerPeak) this.closeSpan();
    }
    this.total += samples.length;
  }

  private closeSpan(): void {
    this.min.push(round(this.spanMin / 32768));
    this.max.push(round(this.spanMax / 32768));
    this.spanMin = Infinity;
    this.spanMax = -Infinity;
    this.inSpan = 0;
  }

  /** The pairs so far, the trailing partial span included; the reducer is spent afterwards. */
  finish(): { min: number[]; max: number[]; sampleCount: number } {
    if (this.inSpan > 0) this.closeSpan();
    return { min: this.min, max: this.max, sampleCount: this.total };
  }
}

/**
 * Waveform peaks of the first audio stream of a file: ffmpeg decodes it to mono 16-bit PCM at its
 * own sample rate on a pipe, and the samples are reduced as they arrive. The file is only read.
 */
export async function computeWaveformPeaks(inputPath: string): Promise<WaveformPeaks> {
  const info = await probeAudio(inputPath);
  if (!info.sampleRate) throw new MediaDecodeError('the audio stream has no sample rate');
  const sampleRate = info.sampleRate;
  const samplesPerPeak = samplesPerPeakFor(sampleRate, info.durationSeconds ?? 0);
  const reducer = new PeakReducer(samplesPerPeak);
  await streamPcm(inputPath, (samples) => reducer.push(samples));
  const { min, max, sampleCount } = reducer.finish();
  if (sampleCount === 0) throw new MediaDecodeError('the audio decoded to zero samples');
  return { sampleRate, samplesPerPeak, durationSeconds: sampleCount / sampleRate, min, max };
}

/** Runs ffmpeg with s16le mono on stdout and hands each whole-sample chunk to `onSamples`. */
function streamPcm(inputPath: string, onSamples: (samples: Int16Array) => void): Promise<void> {
  const args = [
    '-hide_banner',
    '-nostdin',
    '-v',
    'error',
    '-i',
    `file:${inputPath}`,
    '-map',
    '0:a:0',
    '-ac',
    '1',
    '-c:a',
    'pcm_s16le',
    '-f',
    's16le',
    'pipe:1',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    // A chunk can end in the middle of a sample: its first byte waits for the next chunk.
    let carry: Buffer | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      const bytes: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      const whole = bytes.length - (bytes.length % 2);
      carry = whole < bytes.length ? Buffer.from(bytes.subarray(whole)) : null;
      if (whole === 0) return;
      // Copied so the Int16Array is 2-byte aligned whatever the Buffer's offset in its pool.
      const aligned = new Uint8Array(bytes.subarray(0, whole));
      onSamples(new Int16Array(aligned.buffer, 0, whole / 2));
    });
    // Keep only the tail: a corrupt file can make ffmpeg print megabytes of warnings.
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4096)));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else {
        const reason = stderr.trim().split('\n').slice(-3).join(' | ');
        reject(new MediaDecodeError(`ffmpeg could not decode the audio for its waveform: ${reason}`));
      }
    });
  });
}
