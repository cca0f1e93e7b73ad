import { azMorph, type AzMorphConfig, type AzParse } from '../az-morph.ts';

/**
 * The entity rules' view of Az.js (OpenCorpora morphology, loaded by ../az-morph.ts): dictionary
 * readings only, reduced to the grammemes the rules read.
 */

/** One reading of a word, reduced to what entity rules need. */
export interface WordReading {
  lemma: string;
  pos: string;
  /** OpenCorpora grammemes of this form, e.g. 'Name', 'Surn', 'Patr', 'Geox', 'nomn', 'femn'. */
  grammemes: ReadonlySet<string>;
  score: number;
}

export interface WordInfo {
  /** Readings from the dictionary (no guessing), proper names included whatever the case. */
  readings: readonly WordReading[];
  /** True when the dictionary knows the word as an ordinary (not proper) word: «мир», «счастье». */
  isCommonWord: boolean;
}

const GRAMMEMES_OF_INTEREST = [
  'Name',
  'Surn',
  'Patr',
  'Geox',
  'Orgn',
  'nomn',
  'gent',
  'datv',
  'accs',
  'ablt',
  'loct',
  'voct',
  'masc',
  'femn',
  'neut',
  'sing',
  'plur',
  'Anum',
  'anim',
  'inan',
] as const;
const PROPER_GRAMMEMES = ['Name', 'Surn', 'Patr', 'Geox', 'Orgn'] as const;
const DICTIONARY_ONLY: AzMorphConfig = { ignoreCase: true, parsers: ['Dictionary'] };
const CACHE_LIMIT = 200_000;

const cache = new Map<string, WordInfo>();

function toReading(parse: AzParse): WordReading {
  const grammemes = new Set<string>();
  for (const grammeme of GRAMMEMES_OF_INTEREST) if (parse.tag[grammeme]) grammemes.add(grammeme);
  // Most readings are never asked for their lemma (verbs, particles...), and normalising builds
  // new Az tags: do it on first use only.
  let lemma: string | undefined;
  return {
    get lemma(): string {
      if (lemma === undefined) {
        const normal = parse.normalize();
        lemma = normal ? normal.word : parse.word;
      }
      return lemma;
    },
    pos: parse.tag.POS ?? '',
    grammemes,
    score: parse.score,
  };
}

/**
 * Dictionary readings of one lower-case word, cached (the same words recur across calls). The
 * dictionary is spelt without ё and Az tries ё for е itself, so ё is folded first: «серёжа» as
 * typed would find nothing.
 */
export function lookupWord(typed: string): WordInfo {
  const word = typed.replace(/ё/g, 'е');
  const cached = cache.get(word);
  if (cached) return cached;
  const readings = azMorph()(word, DICTIONARY_ONLY).map(toReading);
  const info: WordInfo = {
    readings,
    isCommonWord: readings.some((reading) => !PROPER_GRAMMEMES.some((g) => reading.grammemes.has(g))),
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, info);
  return info;
}

/** Readings carrying a grammeme, best first. */
export function readingsWith(info: WordInfo, grammeme: string): WordReading[] {
  return info.readings.filter((reading) => reading.grammemes.has(grammeme));
}

/** Summed score of the readings carrying a grammeme: how strongly the dictionary reads a word so. */
export function grammemeWeight(readings: readonly WordReading[], grammeme: string): number {
  return readings.filter((reading) => reading.grammemes.has(grammeme)).reduce((sum, r) => sum + r.score, 0);
}
