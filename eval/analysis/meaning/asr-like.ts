import { numberInWords } from '../../../src/language/number-words.ts';
import { seededRandom } from '../../../src/analysis/classifier/training/train-linear.ts';

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

function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

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
  const random = seededRandom(seedOf(text));
  let out = '';
  for (const char of text) {
    if (random() >= rate) {
      out += char;
      continue;
    }
    const roll = random();
    if (char === ' ') out += roll < 0.5 ? '' : ' ';
    else if (roll < 0.55) out += CONFUSABLE[char] ?? char;
    else if (roll < 0.8) out += '';
    else if (roll < 0.9) out += char + char;
    else out += `${char} `;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The recogniser form of any text: styled, then errors injected. */
export function asrLike(text: string): string {
  return injectErrors(recogniserStyle(text));
}
