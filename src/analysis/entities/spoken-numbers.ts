import type { Token } from './tokens.ts';

/**
 * Numbers as they come out of a recogniser or a keyboard: digit tokens («916», «8-916-550»)
 * and Russian (plus basic Ukrainian) number words, cardinal and ordinal. Consecutive tokens are
 * split into groups the way a listener would hear them: «девятьсот шестнадцать» is one group
 * (916), «восемь девять один» three groups; phone and unit rules concatenate the groups' digits.
 */
export interface NumberGroup {
  firstToken: number;
  lastToken: number;
  value: number;
  /** Digits as written or heard; keeps leading zeros of digit tokens («08275»). */
  digits: string;
  ordinal: boolean;
  /** Whether the group was written in digits (a digit token, possibly with a suffix). */
  written: boolean;
}

type WordClass = 'unit' | 'teen' | 'ten' | 'hundred' | 'thousand';

const CARDINALS = new Map<string, number>([
  ['ноль', 0], ['нуль', 0], ['один', 1], ['одна', 1], ['одну', 1], ['одно', 1], ['два', 2], ['две', 2],
  ['три', 3], ['четыре', 4], ['пять', 5], ['шесть', 6], ['семь', 7], ['восемь', 8], ['девять', 9],
  ['десять', 10], ['одиннадцать', 11], ['двенадцать', 12], ['тринадцать', 13], ['четырнадцать', 14],
  ['пятнадцать', 15], ['шестнадцать', 16], ['семнадцать', 17], ['восемнадцать', 18],
  ['девятнадцать', 19], ['двадцать', 20], ['тридцать', 30], ['сорок', 40], ['пятьдесят', 50],
  ['шестьдесят', 60], ['семьдесят', 70], ['восемьдесят', 80], ['девяносто', 90], ['сто', 100],
  ['двести', 200], ['триста', 300], ['четыреста', 400], ['пятьсот', 500], ['шестьсот', 600],
  ['семьсот', 700], ['восемьсот', 800], ['девятьсот', 900],
  // Ukrainian digits and hundreds that differ from Russian ones.
  ['дві', 2], ['чотири', 4], ["п'ять", 5], ['шість', 6], ['сім', 7], ['вісім', 8], ["дев'ять", 9],
  ['двісті', 200], ['чотириста', 400], ["п'ятсот", 500], ['шістсот', 600], ['сімсот', 700],
  ['вісімсот', 800], ["дев'ятсот", 900], ['одинадцять', 11], ['дванадцять', 12], ['тринадцять', 13],
  ['чотирнадцять', 14], ["п'ятнадцять", 15], ['шістнадцять', 16], ['сімнадцять', 17], ['вісімнадцять', 18],
  ["дев'ятнадцять", 19], ['двадцять', 20], ['тридцять', 30], ["п'ятдесят", 50], ['шістдесят', 60],
  ['сімдесят', 70], ['вісімдесят', 80], ["дев'яносто", 90],
]); // prettier-ignore

const THOUSANDS = new Set(['тысяча', 'тысячи', 'тысяч', 'тисяча', 'тисячі', 'тисяч']);

// English number words, read only when a caller asks (publication searches English
// translations for spoken phone numbers; the entity rules read Russian transcripts only).
const ENGLISH_CARDINALS = new Map<string, number>([
  ['zero', 0], ['oh', 0], ['nought', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5],
  ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12],
  ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17],
  ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50],
  ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
]); // prettier-ignore
const ENGLISH_HUNDRED = 'hundred';
const ENGLISH_THOUSAND = 'thousand';

export interface NumberWordOptions {
  /** Also read English number words ("nine sixteen", "one hundred twenty three", "oh"). */
  english?: boolean;
}

// Ordinal stems; any adjective ending may follow («седьмой», «седьмого», «седьмая», «седьмую»).
const ORDINAL_STEMS: ReadonlyArray<readonly [string, number]> = [
  ['перв', 1], ['втор', 2], ['трет', 3], ['четверт', 4], ['пят', 5], ['шест', 6], ['седьм', 7],
  ['восьм', 8], ['девят', 9], ['десят', 10], ['одиннадцат', 11], ['двенадцат', 12], ['тринадцат', 13],
  ['четырнадцат', 14], ['пятнадцат', 15], ['шестнадцат', 16], ['семнадцат', 17], ['восемнадцат', 18],
  ['девятнадцат', 19], ['двадцат', 20], ['тридцат', 30], ['сороков', 40], ['пятидесят', 50],
  ['шестидесят', 60], ['семидесят', 70], ['восьмидесят', 80], ['девяност', 90], ['сот', 100],
  ['двухсот', 200], ['трехсот', 300], ['четырехсот', 400], ['пятисот', 500], ['шестисот', 600],
  ['семисот', 700], ['восьмисот', 800], ['девятисот', 900],
]; // prettier-ignore
const ORDINAL_ENDINGS = '(?:ый|ой|ий|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ей|ые|ие|ых|их|ыми|ими)';
const ORDINAL_PATTERN = new RegExp(`^(${ORDINAL_STEMS.map(([stem]) => stem).join('|')})${ORDINAL_ENDINGS}$`);
const ORDINAL_VALUES = new Map(ORDINAL_STEMS);

// «237-й», «76-я», «155-го», «200-х», «3-ий»: digits with a grammatical suffix.
const DIGIT_ORDINAL = /^(\d+)-(?:[а-я]{1,3})$/;
const DIGIT_RUN = /^\d+(?:[-/]\d+)*$/;

function classOf(value: number): WordClass {
  if (value < 10) return 'unit';
  if (value < 20) return 'teen';
  if (value < 100) return 'ten';
  return 'hundred';
}

// Which word class may follow which inside one spoken number («сто двадцать три»).
const MAY_FOLLOW: Record<WordClass, ReadonlySet<WordClass>> = {
  hundred: new Set(['ten', 'teen', 'unit']),
  ten: new Set(['unit']),
  teen: new Set(),
  unit: new Set(),
  thousand: new Set(['hundred', 'ten', 'teen', 'unit']),
};

// «третий» declines on a soft stem that the shared endings above do not cover.
const THIRD = /^трет(?:ий|ья|ье|ьего|ьему|ьим|ьем|ью|ьей|ьи|ьих|ьими)$/;

export function ordinalValue(norm: string): number | undefined {
  if (THIRD.test(norm)) return 3;
  const match = ORDINAL_PATTERN.exec(norm);
  return match ? ORDINAL_VALUES.get(match[1]!) : undefined;
}

export function isNumberToken(token: Token): boolean {
  const norm = token.norm;
  return (
    DIGIT_RUN.test(norm) ||
    DIGIT_ORDINAL.test(norm) ||
    CARDINALS.has(norm) ||
    THOUSANDS.has(norm) ||
    ordinalValue(norm) !== undefined
  );
}

interface OpenGroup {
  group: NumberGroup;
  last: WordClass;
  /** Value below the thousands multiplier, so «двадцать две тысячи сто» adds up right. */
  small: number;
}

function close(open: OpenGroup | undefined, out: NumberGroup[]): undefined {
  if (open) out.push(open.group);
  return undefined;
}

/** Splits the number tokens of a token list into heard groups, in text order. */
export function numberGroups(tokens: readonly Token[], options: NumberWordOptions = {}): NumberGroup[] {
  const out: NumberGroup[] = [];
  let open: OpenGroup | undefined;
  for (const token of tokens) {
    const norm = token.norm;
    // "nine hundred": the unit before it becomes hundreds, and tens or units may follow.
    // "nine hundred", "forty one thousand six hundred": the unit before it becomes hundreds
    // (after any thousands), and tens or units may follow.
    if (options.english && norm === ENGLISH_HUNDRED) {
      const unitBefore = open && open.last === 'unit' && open.small > 0 && open.small < 10;
      if (open && unitBefore && open.group.lastToken === token.index - 1) {
        const value = open.group.value - open.small + open.small * 100;
        open.group = { ...open.group, lastToken: token.index, value, digits: String(value) };
        open.last = 'hundred';
        open.small *= 100;
      } else open = close(open, out);
      continue;
    }
    const digitOrdinal = DIGIT_ORDINAL.exec(norm);
    if (DIGIT_RUN.test(norm) || digitOrdinal) {
      open = close(open, out);
      const digits = digitOrdinal ? digitOrdinal[1]! : norm.replace(/[-/]/g, '');
      out.push({
        firstToken: token.index,
        lastToken: token.index,
        value: Number(digits),
        digits,
        ordinal: Boolean(digitOrdinal),
        written: true,
      });
      continue;
    }
    const ordinal = ordinalValue(norm);
    const cardinal = CARDINALS.get(norm) ?? (options.english ? ENGLISH_CARDINALS.get(norm) : undefined);
    const value = ordinal ?? cardinal;
    const adjacent = open !== undefined && open.group.lastToken === token.index - 1;
    if (THOUSANDS.has(norm) || (options.english && norm === ENGLISH_THOUSAND)) {
      if (open && adjacent && open.last !== 'thousand' && open.small < 1000) {
        const total = (open.group.value - open.small + Math.max(open.small, 1)) * 1000;
        open.group = { ...open.group, lastToken: token.index, value: total, digits: String(total) };
        open.last = 'thousand';
        open.small = 0;
      } else {
        open = close(open, out);
        open = {
          group: {
            firstToken: token.index,
            lastToken: token.index,
            value: 1000,
            digits: '1000',
            ordinal: false,
            written: false,
          },
          last: 'thousand',
          small: 0,
        };
      }
      continue;
    }
    if (value === undefined) {
      open = close(open, out);
      continue;
    }
    const wordClass = classOf(value);
    const joins = open && adjacent && value !== 0 && MAY_FOLLOW[open.last].has(wordClass);
    if (open && joins) {
      const total = open.group.value + value;
      open.group = {
        ...open.group,
        lastToken: token.index,
        value: total,
        digits: String(total),
        ordinal: ordinal !== undefined,
      };
      open.last = wordClass;
      open.small += value;
    } else {
      open = close(open, out);
      open = {
        group: {
          firstToken: token.index,
          lastToken: token.index,
          value,
          digits: String(value),
          ordinal: ordinal !== undefined,
          written: false,
        },
        last: wordClass,
        small: value,
      };
    }
    // An ordinal word ends the number: «двести тридцать седьмой».
    if (ordinal !== undefined || value === 0) open = close(open, out);
  }
  close(open, out);
  return out;
}
