import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * A small typed door onto Az.js (OpenCorpora morphology). Az only offers an asynchronous
 * `Morph.init`, but entity extraction is synchronous (it runs inside `analyseText`), so the
 * dictionaries are read synchronously here: Az reads every file through its public `Az.load`
 * hook, which we replace with a reader that queues the callbacks and runs them once `init` has
 * registered all of its loads (running them inline would finish Az's load counter early).
 */

interface AzTag {
  readonly POS?: string;
  readonly [grammeme: string]: unknown;
}

interface AzParse {
  readonly word: string;
  readonly tag: AzTag;
  readonly score: number;
  readonly parser?: string;
  normalize(keepPOS?: boolean): AzParse | false;
}

interface AzMorphConfig {
  ignoreCase?: boolean;
  parsers?: string[];
}

interface AzModule {
  load: (url: string, responseType: string, callback: (error: Error | null, data?: unknown) => void) => void;
  Morph: {
    (word: string, config?: AzMorphConfig): AzParse[];
    init: (path: string, callback: (error: Error | null) => void) => void;
  };
}

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

let az: AzModule | undefined;
const cache = new Map<string, WordInfo>();

function loadAzSynchronously(): AzModule {
  const require = createRequire(import.meta.url);
  const module = require('az') as AzModule;
  const dictsDir = join(dirname(require.resolve('az/package.json')), 'dicts');
  const pending: Array<() => void> = [];
  module.load = (url, responseType, callback) => {
    pending.push(() => {
      const bytes = readFileSync(url);
      if (responseType === 'json') callback(null, JSON.parse(bytes.toString('utf8')) as unknown);
      else callback(null, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    });
  };
  let failure: Error | null = null;
  module.Morph.init(dictsDir, (error) => {
    failure = error;
  });
  while (pending.length > 0) pending.shift()?.();
  if (failure) throw new Error(`could not load the Az.js dictionaries from ${dictsDir}: ${String(failure)}`);
  return module;
}

function morph(): AzModule['Morph'] {
  az ??= loadAzSynchronously();
  return az.Morph;
}

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
  const readings = morph()(word, DICTIONARY_ONLY).map(toReading);
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
