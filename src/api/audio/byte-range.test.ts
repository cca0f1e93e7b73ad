import { describe, expect, it } from 'vitest';
import { ifRangeAllowsPartial, parseRangeHeader } from './byte-range.ts';

describe('parseRangeHeader', () => {
  it('serves the whole file without a Range header', () => {
    expect(parseRangeHeader(undefined, 100)).toEqual({ kind: 'full' });
  });

  it('reads first-last ranges and clamps the end to the file', () => {
    expect(parseRangeHeader('bytes=0-9', 100)).toEqual({ kind: 'partial', start: 0, end: 9 });
    expect(parseRangeHeader('bytes=90-500', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
  });

  it('reads open-ended and suffix ranges', () => {
    expect(parseRangeHeader('bytes=40-', 100)).toEqual({ kind: 'partial', start: 40, end: 99 });
    expect(parseRangeHeader('bytes=-10', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
    expect(parseRangeHeader('bytes=-1000', 100)).toEqual({ kind: 'partial', start: 0, end: 99 });
  });

  it('reports ranges that start past the end as unsatisfiable', () => {
    expect(parseRangeHeader('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRangeHeader('bytes=100-200', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRangeHeader('bytes=-0', 100)).toEqual({ kind: 'unsatisfiable' });
  });

  it('ignores malformed and multiple ranges (whole file)', () => {
    for (const header of ['items=0-1', 'bytes=a-b', 'bytes=5-2', 'bytes=-', 'bytes=0-1,5-6', 'bytes=1.5-2']) {
      expect(parseRangeHeader(header, 100), header).toEqual({ kind: 'full' });
    }
  });
});

describe('ifRangeAllowsPartial', () => {
  it('honours the range only when the ETag matches', () => {
    expect(ifRangeAllowsPartial(undefined, '"abc"')).toBe(true);
    expect(ifRangeAllowsPartial('"abc"', '"abc"')).toBe(true);
    expect(ifRangeAllowsPartial('"old"', '"abc"')).toBe(false);
  });
});
