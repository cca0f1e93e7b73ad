import { describe, expect, it } from 'vitest';
import { parseWord, primaryLemma, wordKeys } from './morphology.ts';

describe('morphology (Az.js)', () => {
  it('gives lemmas with ё folded, ordinals kept as ordinals', () => {
    expect(primaryLemma('трехсотых')).toBe('трехсотый');
    expect(primaryLemma('двести')).toBe('двести');
    expect(primaryLemma('мобиков')).toBe('мобик');
    expect(primaryLemma('помародерил')).toBe('помародерить');
    expect(primaryLemma('прилеты')).toBe('прилет');
  });

  it('keeps a known prefix in the lemma, so «саморанение» is not «ранение»', () => {
    expect(primaryLemma('саморанение')).toBe('саморанение');
    expect(wordKeys('ранения')).not.toContain('саморанение');
  });

  it('returns the word itself first, then its distinct lemmas, and nothing for non-words', () => {
    expect(wordKeys('стали')).toEqual(expect.arrayContaining(['стали', 'стать', 'сталь']));
    expect(wordKeys('стали')[0]).toBe('стали');
    expect(parseWord('200')).toEqual([]);
    expect(parseWord('е**шить')).toEqual([]);
    expect(parseWord('двухсотых')).toBe(parseWord('двухсотых'));
  });
});
