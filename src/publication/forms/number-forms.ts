import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { numberInWords, type NumberLanguage } from '../../language/number-words.ts';
import type { FormOrigin } from '../protected-identity.ts';

/**
 * The forms of a phone number, cell id or unit number: its digits with the national and
 * international prefixes (the matcher compares digit strings, so any grouping or separator is
 * found: «+7 916 123-45-67», «8(916)1234567»), and how it is said aloud in Russian and English,
 * digit by digit and in the groups people dictate numbers in (3-3-2-2).
 */

export interface NumberForm {
  text: string;
  origin: Extract<FormOrigin, 'as-entered' | 'number-grouping' | 'number-words'>;
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
