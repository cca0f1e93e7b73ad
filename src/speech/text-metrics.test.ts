import { describe, expect, it } from 'vitest';
import { characterErrorRate, editDistance, normaliseRussianForScoring } from './text-metrics.ts';

describe('text metrics', () => {
  it('normalises like the recogniser writes: lowercase, ё as е, no punctuation', () => {
    expect(normaliseRussianForScoring('Ещё раз — «Привет», Мам!')).toBe('еще раз привет мам');
  });

  it('counts edits between strings', () => {
    expect(editDistance('двухсотых', 'двухсотых')).toBe(0);
    expect(editDistance('роте', 'роти')).toBe(1);
    expect(editDistance('', 'абв')).toBe(3);
  });

  it('gives the character error rate against the reference length', () => {
    expect(characterErrorRate('в роте', 'вроте')).toEqual({ errors: 1, length: 6 });
  });
});
