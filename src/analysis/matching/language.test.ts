import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';
import { tokenise } from './normalise.ts';

const verdict = (text: string): string => detectLanguage(tokenise(text)).code;

describe('detectLanguage', () => {
  it('tells Russian, Ukrainian, mixed and unknown apart', () => {
    expect(verdict('мам привет это я дима не звони на этот номер')).toBe('ru');
    expect(verdict('хлопці що там у вас відбувається')).toBe('uk');
    expect(verdict('мам я тобі кажу що там дуже погано, а мы тут сидим, это ужас')).toBe('mixed');
    expect(verdict('hello there')).toBe('unknown');
    expect(verdict('')).toBe('unknown');
  });

  it('says the lexicon does not cover Ukrainian or mixed text', () => {
    expect(detectLanguage(tokenise('у нас двое трехсотых'))).toEqual({ code: 'ru', lexiconCovers: true });
    const uk = detectLanguage(tokenise('що це таке'));
    expect(uk.lexiconCovers).toBe(false);
    expect(uk.note).toMatch(/Russian only/);
  });

  it('does not call Russian Ukrainian for one shared-looking word', () => {
    expect(verdict('что ты мне говоришь, хорошо, вот это да, ну що')).toBe('ru');
  });
});
