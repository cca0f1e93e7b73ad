import { describe, expect, it } from 'vitest';
import { numberGroups, ordinalValue } from './spoken-numbers.ts';
import { tokenise } from './tokens.ts';

function groups(text: string): Array<[string, boolean]> {
  return numberGroups(tokenise(text)).map((group) => [group.digits, group.ordinal]);
}

describe('numberGroups', () => {
  it('joins the words of one spoken number and splits digit-by-digit speech', () => {
    expect(groups('восемь девятьсот шестнадцать пятьсот пятьдесят тридцать один семьдесят два')).toEqual([
      ['8', false],
      ['916', false],
      ['550', false],
      ['31', false],
      ['72', false],
    ]);
    expect(groups('восемь девять один шесть')).toEqual([
      ['8', false],
      ['9', false],
      ['1', false],
      ['6', false],
    ]);
  });

  it('keeps leading zeros of written numbers and reads zero as its own digit', () => {
    expect(groups('в/ч 08275')).toEqual([['08275', false]]);
    expect(groups('ноль восемь два семь пять')).toEqual([
      ['0', false],
      ['8', false],
      ['2', false],
      ['7', false],
      ['5', false],
    ]);
  });

  it('handles thousands and ordinals', () => {
    expect(groups('двадцать две тысячи сто семьдесят девять')).toEqual([['22179', false]]);
    expect(groups('двести тридцать седьмой полк')).toEqual([['237', true]]);
    expect(groups('237-й полк и 76-я дивизия')).toEqual([
      ['237', true],
      ['76', true],
    ]);
  });

  it('does not join numbers separated by other words', () => {
    expect(groups('пять двухсотых и десять трехсотых')).toEqual([
      ['5', false],
      ['200', true],
      ['10', false],
      ['300', true],
    ]);
  });
});

describe('ordinalValue', () => {
  it('reads ordinals in any case and gender', () => {
    expect(ordinalValue('седьмого')).toBe(7);
    expect(ordinalValue('третьей')).toBe(3);
    expect(ordinalValue('пятисотых')).toBe(500);
    expect(ordinalValue('пятый')).toBe(5);
    expect(ordinalValue('пятка')).toBeUndefined();
  });
});

describe('numberGroups with English number words', () => {
  const english = (text: string): string[] =>
    numberGroups(tokenise(text), { english: true }).map((group) => group.digits);

  it('reads English digits, teens, tens, hundreds and thousands only when asked', () => {
    expect(english('nine sixteen one twenty three oh five')).toEqual(['9', '16', '1', '23', '0', '5']);
    expect(english('nine hundred sixteen')).toEqual(['916']);
    expect(english('forty one thousand six hundred ninety eight')).toEqual(['41698']);
    expect(english('twenty two thousand one hundred seventy nine')).toEqual(['22179']);
    expect(english('twenty one hundred')).toEqual(['21']);
    expect(numberGroups(tokenise('nine sixteen')).map((group) => group.digits)).toEqual([]);
  });
});
