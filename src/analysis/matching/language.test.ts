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

  it('recognises Ukrainian written as a recogniser writes it: lower case, no punctuation', () => {
    expect(verdict('мамо я живий не хвилюйся звязку тут майже немає')).toBe('uk');
    expect(verdict('у нас двоє двохсотих і троє трьохсотих')).toBe('uk');
    expect(verdict('вчора тцк забрали сусіда прямо з вулиці')).toBe('uk');
  });

  it('recognises Ukrainian that a Russian recogniser wrote with Russian letters', () => {
    // «мені тільки повістку принесли, хлопці» heard by a Russian model.
    expect(verdict('мени тильки повистку принесли хлопци')).toBe('uk');
    expect(verdict('у нас двое двохсотых и трое трьохсотых')).toBe('uk');
    expect(verdict('трэба йихаты бо тут щэ стриляють')).toBe('uk');
  });

  it('calls surzhyk and two-language talk mixed', () => {
    expect(verdict('шо ти там робиш я тобі говорю сейчас приеду')).toBe('mixed');
    expect(verdict('ну что там у вас сейчас хлопці кажуть що прильоти всю ніч')).toBe('mixed');
  });

  it('says both lexicons cover Ukrainian and mixed text', () => {
    expect(detectLanguage(tokenise('у нас двое трехсотых'))).toEqual({ code: 'ru', lexiconCovers: true });
    const uk = detectLanguage(tokenise('що це таке'));
    expect(uk).toMatchObject({ code: 'uk', lexiconCovers: true });
    expect(uk.note).toMatch(/Ukrainian and the Russian lexicon/);
    expect(detectLanguage(tokenise('шо ти там робиш я тобі говорю сейчас')).note).toMatch(/both lexicons/);
  });

  it('does not call Russian Ukrainian for one shared-looking word or a Ukrainian place name', () => {
    expect(verdict('что ты мне говоришь, хорошо, вот это да, ну що')).toBe('ru');
    expect(verdict('мы сейчас под Київом, говорю тебе, тут очень громко')).toBe('ru');
    expect(verdict('да похуй я домой уйду пусть хоть сажают')).toBe('ru');
  });

  it('never fails on odd input: Latin transliteration, mixed scripts, digits, emoji, control characters', () => {
    expect(verdict('dvukhsotye u nas troe, ya tebe govoryu')).toBe('unknown');
    expect(verdict('у нас 200 і 300, ok? 😀')).toBe('uk');
    expect(verdict('123 456 789')).toBe('unknown');
    expect(verdict('\u0000\u0007\u001b[31m хлопці \u0000')).toBe('uk');
    expect(verdict('двохсотих'.repeat(2000))).toBe('uk');
  });
});
