import type { LexiconEntry } from '../lexicon/lexicon-data.ts';
import { countAfter } from './counts.ts';
import type { Token } from './normalise.ts';
import { numberEndingAt, numberStartingAt, spokenCardinal } from './numbers.ts';
import type { Phrase } from './phrase-index.ts';

/**
 * Code numbers (200 = killed, 300 = wounded, 500 = refuser) said or written as numbers. A number
 * is a code only in a code context; «от 300 до 500 прилётов», «360 градусов», «я в 78-м живу» are
 * not. The lexicon's «груз 200» phrases and ordinal words («двухсотые») are matched as phrases.
 */

/** Plural ordinal endings after digits: «200-е», «200-ые», «200-х», «200-ми». */
const PLURAL_ORDINAL = new Set(['е', 'ые', 'х', 'ых', 'ми', 'ым', 'ыми']);
/** Singular ordinal endings: «200-й», «300-го», «200-м». */
const SINGULAR_ORDINAL = new Set(['й', 'ый', 'ой', 'го', 'ого', 'му', 'ому', 'м', 'ом', 'я', 'ая', 'ую']);
/** Prepositions that make a number a quantity, a place or a range (от 300 до 500, в 200-м). */
const QUANTITY_PREPOSITIONS = new Set([
  'от',
  'до',
  'по',
  'на',
  'в',
  'во',
  'за',
  'около',
  'под',
  'через',
  'из',
  'с',
  'со',
  'к',
  'где',
  'примерно',
  'почти',
  'больше',
  'меньше',
  'метров',
  'км',
]);
/** Words after which a bare number reads as a code: «у нас 200», «есть 300», «ещё 200». */
const CODE_CUES = new Set([
  'нас',
  'них',
  'вас',
  'есть',
  'еще',
  'уже',
  'минус',
  'опять',
  'снова',
  'тоже',
  'это',
]);

export interface NumberCodeHit {
  phrase: Phrase;
  token: number;
  rule: string;
  confidence: number;
}

/** Builds the code → entry table from entries with a numberCode. */
export function codeTable(
  entries: readonly LexiconEntry[],
  entryIndex: (e: LexiconEntry) => number,
): Map<number, Phrase> {
  const table = new Map<number, Phrase>();
  for (const entry of entries) {
    if (entry.numberCode !== undefined && !table.has(entry.numberCode)) {
      table.set(entry.numberCode, { entry, entryIndex: entryIndex(entry), words: [] });
    }
  }
  return table;
}

/** Finds code numbers among tokens not already taken by phrase matches or counts. */
export function findNumberCodes(
  tokens: readonly Token[],
  taken: ReadonlySet<number>,
  codes: ReadonlyMap<number, Phrase>,
  partOfSpeech: (token: Token) => string,
): NumberCodeHit[] {
  const hits: NumberCodeHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i)) continue;
    const token = tokens[i]!;
    const previous = tokens[i - 1]?.norm ?? '';
    if (token.digits && token.digits.suffix !== '') {
      const phrase = codes.get(token.digits.value);
      if (!phrase) continue;
      const suffix = token.digits.suffix;
      if (PLURAL_ORDINAL.has(suffix)) {
        hits.push({ phrase, token: i, rule: 'number-code:plural-ordinal', confidence: 0.9 });
      } else if (SINGULAR_ORDINAL.has(suffix) && !QUANTITY_PREPOSITIONS.has(previous)) {
        hits.push({ phrase, token: i, rule: 'number-code:ordinal', confidence: 0.75 });
      }
      continue;
    }
    const value = token.digits ? token.digits.value : spokenCardinal(token);
    if (value === undefined) continue;
    const phrase = codes.get(value);
    if (!phrase) continue;
    // Part of a larger spoken number («двести пятьдесят») or a quantity («300 метров»): not a code.
    if (!token.digits && (numberStartingAt(tokens, i)?.last ?? i) > i) continue;
    if (QUANTITY_PREPOSITIONS.has(previous)) continue;
    const next = tokens[i + 1];
    if (next && (next.digits || partOfSpeech(next) === 'NOUN' || partOfSpeech(next) === 'ADJF')) continue;
    const counted = i > 0 && numberEndingAt(tokens, i - 1) !== undefined;
    const countFollows = countAfter(tokens, i, true) !== undefined;
    if (CODE_CUES.has(previous) || counted || countFollows) {
      hits.push({
        phrase,
        token: i,
        rule: counted || countFollows ? 'number-code:counted' : 'number-code:after-cue',
        confidence: 0.7,
      });
    }
  }
  return hits;
}
