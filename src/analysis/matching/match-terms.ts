import type { Token } from './normalise.ts';
import { spokenCardinal } from './numbers.ts';
import { censoredKeys, NUMBER_SLOT, wordAccepts, type Phrase, type PhraseIndex } from './phrase-index.ts';

/** A lexicon hit before confidence and counts are settled; token indices are `[first, last]`. */
export interface Candidate {
  phrase: Phrase;
  first: number;
  last: number;
  rule: string;
}

/** Keys for each token (form + lemmas), with censored words read as the lexicon word they hide. */
export function tokenKeys(tokens: readonly Token[], index: PhraseIndex): string[][] {
  return tokens.map((t) => {
    const keys = t.censored ? censoredKeys(t.norm, index) : index.morphology.keys(t.norm);
    // A number fills a `#` slot in a phrase («лет # дадут»): written or one spoken word.
    const isNumber = t.digits ? t.digits.suffix === '' : spokenCardinal(t) !== undefined;
    return isNumber ? [...keys, NUMBER_SLOT] : keys;
  });
}

/**
 * Every phrase that matches at every position, then the longest non-overlapping ones: «груз 200»
 * wins over a bare «200», «тяжёлый трёхсотый» over «трёхсотый».
 */
export function findPhrases(
  tokens: readonly Token[],
  keys: readonly string[][],
  index: PhraseIndex,
): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const candidates = new Set<Phrase>();
    for (const key of keys[i]!) for (const p of index.byFirstKey.get(key) ?? []) candidates.add(p);
    for (const p of index.stems) if (wordAccepts(p.words[0]!, keys[i]!)) candidates.add(p);
    for (const phrase of candidates) {
      const last = matchRest(phrase, i, keys);
      if (last === undefined) continue;
      found.push({ phrase, first: i, last, rule: ruleFor(phrase, tokens[i]!) });
    }
  }
  found.sort(
    (a, b) =>
      b.last - b.first - (a.last - a.first) || a.first - b.first || a.phrase.entryIndex - b.phrase.entryIndex,
  );
  const taken = new Set<number>();
  const chosen: Candidate[] = [];
  for (const c of found) {
    let free = true;
    for (let t = c.first; t <= c.last && free; t++) free = !taken.has(t);
    if (!free) continue;
    for (let t = c.first; t <= c.last; t++) taken.add(t);
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.first - b.first);
}

/**
 * Fillers speakers drop into set phrases («воды вообще нету», «в плен, блядь, не берём»): one may
 * sit between two words of a phrase without breaking it.
 */
const FILLERS = new Set([
  'вообще',
  'совсем',
  'уже',
  'даже',
  'же',
  'ведь',
  'просто',
  'тут',
  'там',
  'нахуй',
  'нахер',
  'блядь',
  'бля',
  'блять',
  'сука',
  'ебать',
  'короче',
  'типа',
  'ну',
  'вот',
  // Ukrainian and surzhyk fillers, in the folded spelling the Ukrainian lexicon's keys use.
  'вже',
  'ж',
  'навить',
  'взагали',
  'типу',
]);

/** Index of the last token of `phrase` matched from token `first`, or undefined. */
function matchRest(phrase: Phrase, first: number, keys: readonly string[][]): number | undefined {
  let at = first;
  for (let j = 1; j < phrase.words.length; j++) {
    const next = keys[at + 1];
    if (next && wordAccepts(phrase.words[j]!, next)) {
      at += 1;
      continue;
    }
    const afterFiller = keys[at + 2];
    if (!next || !afterFiller || !FILLERS.has(next[0]!) || !wordAccepts(phrase.words[j]!, afterFiller)) {
      return undefined;
    }
    at += 2;
  }
  return at;
}

function ruleFor(phrase: Phrase, first: Token): string {
  if (first.censored) return 'censored';
  if (phrase.words.length > 1) return 'multiword';
  return phrase.words[0]!.kind === 'stem' ? 'stem' : 'lemma';
}
