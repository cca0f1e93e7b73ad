import { describe, expect, it } from 'vitest';
import { russianFromUkrainian, similarityToCurrentName } from './spelling.ts';

describe('russianFromUkrainian', () => {
  it('applies the regular correspondences of town names', () => {
    expect(russianFromUkrainian('Авдіївка')).toBe('Авдеевка');
    expect(russianFromUkrainian('Миколаївка')).toBe('Миколаевка');
    expect(russianFromUkrainian('Покровськ')).toBe('Покровск');
    expect(russianFromUkrainian('Очеретине')).toBe('Очеретино');
    expect(russianFromUkrainian('Курахове')).toBe('Курахово');
    expect(russianFromUkrainian('Мирне')).toBe('Мирное');
    expect(russianFromUkrainian('Часів Яр')).toBe('Часив Яр');
  });
});

describe('similarityToCurrentName', () => {
  it('ranks the current name above a Soviet-era one', () => {
    expect(similarityToCurrentName('Бахмут', 'Bakhmut')).toBe(1);
    expect(similarityToCurrentName('Артемовск', 'Bakhmut')).toBeLessThan(0.2);
    expect(similarityToCurrentName('Покровськ', 'Pokrovsk')).toBeGreaterThan(0.8);
  });
});
