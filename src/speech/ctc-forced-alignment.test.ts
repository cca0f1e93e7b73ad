import { describe, expect, it } from 'vitest';
import { forceAlignWords, framesNeeded, type CtcLogProbs } from './ctc-forced-alignment.ts';

// Vocabulary: a 0, b 1, separator 2, blank 3. Each frame row gives one token probability 0.97.
const A = 0;
const B = 1;
const SPACE = 2;
const BLANK = 3;
const GAPS = [BLANK, SPACE];

function frames(tokens: number[]): CtcLogProbs {
  const vocabulary = 4;
  const data = new Float32Array(tokens.length * vocabulary);
  tokens.forEach((token, t) => {
    for (let v = 0; v < vocabulary; v++) data[t * vocabulary + v] = Math.log(v === token ? 0.97 : 0.01);
  });
  return { data, frames: tokens.length, vocabulary };
}

describe('CTC forced alignment', () => {
  it('finds the frames where each word is spoken, across blanks and separators', () => {
    const probs = frames([BLANK, A, A, BLANK, B, SPACE, BLANK, B, B, A, BLANK]);
    expect(
      forceAlignWords(
        probs,
        [
          [A, B],
          [B, A],
        ],
        GAPS,
        { from: 0, to: 11 },
      ),
    ).toEqual([
      { first: 1, last: 4 },
      { first: 7, last: 9 },
    ]);
  });

  it('follows the text, not the loudest token: a word the model did not hear still gets frames', () => {
    const probs = frames([A, A, BLANK, BLANK, BLANK, BLANK]);
    const spans = forceAlignWords(probs, [[A], [B]], GAPS, { from: 0, to: 6 })!;
    expect(spans[0]!.first).toBe(0);
    expect(spans[1]!.first).toBeGreaterThan(spans[0]!.last);
    expect(spans[1]!.last).toBeLessThan(6);
  });

  it('keeps within its window and needs a gap between repeated letters', () => {
    const probs = frames([A, BLANK, A, BLANK, B, BLANK]);
    expect(framesNeeded([A, A])).toBe(3);
    expect(forceAlignWords(probs, [[A, A]], GAPS, { from: 0, to: 2 })).toBeNull();
    expect(forceAlignWords(probs, [[B]], GAPS, { from: 3, to: 6 })).toEqual([{ first: 4, last: 4 }]);
  });
});
