/**
 * How the Ukrainian training sentences look once a recogniser has written them: lower case, no
 * punctuation, numbers as words, letter errors; and, for a recogniser trained on Russian, the
 * Ukrainian sounds in Russian letters («ми» → «мы», «ніч» → «нич», «їсти» → «йисты»).
 */

import { injectCharacterErrors, RECOGNISER_CER } from '../asr-style.ts';
import { hashSeed, seededRandom as seededFrom, type Random } from '../random.ts';

export { RECOGNISER_CER, type Random };

/** The corpus's one seeded generator, seeded from a text, so a template always gives the same lines. */
export function seededRandom(seed: string): Random {
  return seededFrom(hashSeed(seed));
}

/** Numbers the inputs may write in digits, as a Ukrainian speaker says them. */
const NUMBER_WORDS: Record<string, string> = {
  '2': 'два',
  '3': 'три',
  '5': "п'ять",
  '10': 'десять',
  '200': 'двісті',
  '300': 'триста',
};

/** Lower case, digits as words, no punctuation or apostrophes: what a recogniser writes. */
export function recogniserSpelling(written: string): string {
  const words = written
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/\d+/g, (digits) => {
      const word = NUMBER_WORDS[digits];
      if (!word) throw new Error(`no spoken form for the number ${digits} in «${written}»`);
      return ` ${word} `;
    })
    .replace(/['’ʼ]/g, '')
    .split(/[^а-яіїєґ]+/u)
    .filter((w) => w !== '');
  return words.join(' ');
}

/** Letters a recogniser confuses in Ukrainian speech (vowels it hears alike, soft signs it drops). */
const CONFUSABLE: Record<string, string> = {
  и: 'і',
  і: 'и',
  е: 'и',
  о: 'у',
  ь: '',
  г: 'х',
  д: 'т',
  з: 'с',
  в: 'у',
};

/** Substitutions, dropped and doubled letters, words run together, at `rate` per character. */
export function injectRecogniserErrors(text: string, rate: number, random: Random): string {
  return injectCharacterErrors(text, rate, random, {
    confusable: CONFUSABLE,
    spaceDropped: 0.5,
    substitute: 0.6,
    unlistedFallsThrough: true,
    drop: 0.8,
    double: 1,
  });
}

/**
 * Ukrainian as a Russian recogniser writes it: its и sounds like Russian ы, і like и, ї like йи,
 * є like е or йе, ґ and г as г. Applied to text already in recogniser spelling.
 */
export function inRussianLetters(text: string): string {
  return text
    .replace(/и/g, 'ы')
    .replace(/(^|[\sаеиоуяюєії])є/g, '$1йе')
    .replace(/є/g, 'е')
    .replace(/ї/g, 'йи')
    .replace(/і/g, 'и')
    .replace(/ґ/g, 'г');
}
