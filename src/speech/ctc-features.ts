import { createRequire } from 'node:module';

/**
 * The log-mel front end sherpa-onnx computes for a NeMo CTC model (not GigaAM) before it runs the
 * network, so that Earshot can run the same model.onnx itself and read the per-frame
 * log-probabilities sherpa does not return (forced alignment needs them). The settings are those
 * of kaldi-native-fbank as sherpa configures it, written down and checked end to end against
 * sherpa in shared/models/test-asr-ru/scripts/features.py:
 * 16 kHz samples in [-1, 1]; 25 ms periodic Hann window, 10 ms shift, snip_edges=false (frames
 * centred, symmetric reflection at the edges); no dither, no DC removal; pre-emphasis 0.97 inside
 * each frame; 512-point power spectrum; 80 Slaney mel bins (librosa scale and area norm) over
 * 0–8000 Hz; natural log floored at FLT_EPSILON; then, per utterance, each bin normalised to mean 0
 * and (biased) standard deviation 1.
 */

export const FEATURE_SAMPLE_RATE = 16_000;
export const MEL_BINS = 80;
const WINDOW = 400;
const SHIFT = 160;
const FFT_SIZE = 512;
const SPECTRUM_BINS = FFT_SIZE / 2 + 1;
const PRE_EMPHASIS = 0.97;
const FLT_EPSILON = 1.1920928955078125e-7;
const NORMALISE_EPSILON = 1e-5;

interface FftInstance {
  realTransform(output: Float32Array, input: Float32Array): void;
}
// fft.js (indutny) ships without types; this is the part of its API used here.
const FFT = createRequire(import.meta.url)('fft.js') as new (size: number) => FftInstance;

const melOf = (hz: number): number =>
  hz <= 1000 ? (hz * 3) / 200 : 15 + 14.545078505785561 * Math.log(hz / 1000);
const hzOf = (mel: number): number =>
  mel <= 15 ? (200 / 3) * mel : 1000 * Math.exp((mel - 15) * 0.06875177742094911);

/** A triangular filter: its weights over spectrum bins [first, first + weights.length). */
interface MelFilter {
  first: number;
  weights: Float32Array;
}

/** Slaney-normalised triangular filters over the 257 spectrum bins, as librosa builds them. */
function melFilters(): MelFilter[] {
  const low = melOf(0);
  const step = (melOf(FEATURE_SAMPLE_RATE / 2) - low) / (MEL_BINS + 1);
  const binHz = FEATURE_SAMPLE_RATE / FFT_SIZE;
  return Array.from({ length: MEL_BINS }, (_, b) => {
    const [left, centre, right] = [b, b + 1, b + 2].map((k) => hzOf(low + k * step)) as [
      number,
      number,
      number,
    ];
    const filter = new Float32Array(SPECTRUM_BINS);
    for (let i = 0; i < SPECTRUM_BINS; i++) {
      const hz = i * binHz;
      if (hz <= left || hz >= right) continue;
      const rising = hz <= centre;
      const weight = rising ? (hz - left) / (centre - left) : (right - hz) / (right - centre);
      filter[i] = (weight * 2) / (right - left);
    }
    const first = filter.findIndex((x) => x > 0);
    const last = filter.findLastIndex((x) => x > 0);
    return { first, weights: filter.slice(first, last + 1) };
  });
}

let shared: { filters: MelFilter[]; window: Float32Array; fft: FftInstance } | undefined;
const fround = Math.fround;
function tables(): NonNullable<typeof shared> {
  shared ??= {
    filters: melFilters(),
    window: Float32Array.from({ length: WINDOW }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / WINDOW)),
    fft: new FFT(FFT_SIZE),
  };
  return shared;
}

/** Frames kaldi makes of this many samples with snip_edges=false. */
export function featureFrameCount(sampleCount: number): number {
  return Math.floor((sampleCount + SHIFT / 2) / SHIFT);
}

/** Sample at index i, reflecting symmetrically outside the signal (-1 → 0, n → n-1). */
function sampleAt(samples: Float32Array, i: number): number {
  const n = samples.length;
  if (i >= 0 && i < n) return samples[i]!;
  let j = i;
  while (j < 0 || j >= n) j = j < 0 ? -j - 1 : 2 * n - j - 1;
  return samples[j]!;
}

/**
 * Normalised log-mel features of 16 kHz samples, channel-major ([MEL_BINS][frames] flattened), the
 * layout the model's `audio_signal` input takes.
 */
export function logMelFeatures(samples: Float32Array): { data: Float32Array; frames: number } {
  const frames = featureFrameCount(samples.length);
  const data = new Float32Array(MEL_BINS * frames);
  if (frames === 0) return { data, frames };
  const { filters, window, fft } = tables();
  // Float32 buffers throughout, as in kaldi-native-fbank: fft.js then rounds every butterfly to
  // single precision, so the round-off floor of empty bands (the telephone band's edges, which
  // per-bin normalisation magnifies) is the one the model saw in sherpa.
  const input = new Float32Array(FFT_SIZE);
  const spectrum = new Float32Array(2 * FFT_SIZE);
  const power = new Float32Array(SPECTRUM_BINS);
  const first = WINDOW / 2 - SHIFT / 2;
  for (let f = 0; f < frames; f++) {
    const origin = f * SHIFT - first;
    let previous = sampleAt(samples, origin);
    input[0] = fround(previous - fround(PRE_EMPHASIS * previous)) * window[0]!;
    for (let j = 1; j < WINDOW; j++) {
      const current = sampleAt(samples, origin + j);
      input[j] = fround(current - fround(PRE_EMPHASIS * previous)) * window[j]!;
      previous = current;
    }
    fft.realTransform(spectrum, input);
    for (let k = 0; k < SPECTRUM_BINS; k++) {
      power[k] =
        fround(spectrum[2 * k]! * spectrum[2 * k]!) + fround(spectrum[2 * k + 1]! * spectrum[2 * k + 1]!);
    }
    for (let b = 0; b < MEL_BINS; b++) {
      const { first: bin, weights } = filters[b]!;
      let energy = 0;
      for (let k = 0; k < weights.length; k++)
        energy = fround(energy + fround(weights[k]! * power[bin + k]!));
      data[b * frames + f] = Math.log(Math.max(energy, FLT_EPSILON));
    }
  }
  normalisePerBin(data, frames);
  return { data, frames };
}

function normalisePerBin(data: Float32Array, frames: number): void {
  for (let b = 0; b < MEL_BINS; b++) {
    const row = data.subarray(b * frames, (b + 1) * frames);
    let sum = 0;
    let squares = 0;
    for (const x of row) {
      sum += x;
      squares += x * x;
    }
    const mean = sum / frames;
    const deviation = Math.sqrt(Math.max(squares / frames - mean * mean, 0));
    for (let t = 0; t < frames; t++) row[t] = (row[t]! - mean) / (deviation + NORMALISE_EPSILON);
  }
}
