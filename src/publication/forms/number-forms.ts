import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { numberInWords, russianThousandsInWords, type NumberLanguage } from '../../language/number-words.ts';
import type { FormOrigin } from '../protected-identity.ts';
import { CASES } from './inflection.ts';

/**
 * The forms of a phone number, cell id or unit number: its digits with the national and
 * international prefixes (the matcher compares digit strings, so any grouping or separator is
 * found: «+7 916 123-45-67», «8(916)1234567»), and how it is said aloud in Russian and English,
 * digit by digit and in the groups people dictate numbers in (3-3-2-2).
 */

export interface NumberForm {
  text: string;
  origin: Extract<
    FormOrigin,
    'as-entered' | 'inflection' | 'translation' | 'number-grouping' | 'number-words'
  >;
  detail: string;
}

type Language = NumberLanguage;

/** A digit group as said aloud; leading zeros are said one by one («05» → «ноль пять»). */
function groupInWords(group: string, language: Language): string {
  const zeros = /^0*/.exec(group)![0];
  const said: string[] = [...zeros].map(() => (language === 'ru' ? 'ноль' : 'zero'));
  if (zeros.length < group.length) said.push(numberInWords(Number(group.slice(zeros.length)), language));
  return said.join(' ');
}

/** Splits a national number the way it is dictated: 3-3-2-2 for ten digits, pairs at the end. */
function dictationGroups(digits: string): string[] {
  const groups: string[] = [];
  let rest = digits;
  while (rest.length > 4) {
    groups.push(rest.slice(0, 3));
    rest = rest.slice(3);
    if (groups.length === 2) break;
  }
  while (rest.length > 3) {
    groups.push(rest.slice(0, 2));
    rest = rest.slice(2);
  }
  if (rest) groups.push(rest);
  return groups;
}

function spokenForms(prefix: { ru: string; en: string } | undefined, digits: string): NumberForm[] {
  const forms: NumberForm[] = [];
  for (const language of ['ru', 'en'] as const) {
    const lead = prefix ? `${prefix[language]} ` : '';
    const oneByOne = [...digits].map((d) => groupInWords(d, language)).join(' ');
    const grouped = dictationGroups(digits)
      .map((g) => groupInWords(g, language))
      .join(' ');
    forms.push({
      text: lead + oneByOne,
      origin: 'number-words',
      detail: `${language} words, digit by digit`,
    });
    forms.push({ text: lead + grouped, origin: 'number-words', detail: `${language} words, in groups` });
  }
  return forms;
}

/** A phone number's forms; the label may be E.164 or as a person typed it (Russian default). */
export function phoneForms(label: string): NumberForm[] {
  const parsed = parsePhoneNumberFromString(label, 'RU');
  const allDigits = label.replace(/\D/g, '');
  const forms: NumberForm[] = [{ text: allDigits, origin: 'as-entered', detail: 'digits' }];
  if (!parsed) return [...forms, ...spokenForms(undefined, allDigits)];
  const country = parsed.countryCallingCode;
  const national = parsed.nationalNumber;
  const trunk = country === '7' ? '8' : '0';
  const add = (text: string, detail: string): void => {
    forms.push({ text, origin: 'number-grouping', detail });
  };
  add(`${country}${national}`, 'international digits');
  add(`${trunk}${national}`, `national, trunk prefix ${trunk}`);
  add(national, 'national number');
  add(parsed.formatInternational().toLowerCase(), 'international grouping');
  add(parsed.formatNational().toLowerCase(), 'national grouping');
  // The subscriber part alone is how a number already known by its code is repeated.
  if (national.length >= 9) add(national.slice(-7), 'subscriber number');
  const plus = { ru: `плюс ${groupInWords(country, 'ru')}`, en: `plus ${groupInWords(country, 'en')}` };
  const trunkWords = { ru: groupInWords(trunk, 'ru'), en: groupInWords(trunk, 'en') };
  return [
    ...forms,
    ...spokenForms(plus, national),
    ...spokenForms(trunkWords, national),
    ...spokenForms(undefined, national),
  ];
}

/** A cell id's or unit's number: all its digits, and each run of four or more on its own. */
export function digitForms(label: string): NumberForm[] {
  const runs = label.match(/\d+/g) ?? [];
  const all = runs.join('');
  if (all.length === 0) return [];
  const forms: NumberForm[] = [{ text: all, origin: 'number-grouping', detail: 'digits' }];
  for (const run of runs)
    if (run.length >= 4 && run !== all) forms.push({ text: run, origin: 'number-grouping', detail: 'part' });
  return [...forms, ...spokenForms(undefined, all)];
}

/** 0–999,999 read out whole: 41698 → «сорок одна тысяча шестьсот девяносто восемь». */
export function wholeNumberInWords(value: number, language: Language): string {
  if (value < 1000) return numberInWords(value, language);
  const thousands = Math.floor(value / 1000);
  const rest = value % 1000;
  const head =
    language === 'ru' ? russianThousandsInWords(thousands) : `${numberInWords(thousands, 'en')} thousand`;
  return rest === 0 ? head : `${head} ${numberInWords(rest, language)}`;
}

/**
 * A military unit's number, when the label is one («в/ч 41698», «вч-41698», «войсковая часть
 * 41698», "military unit 41698", or the number alone): four to six digits.
 */
const UNIT_NUMBER_LABEL =
  /^(?:(?:в\s*[/.]?\s*ч\.?|(?:войсковая|воинская)\s+часть|(?:military\s+)?unit)\s*(?:№|#|no\.?|номер)?\s*[-–]?\s*)?(\d{4,6})$/iu;

export function unitNumber(label: string): string | undefined {
  return UNIT_NUMBER_LABEL.exec(label.trim())?.[1];
}

// «войсковая часть» and «воинская часть» by case (CASES order): the dictionary's guesses for this
// fixed phrase include forms nobody writes, so its six cases are spelled out.
const PART_ADJECTIVE_ENDINGS = ['ая', 'ой', 'ой', 'ую', 'ой', 'ой'];
const PART_NOUN_CASES = ['часть', 'части', 'части', 'часть', 'частью', 'части'];

/**
 * Every way a unit number is written and said: «в/ч 41698» and «вч 41698» (the same in every
 * case), «войсковая часть 41698» and «воинская часть 41698» in each case, "military unit 41698"
 * and "unit 41698", the number in digits and grouped in thousands, and the number said whole,
 * in pairs and triples, and digit by digit, in Russian and English.
 */
export function unitNumberForms(digits: string): NumberForm[] {
  const forms: NumberForm[] = [];
  for (const abbreviation of ['в/ч', 'вч'])
    forms.push({
      text: `${abbreviation} ${digits}`,
      origin: 'inflection',
      detail: 'abbreviation, every case',
    });
  CASES.forEach((name, index) => {
    for (const stem of ['войсков', 'воинск']) {
      const phrase = `${stem}${PART_ADJECTIVE_ENDINGS[index]} ${PART_NOUN_CASES[index]}`;
      forms.push({ text: `${phrase} ${digits}`, origin: 'inflection', detail: name });
    }
  });
  for (const name of ['military unit', 'unit'])
    forms.push({ text: `${name} ${digits}`, origin: 'translation', detail: 'English' });
  forms.push({ text: digits, origin: 'number-grouping', detail: 'digits' });
  forms.push({
    text: `${digits.slice(0, -3)} ${digits.slice(-3)}`,
    origin: 'number-grouping',
    detail: 'thousands grouped',
  });
  for (const language of ['ru', 'en'] as const) {
    forms.push({
      text: wholeNumberInWords(Number(digits), language),
      origin: 'number-words',
      detail: `${language} words, whole number`,
    });
    const pairs = [digits.slice(0, -3), digits.slice(-3)].map((g) => groupInWords(g, language)).join(' ');
    forms.push({ text: pairs, origin: 'number-words', detail: `${language} words, thousands then the rest` });
  }
  return [...forms, ...spokenForms(undefined, digits)];
}
