import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { normaliseWord } from './normalise.ts';

/**
 * Russian morphology from Az.js (OpenCorpora dictionaries shipped in the package), behind a typed
 * wrapper: only the few calls the matcher needs, with results cached per word form because the
 * same words recur in every call and parsing is the matcher's most expensive step.
 */

/** The part of an Az.js parse the matcher reads. */
interface AzTag {
  POST?: string;
  Anum?: boolean;
  toString(): string;
}
interface AzParse {
  tag: AzTag;
  score: number;
  /** The dictionary form; its `toString()` keeps a known prefix that `.word` drops («само|ранение»). */
  normalize(keepPartOfSpeech?: boolean): { toString(): string };
}
interface AzMorph {
  (word: string): AzParse[];
  init(dictionaryPath: string, callback: (error: Error | null) => void): void;
}
interface AzModule {
  Morph: AzMorph;
  load(url: string, responseType: 'json' | 'arraybuffer', callback: LoadCallback): void;
}
type LoadCallback = (error: Error | null, data?: unknown) => void;

export interface WordParse {
  /** Dictionary form, ё folded; ordinals keep their ordinal form (двухсотых → двухсотый). */
  lemma: string;
  /** OpenCorpora part of speech: NOUN, VERB, INFN, ADJF, NUMR, ... */
  partOfSpeech: string;
  /** Grammemes as Az.js writes them, e.g. 'ADJF,Anum plur,gent'. */
  grammemes: string;
  score: number;
}

const require = createRequire(import.meta.url);
let morph: AzMorph | undefined;

/**
 * Loads the dictionaries synchronously. Az.js reads files with callbacks; its loader is swapped
 * for one that reads each file at once and replays the callbacks after init has issued them all
 * (init counts pending loads, so replaying them inside the same call would finish it too early).
 */
function loadMorph(): AzMorph {
  if (morph) return morph;
  const az = require('az') as AzModule;
  const dictionaries = path.join(path.dirname(require.resolve('az/package.json')), 'dicts');
  const pending: Array<() => void> = [];
  az.load = (url, responseType, callback) => {
    const data = fs.readFileSync(url);
    pending.push(() =>
      callback(
        null,
        responseType === 'json' ? JSON.parse(data.toString('utf8')) : new Uint8Array(data).buffer,
      ),
    );
  };
  const outcome: { error: Error | null; ready: boolean } = { error: null, ready: false };
  az.Morph.init(dictionaries, (error) => {
    outcome.error = error;
    outcome.ready = true;
  });
  for (const run of pending) run();
  if (outcome.error) throw outcome.error;
  if (!outcome.ready) throw new Error('Az.js morphology did not finish loading its dictionaries');
  morph = az.Morph;
  return morph;
}

const cache = new Map<string, WordParse[]>();
const CACHE_LIMIT = 200_000;

/** Parses of a normalised word form, best first. Cached; the cache is cleared when it grows too big. */
export function parseWord(norm: string): WordParse[] {
  const hit = cache.get(norm);
  if (hit) return hit;
  const parses = /^\p{L}+$/u.test(norm) ? loadMorph()(norm).map(toWordParse) : [];
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(norm, parses);
  return parses;
}

function toWordParse(parse: AzParse): WordParse {
  // Az.js normalises ordinals to cardinals (двухсотых → двести); keeping the part of speech for
  // ordinals keeps «двухсотые» apart from the cardinal «двести».
  const normal = parse.tag.Anum ? parse.normalize(true) : parse.normalize();
  const lemma = normal.toString();
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
