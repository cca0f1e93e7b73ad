import { cityFrom, cityIn, cityTo } from 'lvovich';
import { azMorph } from '../../analysis/az-morph.ts';

/**
 * The six Russian cases of a place, call sign or unit: from the OpenCorpora dictionary (Az, via
 * the project's one loader) when it knows the word, from lvovich's toponym rules for towns, and
 * from ending rules for words neither knows («Купянск» is in neither dictionary). Forms are a
 * superset on purpose: a form no one writes costs nothing, a form missed can name a family.
 */

export const CASES = [
  'nominative',
  'genitive',
  'dative',
  'accusative',
  'instrumental',
  'prepositional',
] as const;
export type Case = (typeof CASES)[number];
const AZ_CASE: Record<Case, string> = {
  nominative: 'nomn',
  genitive: 'gent',
  dative: 'datv',
  accusative: 'accs',
  instrumental: 'ablt',
  prepositional: 'loct',
};

/** Forms per case, in CASES order. */
export type CaseForms = readonly (readonly string[])[];

// Endings by the end of the nominative: [ending, genitive, dative, accusative, instrumental,
// prepositional]; several choices are separated by '|'. The first that fits the word is used.
const ENDING_RULES: ReadonlyArray<readonly [RegExp, string, string, string, string, string]> = [
  [/ая$/, 'ой', 'ой', 'ую', 'ой|ою', 'ой'],
  [/яя$/, 'ей', 'ей', 'юю', 'ей', 'ей'],
  [/(?<=[кгх])ий$/, 'ого', 'ому', 'ий|ого', 'им', 'ом'],
  [/ий$/, 'его|ого', 'ему|ому', 'ий|его', 'им', 'ем|ом'],
  [/ый$/, 'ого', 'ому', 'ый|ого', 'ым', 'ом'],
  [/ой$/, 'ого', 'ому', 'ой|ого', 'ым|им', 'ом'],
  [/ое$/, 'ого', 'ому', 'ое', 'ым', 'ом'],
  [/ее$/, 'его', 'ему', 'ее', 'им', 'ем'],
  [/[ыи]е$/, 'ых|их', 'ым|им', 'ые|ие', 'ыми|ими', 'ых|их'],
  [/(?<=[кгхжшчщ])а$/, 'и', 'е', 'у', 'ой|ей', 'е'],
  [/а$/, 'ы', 'е', 'у', 'ой|ей', 'е'],
  [/ия$/, 'ии', 'ии', 'ию', 'ией', 'ии'],
  [/я$/, 'и', 'е', 'ю', 'ей|ей', 'е'],
  [/(?<=[оеиуюэ])$/, '', '', '', '', ''],
  [/ь$/, 'я|и', 'ю|и', 'ь', 'ем|ью', 'е|и'],
  [/й$/, 'я', 'ю', 'й', 'ем', 'е'],
  [/(?<=[жшчщц])$/, 'а', 'у', '', 'ем|ом', 'е'],
  [/(?<=[бвгдзклмнпрстфх])$/, 'а', 'у', '', 'ом', 'е'],
];

/** A word's cases by ending rules alone (no dictionary: cheap enough for every search). */
export function endingRuleForms(word: string): string[][] {
  const forms: string[][] = CASES.map(() => [word]);
  // Place names in -ово/-ино (Иваново, Пушкино) are declined in speech and left alone in print.
  if (/(?:ов|ев|ин|ын)о$/.test(word)) {
    const stem = word.slice(0, -1);
    ['а', 'у', 'о', 'ом', 'е'].forEach((ending, index) => forms[index + 1]!.push(stem + ending));
  }
  for (const [pattern, ...endings] of ENDING_RULES) {
    const match = pattern.exec(word);
    if (!match) continue;
    const stem = word.slice(0, match.index);
    endings.forEach((options, index) => {
      for (const ending of options.split('|')) forms[index + 1]!.push(stem + ending);
    });
    break;
  }
  return forms;
}

function dictionaryForms(word: string): string[][] {
  const forms: string[][] = CASES.map(() => []);
  const parses = azMorph()(word, { ignoreCase: true, parsers: ['Dictionary'] });
  for (const parse of parses) {
    const pos = parse.tag.POS;
    if (pos !== 'NOUN' && pos !== 'ADJF') continue;
    if (!parse.tag.nomn) continue;
    CASES.forEach((name, index) => {
      const inflected = parse.inflect([AZ_CASE[name]]);
      if (inflected) forms[index]!.push(inflected.word.replace(/ё/g, 'е'));
    });
  }
  return forms;
}

// Words after these stay as they are: «Ростов-на-Дону» → «Ростова-на-Дону».
const PREPOSITIONS = new Set(['на', 'под', 'над', 'у', 'при', 'в', 'де', 'ла']);
const MAX_FORMS_PER_CASE = 24;

/** The cases of one lower-case Cyrillic word; other words (digits, Latin) stay as they are. */
export function wordCaseForms(word: string): CaseForms {
  if (!/^[а-яё]{3,}$/.test(word)) return CASES.map(() => [word]);
  const fromRules = endingRuleForms(word);
  const fromDictionary = dictionaryForms(word);
  return CASES.map((_, index) => [...new Set([...fromRules[index]!, ...fromDictionary[index]!])]);
}

/** The cases of a phrase, each word declined to the same case: «русская лозовая» → «русской лозовой». */
export function phraseCaseForms(phrase: string): CaseForms {
  const parts = phrase
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/([\s-]+)/);
  let fixed = false;
  const perPart = parts.map((part, index) => {
    if (index % 2 === 1) return CASES.map(() => [part]);
    const forms = fixed ? CASES.map(() => [part]) : wordCaseForms(part);
    if (PREPOSITIONS.has(part)) fixed = true;
    return forms;
  });
  return CASES.map((_, caseIndex) => {
    let combined = [''];
    for (const forms of perPart) {
      const options = forms[caseIndex]!;
      combined = combined.flatMap((prefix) => options.map((option) => prefix + option));
      combined = combined.slice(0, MAX_FORMS_PER_CASE);
    }
    return [...new Set(combined)];
  });
}

/** A town's cases: the phrase rules plus lvovich's toponym declension. */
export function placeCaseForms(name: string): CaseForms {
  const forms = phraseCaseForms(name).map((options) => [...options]);
  const lower = (text: string): string => text.toLowerCase().replace(/ё/g, 'е');
  if (/[а-яё]/i.test(name)) {
    forms[1]!.push(lower(cityFrom(name)));
    forms[3]!.push(lower(cityTo(name)));
    forms[5]!.push(lower(cityIn(name)));
  }
  return forms.map((options) => [...new Set(options)]);
}
