import { lookupWord, type WordReading } from './morphology.ts';
import { titleCase } from './tokens.ts';

/**
 * The parts of a person's name as the dictionary reads them (first name, surname, patronymic),
 * pet forms it lacks, and how each part is put back into the nominative for an entity's value.
 */

export type Part = 'name' | 'surname' | 'patronymic';
export interface PartReading {
  part: Part;
  reading: WordReading;
}

// Pet forms that are also ordinary words and need the same company as other ambiguous names.
export const AMBIGUOUS_PET_NAMES = new Set(['серый', 'тема', 'макс']);

export const NOT_A_NAME = new Set([
  'меня', 'его', 'ее', 'тебя', 'нас', 'вас', 'их', 'как', 'так', 'не', 'его-то', 'там', 'тут', 'всех',
  'никак', 'это', 'вот', 'ну', 'а', 'и', 'по', 'он', 'она', 'мы', 'я', 'ты', 'же', 'уже', 'был', 'была',
  'сами', 'сам', 'сама', 'само',
]); // prettier-ignore
export const SURNAME_SHAPE =
  /^(.{2,}?)(ов|ев|ёв|ин|ын|ский|цкий|ская|цкая|енко|ук|юк|як|ич|ец|ко)(а|у|ым|ом|е|ой|ого|ому|им|ем)?$/;
// Without a cue only the commonest Russian surname shape is trusted («Мантурова», «Кравцов»):
// «Залезнянская» is a street, «Топовский» a monastery.
export const UNCUED_SURNAME_SHAPE = /^.{3,}(?:ов|ев|ин|ын)(?:а|у|ым|ой)?$/;
export const CASES = ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct', 'voct'] as const;

// Name readings per word, sorted once: the same names recur across the segments of a call.
const partsCache = new Map<string, PartReading[]>();
const PARTS_CACHE_LIMIT = 100_000;

export function partsOf(word: string): PartReading[] {
  const cached = partsCache.get(word);
  if (cached) return cached;
  const parts = readPersonParts(word);
  if (partsCache.size >= PARTS_CACHE_LIMIT) partsCache.clear();
  partsCache.set(word, parts);
  return parts;
}

function readPersonParts(word: string): PartReading[] {
  const parts: PartReading[] = [];
  for (const reading of lookupWord(word).readings) {
    if (reading.grammemes.has('Name')) parts.push({ part: 'name', reading });
    else if (reading.grammemes.has('Surn')) parts.push({ part: 'surname', reading });
    else if (reading.grammemes.has('Patr')) parts.push({ part: 'patronymic', reading });
  }
  // «Дмитрия» is both the rare woman's name and the genitive of Дмитрий: in soldiers' calls the
  // man's name is the better bet. Equal scores are common too («леху»: Лех or Лёха); the longer
  // lemma is the everyday name more often than not.
  const names = parts.filter((p) => p.part === 'name');
  const bothGenders =
    names.some((p) => p.reading.grammemes.has('masc')) && names.some((p) => p.reading.grammemes.has('femn'));
  const masculineFirst = (p: PartReading): number => (bothGenders && p.reading.grammemes.has('masc') ? 1 : 0);
  return parts.sort(
    (a, b) =>
      masculineFirst(b) - masculineFirst(a) ||
      b.reading.score - a.reading.score ||
      b.reading.lemma.length - a.reading.lemma.length,
  );
}

/** Nominative of a surname reading; Az lemmatises «Петрова» (femn) to «петров». */
export function surnameValue(reading: WordReading): string {
  let lemma = reading.lemma;
  if (reading.grammemes.has('femn')) {
    if (/(ов|ев|ёв|ин|ын)$/.test(lemma)) lemma += 'а';
    else lemma = lemma.replace(/ский$/, 'ская').replace(/цкий$/, 'цкая');
  }
  return titleCase(lemma);
}

export function valueOf(part: PartReading): string {
  if (part.part === 'surname') return surnameValue(part.reading);
  if (part.part === 'patronymic') return titleCase(patronymicNominative(part.reading));
  return titleCase(part.reading.lemma);
}

/** Az lemmatises a patronymic to the father's name («Викторовичу» → «виктор»): rebuild it. */
export function patronymicNominative(reading: WordReading): string {
  const father = reading.lemma;
  const feminine = reading.grammemes.has('femn');
  const stem = father.replace(/[ьй]$/, '');
  const soft = /[ьйи]$/.test(father) || /[ая]$/.test(father);
  const base = /[ая]$/.test(father) ? father.slice(0, -1) : stem;
  if (soft) return `${base}${feminine ? 'евна' : 'евич'}`;
  return `${father}${feminine ? 'овна' : 'ович'}`;
}

export function sharedCase(a: WordReading, b: WordReading): boolean {
  return CASES.some((c) => a.grammemes.has(c) && b.grammemes.has(c));
}

export function isCommon(norm: string): boolean {
  return lookupWord(norm).isCommonWord || AMBIGUOUS_PET_NAMES.has(norm);
}

/** Surname shape for words the dictionary does not know («Кравцов», «Лапина»). */
export function guessedSurname(norm: string, cued = false): string | undefined {
  const match = SURNAME_SHAPE.exec(norm);
  if (!match || NOT_A_NAME.has(norm)) return undefined;
  // Uncued, a word the dictionary knows as something other than a person is no surname.
  if (!cued && lookupWord(norm).readings.length > 0 && partsOf(norm).length === 0) return undefined;
  const [, stem, suffix, ending] = match;
  if (!ending) return titleCase(norm);
  if (/^(ов|ев|ёв|ин|ын)$/.test(suffix!) && ending === 'а') return titleCase(norm);
  if (/^(ов|ев|ёв|ин|ын)$/.test(suffix!)) return titleCase(`${stem}${suffix}`);
  return undefined;
}

/** «Мантурова» → «Мантуров», «Кравцову» → «Кравцов»; a feminine «-ова» cannot be told apart. */
export function surnameFromShape(norm: string): string {
  return titleCase(norm.replace(/(ов|ев|ин|ын)(?:а|у|ым|ой)$/, '$1'));
}
