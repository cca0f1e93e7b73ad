import { describe, expect, it } from 'vitest';
import { foldUkrainian, ukrainianKeys, ukrainianStem } from './uk-morph.ts';

describe('Ukrainian morphology', () => {
  it('folds Ukrainian and Russian-lettered spellings of one word together', () => {
    expect(foldUkrainian('прильоти')).toBe(foldUkrainian('прыльоти'));
    expect(foldUkrainian('їсти')).toBe('исти');
    expect(foldUkrainian('йісти')).toBe('исти');
    expect(foldUkrainian('мясо')).toBe(foldUkrainian("м'ясо"));
    expect(foldUkrainian('ґанок')).toBe('ганок');
  });

  it('gives one stem for the inflections of a word, written or recognised', () => {
    const stem = ukrainianStem('поранений');
    expect(stem).toBe('~поранен');
    for (const form of ['поранених', 'пораненого', 'поранені', 'пораненых'])
      expect(ukrainianStem(form)).toBe(stem);
    expect(ukrainianStem('шахедів')).toBe(ukrainianStem('шахеди'));
    expect(ukrainianStem('повистку')).toBe(ukrainianStem('повістка'));
  });

  it('keeps words it cannot stem as they are, and marks stems apart from forms', () => {
    expect(ukrainianStem('200-ті')).toBe('200-ти');
    expect(ukrainianStem('dvukhsot')).toBe('dvukhsot');
    expect(ukrainianKeys('шахеди')).toEqual(['шахеди', '~шахед']);
    expect(ukrainianKeys('тцк')).toEqual(['тцк', '~тцк']);
  });
});
