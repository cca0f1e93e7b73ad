import { describe, expect, it } from 'vitest';
import { ClipRequestError, clipSpans, clipWindow, coverageExpression } from './redaction-spans.ts';

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
      { start: 1.92, end: 3.08, mode: 'tone' },
      { start: 0, end: expect.closeTo(0.1, 6) as number, mode: 'silence' },
      { start: expect.closeTo(19.87, 6) as number, end: 20, mode: 'silence' },
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

describe('coverageExpression', () => {
  it('is 0 without spans and ramps outside each span', () => {
    expect(coverageExpression([], 0.01)).toBe('0');
    expect(coverageExpression([{ start: 1, end: 2, mode: 'tone' }], 0.01)).toBe(
      'min(if(between(t,0.99000,2.01000),min(min(max((t-0.99000)/0.01000,0),1),min(max((2.01000-t)/0.01000,0),1)),0),1)',
    );
  });
});
