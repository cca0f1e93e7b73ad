import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDataDir } from '../../test/helpers/recordings.ts';
import { renderSignal } from '../../test/helpers/test-signals.ts';
import { MediaDecodeError } from './transcode.ts';
import {
  computeWaveformPeaks,
  MAX_PEAKS,
  PeakReducer,
  samplesPerPeakFor,
  TARGET_PEAKS_PER_SECOND,
} from './waveform-peaks.ts';

const dir = createTestDataDir('waveform-peaks');
afterAll(() => dir.remove());

describe('PeakReducer', () => {
  it('gives the min and max of each span of samples, whatever the chunk boundaries', () => {
    const reducer = new PeakReducer(4);
    // Spans: [0, 16384, -16384, 8192] [32767, -32768, 0, 0] [-8192, 4096] (partial)
    reducer.push(Int16Array.from([0, 16384, -16384]));
    reducer.push(Int16Array.from([8192, 32767]));
    reducer.push(Int16Array.from([-32768, 0, 0, -8192, 4096]));
    const { min, max, sampleCount } = reducer.finish();
    expect(sampleCount).toBe(10);
    expect(min).toEqual([-0.5, -1, -0.25]);
    expect(max).toEqual([0.5, 1, 0.125]);
  });

  it('keeps a flat signal flat and a one-sample span exact', () => {
    const silent = new PeakReducer(3);
    silent.push(new Int16Array(9));
    expect(silent.finish()).toEqual({ min: [0, 0, 0], max: [0, 0, 0], sampleCount: 9 });
    const each = new PeakReducer(1);
    each.push(Int16Array.from([-3277, 3277]));
    expect(each.finish()).toEqual({ min: [-0.1, 0.1], max: [-0.1, 0.1], sampleCount: 2 });
  });

  it('refuses a span that is not a positive whole number of samples', () => {
    expect(() => new PeakReducer(0)).toThrow(RangeError);
    expect(() => new PeakReducer(2.5)).toThrow(RangeError);
  });
});

describe('samplesPerPeakFor', () => {
  it('aims at the target rate and lowers it only when a call would give more than MAX_PEAKS pairs', () => {
    expect(TARGET_PEAKS_PER_SECOND).toBe(100);
    expect(samplesPerPeakFor(16_000, 30)).toBe(160);
    expect(samplesPerPeakFor(8_000, 30)).toBe(80);
    expect(samplesPerPeakFor(16_000, 200)).toBe(160);
    const hour = samplesPerPeakFor(16_000, 3600);
    expect(hour).toBe(Math.ceil((16_000 * 3600) / MAX_PEAKS));
    expect(Math.ceil((16_000 * 3600) / hour)).toBeLessThanOrEqual(MAX_PEAKS);
  });
});

describe('computeWaveformPeaks', () => {
  it('reads a file through ffmpeg: silence gives zero peaks, a 0.8 sine gives ±0.8', async () => {
    const file = renderSignal(
      path.join(dir.dataDir, 'half-silent.wav'),
      "aevalsrc='if(lt(t,2),0,0.8*sin(2*PI*440*t))':s=16000:d=4",
    );
    const before = fs.readFileSync(file);
    const peaks = await computeWaveformPeaks(file);
    expect(peaks.sampleRate).toBe(16_000);
    expect(peaks.samplesPerPeak).toBe(160);
    expect(peaks.durationSeconds).toBeCloseTo(4, 3);
    expect(peaks.min).toHaveLength(400);
    expect(peaks.max).toHaveLength(400);
    const silent = peaks.max.slice(0, 199).concat(peaks.min.slice(0, 199).map((v) => -v));
    expect(Math.max(...silent.map(Math.abs))).toBe(0);
    for (const value of peaks.max.slice(201)) expect(value).toBeCloseTo(0.8, 2);
    for (const value of peaks.min.slice(201)) expect(value).toBeCloseTo(-0.8, 2);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('says when the file is not audio', async () => {
    const file = path.join(dir.dataDir, 'not-audio.wav');
    fs.writeFileSync(file, 'this is text, not a RIFF file');
    await expect(computeWaveformPeaks(file)).rejects.toBeInstanceOf(MediaDecodeError);
  });
});
