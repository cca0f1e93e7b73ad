import { gazetteer } from '../analysis/entities/gazetteer.ts';
import type { GazetteerEntry } from '../analysis/entities/gazetteer-data.ts';
import { readGazetteer } from '../analysis/entities/gazetteer-data.ts';
import { normaliseWord } from '../analysis/entities/tokens.ts';
import {
  cyrillicToLatin,
  latinSkeleton,
  ROMANISATION_SYSTEMS,
  romanise,
  transliterationVariants,
} from '../language/transliteration.ts';
import { endingRuleForms } from '../publication/forms/inflection.ts';

/**
 * Names and places in both scripts, for search's transliteration switch and the place filter.
 * Letter-by-letter transliteration (src/language/transliteration.ts) turns "putin" into «путин»,
 * but a place has names that no letter rule links: Kharkiv is the Ukrainian «Харків», Kharkov
 * and Charkiw the Russian «Харьков» in English and German. The committed gazetteer knows each
 * place's Russian, Ukrainian and English names; a typed name is matched against them as written,
 * in every romanisation of the Cyrillic names (BGN/PCGN, ISO 9, Ukrainian national, the common
 * English spellings), and failing that by its loose skeleton (latinSkeleton: "Charkiw" → hrkv).
 */

/** Skeletons shorter than this join unrelated places ("kv", "ln"), so they are not looked up. */
const MIN_SKELETON = 4;
/** Places one typed name may stand for (a name several villages share: the most populous). */
const MAX_PLACES = 3;

interface LatinIndex {
  exact: Map<string, GazetteerEntry[]>;
  skeleton: Map<string, GazetteerEntry[]>;
}

let latinIndex: LatinIndex | undefined;

function add(map: Map<string, GazetteerEntry[]>, key: string, entry: GazetteerEntry): void {
  const list = map.get(key) ?? [];
  if (!list.includes(entry)) list.push(entry);
  map.set(key, list);
}

/** Every Latin spelling of a place: its English name and each romanisation of its Cyrillic ones. */
function latinNamesOf(entry: GazetteerEntry): string[] {
  const cyrillic = [entry.place.nameRu, entry.place.nameUk ?? ''].filter(Boolean).map(normaliseWord);
  const names = [entry.place.nameEn.toLowerCase()];
  for (const name of cyrillic) {
    for (const system of ROMANISATION_SYSTEMS) {
      const romanised = romanise(name, system);
      names.push(romanised, romanised.normalize('NFD').replace(/\p{M}/gu, ''));
    }
    if (!name.includes(' ')) names.push(...cyrillicToLatin(name));
  }
  return [...new Set(names)];
}

function buildLatinIndex(): LatinIndex {
  const index: LatinIndex = { exact: new Map(), skeleton: new Map() };
  // Most populous first, so a capped lookup keeps the towns people mean.
  const entries = readGazetteer().sort((a, b) => (b.place.population ?? 0) - (a.place.population ?? 0));
  for (const entry of entries) {
    for (const name of latinNamesOf(entry)) {
      add(index.exact, name, entry);
      const skeleton = latinSkeleton(name);
      if (skeleton.length >= MIN_SKELETON && !name.includes(' ')) add(index.skeleton, skeleton, entry);
    }
  }
  return index;
}

/** The places a typed name (either script, any case, several words allowed) may stand for. */
export function placesNamed(name: string): GazetteerEntry[] {
  const typed = normaliseWord(name.trim()).replace(/\s+/g, ' ');
  if (typed === '') return [];
  if (/\p{Script=Cyrillic}/u.test(typed)) return (gazetteer().byName.get(typed) ?? []).slice(0, MAX_PLACES);
  latinIndex ??= buildLatinIndex();
  const exact = latinIndex.exact.get(typed);
  if (exact) return exact.slice(0, MAX_PLACES);
  const skeleton = latinSkeleton(typed);
  if (skeleton.length < MIN_SKELETON || typed.includes(' ')) return [];
  return (latinIndex.skeleton.get(skeleton) ?? []).slice(0, MAX_PLACES);
}

/** A place's names in both scripts, with the Russian name's cases («харьковом»: the stemmer cuts it short). */
function placeSpellings(entry: GazetteerEntry): string[] {
  const russian = normaliseWord(entry.place.nameRu);
  const cases = russian.includes(' ') ? [] : endingRuleForms(russian).flat();
  const ukrainian = entry.place.nameUk ? [normaliseWord(entry.place.nameUk)] : [];
  return [russian, ...cases, ...ukrainian, entry.place.nameEn.toLowerCase()];
}

/** At most this many spellings of one word: each costs an index lookup per source. */
export const MAX_NAME_SPELLINGS = 16;

/**
 * A word's spellings in the other script (and the other names of a place it names), without the
 * word itself: letter-by-letter transliterations first, then the gazetteer's names and cases.
 */
export function nameSpellings(word: string): string[] {
  const own = normaliseWord(word);
  const spellings = [...transliterationVariants(own), ...placesNamed(own).flatMap(placeSpellings)];
  return [...new Set(spellings)].filter((s) => s !== own).slice(0, MAX_NAME_SPELLINGS);
}
