import { describe, expect, it } from 'vitest';
import { tokenise } from './normalise.ts';
import { numberEndingAt, numberStartingAt, spokenCardinal } from './numbers.ts';

describe('spoken and written numbers', () => {
  it('reads compound numbers in any case, ending at or starting from a word', () => {
    const tokens = tokenise('у нас сто двадцать пять двухсотых');
    expect(numberEndingAt(tokens, 4)).toEqual({ value: 125, first: 2, last: 4, digits: false });
    expect(numberStartingAt(tokens, 2)).toEqual({ value: 125, first: 2, last: 4, digits: false });
    expect(numberEndingAt(tokenise('пятерых'), 0)?.value).toBe(5);
    expect(numberEndingAt(tokenise('двух'), 0)?.value).toBe(2);
    expect(numberEndingAt(tokenise('один'), 0)?.value).toBe(1);
    expect(numberEndingAt(tokenise('17'), 0)).toEqual({ value: 17, first: 0, last: 0, digits: true });
  });

  it('does not combine collective numerals or ordinals', () => {
    const tokens = tokenise('триста пятеро');
    expect(numberStartingAt(tokens, 0)?.value).toBe(300);
    expect(numberStartingAt(tokens, 1)?.value).toBe(5);
    expect(numberEndingAt(tokenise('200-х'), 0)).toBeUndefined();
    expect(numberEndingAt(tokenise('двухсотых'), 0)).toBeUndefined();
  });

  it('knows single cardinal words', () => {
    expect(spokenCardinal(tokenise('двести')[0]!)).toBe(200);
    expect(spokenCardinal(tokenise('трехсот')[0]!)).toBe(300);
    expect(spokenCardinal(tokenise('двухсотый')[0]!)).toBeUndefined();
    expect(spokenCardinal(tokenise('дом')[0]!)).toBeUndefined();
  });

  it('reads Ukrainian number words, written or in Russian letters', () => {
    expect(numberEndingAt(tokenise('двоє'), 0)?.value).toBe(2);
    expect(numberEndingAt(tokenise('чотири'), 0)?.value).toBe(4);
    expect(numberEndingAt(tokenise('трьох'), 0)?.value).toBe(3);
    expect(numberEndingAt(tokenise("п'ятеро"), 0)?.value).toBe(5);
    expect(spokenCardinal(tokenise('двісті')[0]!)).toBe(200);
    expect(spokenCardinal(tokenise('двисти')[0]!)).toBe(200);
    expect(spokenCardinal(tokenise('хата')[0]!)).toBeUndefined();
  });
});
