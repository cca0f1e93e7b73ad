import { azMorph, type AzParse } from '../az-morph.ts';
import { foldUkrainian, ukrainianKeys, ukrainianStem } from '../uk-morph.ts';
import { normaliseWord } from './normalise.ts';

/**
 * Russian morphology from Az.js (loaded by ../az-morph.ts), behind a typed wrapper: only the few
 * calls the matcher needs, with results cached per word form because the same words recur in
 * every call and parsing is the matcher's most expensive step.
 */

export interface WordParse {
  /** Dictionary form, ё folded; ordinals keep their ordinal form (двухсотых → двухсотый). */
  lemma: string;
  /** OpenCorpora part of speech: NOUN, VERB, INFN, ADJF, NUMR, ... */
  partOfSpeech: string;
  /** Grammemes as Az.js writes them, e.g. 'ADJF,Anum plur,gent'. */
  grammemes: string;
  score: number;
}

const cache = new Map<string, WordParse[]>();
const CACHE_LIMIT = 200_000;

/** Parses of a normalised word form, best first. Cached; the cache is cleared when it grows too big. */
export function parseWord(norm: string): WordParse[] {
  const hit = cache.get(norm);
  if (hit) return hit;
  const parses = /^\p{L}+$/u.test(norm) ? azMorph()(norm).map(toWordParse) : [];
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(norm, parses);
  return parses;
}

function toWordParse(parse: AzParse): WordParse {
  // Az.js normalises ordinals to cardinals (двухсотых → двести); keeping the part of speech for
  // ordinals keeps «двухсотые» apart from the cardinal «двести».
  const normal = parse.tag.Anum ? parse.normalize(true) : parse.normalize();
  const lemma = (normal || parse).toString();
  return {
    lemma: normaliseWord(lemma),
    partOfSpeech: parse.tag.POST ?? '',
    grammemes: parse.tag.toString(),
    score: parse.score,
  };
}

/** The word itself plus every distinct lemma, the keys the lexicon index is looked up by. */
export function wordKeys(norm: string): string[] {
  const keys = [norm];
  for (const parse of parseWord(norm)) if (!keys.includes(parse.lemma)) keys.push(parse.lemma);
  return keys;
}

/** The lemma of the most likely parse (the word itself when Az.js does not know it). */
export function primaryLemma(norm: string): string {
  return parseWord(norm)[0]?.lemma ?? norm;
}

/**
 * How a lexicon and a transcript word meet: the keys a word is indexed and looked up by, and the
 * one key used for confirming words. Russian uses Az.js lemmas; Ukrainian uses folded stems
 * (../uk-morph.ts). `keys(norm)[0]` is the form stem patterns (`двухсот*`) are tested against.
 */
export interface LexiconMorphology {
  language: 'ru' | 'uk';
  keys(norm: string): string[];
  primary(norm: string): string;
  /** The spelling stem patterns and exact forms are compared in. */
  spelling(norm: string): string;
}

export const russianMorphology: LexiconMorphology = {
  language: 'ru',
  keys: wordKeys,
  primary: primaryLemma,
  spelling: (norm) => norm,
};

/** The Ukrainian lexicon's keys: folded forms and their stems (../uk-morph.ts says why). */
export const ukrainianMorphology: LexiconMorphology = {
  language: 'uk',
  keys: ukrainianKeys,
  primary: ukrainianStem,
  spelling: foldUkrainian,
};
