import { ffmpegPath } from '../../media/ffmpeg-binaries.ts';
import { lastToolLines, runMediaTool } from '../../media/run-media-tool.ts';
import { MediaDecodeError } from '../../media/transcode.ts';

/**
 * Two-pass EBU R128 normalisation with ffmpeg's `loudnorm`: the first pass measures the clip, the
 * second applies the measured values, so loudnorm can use one linear gain over the whole clip
 * (single-pass mode has to guess and pumps the level). When a linear gain would push the true peak
 * over the ceiling, loudnorm itself falls back to its dynamic mode and says so.
 */
export const TARGET_LUFS = -16;
const TRUE_PEAK_DB = -1.5;
const LOUDNESS_RANGE = 11;

export interface LoudnormStats {
  inputI: number;
  inputTp: number;
  inputLra: number;
  inputThresh: number;
  targetOffset: number;
  outputI: number;
  normalizationType: string;
}

/**
 * Speech from a phone call often peaks 20 dB or more above its loudness; -16 LUFS under a -1.5 dBTP
 * ceiling allows 14.5. Then no linear gain fits, and this build's loudnorm, left to its dynamic
 * mode, lands 1–3 LU short of the target. So a gain and a sample-peak limiter (at -3 dBFS, leaving
 * room for inter-sample peaks) come first, the gain fitted in a few measured steps (limiting takes
 * loudness away), after which loudnorm's linear mode has only a small correction to make (or,
 * when three steps did not get within 0.3 LU, its dynamic mode a small one).
 */
export interface PeakLimit {
  /** The filters to run before loudnorm ('' when a linear gain fits as it is), ending in a comma. */
  preFilter: string;
  /** loudnorm's measurement of the clip after preFilter. */
  measured: LoudnormStats;
  /** The gain before the limiter (dB); null without one. */
  gainDb: number | null;
}

const LIMIT_DBFS = -3;
const FIT_STEPS = 3;
const FIT_TOLERANCE_LU = 0.3;

// The limiter sees samples, not the waveform between them: at 48 kHz the two nearly agree, at a
// phone call's 8 kHz the true peak can stand several dB above the highest sample.
const LIMITER_RATE = 48_000;
const limiterFilter = (gainDb: number) =>
  `aresample=${LIMITER_RATE}:resampler=soxr,volume=${gainDb.toFixed(2)}dB,alimiter=limit=${(10 ** (LIMIT_DBFS / 20)).toFixed(4)}:level=false,`;

/** Whether loudnorm's linear mode can reach the target: the gain keeps the true peak under the ceiling. */
export function linearGainFits(measured: LoudnormStats): boolean {
  return measured.inputTp + (TARGET_LUFS - measured.inputI) <= TRUE_PEAK_DB - 0.2;
}

export async function fitPeakLimit(
  staged: string,
  measured: LoudnormStats,
  timeoutMs: number,
): Promise<PeakLimit> {
  if (!Number.isFinite(measured.inputI) || linearGainFits(measured))
    return { preFilter: '', measured, gainDb: null };
  let gain = TARGET_LUFS - measured.inputI;
  let best: PeakLimit = { preFilter: '', measured, gainDb: null };
  let previous = { gain: 0, loudness: measured.inputI };
  for (let step = 0; step < FIT_STEPS; step++) {
    const preFilter = limiterFilter(gain);
    const args = ['-hide_banner', '-nostdin', '-nostats', '-v', 'info', '-i', `file:${staged}`];
    args.push('-af', `${preFilter}${measureLoudnormFilter()}`, '-f', 'null', '-');
    const run = await runMediaTool(ffmpegPath(), args, { timeoutMs });
    if (run.code !== 0)
      throw new MediaDecodeError(`ffmpeg could not measure the clip: ${lastToolLines(run.stderr)}`);
    best = { preFilter, measured: parseLoudnormJson(run.stderr), gainDb: Number(gain.toFixed(2)) };
    const error = TARGET_LUFS - best.measured.inputI;
    if (Math.abs(error) < FIT_TOLERANCE_LU) break;
    // The limiter takes back part of each dB added: step by the slope seen so far (secant).
    const slope = (best.measured.inputI - previous.loudness) / (gain - previous.gain);
    previous = { gain, loudness: best.measured.inputI };
    gain += error / Math.min(1, Math.max(0.25, Number.isFinite(slope) ? slope : 1));
  }
  return best;
}

export interface LoudnessMeasurement {
  /** Integrated loudness of the redacted clip before normalisation (LUFS); -Infinity if silent. */
  measuredInputI: number;
  /** The gain (dB) put before the peak limiter, or null when a linear gain fitted without it. */
  limiterGainDb: number | null;
  /** 'linear' or 'dynamic' as loudnorm reports it, or why it was not applied. */
  normalizationType: string;
  /** loudnorm's own estimate of the result (LUFS). */
  outputI: number | null;
}

const target = `I=${TARGET_LUFS}:TP=${TRUE_PEAK_DB}:LRA=${LOUDNESS_RANGE}`;

export function measureLoudnormFilter(): string {
  return `loudnorm=${target}:print_format=json`;
}

/** The filter of pass two followed by a comma, or '' for a silent clip (nothing to normalise). */
export function applyLoudnormFilter(measured: LoudnormStats): string {
  if (!Number.isFinite(measured.inputI) || !Number.isFinite(measured.inputThresh)) return '';
  const clampTp = Math.min(Math.max(measured.inputTp, -99), 99);
  return (
    `loudnorm=${target}:measured_I=${measured.inputI}:measured_TP=${clampTp}:` +
    `measured_LRA=${measured.inputLra}:measured_thresh=${measured.inputThresh}:` +
    `offset=${measured.targetOffset}:linear=true:print_format=json,`
  );
}

/** Reads the JSON block loudnorm prints at the end of ffmpeg's log. */
export function parseLoudnormJson(stderr: string): LoudnormStats {
  const start = stderr.lastIndexOf('{');
  const end = stderr.lastIndexOf('}');
  if (start < 0 || end < start) throw new MediaDecodeError('loudnorm printed no measurement');
  let raw: Record<string, string>;
  try {
    raw = JSON.parse(stderr.slice(start, end + 1)) as Record<string, string>;
  } catch {
    throw new MediaDecodeError('loudnorm printed a measurement that is not JSON');
  }
  // "-inf" for a silent clip.
  const num = (key: string): number => {
    const value = raw[key];
    if (value === undefined) throw new MediaDecodeError(`loudnorm did not report ${key}`);
    return value.trim() === '-inf' ? -Infinity : value.trim() === 'inf' ? Infinity : Number(value);
  };
  return {
    inputI: num('input_i'),
    inputTp: num('input_tp'),
    inputLra: num('input_lra'),
    inputThresh: num('input_thresh'),
    targetOffset: Number.isFinite(num('target_offset')) ? num('target_offset') : 0,
    outputI: num('output_i'),
    normalizationType: raw.normalization_type ?? 'unknown',
  };
}
