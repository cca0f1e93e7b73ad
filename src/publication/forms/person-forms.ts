import { inclineFirstname, inclineLastname, inclineMiddlename } from 'lvovich';
import { partsOf } from '../../analysis/entities/person-parts.ts';
import type { ProtectedIdentity } from '../protected-identity.ts';
import { CASES, type Case } from './inflection.ts';
import { DIMINUTIVES, EVERYDAY_WORD_PET_NAMES, firstNameFamily } from './name-tables.ts';

/**
 * A person's name in every case and in the combinations people say it: «Дмитрий», «Коваленко»,
 * «Дмитрий Коваленко», «Коваленко Дмитрий Петрович», «Дмитрию Петровичу», and the pet forms
 * («Дима», «Димке»). Declension is lvovich's (MIT, no dependencies, rules for first names,
 * patronymics and surnames of both genders, including indeclinable ones like «Коваленко»).
 */

type Gender = 'male' | 'female';

export interface PersonCaseForm {
  text: string;
  /** 'as-entered' for the nominative of a name part, otherwise inflection or diminutive. */
  origin: 'as-entered' | 'inflection' | 'diminutive';
  detail: string;
}

const lower = (text: string): string => text.toLowerCase().replace(/ё/g, 'е');

function genderOf(person: Person): Gender {
  if (person.gender) return person.gender;
  if (person.patronymic && /на$/i.test(person.patronymic)) return 'female';
  if (person.surname && /(ова|ева|ина|ая)$/i.test(person.surname)) return 'female';
  return 'male';
}

function declined(word: string | undefined, inflect: (w: string, c: Case) => string): string[] {
  if (!word) return [];
  return CASES.map((name) => lower(name === 'nominative' ? word : inflect(word, name)));
}

/** Every case of every part and combination, plus pet forms and otherNames in every case. */
export function personForms(identity: ProtectedIdentity): PersonCaseForm[] {
  const person = nameParts(identity);
  const gender = genderOf(person);
  const other: Gender = gender === 'male' ? 'female' : 'male';
  const first = declined(person.firstName, (w, c) => inclineFirstname(w, c, gender));
  const middle = declined(person.patronymic, (w, c) => inclineMiddlename(w, c, gender));
  const last = declined(person.surname, (w, c) => inclineLastname(w, c, gender));
  // Relatives share the surname in the other gender's form (Петров → Петрова): same family.
  const lastOther = person.surname
    ? declined(genderedSurname(person.surname, other), (w, c) => inclineLastname(w, c, other))
    : [];
  const out: PersonCaseForm[] = [];
  const add = (text: string, index: number, origin: PersonCaseForm['origin']): void => {
    if (!text.trim()) return;
    const isNominative = index === 0;
    out.push({
      text: text.replace(/\s+/g, ' ').trim(),
      origin: origin === 'as-entered' && !isNominative ? 'inflection' : origin,
      detail: CASES[index]!,
    });
  };
  CASES.forEach((_, i) => {
    const [f, m, l] = [first[i] ?? '', middle[i] ?? '', last[i] ?? ''];
    for (const combination of [
      f,
      m,
      l,
      `${f} ${m}`,
      `${f} ${l}`,
      `${l} ${f}`,
      `${f} ${m} ${l}`,
      `${l} ${f} ${m}`,
    ]) {
      if (!combination.split(' ').some((part) => part === '')) add(combination, i, 'as-entered');
    }
    if (lastOther[i]) add(lastOther[i], i, 'inflection');
  });
  // Entered as a pet name, the full names it belongs to count as its other forms too.
  const family = firstNameFamily(person.firstName ?? '');
  const petNames = [...family.fullNames, ...family.petNames, ...(person.otherNames ?? []).map(lower)];
  for (const pet of new Set(petNames)) {
    if (pet === lower(person.firstName ?? '')) continue;
    const cases = declined(pet, (w, c) => inclineFirstname(w, c, gender));
    const alone = !EVERYDAY_WORD_PET_NAMES.has(pet);
    cases.forEach((text, i) => {
      if (alone) add(text, i, 'diminutive');
      if (last[i]) add(`${text} ${last[i]}`, i, 'diminutive');
    });
  }
  return dedupe(out);
}

type Person = NonNullable<ProtectedIdentity['person']>;

/**
 * The parts of the name; when none were entered, read from the label: «Дмитрий Петрович
 * Коваленко», «Дмитрий Коваленко», «Коваленко Дмитрий», or one word (a first name when the
 * pet-name table or the dictionary reads it as one, otherwise a surname).
 */
export function nameParts(identity: ProtectedIdentity): Person {
  const person = identity.person ?? {};
  if (person.firstName || person.patronymic || person.surname) return person;
  const words = identity.label.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || !words.every((word) => /^[а-яё-]+$/i.test(word))) return person;
  const isFirstName = (word: string): boolean =>
    DIMINUTIVES[lower(word)] !== undefined || partsOf(lower(word))[0]?.part === 'name';
  const isPatronymic = (word: string): boolean => /(?:вич|вна|ична|инична)$/i.test(word);
  const [a, b, c] = words;
  if (words.length === 3 && isPatronymic(b!)) {
    return { ...person, firstName: a, patronymic: b, surname: c };
  }
  if (words.length === 3 && isPatronymic(c!)) return { ...person, surname: a, firstName: b, patronymic: c };
  if (words.length === 2) {
    return isFirstName(a!) || !isFirstName(b!)
      ? { ...person, firstName: a, surname: b }
      : { ...person, firstName: b, surname: a };
  }
  if (words.length === 1) return isFirstName(a!) ? { ...person, firstName: a } : { ...person, surname: a };
  return person;
}

function genderedSurname(surname: string, gender: Gender): string {
  if (gender === 'female') {
    if (/(ов|ев|ин|ын)$/i.test(surname)) return `${surname}а`;
    return surname.replace(/ский$/i, 'ская').replace(/цкий$/i, 'цкая');
  }
  if (/(ова|ева|ина|ына)$/i.test(surname)) return surname.slice(0, -1);
  return surname.replace(/ская$/i, 'ский').replace(/цкая$/i, 'цкий');
}

function dedupe(forms: PersonCaseForm[]): PersonCaseForm[] {
  const seen = new Set<string>();
  return forms.filter((form) => !seen.has(form.text) && seen.add(form.text));
}
