import type { LexiconEntry } from '../lexicon/lexicon-data.ts';
import type { Category } from '../types.ts';
import { russianMorphology, type LexiconMorphology } from './morphology.ts';
import { normaliseWord, tokenise } from './normalise.ts';

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
  /** How words are keyed: Russian lemmas or Ukrainian stems. */
  morphology: LexiconMorphology;
  byFirstKey: Map<string, Phrase[]>;
  stems: Phrase[];
  /** Every single word the lexicon spells out in full, for reading censored forms (е**шить). */
  vocabulary: string[];
  /** Lemmas of words that confirm ambiguous entries, per entry id. */
  confirmations: Map<string, ReadonlySet<string>>;
  /** Per entry id: another category and the lemmas nearby that switch to it. */
  recategorisations: Map<string, Array<{ category: Category; near: ReadonlySet<string> }>>;
}

/** A phrase word that any number fills («лет # дадут» matches «лет десять дадут», «лет 10 дадут»). */
export const NUMBER_SLOT = '#';

/**
 * The words of one lexicon phrase. A word ending in `*` is a stem (`двухсот*` matches any ending);
 * `#` is any number;
 * other words match their form and its lemma, or with `exactForms` only the form written (so the
 * plural «грады» does not match the hail «град»).
 */
function phraseWords(
  text: string,
  exactForms: boolean,
  morphology: LexiconMorphology,
): { words: PatternWord[]; spelled: string[] } {
  const words: PatternWord[] = [];
  const spelled: string[] = [];
  for (const piece of text.trim().split(/\s+/)) {
    if (piece === NUMBER_SLOT) {
      words.push({ kind: 'word', keys: new Set([NUMBER_SLOT]) });
      continue;
    }
    if (piece.endsWith('*')) {
      words.push({ kind: 'stem', prefix: morphology.spelling(normaliseWord(piece.replace(/\*+$/, ''))) });
      continue;
    }
    for (const token of tokenise(piece)) {
      const form = morphology.spelling(token.norm);
      const keys = exactForms ? [form] : [form, morphology.primary(token.norm)];
      words.push({ kind: 'word', keys: new Set(keys) });
      if (/^\p{L}+$/u.test(token.norm)) spelled.push(token.norm);
    }
  }
  return { words, spelled };
}

export function buildPhraseIndex(
  entries: readonly LexiconEntry[],
  morphology: LexiconMorphology = russianMorphology,
): PhraseIndex {
  const index: PhraseIndex = {
    morphology,
    byFirstKey: new Map(),
    stems: [],
    vocabulary: [],
    confirmations: new Map(),
    recategorisations: new Map(),
  };
  const vocabulary = new Set<string>();
  entries.forEach((entry, entryIndex) => {
    for (const text of [...entry.lemmas, ...entry.variants]) {
      const { words, spelled } = phraseWords(text, entry.exactForms === true, morphology);
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
      for (const word of spelled) vocabulary.add(word);
    }
    if (entry.recategorise) {
      index.recategorisations.set(
        entry.id,
        entry.recategorise.map((r) => ({
          category: r.category as Category,
          near: lemmaSet(r.near, morphology),
        })),
      );
    }
    const confirmedBy = entry.context?.confirmedBy;
    if (confirmedBy) {
      index.confirmations.set(entry.id, lemmaSet(confirmedBy, morphology));
    }
  });
  index.vocabulary = [...vocabulary];
  return index;
}

function lemmaSet(words: readonly string[], morphology: LexiconMorphology): ReadonlySet<string> {
  return new Set(words.map((w) => morphology.primary(tokenise(w)[0]?.norm ?? w)));
}

/** Does pattern word `word` accept a transcript word with these keys? */
export function wordAccepts(word: PatternWord, keys: readonly string[]): boolean {
  if (word.kind === 'stem') return keys[0]!.startsWith(word.prefix);
  return keys.some((k) => word.keys.has(k));
}

const CENSOR_RUN = /(\*+)|…|\.{2,3}/g;

/**
 * Keys for a censored word: the lexicon word it can stand for, else the word as written
 * («е**шить» → keys of «ебашить»). Each star hides one letter; dots or an ellipsis hide one to
 * four. At least half the word must be visible, so «на..й» is not read as any long word that
 * happens to start with «на» and end in «й».
 */
export function censoredKeys(norm: string, index: PhraseIndex): string[] {
  let pattern = '';
  let visible = 0;
  let from = 0;
  for (const mark of norm.matchAll(CENSOR_RUN)) {
    const text = norm.slice(from, mark.index);
    pattern += escapeRegExp(text) + (mark[1] ? `\\p{L}{${mark[1].length}}` : '\\p{L}{1,4}');
    visible += text.length;
    from = mark.index + mark[0].length;
  }
  pattern += escapeRegExp(norm.slice(from));
  visible += norm.length - from;
  const regex = new RegExp(`^${pattern}$`, 'u');
  const candidates = index.vocabulary.filter((w) => visible * 2 >= w.length && regex.test(w));
  candidates.sort((a, b) => a.length - b.length);
  return candidates[0] ? index.morphology.keys(candidates[0]) : [norm];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
