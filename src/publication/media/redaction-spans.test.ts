import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ffmpegPath } from '../../media/ffmpeg-binaries.ts';
import { runMediaTool } from '../../media/run-media-tool.ts';
import {
  ClipRequestError,
  clipSpans,
  clipWindow,
  muteExpression,
  toneExpression,
} from './redaction-spans.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-spans-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('clipWindow', () => {
  it('widens the selection by the margin and clamps it to the call', () => {
    expect(clipWindow(10, 20, 1.5, 60)).toEqual({ start: 8.5, end: 21.5 });
    expect(clipWindow(0.5, 59.8, 2, 60)).toEqual({ start: 0, end: 60 });
  });

  it('refuses empty, negative and out-of-call selections with a reason', () => {
    expect(() => clipWindow(5, 5, 1, 60)).toThrow(/empty/);
    expect(() => clipWindow(-1, 5, 1, 60)).toThrow(/before the call/);
    expect(() => clipWindow(61, 70, 1, 60)).toThrow(/beyond the call, which lasts 60.00 s/);
    expect(() => clipWindow(50, 65, 1, 60)).toThrow(ClipRequestError);
    expect(() => clipWindow(1, 2, -1, 60)).toThrow(/margin/);
  });
});

describe('clipSpans', () => {
  const window = { start: 10, end: 30 };

  it('moves spans into clip time, pads them and cuts them at the clip edges', () => {
    expect(
      clipSpans(
        [
          { start: 12, end: 13, mode: 'tone' },
          { start: 9, end: 10.02, mode: 'silence' },
          { start: 29.95, end: 31, mode: 'silence' },
          { start: 40, end: 41, mode: 'tone' },
        ],
        window,
        0.08,
      ),
    ).toEqual([
      { start: 0, end: expect.closeTo(0.1, 6) as number, mode: 'silence' },
      { start: 1.92, end: 3.08, mode: 'tone' },
      { start: expect.closeTo(19.87, 6) as number, end: 20, mode: 'silence' },
    ]);
  });

  it('merges spans that overlap or nearly touch; a tone wins over silence', () => {
    const spans = clipSpans(
      [
        { start: 12, end: 12.5, mode: 'silence' },
        { start: 12.6, end: 13, mode: 'tone' },
        { start: 13.14, end: 13.4, mode: 'silence' },
      ],
      window,
      0.05,
      0.05,
    );
    expect(spans).toEqual([
      { start: expect.closeTo(1.95, 6) as number, end: expect.closeTo(3.45, 6) as number, mode: 'tone' },
    ]);
  });

  it('merges overlapping spans of one mode (a name split into two words)', () => {
    const spans = clipSpans(
      [
        { start: 12, end: 12.4, mode: 'tone' },
        { start: 12.5, end: 13, mode: 'tone' },
      ],
      window,
      0.08,
    );
    expect(spans).toEqual([{ start: expect.closeTo(1.92, 6) as number, end: 3.08, mode: 'tone' }]);
  });

  it('refuses a span that ends before it starts', () => {
    expect(() => clipSpans([{ start: 3, end: 2, mode: 'tone' }], window, 0.08)).toThrow(
      /end after it starts/,
    );
  });
});

describe('span expressions, run by ffmpeg', () => {
  const RATE = 8000;
  // A constant 0.3 for 7 s through `aeval` with the expression; the samples come back as floats.
  async function render(expression: string): Promise<Float32Array> {
    const out = path.join(dir, `${Math.random().toString(36).slice(2)}.f32`);
    const run = await runMediaTool(ffmpegPath(), [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      `aevalsrc=0.3:s=${RATE}:d=7`,
      '-af',
      `aeval='${expression}'`,
      '-f',
      'f32le',
      '-y',
      out,
    ]);
    expect(run.stderr).toBe('');
    const bytes = fs.readFileSync(out);
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  }
  const at = (samples: Float32Array, t: number) => samples[Math.round(t * RATE)] ?? NaN;
  const spans = [
    { start: 1, end: 2, mode: 'silence' as const },
    { start: 3, end: 4, mode: 'tone' as const },
    { start: 5, end: 6, mode: 'silence' as const },
  ];

  it('mutes inside each span, ramps over the fade outside it, and passes everything else', async () => {
    const samples = await render(muteExpression(spans, 0.01));
    for (const t of [0.5, 2.5, 4.5, 6.5]) expect(at(samples, t)).toBeCloseTo(0.3, 6);
    for (const t of [1, 1.5, 2, 3.2, 5.9]) expect(at(samples, t)).toBeCloseTo(0, 6);
    expect(at(samples, 0.995)).toBeCloseTo(0.15, 3);
    expect(at(samples, 6.005)).toBeCloseTo(0.15, 3);
    expect(muteExpression([], 0.01)).toBe('val(ch)');
  });

  it('adds a 1 kHz tone only in tone spans', async () => {
    const samples = await render(toneExpression(spans, 0.01, 1000, 0.125));
    // A quarter period into the tone: the sine's peak.
    expect(at(samples, 3.00025)).toBeCloseTo(0.125, 3);
    expect(at(samples, 1.5)).toBeCloseTo(0, 6);
    expect(at(samples, 2.5)).toBeCloseTo(0.3, 6);
  });
});
