import { foldUkrainian } from '../uk-morph.ts';
import { parseWord } from './morphology.ts';
import type { Token } from './normalise.ts';

/**
 * Numbers as recognisers and people write them: digits (`5`, `200-х`) or words in any case
 * («пять», «пятерых», «двадцать пять», «двухсот»). Used for casualty counts and number codes.
 */

const UNITS: Record<string, number> = {
  ноль: 0,
  один: 1,
  два: 2,
  три: 3,
  четыре: 4,
  пять: 5,
  шесть: 6,
  семь: 7,
  восемь: 8,
  девять: 9,
  десять: 10,
  одиннадцать: 11,
  двенадцать: 12,
  тринадцать: 13,
  четырнадцать: 14,
  пятнадцать: 15,
  шестнадцать: 16,
  семнадцать: 17,
  восемнадцать: 18,
  девятнадцать: 19,

  полтора: 1.5,
};
/** «двое», «пятеро»: collective numerals stand alone; they never combine with «сто», «двадцать». */
const COLLECTIVES: Record<string, number> = {
  двое: 2,
  трое: 3,
  четверо: 4,
  пятеро: 5,
  шестеро: 6,
  семеро: 7,
  восьмеро: 8,
  девятеро: 9,
  десятеро: 10,
  оба: 2,
};
const TENS: Record<string, number> = {
  двадцать: 20,
  тридцать: 30,
  сорок: 40,
  пятьдесят: 50,
  шестьдесят: 60,
  семьдесят: 70,
  восемьдесят: 80,
  девяносто: 90,
};
const HUNDREDS: Record<string, number> = {
  сто: 100,
  двести: 200,
  триста: 300,
  четыреста: 400,
  пятьсот: 500,
  шестьсот: 600,
  семьсот: 700,
  восемьсот: 800,
  девятьсот: 900,
};

/**
 * Ukrainian number words that Az.js (Russian) does not know, in the folded spelling of
 * ../uk-morph.ts, so «двоє», «двое» and «чотири» read the same whether written or recognised.
 * Forms Russian shares («три», «пять», «десять», «сто») are read by Az.js.
 */
type NumberWord = { value: number; place: number; collective?: boolean };
const UKRAINIAN_NUMBERS: Record<string, NumberWord> = {
  дви: { value: 2, place: 1 },
  чотири: { value: 4, place: 1 },
  шисть: { value: 6, place: 1 },
  сим: { value: 7, place: 1 },
  висим: { value: 8, place: 1 },
  одинадцять: { value: 11, place: 1 },
  дванадцять: { value: 12, place: 1 },
  пятнадцять: { value: 15, place: 1 },
  двох: { value: 2, place: 1 },
  трьох: { value: 3, place: 1 },
  чотирьох: { value: 4, place: 1 },
  двадцять: { value: 20, place: 10 },
  тридцять: { value: 30, place: 10 },
  пятдесят: { value: 50, place: 10 },
  двисти: { value: 200, place: 100 },
  чотириста: { value: 400, place: 100 },
  пятсот: { value: 500, place: 100 },
  двое: { value: 2, place: 1, collective: true },
  трое: { value: 3, place: 1, collective: true },
  четверо: { value: 4, place: 1, collective: true },
  пятеро: { value: 5, place: 1, collective: true },
  шестеро: { value: 6, place: 1, collective: true },
  семеро: { value: 7, place: 1, collective: true },
  десятеро: { value: 10, place: 1, collective: true },
  обидва: { value: 2, place: 1, collective: true },
  обое: { value: 2, place: 1, collective: true },
};

/** The place (1, 10 or 100) and value of one number word, or undefined. */
function numberWord(token: Token): NumberWord | undefined {
  if (token.digits) return undefined;

  for (const parse of parseWord(token.norm)) {
    // «один» parses as an adjective-like pronoun (Apro); other number words as NUMR.
    if (parse.partOfSpeech !== 'NUMR' && parse.lemma !== 'один') continue;
    const lemma = parse.lemma;
    if (lemma in HUNDREDS) return { value: HUNDREDS[lemma]!, place: 100 };
    if (lemma in TENS) return { value: TENS[lemma]!, place: 10 };
    if (lemma in UNITS) return { value: UNITS[lemma]!, place: 1 };
    if (lemma in COLLECTIVES) return { value: COLLECTIVES[lemma]!, place: 1, collective: true };
  }
  return UKRAINIAN_NUMBERS[foldUkrainian(token.norm)];
}

export interface NumberSpan {
  value: number;
  /** Token indices `[first, last]` the number spans. */
  first: number;
  last: number;
  /** The single token was digits. */
  digits: boolean;
}

/**
 * The number that ends at token `last` (reading backwards: «сто двадцать пять» ending at «пять»),
 * if any. Words combine only in falling order of place, as in spoken Russian.
 */
export function numberEndingAt(tokens: readonly Token[], last: number): NumberSpan | undefined {
  const token = tokens[last];
  if (!token) return undefined;
  if (token.digits && token.digits.suffix === '') {
    return { value: token.digits.value, first: last, last, digits: true };
  }
  let first = last;
  let value = 0;
  let place = 0;
  for (let i = last; i >= 0 && last - i < 4; i--) {
    const word = numberWord(tokens[i]!);
    if (!word || word.place <= place || (word.collective && i < last)) break;
    value += word.value;
    place = word.place;
    first = i;
  }
  return place === 0 ? undefined : { value, first, last, digits: false };
}

/** The number that starts at token `first` (reading forwards), if any. */
export function numberStartingAt(tokens: readonly Token[], first: number): NumberSpan | undefined {
  const token = tokens[first];
  if (!token) return undefined;
  if (token.digits && token.digits.suffix === '') {
    return { value: token.digits.value, first, last: first, digits: true };
  }
  let last = first;
  let value = 0;
  let place = Infinity;
  for (let i = first; i < tokens.length && i - first < 4; i++) {
    const word = numberWord(tokens[i]!);
    if (!word || word.place >= place || (word.collective && i > first)) break;
    value += word.value;
    if (word.collective) {
      last = i;
      place = word.place;
      break;
    }
    place = word.place;
    last = i;
  }
  return place === Infinity ? undefined : { value, first, last, digits: false };
}

/** The value of a single spoken cardinal word («двести», «двухсот»), if it is one. */
export function spokenCardinal(token: Token): number | undefined {
  return numberWord(token)?.value;
}
