import { stemmer } from '@orama/stemmers/ukrainian';

/**
 * The one owner of Ukrainian morphology, as ../az-morph.ts is of Russian. It wraps the Ukrainian
 * stemmer of `@orama/stemmers` (Apache-2.0, pure JavaScript, synchronous, no dictionary to load):
 * a suffix-stripping stemmer in the Snowball/Porter family, so «поранений», «поранених»,
 * «пораненого» all reduce to «поранен». A dictionary lemmatiser (VESUM / dict_uk, the data behind
 * LanguageTool's Ukrainian module) would be more exact, but its data is licensed CC BY-NC-SA and
 * ships in no npm package; the Hunspell dictionary (`dictionary-uk`, GPL-3.0) only checks spelling.
 *
 * Recognisers trained on Russian write Ukrainian with Russian letters («пораненых», «прыльоты»,
 * «повистка»), so every word is first folded to a spelling both alphabets share (і ї ы → и,
 * є э → е, ґ → г, apostrophes dropped) and the fold is stemmed: a written and a recognised form of
 * one word meet in the same key.
 */

const FOLDS: ReadonlyArray<[RegExp, string]> = [
  [/йі|йи|ї/g, 'и'],
  [/[іы]/g, 'и'],
  [/[єэ]/g, 'е'],
  [/ґ/g, 'г'],
  [/[ъ'’ʼ`]/g, ''],
];

/** A normalised word (lower case, ё → е) in the spelling Ukrainian and Russian letters share. */
export function foldUkrainian(norm: string): string {
  let folded = norm;
  for (const [from, to] of FOLDS) folded = folded.replace(from, to);
  return folded;
}

/** Stems are marked so that they never meet a word form of the same letters («арт» the stem of «арта»). */
const STEM_MARK = '~';
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** The stem of a normalised word's fold, marked («поранених», «пораненых» → «~поранен»). */
export function ukrainianStem(norm: string): string {
  const hit = cache.get(norm);
  if (hit !== undefined) return hit;
  const folded = foldUkrainian(norm);
  // The stemmer only knows Cyrillic letters; anything else (digits, Latin) is kept as it is.
  const stem = /^[а-яё]+$/u.test(folded) ? STEM_MARK + stemmer(folded) : folded;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(norm, stem);
  return stem;
}

/** The keys a Ukrainian lexicon is looked up by: the folded word, then its stem. */
export function ukrainianKeys(norm: string): string[] {
  const folded = foldUkrainian(norm);
  const stem = ukrainianStem(norm);
  return stem === folded ? [folded] : [folded, stem];
}
