import { extractEntities } from '../analysis/entities/extract-entities.ts';
import { normaliseWord } from '../analysis/matching/normalise.ts';
import { cyrillicToLatin } from '../language/transliteration.ts';

/**
 * A quality estimate for a machine translation, made from the two texts alone (no reference
 * translation exists, and no English→Russian model is installed for a round trip). Each check
 * finds a kind of failure a small translator is known for; a translation that fails any of them
 * is marked "check this translation". Passing them all does not make a translation right: an
 * English sentence of the right length, in English, with the right numbers can still say
 * something else (docs/models.md, "Translation quality estimate").
 */

export type TranslationQualityIssue =
  /** The Russian says something and the English is empty. */
  | 'empty'
  /** Most letters of the "English" are Cyrillic: the model copied its input. */
  | 'not-english'
  /** Far longer or shorter than the Russian: text invented or dropped. */
  | 'length'
  /** The same word or pair of words over and over: the model looped. */
  | 'repetition'
  /** A number in the English that the Russian does not say: invented content. */
  | 'numbers'
  /** A person or place the Russian names is missing from the English. */
  | 'names';

export interface TranslationQuality {
  /** True when any check failed: the desk marks the translation "check this translation". */
  doubtful: boolean;
  issues: TranslationQualityIssue[];
}

// Measured on the demo corpus's good translations (English letters per Russian letter, recogniser
// output without punctuation against punctuated English): 0.8–1.9. Only far outside that is odd,
// and only once the Russian is long enough for a ratio to mean anything.
const MIN_LENGTH_RATIO = 0.35;
const MAX_LENGTH_RATIO = 3;
const MIN_LETTERS_FOR_RATIO = 12;
const MAX_CYRILLIC_SHARE = 0.3;
const MAX_SAME_WORD_RUN = 3;

const ENGLISH_UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const ENGLISH_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ENGLISH_NUMBER_WORDS = new Map<string, number>([
  ...ENGLISH_UNITS.map((w, i) => [w, i] as const),
  ...ENGLISH_TENS.flatMap((w, i) => (w ? [[w, i * 10] as const] : [])),
  ['hundred', 100],
  ['thousand', 1000],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['fifth', 5],
]);
// "one" is a pronoun as often as a number ("the one who", "no one"): it proves nothing.
const AMBIGUOUS_ENGLISH = new Set(['one']);

// The stems of each Russian number word in any case, as cardinal, collective or ordinal. They are
// looked for in the Russian with its spaces removed: the recogniser glues and splits words
// («тебетретий», «в торой»), and a number it heard must not read as one the English invented.
const RUSSIAN_NUMBER_STEMS: Record<number, RegExp> = {
  0: /нол|нул/,
  1: /один|одн|перв/,
  2: /два|две|двух|двое|двои|втор|пар/,
  3: /три|трех|трое|трои|трет/,
  4: /четыр|четвер|четве/,
  5: /пят/,
  6: /шест/,
  7: /сем|седьм/,
  8: /восем|восьм/,
  9: /девят/,
  10: /десят|десяток/,
  11: /одиннадцат/,
  12: /двенадцат/,
  13: /тринадцат/,
  14: /четырнадцат/,
  15: /пятнадцат/,
  16: /шестнадцат/,
  17: /семнадцат/,
  18: /восемнадцат/,
  19: /девятнадцат/,
  20: /двадцат/,
  30: /тридцат/,
  40: /сорок/,
  50: /пятьдесят|пятидесят/,
  60: /шестьдесят|шестидесят/,
  70: /семьдесят|семидесят/,
  80: /восемьдесят|восьмидесят/,
  90: /девяност/,
  100: /сто|сот/,
  200: /двест|двухсот/,
  300: /трист|трехсот/,
  400: /четырест|четырехсот/,
  500: /пятьсот|пятисот/,
  1000: /тысяч/,
};

function letters(text: string): string[] {
  return [...text].filter((c) => /\p{L}/u.test(c));
}

function russianSays(value: number, compact: string, digitValues: ReadonlySet<number>): boolean {
  if (digitValues.has(value)) return true;
  const stem = RUSSIAN_NUMBER_STEMS[value];
  if (stem) return stem.test(compact);
  // 916, 2022, 08275: dictated digit by digit, or a compound; every digit but 0 must be heard.
  return [...String(value)].every((d) => d === '0' || RUSSIAN_NUMBER_STEMS[Number(d)]!.test(compact));
}

/** Numbers the English says that the Russian does not. */
export function inventedNumbers(russian: string, english: string): number[] {
  const normalised = russian.toLowerCase().replaceAll('ё', 'е');
  const compact = normalised.replace(/[^\p{L}\p{N}]/gu, '');
  const digitValues = new Set((normalised.match(/\d+/g) ?? []).map(Number));
  const invented: number[] = [];
  for (const word of english.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const value = /^\d+$/.test(word) ? Number(word) : ENGLISH_NUMBER_WORDS.get(word);
    if (value === undefined || AMBIGUOUS_ENGLISH.has(word)) continue;
    if (!russianSays(value, compact, digitValues)) invented.push(value);
  }
  return invented;
}

// Romanisations differ (Лёха: Lyokha, Lekha; Макс: Max, Maks; Харьков: Kharkiv, Harkov): names
// are compared by the first three consonants after the first letter is kept.
function nameKey(latin: string): string {
  const letters = latin
    .toLowerCase()
    .replace(/kh/g, 'h')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/[^a-z]/g, '');
  return (letters.slice(0, 1) + letters.slice(1).replace(/[aeiouyj]/g, '')).slice(0, 3);
}

/** People and places the Russian names that no English word spells. */
export function missingNames(russian: string, english: string): string[] {
  const englishKeys = new Set((english.match(/\p{L}+/gu) ?? []).map(nameKey));
  const missing: string[] = [];
  for (const entity of extractEntities(russian)) {
    if (entity.kind !== 'person' && entity.kind !== 'place') continue;
    const spellings = [entity.value, entity.surface].flatMap((form) =>
      /\p{Script=Cyrillic}/u.test(form) ? cyrillicToLatin(normaliseWord(form.split(' ')[0]!)) : [form],
    );
    if (!spellings.some((s) => englishKeys.has(nameKey(s)))) missing.push(entity.value);
  }
  return missing;
}

function loops(english: string): boolean {
  const words = english.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  let run = 1;
  for (let i = 1; i < words.length; i++) {
    run = words[i] === words[i - 1] ? run + 1 : 1;
    if (run >= MAX_SAME_WORD_RUN) return true;
  }
  // "we are meat assaults are meat assaults": a pair of words repeated.
  for (let i = 3; i < words.length; i++) {
    if (words[i] === words[i - 2] && words[i - 1] === words[i - 3] && words[i] !== words[i - 1]) {
      const pair = `${words[i - 1]} ${words[i]}`;
      const count = english.toLowerCase().split(pair).length - 1;
      if (count >= 2) return true;
    }
  }
  return false;
}

/** The quality estimate of one machine translation of a Russian segment. */
export function estimateTranslationQuality(russian: string, english: string | null): TranslationQuality {
  const issues: TranslationQualityIssue[] = [];
  const sourceLetters = letters(russian);
  const targetLetters = letters(english ?? '');
  if (sourceLetters.length > 0 && targetLetters.length === 0) {
    return { doubtful: true, issues: ['empty'] };
  }
  const cyrillic = targetLetters.filter((c) => /\p{Script=Cyrillic}/u.test(c)).length;
  if (targetLetters.length > 0 && cyrillic / targetLetters.length > MAX_CYRILLIC_SHARE)
    issues.push('not-english');
  if (sourceLetters.length >= MIN_LETTERS_FOR_RATIO) {
    const ratio = targetLetters.length / sourceLetters.length;
    if (ratio < MIN_LENGTH_RATIO || ratio > MAX_LENGTH_RATIO) issues.push('length');
  }
  if (loops(english ?? '')) issues.push('repetition');
  if (inventedNumbers(russian, english ?? '').length > 0) issues.push('numbers');
  if (missingNames(russian, english ?? '').length > 0) issues.push('names');
  return { doubtful: issues.length > 0, issues };
}

// Translations and segments are write-once, so an estimate never changes: keep the recent ones
// (the entity extraction behind the names check costs a few milliseconds a segment).
const CACHE_LIMIT = 20_000;
const cache = new Map<string, TranslationQuality>();

/** estimateTranslationQuality for a stored translation of a stored segment, remembered. */
export function storedTranslationQuality(
  translationId: string,
  russian: string,
  english: string | null,
): TranslationQuality {
  const key = `${translationId}\u0000${russian}`;
  const known = cache.get(key);
  if (known) return known;
  const quality = estimateTranslationQuality(russian, english);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, quality);
  return quality;
}
