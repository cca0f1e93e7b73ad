import type { Annotation } from './ground-truth.ts';

// Call scripts are written in a small inline markup so that annotation offsets are computed,
// never counted by hand:
//   [surface](kind:label=value; kind:label)   one or more annotations on `surface`
//   {written|spoken}                           written form in `text`, spoken form in `spoken`
// A `{…|…}` may sit inside `[…]`. Everything else is copied to both forms.

export interface ParsedUtterance {
  text: string;
  spoken: string;
  /** What espeak-ng is given: the spoken words with the written punctuation (for pauses and
   *  intonation), lowercased so that abbreviations are read as words, never spelled out. */
  voiceText: string;
  annotations: Annotation[];
}

const ANNOTATION_KINDS = new Set<Annotation['kind']>([
  'code_word',
  'category',
  'person',
  'place',
  'unit',
  'phone',
  'call_sign',
]);

export function parseMarkup(source: string): ParsedUtterance {
  let text = '';
  let spokenRaw = '';
  const annotations: Annotation[] = [];
  let openAt: number | undefined;
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '{') {
      const close = source.indexOf('}', i);
      const body = close < 0 ? '' : source.slice(i + 1, close);
      const bar = body.indexOf('|');
      if (close < 0 || bar < 0) throw new Error(`unclosed or bar-less {written|spoken} in: ${source}`);
      text += body.slice(0, bar);
      spokenRaw += ` ${body.slice(bar + 1)} `;
      i = close + 1;
    } else if (ch === '[') {
      if (openAt !== undefined) throw new Error(`nested [ in: ${source}`);
      openAt = text.length;
      i += 1;
    } else if (ch === ']') {
      if (openAt === undefined || source[i + 1] !== '(') throw new Error(`stray ] in: ${source}`);
      const close = source.indexOf(')', i);
      if (close < 0) throw new Error(`unclosed (spec) in: ${source}`);
      const surface = text.slice(openAt, text.length);
      for (const spec of source.slice(i + 2, close).split(';')) {
        annotations.push(parseSpec(spec.trim(), openAt, text.length, surface, source));
      }
      openAt = undefined;
      i = close + 1;
    } else {
      text += ch;
      spokenRaw += ch;
      i += 1;
    }
  }
  if (openAt !== undefined) throw new Error(`unclosed [ in: ${source}`);
  const spoken = normaliseSpoken(spokenRaw);
  if (!/^[а-еж-я]+( [а-еж-я]+)*$/.test(spoken)) {
    throw new Error(`spoken form has characters the recogniser cannot output: "${spoken}" (from: ${source})`);
  }
  // espeak-ng spells out words it cannot pronounce; then the audio would not say `spoken`.
  const unpronounceable = spoken.split(' ').find((word) => word.length > 1 && !/[аеиоуыэюя]/.test(word));
  if (unpronounceable) {
    throw new Error(`"${unpronounceable}" has no vowel: give its spoken form with {written|spoken} (in: ${source})`);
  }
  const voiceText = spokenRaw.toLowerCase().replace(/\s+/g, ' ').trim();
  return { text, spoken, voiceText, annotations };
}

function parseSpec(spec: string, start: number, end: number, surface: string, source: string): Annotation {
  const match = /^(\w+):(\w+)(?:=(.+))?$/.exec(spec);
  if (!match) throw new Error(`bad annotation spec "${spec}" in: ${source}`);
  const [, kind = '', label = '', rawValue] = match;
  if (!ANNOTATION_KINDS.has(kind as Annotation['kind'])) {
    throw new Error(`unknown annotation kind "${kind}" in: ${source}`);
  }
  const annotation: Annotation = { start, end, surface, kind: kind as Annotation['kind'], label };
  if (rawValue !== undefined) {
    // Counts (of casualties, refusers…) are numbers; unit numbers and phones stay strings.
    const isCount = (kind === 'code_word' || kind === 'category') && /^\d+$/.test(rawValue);
    annotation.value = isCount ? Number(rawValue) : rawValue;
  }
  return annotation;
}

/** Lowercase, ё→е, hyphens and punctuation to spaces, single spaces: the recogniser's alphabet. */
export function normaliseSpoken(raw: string): string {
  return raw
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const UNITS = ['ноль', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const TEENS = [
  'десять',
  'одиннадцать',
  'двенадцать',
  'тринадцать',
  'четырнадцать',
  'пятнадцать',
  'шестнадцать',
  'семнадцать',
  'восемнадцать',
  'девятнадцать',
];
const TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];

/** Cardinal number in words, nominative masculine, 0–999 999. */
export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) throw new Error(`numberToWords: out of range: ${n}`);
  if (n === 0) return UNITS[0] ?? '';
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const words: string[] = [];
  if (thousands > 0) {
    const lastTwo = thousands % 100;
    const last = thousands % 10;
    const feminine = lastTwo >= 10 && lastTwo < 20 ? underThousand(thousands) : underThousand(thousands, true);
    words.push(feminine);
    if (lastTwo >= 10 && lastTwo < 20) words.push('тысяч');
    else if (last === 1) words.push('тысяча');
    else if (last >= 2 && last <= 4) words.push('тысячи');
    else words.push('тысяч');
  }
  if (rest > 0) words.push(underThousand(rest));
  return words.filter(Boolean).join(' ');
}

function underThousand(n: number, feminine = false): string {
  const words = [HUNDREDS[Math.floor(n / 100)] ?? ''];
  const lastTwo = n % 100;
  if (lastTwo >= 10 && lastTwo < 20) words.push(TEENS[lastTwo - 10] ?? '');
  else {
    words.push(TENS[Math.floor(lastTwo / 10)] ?? '');
    const unit = lastTwo % 10;
    if (unit > 0) words.push(feminine && unit === 1 ? 'одна' : feminine && unit === 2 ? 'две' : (UNITS[unit] ?? ''));
  }
  return words.filter(Boolean).join(' ');
}

/** Digits read one by one, as people dictate phone numbers. */
export function digitsToWords(digits: string): string {
  return [...digits.replace(/\D/g, '')].map((d) => UNITS[Number(d)] ?? '').join(' ');
}
