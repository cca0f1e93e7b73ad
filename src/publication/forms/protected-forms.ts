import {
  cyrillicToLatin,
  latinToCyrillic,
  romanise,
  ROMANISATION_SYSTEMS,
} from '../../language/transliteration.ts';
import type { ProtectedForm, ProtectedIdentity } from '../protected-identity.ts';
import { formKeys, formText } from './form-text.ts';
import { CASES, phraseCaseForms, placeCaseForms, type CaseForms } from './inflection.ts';
import { ENGLISH_FIRST_NAMES, UKRAINIAN_FIRST_NAMES, firstNameFamily } from './name-tables.ts';
import { digitForms, phoneForms, unitNumber, unitNumberForms } from './number-forms.ts';
import { nameParts, personForms } from './person-forms.ts';

/**
 * Every form a reader or listener would recognise a protected identity by: the inflections of
 * a name or place, pet names, the romanisations into English (BGN/PCGN, ISO 9, the Ukrainian
 * national system and common English spellings), Cyrillic spellings of a name entered in Latin,
 * and a number's digits and spoken words. The matcher finds these; redaction and the leak check
 * only ask the matcher.
 */

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const MAX_COMMON_SPELLINGS = 6;

export function protectedForms(identity: ProtectedIdentity): ProtectedForm[] {
  const forms = new FormList(identity.id);
  forms.add(identity.label, 'as-entered');
  switch (identity.kind) {
    case 'person':
      addPerson(identity, forms);
      break;
    case 'place':
      for (const name of [identity.label, ...(identity.otherNames ?? [])]) {
        addCases(placeCaseForms(name), forms);
        addUkrainianPlace(name, forms);
      }
      break;
    case 'call_sign':
      for (const name of [identity.label, ...(identity.otherNames ?? [])])
        addCases(phraseCaseForms(name), forms);
      break;
    case 'unit':
      addUnit(identity, forms);
      break;
    case 'phone':
      for (const form of phoneForms(identity.label)) forms.add(form.text, form.origin, form.detail);
      return forms.list();
    case 'cell_id':
      for (const form of digitForms(identity.label)) forms.add(form.text, form.origin, form.detail);
      return forms.list();
    case 'voice':
      // A voice is heard, not written: the audio side protects it.
      return [];
  }
  addTransliterations(forms);
  return forms.list();
}

function addUnit(identity: ProtectedIdentity, forms: FormList): void {
  const number = unitNumber(identity.label);
  // A unit number's names are spelled out by unitNumberForms; other labels are declined.
  const names = number ? [] : [identity.label];
  for (const name of [...names, ...(identity.otherNames ?? [])]) addCases(phraseCaseForms(name), forms);
  if (number) {
    for (const form of unitNumberForms(number)) forms.add(form.text, form.origin, form.detail);
  } else if (identity.label.replace(/\D/g, '').length >= 4) {
    // A formation's number alone names it only when long; «155» is also a calibre.
    for (const form of digitForms(identity.label)) forms.add(form.text, form.origin, form.detail);
  }
}

/** Forms without repeats, in the order they were added (entered, inflected, transliterated). */
class FormList {
  private readonly byText = new Map<string, ProtectedForm>();
  constructor(private readonly identityId: string) {}

  add(raw: string, origin: ProtectedForm['origin'], detail?: string): void {
    const text = formText(raw);
    if (formKeys(text).length === 0 || this.byText.has(text)) return;
    this.byText.set(text, { identityId: this.identityId, text, origin, ...(detail ? { detail } : {}) });
  }

  list(): ProtectedForm[] {
    return [...this.byText.values()];
  }
}

function addCases(cases: CaseForms, forms: FormList): void {
  cases.forEach((options, index) => {
    for (const text of options) forms.add(text, index === 0 ? 'as-entered' : 'inflection', CASES[index]);
  });
}

function addPerson(identity: ProtectedIdentity, forms: FormList): void {
  const person = nameParts(identity);
  for (const form of personForms(identity)) forms.add(form.text, form.origin, form.detail);
  // A name entered in Latin letters (John, Kovalenko) is declined in its Cyrillic spelling too.
  const cyrillic = cyrillicPerson(person);
  if (cyrillic) {
    for (const form of personForms({ ...identity, person: cyrillic })) {
      forms.add(form.text, 'transliteration', `Cyrillic spelling, ${form.detail}`);
    }
  }
  for (const other of person.otherNames ?? []) forms.add(other, 'as-entered', 'other name');
  const surname = formText(person.surname ?? '');
  const surnameLatin = surname ? latinSpellings(surname) : [''];
  // The Ukrainian and English names of the full first name, also when a pet name was entered.
  for (const first of firstNameFamily(formText(person.firstName ?? '')).fullNames) {
    addFirstNameSpellings(first, surname, surnameLatin, forms);
  }
}

function addFirstNameSpellings(
  first: string,
  surname: string,
  surnameLatin: string[],
  forms: FormList,
): void {
  const ukrainian = UKRAINIAN_FIRST_NAMES[first];
  if (ukrainian) {
    forms.add(ukrainian, 'diminutive', 'Ukrainian form');
    if (surname) forms.add(`${ukrainian} ${surname}`, 'diminutive', 'Ukrainian form');
    const latin = romanise(ukrainian, 'Ukrainian national');
    forms.add(latin, 'transliteration', 'Ukrainian national');
    for (const s of surnameLatin) if (s) forms.add(`${latin} ${s}`, 'transliteration', 'Ukrainian national');
  }
  for (const english of ENGLISH_FIRST_NAMES[first] ?? []) {
    forms.add(english, 'transliteration', 'common English spelling');
    for (const s of surnameLatin)
      if (s) forms.add(`${english} ${s}`, 'transliteration', 'common English spelling');
  }
}

// Ukrainian spellings of a Russian place name (Харьков → Харків, Купянск → Купянськ,
// Русская Лозовая → Руська Лозова), whose Ukrainian national romanisation English news uses.
function addUkrainianPlace(label: string, forms: FormList): void {
  const text = formText(label);
  if (!CYRILLIC.test(text)) return;
  const ukrainian = text
    .split(' ')
    .map((word) =>
      word
        .replace(/с?ская$/, 'ська')
        .replace(/цкая$/, 'цька')
        .replace(/ский$/, 'ський')
        .replace(/ая$/, 'а')
        .replace(/ьков$/, 'ков')
        .replace(/[оe]в$/, 'ів')
        .replace(/ск$/, 'ськ')
        .replace(/ы/g, 'и'),
    )
    .join(' ');
  forms.add(ukrainian, 'transliteration', 'Ukrainian spelling');
  forms.add(romanise(ukrainian, 'Ukrainian national'), 'transliteration', 'Ukrainian national');
}

/** Latin spellings of a Cyrillic text: the formal systems, then common spellings per word. */
function latinSpellings(text: string): string[] {
  const out = new Set<string>(ROMANISATION_SYSTEMS.map((system) => romanise(text, system)));
  let combined = [''];
  for (const word of text.split(' ')) {
    const variants = CYRILLIC.test(word) ? cyrillicToLatin(word) : [word];
    combined = combined.flatMap((prefix) => variants.map((v) => (prefix ? `${prefix} ${v}` : v)));
    combined = combined.slice(0, MAX_COMMON_SPELLINGS);
  }
  for (const spelling of combined) out.add(spelling);
  return [...out];
}

function cyrillicPerson(person: NonNullable<ProtectedIdentity['person']>): ProtectedIdentity['person'] {
  const parts = [person.firstName, person.patronymic, person.surname];
  if (!parts.some((part) => part !== undefined && LATIN.test(part))) return undefined;
  const spell = (part: string | undefined): string | undefined =>
    part && LATIN.test(part) ? (latinToCyrillic(part)[0] ?? part) : part;
  return {
    ...person,
    firstName: spell(person.firstName),
    patronymic: spell(person.patronymic),
    surname: spell(person.surname),
    otherNames: [],
  };
}

/** Cyrillic spellings of a text written in Latin («Kovalenko» → «коваленко»). */
function cyrillicSpellings(text: string): string[] {
  let combined = [''];
  for (const word of text.split(' ')) {
    const variants = LATIN.test(word) ? latinToCyrillic(word).slice(0, 3) : [word];
    combined = combined.flatMap((prefix) => variants.map((v) => (prefix ? `${prefix} ${v}` : v)));
    combined = combined.slice(0, MAX_COMMON_SPELLINGS);
  }
  return combined;
}

// Romanised: the nominative of every combination, and every case of single words (Latin-script
// Russian chat declines names: "s Dimoy"). Cyrillic spellings of Latin forms likewise.
function addTransliterations(forms: FormList): void {
  for (const form of forms.list()) {
    if (form.origin === 'transliteration' || /\d/.test(form.text)) continue;
    const singleWord = !form.text.includes(' ');
    const nominative =
      form.detail === undefined || form.detail === 'nominative' || form.detail === 'other name';
    if (!singleWord && !nominative) continue;
    if (CYRILLIC.test(form.text)) {
      const systems = ROMANISATION_SYSTEMS.map((system) => [romanise(form.text, system), system] as const);
      for (const [text, system] of systems) forms.add(text, 'transliteration', system);
      for (const text of latinSpellings(form.text)) forms.add(text, 'transliteration', 'common spelling');
    } else if (LATIN.test(form.text)) {
      for (const text of cyrillicSpellings(form.text))
        forms.add(text, 'transliteration', 'Cyrillic spelling');
    }
  }
}
