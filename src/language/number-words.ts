/**
 * Numbers in words, the one owner for Russian and English: publication says a protected phone
 * number aloud with it (src/publication/forms/number-forms.ts), and search spells a number the
 * ways a recogniser or a translator writes it (src/search/number-spellings.ts).
 */

export type NumberLanguage = 'ru' | 'en';

const RU_UNITS = ['ноль', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const RU_TEENS = ['десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать',
  'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать']; // prettier-ignore
const RU_TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят',
  'восемьдесят', 'девяносто']; // prettier-ignore
const RU_HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот',
  'восемьсот', 'девятьсот']; // prettier-ignore
const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const EN_TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen',
  'eighteen', 'nineteen']; // prettier-ignore
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** 0–999 in words: 916 → «девятьсот шестнадцать», "nine hundred sixteen". */
export function numberInWords(value: number, language: NumberLanguage): string {
  const [units, teens, tens] =
    language === 'ru' ? [RU_UNITS, RU_TEENS, RU_TENS] : [EN_UNITS, EN_TEENS, EN_TENS];
  if (value < 10) return units[value]!;
  const words: string[] = [];
  const hundreds = Math.floor(value / 100);
  if (hundreds > 0) words.push(language === 'ru' ? RU_HUNDREDS[hundreds]! : `${EN_UNITS[hundreds]} hundred`);
  const rest = value % 100;
  if (rest >= 10 && rest < 20) words.push(teens[rest - 10]!);
  else {
    if (rest >= 20) words.push(tens[Math.floor(rest / 10)]!);
    if (rest % 10 > 0) words.push(units[rest % 10]!);
  }
  return words.join(' ');
}

// Russian ordinals in the masculine nominative; the Russian stemmer reduces every case and
// gender of one to the same stem («двухсотый», «двухсотых», «двухсотые» → двухсот).
const RU_ORDINAL_UNITS = ['нулевой', 'первый', 'второй', 'третий', 'четвертый', 'пятый', 'шестой',
  'седьмой', 'восьмой', 'девятый']; // prettier-ignore
const RU_ORDINAL_TEENS = ['десятый', 'одиннадцатый', 'двенадцатый', 'тринадцатый', 'четырнадцатый',
  'пятнадцатый', 'шестнадцатый', 'семнадцатый', 'восемнадцатый', 'девятнадцатый']; // prettier-ignore
const RU_ORDINAL_TENS = ['', '', 'двадцатый', 'тридцатый', 'сороковой', 'пятидесятый', 'шестидесятый',
  'семидесятый', 'восьмидесятый', 'девяностый']; // prettier-ignore
const RU_ORDINAL_HUNDREDS = ['', 'сотый', 'двухсотый', 'трехсотый', 'четырехсотый', 'пятисотый',
  'шестисотый', 'семисотый', 'восьмисотый', 'девятисотый']; // prettier-ignore

/**
 * 0–999 as a Russian ordinal: the last word is the ordinal, the others stay cardinal
 * (237 → «двести тридцать седьмой», 200 → «двухсотый»).
 */
export function russianOrdinalInWords(value: number): string {
  if (value < 10) return RU_ORDINAL_UNITS[value]!;
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  if (rest === 0) return RU_ORDINAL_HUNDREDS[hundreds]!;
  const lead = hundreds > 0 ? `${RU_HUNDREDS[hundreds]} ` : '';
  if (rest < 10) return lead + RU_ORDINAL_UNITS[rest]!;
  if (rest < 20) return lead + RU_ORDINAL_TEENS[rest - 10]!;
  if (rest % 10 === 0) return lead + RU_ORDINAL_TENS[rest / 10]!;
  return `${lead}${RU_TENS[Math.floor(rest / 10)]!} ${RU_ORDINAL_UNITS[rest % 10]!}`;
}

/** Russian «тысяча» agreeing with its count: 1 тысяча, 2 тысячи, 5 тысяч, 11 тысяч, 41 тысяча. */
export function russianThousandsInWords(count: number): string {
  const words = numberInWords(count, 'ru').replace(/один$/, 'одна').replace(/два$/, 'две');
  const lastTwo = count % 100;
  const last = count % 10;
  const noun =
    lastTwo >= 11 && lastTwo <= 14
      ? 'тысяч'
      : last === 1
        ? 'тысяча'
        : last >= 2 && last <= 4
          ? 'тысячи'
          : 'тысяч';
  return `${words} ${noun}`;
}
