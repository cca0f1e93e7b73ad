import { describe, expect, it } from 'vitest';
import { nameSpellings, placesNamed } from './name-spellings.ts';

const placeNames = (name: string): string[] => placesNamed(name).map((entry) => entry.place.nameEn);

describe('placesNamed', () => {
  it('finds a place by its Russian, Ukrainian or English name, any case', () => {
    expect(placeNames('Бахмут')).toEqual(['Bakhmut']);
    expect(placeNames('харків')).toEqual(['Kharkiv']);
    expect(placeNames('BAKHMUT')).toEqual(['Bakhmut']);
    expect(placeNames('Часов Яр')).toEqual(['Chasiv Yar']);
  });

  it('finds a place by any usual romanisation of its Cyrillic names', () => {
    // BGN/PCGN and common English (Kharkov), Ukrainian national (Kharkiv), German/Polish (Charkiw).
    for (const name of ['Kharkiv', 'Kharkov', 'Charkiw', 'Harkov']) {
      expect(placeNames(name), name).toEqual(['Kharkiv']);
    }
    expect(placeNames('kiev')).toEqual(['Kyiv']);
    expect(placeNames('Zaporozhye')[0]).toMatch(/^Zaporizh/);
  });

  it('finds nothing for a word that names no place', () => {
    expect(placeNames('putin')).toEqual([]);
    expect(placeNames('position')).toEqual([]);
    expect(placeNames('')).toEqual([]);
  });
});

describe('nameSpellings', () => {
  it('gives a Latin place name its Russian cases and Ukrainian name', () => {
    const spellings = nameSpellings('Kharkiv');
    expect(spellings).toEqual(expect.arrayContaining(['харьков', 'харьковом', 'харькове', 'харків']));
    expect(spellings).not.toContain('kharkiv');
  });

  it('gives a Cyrillic name its Latin spellings', () => {
    expect(nameSpellings('Бахмут')).toEqual(expect.arrayContaining(['bakhmut']));
    expect(nameSpellings('харьков')).toEqual(expect.arrayContaining(['kharkov', 'kharkiv']));
    expect(nameSpellings('путин')).toEqual(['putin']);
  });
});
