import { primaryLemma } from '../matching/morphology.ts';
import { tokenise, type Token } from '../matching/normalise.ts';

/**
 * The classifier's view of a text: hashed character n-grams inside each word (2–5 characters, with
 * word-boundary marks, so «уйду», «уйдём» and a recogniser's «уйду» with one wrong letter still share
 * most features), the word's lemma (Az.js through the matcher's one morphology owner) and lemma
 * bigrams («домой уйти», «кормить не»). Every feature remembers the words it came from, so a
 * linear model's weights can be read back as the phrases that weighed most.
 */

/** Features are hashed into 2^HASH_BITS buckets (collisions are rare enough at this size). */
export const HASH_BITS = 18;
export const FEATURE_SPACE = 1 << HASH_BITS;
const MASK = FEATURE_SPACE - 1;
const MIN_GRAM = 2;
const MAX_GRAM = 5;
/** A 10k-character segment is classified from its first words only; the rest adds little. */
const MAX_TOKENS = 400;
/**
 * Counts are divided by their L2 norm, but never by less than this: about the norm of a median
 * training sentence (10 words, norm 14.9; p10 12.2). Without the floor a two-word «Да, верно.»
 * gets feature values three times those of a sentence, so its few common n-grams alone pushed
 * scores over the line (most false alarms on real intercepts were such short replies).
 */
const MIN_NORM = 14;

export interface Featurised {
  tokens: Token[];
  /** Distinct hashed feature indices, ascending. */
  indices: Int32Array;
  /** Value of each feature (counts, L2-normalised). */
  values: Float32Array;
  /** The value one occurrence adds to its feature (1 / the norm of the counts). */
  unit: number;
  /** Per occurrence: feature index and the first and last token it came from. */
  occurrences: { feature: Int32Array; firstToken: Int32Array; lastToken: Int32Array };
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnvChar(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME) >>> 0;
}

function fnvString(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = fnvChar(h, text.charCodeAt(i));
  return h;
}

const GRAM_SEED = fnvString(FNV_OFFSET, 'g:');
const LEMMA_SEED = fnvString(FNV_OFFSET, 'l:');
const BIGRAM_SEED = fnvString(FNV_OFFSET, 'b:');

/** Letters only go to Az.js; digits and mixed tokens keep their normalised form as "lemma". */
function lemmaOf(token: Token, useMorphology: boolean): string {
  if (!useMorphology || !/^[\p{Script=Cyrillic}]+$/u.test(token.norm)) return token.norm;
  return primaryLemma(token.norm);
}

class OccurrenceList {
  feature: number[] = [];
  first: number[] = [];
  last: number[] = [];
  add(hash: number, first: number, last: number): void {
    this.feature.push(hash & MASK);
    this.first.push(first);
    this.last.push(last);
  }
}

function addCharGrams(list: OccurrenceList, norm: string, tokenIndex: number): void {
  const word = `<${norm}>`;
  for (let start = 0; start + MIN_GRAM <= word.length; start++) {
    let h = GRAM_SEED;
    for (let n = 0; n < MAX_GRAM && start + n < word.length; n++) {
      h = fnvChar(h, word.charCodeAt(start + n));
      if (n + 1 >= MIN_GRAM) list.add(h, tokenIndex, tokenIndex);
    }
  }
}

/** Which kinds of feature to draw (all of them, except in the evaluation's ablations). */
export interface FeatureKinds {
  charGrams: boolean;
  lemmas: boolean;
  bigrams: boolean;
}
export const ALL_FEATURES: FeatureKinds = { charGrams: true, lemmas: true, bigrams: true };

/**
 * Features of one text. `useMorphology` is false for text Az.js cannot read (Ukrainian): its
 * lemmas would be guesses, so the word form stands in for the lemma. `textTokens` are the text's
 * tokens when the caller has them already (the analyser tokenised it for the lexicon).
 */
export function featurise(
  text: string,
  useMorphology = true,
  kinds: FeatureKinds = ALL_FEATURES,
  textTokens: readonly Token[] = tokenise(text),
): Featurised {
  const tokens = textTokens.slice(0, MAX_TOKENS);
  const list = new OccurrenceList();
  let previousLemma: string | undefined;
  tokens.forEach((token, i) => {
    if (kinds.charGrams) addCharGrams(list, token.norm, i);
    const lemma = lemmaOf(token, useMorphology);
    if (kinds.lemmas) list.add(fnvString(LEMMA_SEED, lemma), i, i);
    if (kinds.bigrams && previousLemma !== undefined)
      list.add(fnvString(fnvString(BIGRAM_SEED, previousLemma), ` ${lemma}`), i - 1, i);
    previousLemma = lemma;
  });
  const { indices, values, unit } = countAndNormalise(list.feature);
  return {
    tokens,
    indices,
    values,
    unit,
    occurrences: {
      feature: Int32Array.from(list.feature),
      firstToken: Int32Array.from(list.first),
      lastToken: Int32Array.from(list.last),
    },
  };
}

function countAndNormalise(features: readonly number[]): {
  indices: Int32Array;
  values: Float32Array;
  unit: number;
} {
  const sorted = Int32Array.from(features).sort();
  const indices: number[] = [];
  const counts: number[] = [];
  for (const f of sorted) {
    if (indices.length > 0 && indices[indices.length - 1] === f) counts[counts.length - 1]! += 1;
    else {
      indices.push(f);
      counts.push(1);
    }
  }
  const norm = Math.max(Math.sqrt(counts.reduce((s, c) => s + c * c, 0)), MIN_NORM);
  return {
    indices: Int32Array.from(indices),
    values: Float32Array.from(counts, (c) => c / norm),
    unit: 1 / norm,
  };
}
