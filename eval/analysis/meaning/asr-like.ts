import { numberInWords } from '../../../src/language/number-words.ts';
import { hashSeed, seededRandom } from '../../../src/analysis/seeded-random.ts';
import { injectCharacterErrors } from '../../../tools/analysis-corpus/asr-style.ts';

/**
 * Text as the test recogniser would write it: lower case, ё as е, numbers as words, no
 * punctuation, then character errors injected at the recogniser's measured character error rate
 * (test-asr-ru int8 on the demo calls: 4.56 %, docs/benchmarks.md). Errors are of the kinds a
 * character CTC model makes: a confusable letter, a dropped letter, a doubled letter, a merged or
 * split word. Seeded per text, so the same text always gets the same errors.
 */
export const RECOGNISER_CER = 0.0456;

const CONFUSABLE: Record<string, string> = {
  о: 'а', а: 'о', е: 'и', и: 'е', я: 'е', ы: 'и', ю: 'у', т: 'д', д: 'т', з: 'с', с: 'з', б: 'п',
  п: 'б', в: 'ф', ф: 'в', г: 'к', к: 'г', ж: 'ш', ш: 'ж', щ: 'ш', ц: 'с', ч: 'щ', ь: '', й: '',
}; // prettier-ignore

export function recogniserStyle(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/\d+/g, (digits) => {
      const value = Number(digits);
      return value < 1000
        ? ` ${numberInWords(value, 'ru')} `
        : ` ${digits
            .split('')
            .map((d) => numberInWords(Number(d), 'ru'))
            .join(' ')} `;
    })
    .replace(/[^\p{L}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function injectErrors(text: string, rate: number = RECOGNISER_CER): string {
  return injectCharacterErrors(text, rate, seededRandom(hashSeed(text)), {
    confusable: CONFUSABLE,
    spaceDropped: 0.5,
    substitute: 0.55,
    unlistedFallsThrough: false,
    drop: 0.8,
    double: 0.9,
  });
}

/** The recogniser form of any text: styled, then errors injected. */
export function asrLike(text: string): string {
  return injectErrors(recogniserStyle(text));
}
