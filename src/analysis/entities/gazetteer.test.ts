import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { GAZETTEER_PATH, readGazetteer } from './gazetteer-data.ts';
import { buildIndex, gazetteer } from './gazetteer.ts';

describe('committed gazetteer', () => {
  const entries = readGazetteer();

  it('carries the GeoNames licence and attribution', () => {
    const file = JSON.parse(readFileSync(GAZETTEER_PATH, 'utf8')) as { licence: string; attribution: string };
    expect(file.licence).toContain('CC BY 4.0');
    expect(file.attribution).toContain('GeoNames');
  });

  it('holds Ukrainian and Russian places with unique ids, names and sane coordinates', () => {
    expect(entries.filter((e) => e.place.country === 'UA').length).toBeGreaterThan(2500);
    expect(entries.filter((e) => e.place.country === 'RU').length).toBeGreaterThan(1000);
    expect(new Set(entries.map((e) => e.place.id)).size).toBe(entries.length);
    for (const { place } of entries) {
      expect(place.nameEn.length).toBeGreaterThan(0);
      expect(place.nameRu).toMatch(/^[А-ЯЁа-яёІЇЄҐіїєґ'’ -]+$/);
      expect(place.lat).toBeGreaterThan(40);
      expect(place.lat).toBeLessThan(80);
      expect(place.lon).toBeGreaterThan(19);
      expect(place.lon).toBeLessThan(180);
    }
  });

  it('names the front-line towns in Russian and Ukrainian', () => {
    const byEnglish = (name: string) => entries.find((e) => e.place.nameEn === name)?.place;
    expect(byEnglish('Bakhmut')).toMatchObject({ nameRu: 'Бахмут', country: 'UA' });
    expect(byEnglish('Kharkiv')).toMatchObject({ nameRu: 'Харьков', nameUk: 'Харків' });
    expect(byEnglish('Kyiv')).toMatchObject({ nameRu: 'Киев', nameUk: 'Київ' });
    expect(byEnglish('Pokrovsk')).toMatchObject({ nameRu: 'Покровск', nameUk: 'Покровськ' });
    expect(byEnglish('Vuhledar')).toMatchObject({ nameRu: 'Угледар', id: 'curated:vuhledar' });
  });
});

describe('gazetteer index', () => {
  it('puts the most populous place first and finds old names', () => {
    const index = gazetteer();
    expect(index.byName.get('авдеевка')?.[0]?.place.admin1).toBe('Donetsk');
    expect(index.byName.get('артемовск')?.[0]?.place.nameEn).toBe('Bakhmut');
    expect(index.multiWordStarts.get('часов')?.has(2)).toBe(true);
  });

  it('ranks regions above villages of the same name', () => {
    const village = {
      place: { id: '1', nameEn: 'Krym', nameRu: 'Крым', country: 'UA', lat: 45, lon: 34, population: 900 },
      forms: [],
      regionNounStems: [],
    };
    const region = {
      place: { id: 'iso:UA-43', nameEn: 'Crimea', nameRu: 'Крым', country: 'UA', lat: 45, lon: 34 },
      forms: [],
      regionNounStems: ['крым'],
    };
    expect(buildIndex([village, region]).byName.get('крым')?.[0]?.place.nameEn).toBe('Crimea');
  });
});
