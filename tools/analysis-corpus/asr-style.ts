import {
  numberInWords,
  russianOrdinalInWords,
  russianThousandsInWords,
} from '../../src/language/number-words.ts';
import { normaliseRussianForScoring } from '../../src/speech/text-metrics.ts';
import type { Random } from './random.ts';

/**
 * The recogniser's form of a written sentence: numbers as words, lower case, ё as е, no
 * punctuation or hyphens (the test recogniser's alphabet, see text-metrics.ts), then character
 * errors of the kinds a character CTC model without a language model makes (reduced vowels,
 * voicing, dropped soft signs, merged and split words) at the measured rate.
 */

/**
 * Character error rate of the test recogniser (shared/models/test-asr-ru) on the demo calls
 * through the whole pipeline: 4.56 % (speech-stages.test.ts). Errors are injected per character
 * at this rate.
 */
export const RECOGNISER_CER = 0.0456;

const ORDINAL_ENDINGS: Record<string, string> = {
  й: 'ый', ый: 'ый', ой: 'ый', ий: 'ый', е: 'ые', ые: 'ые', х: 'ых', ых: 'ых', м: 'ым', ым: 'ым',
  ми: 'ыми', ыми: 'ыми', го: 'ого', ого: 'ого', му: 'ому', ому: 'ому', я: 'ая', ая: 'ая',
}; // prettier-ignore

/** «200-х» → «двухсотых», «70-й» → «семидесятый»: the ordinal's stem with the written ending. */
function ordinalWithEnding(value: number, ending: string): string {
  const ordinal = russianOrdinalInWords(value);
  const wanted = ORDINAL_ENDINGS[ending];
  if (!wanted || !/ый$/.test(ordinal)) return ordinal;
  return ordinal.slice(0, -2) + wanted;
}

/** A cardinal below a million in words (nominative): 1500 → «тысяча пятьсот». */
export function cardinalInWords(value: number): string {
  if (value < 1000) return numberInWords(value, 'ru');
  const rest = value % 1000;
  const head = Math.floor(value / 1000) === 1 ? 'тысяча' : russianThousandsInWords(Math.floor(value / 1000));
  return rest === 0 ? head : `${head} ${numberInWords(rest, 'ru')}`;
}

export function spellNumbers(text: string): string {
  return text
    .replace(
      /(\d+)-(ый|ой|ий|ые|ых|ым|ыми|ого|ому|ая|й|е|х|м|ми|го|му|я)(?![а-яё])/g,
      (_, digits: string, ending: string) => ordinalWithEnding(Number(digits), ending),
    )
    .replace(/\d+(?: \d{3})*/g, (digits) => cardinalInWords(Number(digits.replace(/ /g, ''))));
}

const CONFUSABLE: Record<string, string> = {
  о: 'а', а: 'о', е: 'и', и: 'е', я: 'е', э: 'е', ы: 'и', ю: 'у', т: 'д', д: 'т', з: 'с', с: 'з',
  б: 'п', п: 'б', в: 'ф', ф: 'в', г: 'к', к: 'г', ж: 'ш', ш: 'ж', щ: 'ш', ц: 'с', ч: 'щ', ь: '',
  ъ: '', й: '',
}; // prettier-ignore

/**
 * How a recogniser's character errors are drawn. At an error one roll picks the kind, by
 * cumulative thresholds: a confusable letter, a dropped letter, a doubled letter, else the word
 * split after the letter. The Russian corpus, the Ukrainian corpus and the evaluation's
 * recogniser-style text each keep their own profile (their figures were measured with them).
 */
export interface ErrorProfile {
  confusable: Readonly<Record<string, string>>;
  /** At an error on a space: below this roll the words run together, else the space stays. */
  spaceDropped: number;
  substitute: number;
  /** A letter with no confusable falls through to the next kinds (true) or stays itself (false). */
  unlistedFallsThrough: boolean;
  drop: number;
  double: number;
}

export const RUSSIAN_CORPUS_ERRORS: ErrorProfile = {
  confusable: CONFUSABLE,
  spaceDropped: 1,
  substitute: 0.65,
  unlistedFallsThrough: true,
  drop: 0.8,
  double: 0.92,
};

/** Character errors at `rate` per character, drawn from `random` as `profile` says. */
export function injectCharacterErrors(
  text: string,
  rate: number,
  random: Random,
  profile: ErrorProfile,
): string {
  let out = '';
  for (const char of text) {
    if (random() >= rate) {
      out += char;
      continue;
    }
    const roll = random();
    const listed = char in profile.confusable;
    if (char === ' ') out += roll < profile.spaceDropped ? '' : ' ';
    else if (roll < profile.substitute && (listed || !profile.unlistedFallsThrough))
      out += listed ? profile.confusable[char]! : char;
    else if (roll < profile.drop) out += '';
    else if (roll < profile.double) out += char + char;
    else out += `${char} `;
  }
  const cleaned = out.replace(/\s+/g, ' ').trim();
  return cleaned === '' ? text : cleaned;
}

/** Substitutions, deletions, doubled letters and word-boundary errors at `rate` per character. */
export function injectRecogniserErrors(text: string, rate: number, random: Random): string {
  return injectCharacterErrors(text, rate, random, RUSSIAN_CORPUS_ERRORS);
}

/** The recogniser form without errors: what a perfect recogniser would write. */
export function recogniserSpelling(written: string): string {
  return normaliseRussianForScoring(spellNumbers(written));
}

export function asrStyle(written: string, random: Random, rate = RECOGNISER_CER): string {
  return injectRecogniserErrors(recogniserSpelling(written), rate, random);
}
