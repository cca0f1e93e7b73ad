import { readFileSync } from 'node:fs';
import type { Place } from './types.ts';

/**
 * Layout of the committed gazetteer (data/gazetteer.json), written by
 * tools/gazetteer/build-gazetteer.ts from GeoNames (CC BY 4.0) plus a short curated list.
 * Rows are arrays to keep the file small; `forms` are extra lower-case lookup spellings.
 */
export type GazetteerRow = [
  id: string,
  nameEn: string,
  nameRu: string,
  nameUk: string | null,
  country: string,
  admin1: string | null,
  lat: number,
  lon: number,
  population: number | null,
  forms: string[],
  adjectiveStem: string | null,
  regionNounStems: string[],
];

export interface GazetteerFile {
  source: string;
  licence: string;
  attribution: string;
  places: GazetteerRow[];
}

export interface GazetteerEntry {
  place: Place;
  forms: string[];
  adjectiveStem?: string;
  regionNounStems: string[];
}

export const GAZETTEER_PATH = new URL('./data/gazetteer.json', import.meta.url);

function isRow(value: unknown): value is GazetteerRow {
  return (
    Array.isArray(value) &&
    value.length === 12 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string' &&
    typeof value[2] === 'string' &&
    typeof value[6] === 'number' &&
    typeof value[7] === 'number' &&
    Array.isArray(value[9])
  );
}

export function rowToEntry(row: GazetteerRow): GazetteerEntry {
  const [id, nameEn, nameRu, nameUk, country, admin1, lat, lon, population, forms, adjective, nouns] = row;
  const place: Place = { id, nameEn, nameRu, country, lat, lon };
  if (nameUk) place.nameUk = nameUk;
  if (admin1) place.admin1 = admin1;
  if (population !== null) place.population = population;
  return { place, forms, ...(adjective ? { adjectiveStem: adjective } : {}), regionNounStems: nouns };
}

export function readGazetteer(path: URL = GAZETTEER_PATH): GazetteerEntry[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { places?: unknown };
  if (!Array.isArray(parsed.places)) throw new Error(`gazetteer ${path.pathname} has no "places" array`);
  return parsed.places.map((row: unknown, index) => {
    if (!isRow(row)) throw new Error(`gazetteer ${path.pathname}: row ${index} is malformed`);
    return rowToEntry(row);
  });
}
