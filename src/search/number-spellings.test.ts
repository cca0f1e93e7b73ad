import { describe, expect, it } from 'vitest';
import { numberSpellings, spellingsOfNumber } from './number-spellings.ts';

const spelled = (query: string): string[] => numberSpellings(query.split(' ')).map((w) => w.join(' '));

describe('numberSpellings', () => {
  it('spells a number in digits, Russian cardinal and ordinal words and English words', () => {
    expect(spellingsOfNumber(200)).toEqual(['200', 'двести', 'двухсотый', 'two hundred']);
    expect(spellingsOfNumber(300)).toEqual(['300', 'триста', 'трехсотый', 'three hundred']);
    expect(spellingsOfNumber(237)).toEqual([
      '237',
      'двести тридцать семь',
      'двести тридцать седьмой',
      'two hundred thirty seven',
    ]);
    // Beyond the spoken forms search knows: digits only.
    expect(spellingsOfNumber(2000)).toEqual(['2000']);
  });

  it('rewrites the number inside a phrase and keeps the other words', () => {
    expect(spelled('груз 200')).toEqual(['груз двести', 'груз двухсотый', 'груз two hundred']);
    expect(spelled('грузом двести')).toEqual(['грузом 200', 'грузом двухсотый', 'грузом two hundred']);
  });

  it('reads number words, ordinals in any form, digits with a suffix and English words', () => {
    expect(spelled('двухсотых')).toEqual(['200', 'двести', 'двухсотый', 'two hundred']);
    expect(spelled('трёхсотые')).toContain('300');
    expect(spelled('200 х')).toEqual(['200', 'двести', 'двухсотый', 'two hundred']);
    expect(spelled('сто двадцать')).toContain('120');
    expect(spelled('two hundred')).toEqual(['200', 'двести', 'двухсотый']);
  });

  it('brings inflected cardinals to their dictionary form with Az', () => {
    expect(spelled('тремя')).toEqual(['3', 'три', 'третий', 'three']);
    expect(spelled('двухстах')).toContain('200');
  });

  it('leaves words without numbers alone, and 2000 is not 200', () => {
    expect(spelled('позиция')).toEqual([]);
    expect(spelled('харьков')).toEqual([]);
    expect(spelled('2000')).toEqual([]);
  });

  it('caps the rewritings of a phrase with several numbers', () => {
    expect(spelled('200 300 500').length).toBeLessThanOrEqual(8);
  });
});
