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

export interface LoudnessMeasurement {
  /** Integrated loudness of the redacted clip before normalisation (LUFS); -Infinity if silent. */
  measuredInputI: number;
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
