import { lookupWord } from '../../analysis/entities/morphology.ts';
import { SURNAME_SHAPE } from '../../analysis/entities/person-parts.ts';

export interface PersonNameParts {
  firstName?: string;
  patronymic?: string;
  surname?: string;
  gender?: 'male' | 'female';
}

/**
 * Splits a person entity's value into name parts. The analyser writes values in the nominative,
 * surname first ('Самойлов Дмитрий', 'Олег Викторович', 'Кирюша'); each word is read by the same
 * dictionary the analyser used: a patronymic reading wins, then a first name, then a surname. A
 * word the dictionary does not know is a surname when it has a surname's shape and a first name
 * otherwise (pet forms such as «Кирюша» are not in the dictionary). Gender comes from the
 * readings of the parts when they agree.
 */
export function splitPersonName(value: string): PersonNameParts {
  const parts: PersonNameParts = {};
  const genders = new Set<'male' | 'female'>();
  for (const word of value.trim().split(/\s+/).filter(Boolean)) {
    const readings = lookupWord(word.toLowerCase()).readings;
    const has = (tag: string) => readings.filter((r) => r.grammemes.has(tag));
    const patronymic = has('Patr');
    const name = has('Name');
    const surname = has('Surn');
    const chosen = patronymic.length > 0 ? patronymic : name.length > 0 ? name : surname;
    const part =
      patronymic.length > 0
        ? 'patronymic'
        : name.length > 0
          ? 'firstName'
          : surname.length > 0 || SURNAME_SHAPE.test(word.toLowerCase())
            ? 'surname'
            : 'firstName';
    if (parts[part] !== undefined) parts[part] = `${parts[part]} ${word}`;
    else parts[part] = word;
    if (chosen.length > 0 && chosen.every((r) => r.grammemes.has('masc'))) genders.add('male');
    if (chosen.length > 0 && chosen.every((r) => r.grammemes.has('femn'))) genders.add('female');
  }
  if (genders.size === 1) parts.gender = [...genders][0];
  return parts;
}
