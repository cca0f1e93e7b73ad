import type { LexiconEntry } from '../lexicon/lexicon-data.ts';
import { primaryLemma, wordKeys } from './morphology.ts';
import { tokenise, type Token } from './normalise.ts';

/**
 * The lexicon compiled for matching: every lemma and variant becomes a phrase of pattern words,
 * indexed by the keys of its first word so each transcript word looks up only its candidates.
 */

/** One word of a phrase: a set of keys (the form and its lemma), or a stem (`двухсот*`). */
export type PatternWord = { kind: 'word'; keys: ReadonlySet<string> } | { kind: 'stem'; prefix: string };

export interface Phrase {
  entry: LexiconEntry;
  /** Order of the entry in the lexicon: earlier entries win ties. */
  entryIndex: number;
  words: PatternWord[];
}

export interface PhraseIndex {
  byFirstKey: Map<string, Phrase[]>;
  stems: Phrase[];
  /** Every single word the lexicon spells out in full, for reading censored forms (е**шить). */
  vocabulary: string[];
  /** Lemmas of words that confirm ambiguous entries, per entry id. */
  confirmations: Map<string, ReadonlySet<string>>;
}

function patternWord(token: Token): PatternWord {
  if (token.norm.endsWith('*')) return { kind: 'stem', prefix: token.norm.replace(/\*+$/, '') };
  return { kind: 'word', keys: new Set([token.norm, primaryLemma(token.norm)]) };
}

export function buildPhraseIndex(entries: readonly LexiconEntry[]): PhraseIndex {
  const index: PhraseIndex = { byFirstKey: new Map(), stems: [], vocabulary: [], confirmations: new Map() };
  const vocabulary = new Set<string>();
  entries.forEach((entry, entryIndex) => {
    for (const text of [...entry.lemmas, ...entry.variants]) {
      const tokens = tokenise(text);
      const words = tokens.map(patternWord);
      const first = words[0];
      if (!first) continue;
      const phrase: Phrase = { entry, entryIndex, words };
      if (first.kind === 'stem') index.stems.push(phrase);
      else {
        for (const key of first.keys) {
          const list = index.byFirstKey.get(key) ?? [];
          list.push(phrase);
          index.byFirstKey.set(key, list);
        }
      }
      for (const token of tokens) if (/^\p{L}+$/u.test(token.norm)) vocabulary.add(token.norm);
    }
    const confirmedBy = entry.context?.confirmedBy;
    if (confirmedBy) {
      index.confirmations.set(
        entry.id,
        new Set(confirmedBy.map((w) => primaryLemma(tokenise(w)[0]?.norm ?? w))),
      );
    }
  });
  index.vocabulary = [...vocabulary];
  return index;
}

/** Does pattern word `word` accept a transcript word with these keys? */
export function wordAccepts(word: PatternWord, keys: readonly string[]): boolean {
  if (word.kind === 'stem') return keys[0]!.startsWith(word.prefix);
  return keys.some((k) => word.keys.has(k));
}

const CENSOR_MARKS = /\*+|…|\.{2,3}/g;

/**
 * Keys for a censored word: the lexicon word it can stand for (each run of marks hides one to
 * four letters), else the word as written. «е**шить» → keys of «ебашить».
 */
export function censoredKeys(norm: string, index: PhraseIndex): string[] {
  const parts = norm.split(CENSOR_MARKS).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`^${parts.join('\\p{L}{1,4}')}$`, 'u');
  const word = index.vocabulary.find((w) => pattern.test(w));
  return word ? wordKeys(word) : [norm];
}
