import { describe, expect, it } from 'vitest';
import { numberInWords, russianOrdinalInWords } from './number-words.ts';

describe('number words', () => {
  it('says 0–999 in Russian and English', () => {
    expect(numberInWords(916, 'ru')).toBe('девятьсот шестнадцать');
    expect(numberInWords(916, 'en')).toBe('nine hundred sixteen');
    expect(numberInWords(40, 'ru')).toBe('сорок');
  });

  it('says Russian ordinals with the last word ordinal', () => {
    expect(russianOrdinalInWords(200)).toBe('двухсотый');
    expect(russianOrdinalInWords(300)).toBe('трехсотый');
    expect(russianOrdinalInWords(500)).toBe('пятисотый');
    expect(russianOrdinalInWords(237)).toBe('двести тридцать седьмой');
    expect(russianOrdinalInWords(70)).toBe('семидесятый');
    expect(russianOrdinalInWords(13)).toBe('тринадцатый');
    expect(russianOrdinalInWords(3)).toBe('третий');
  });
});
