import { describe, expect, it } from 'vitest';
import { digitsToWords, normaliseSpoken, numberToWords, parseMarkup } from './markup.ts';

describe('parseMarkup', () => {
  it('computes annotation offsets and the spoken form', () => {
    const parsed = parseMarkup('У нас [{5|пять} двухсотых](code_word:casualties_killed=5) под [Бахмутом](place:city=Bakhmut).');
    expect(parsed.text).toBe('У нас 5 двухсотых под Бахмутом.');
    expect(parsed.spoken).toBe('у нас пять двухсотых под бахмутом');
    expect(parsed.annotations).toEqual([
      { start: 6, end: 17, surface: '5 двухсотых', kind: 'code_word', label: 'casualties_killed', value: 5 },
      { start: 22, end: 30, surface: 'Бахмутом', kind: 'place', label: 'city', value: 'Bakhmut' },
    ]);
    for (const a of parsed.annotations) expect(parsed.text.slice(a.start, a.end)).toBe(a.surface);
  });

  it('keeps several annotations on one span and string values with a plus', () => {
    const parsed = parseMarkup('[{8 916|восемь девять один шесть}](phone:phone_number=+7916; person:nickname)');
    expect(parsed.annotations.map((a) => [a.kind, a.value])).toEqual([
      ['phone', '+7916'],
      ['person', undefined],
    ]);
  });

  it('rejects digits, Latin letters and unpronounceable abbreviations in the spoken form', () => {
    expect(() => parseMarkup('У нас 5 двухсотых')).toThrow(/cannot output/);
    expect(() => parseMarkup('Шторм Z')).toThrow(/cannot output/);
    expect(() => parseMarkup('ушёл в СЗЧ')).toThrow(/no vowel/);
  });

  it('rejects malformed markup', () => {
    expect(() => parseMarkup('[не закрыто')).toThrow(/unclosed/);
    expect(() => parseMarkup('[a](weird:label)')).toThrow(/unknown annotation kind/);
    expect(() => parseMarkup('{нет черты}')).toThrow(/bar-less/);
  });
});

describe('numbers', () => {
  it('writes cardinals in words', () => {
    expect(numberToWords(0)).toBe('ноль');
    expect(numberToWords(12)).toBe('двенадцать');
    expect(numberToWords(195_000)).toBe('сто девяносто пять тысяч');
    expect(numberToWords(2_021)).toBe('две тысячи двадцать один');
    expect(numberToWords(41_698)).toBe('сорок одна тысяча шестьсот девяносто восемь');
    expect(numberToWords(11_000)).toBe('одиннадцать тысяч');
  });

  it('reads phone digits one by one and normalises ё', () => {
    expect(digitsToWords('8 (916) 10')).toBe('восемь девять один шесть один ноль');
    expect(normaliseSpoken('Ещё — трёхсотые!')).toBe('еще трехсотые');
  });
});
