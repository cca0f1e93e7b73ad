import { describe, expect, it } from 'vitest';
import { corpusChrf } from './chrf.ts';

describe('corpusChrf', () => {
  it('scores identical text 100 and unrelated text 0', () => {
    expect(corpusChrf(['We are here.'], ['We are here.'])).toBeCloseTo(100, 10);
    expect(corpusChrf(['xyz'], ['abc'])).toBe(0);
    expect(corpusChrf([''], ['abc'])).toBe(0);
  });

  it('ignores whitespace but not case', () => {
    expect(corpusChrf(['We are  here'], ['Weare here'])).toBeCloseTo(100, 10);
    expect(corpusChrf(['we are here'], ['We are here'])).toBeLessThan(100);
  });

  // Reference figures from tools/translation-model/chrf.py (an independent implementation in
  // Python, used for the training report), so both report the same numbers.
  it('agrees with the training script on corpus statistics', () => {
    expect(
      corpusChrf(['We are outside Kharkiv.', 'Mum, hi'], ["We're outside Kharkiv.", "Mum, hi. It's me."]),
    ).toBeCloseTo(66.7411491297318, 9);
    expect(corpusChrf(['Привет, мам'], ['привет мама'])).toBeCloseTo(40.31746031746031, 9);
  });

  it('refuses mismatched lists', () => {
    expect(() => corpusChrf(['a'], [])).toThrow(/one reference per hypothesis/);
  });
});
