import { azMorph } from '../analysis/az-morph.ts';
import { isNumberToken, numberGroups, type NumberGroup } from '../analysis/entities/spoken-numbers.ts';
import type { Token } from '../analysis/entities/tokens.ts';
import { numberInWords, russianOrdinalInWords } from '../language/number-words.ts';

/**
 * The other ways a number in a query is written, so that search finds a number however the
 * transcript or the translation wrote it. Recognisers write numbers as words («грузом двести»,
 * «трехсотых»), people type digits («груз 200», «300»), translators write either ("cargo 200",
 * "three wounded"). A number in a query, in any of these forms, is searched as:
 *   - its digits (200),
 *   - its Russian cardinal words («двести»; the stemmer then finds «двухсот» too),
 *   - its Russian ordinal («двухсотый»: the stemmer reduces «двухсотых», «двухсотые» to the same stem),
 *   - its English words ("two hundred").
 * Number words are read by the entity rules' reader (src/analysis/entities/spoken-numbers.ts),
 * so «сто двадцать», «двухсотых», «200-х», "two hundred" all mean what the analyser says they
 * mean; inflected cardinals («тремя», «двухстах») are brought to their dictionary form by Az.
 */

/** At most this many rewritings of one atom (a phrase with several numbers multiplies them). */
export const MAX_NUMBER_SPELLINGS = 8;

// «200-х», «300-й», «5-го» reach the parser as two words; the second is a grammatical suffix.
const ORDINAL_SUFFIX = /^(?:й|я|е|х|ю|м|го|му|ми|ой|ый|ий|ая|ое|ые|ых|ым|ую)$/;
const DIGITS = /^\d+$/;
// The first three letters of every Russian number word, inflected or not: only such words are
// worth asking Az about (loading its dictionaries costs most of a second, once per process).
const NUMBER_WORD_START =
  /^(?:нол|нул|оди|одн|два|две|дву|тре|три|чет|пят|шес|сем|вос|дев|дес|сор|сто|ста|тыс)/;

interface QueryNumberToken extends Token {
  /** The atom's words this token covers: [first, last]. */
  words: [number, number];
}

function token(index: number, norm: string, words: [number, number]): QueryNumberToken {
  return {
    index,
    start: 0,
    end: 0,
    surface: norm,
    norm,
    capitalised: false,
    isNumber: DIGITS.test(norm),
    punctuationBefore: '',
    quoted: false,
    words,
  };
}

/** An inflected cardinal in its dictionary form («тремя» → «три»), when Az reads it as a numeral. */
function cardinalLemma(word: string): string | undefined {
  if (!NUMBER_WORD_START.test(word)) return undefined;
  for (const parse of azMorph()(word, { parsers: ['Dictionary'] })) {
    if (parse.tag.POS !== 'NUMR') continue;
    const normal = parse.normalize();
    if (normal) return normal.word.replace(/ё/g, 'е');
  }
  return undefined;
}

/** The atom's words as tokens for the number reader: «200 х» joined as «200-х», cardinals lemmatised. */
function queryTokens(words: readonly string[]): QueryNumberToken[] {
  const tokens: QueryNumberToken[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.replace(/ё/g, 'е');
    const next = words[i + 1];
    if (DIGITS.test(word) && next !== undefined && ORDINAL_SUFFIX.test(next)) {
      tokens.push(token(tokens.length, `${word}-${next}`, [i, i + 1]));
      i++;
      continue;
    }
    const plain = token(tokens.length, word, [i, i]);
    const lemma = isNumberToken(plain) ? undefined : cardinalLemma(word);
    tokens.push(lemma ? token(tokens.length, lemma, [i, i]) : plain);
  }
  return tokens;
}

/** The ways one number is written, its digits first. */
export function spellingsOfNumber(value: number): string[] {
  const spellings = [String(value)];
  if (value < 1000) {
    spellings.push(numberInWords(value, 'ru'), russianOrdinalInWords(value), numberInWords(value, 'en'));
  }
  return spellings;
}

/**
 * The atom's words rewritten with each number in its other spellings (the atom as typed is not
 * among them); none when the atom has no number in it.
 */
export function numberSpellings(words: readonly string[]): string[][] {
  const tokens = queryTokens(words);
  const groups = numberGroups(tokens, { english: true });
  if (groups.length === 0) return [];
  const own = words.join(' ');
  // Per group: the words it covers, and its other spellings.
  const parts = groups.map((group: NumberGroup) => {
    const first = tokens[group.firstToken]!.words[0];
    const last = tokens[group.lastToken]!.words[1];
    const typed = words.slice(first, last + 1).join(' ');
    return { first, last, options: spellingsOfNumber(group.value).filter((s) => s !== typed) };
  });
  let results: string[][] = [[]];
  let position = 0;
  for (const part of parts) {
    const before = words.slice(position, part.first);
    const typed = words.slice(part.first, part.last + 1);
    const choices = [typed, ...part.options.map((s) => s.split(' '))];
    results = results
      .flatMap((prefix) => choices.map((choice) => [...prefix, ...before, ...choice]))
      .slice(0, MAX_NUMBER_SPELLINGS + 1);
    position = part.last + 1;
  }
  const after = words.slice(position);
  const seen = new Set([own]);
  const out: string[][] = [];
  for (const result of results) {
    const spelled = [...result, ...after];
    const key = spelled.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(spelled);
  }
  return out.slice(0, MAX_NUMBER_SPELLINGS);
}
