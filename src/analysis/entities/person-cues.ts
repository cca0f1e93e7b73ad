import { partsOf, AMBIGUOUS_PET_NAMES, valueOf } from './person-parts.ts';
import { petNominative } from './name-forms.ts';
import { lookupWord } from './morphology.ts';
import { separated, titleCase, type Token } from './tokens.ts';

/**
 * Words around a name that say a person is meant (issue 16): kinship words before a first name
 * and verbs of telling, calling or sending money beside it. Used by persons.ts.
 */

/** A person found over tokens `first..last` with its nominative value and the rule that fired. */
export interface Found {
  first: number;
  last: number;
  value: string;
  confidence: number;
  rule: string;
}

// Verbs of telling, calling, writing and sending money, said of the person named beside them:
// «я Вере ничего не скажу», «переводи на карту Лены», «позвони Диме».
const ADDRESS_VERB =
  /^(?:скаж|сказа|переда|позвон|звон|напиш|написа|отправ|перевед|перевод|перекин|скин|кинь|спрос)/;
const ADDRESS_VERB_WINDOW = 3;

export function nearAddressVerb(tokens: readonly Token[], at: number): boolean {
  const from = Math.max(0, at - ADDRESS_VERB_WINDOW);
  const to = Math.min(tokens.length - 1, at + ADDRESS_VERB_WINDOW);
  for (let i = from; i <= to; i++) {
    if (i !== at && ADDRESS_VERB.test(tokens[i]!.norm)) return true;
  }
  return false;
}

// Kin and neighbours named with their first name: «дядя Коля», «тётя Люба», «кума Наташа».
const KIN_CUES = new Set([
  'дядя', 'дяди', 'дяде', 'дядю', 'дядей', 'тетя', 'тети', 'тете', 'тетю', 'тетей', 'тетка', 'тетке', 'тетку',
  'кум', 'кума', 'куму', 'кумом', 'куме', 'сосед', 'соседа', 'соседу', 'соседка', 'соседки', 'соседке', 'соседку',
  'дед', 'деда', 'деду', 'баба', 'бабе', 'бабу', 'брат', 'брата', 'брату', 'братом', 'сестра', 'сестры',
  'сестре', 'сестру', 'сын', 'сына', 'сыну', 'дочь', 'дочка', 'дочке', 'дочку', 'друг', 'друга', 'другу',
  // «жена Димы приезжала», «мама Оли», «бабушка Нина»: the close family, before the name or its genitive.
  'жена', 'жены', 'жене', 'жену', 'муж', 'мужа', 'мужу', 'мама', 'мамы', 'маме', 'маму', 'мать', 'матери',
  'отец', 'отца', 'отцу', 'папа', 'папы', 'папе', 'папу', 'бабушка', 'бабушки', 'бабушке', 'бабушку',
  'дедушка', 'дедушки', 'дедушке', 'внук', 'внука', 'внучка', 'внучки', 'племянник', 'племянника',
  'племянница', 'теща', 'тещи', 'свекровь', 'жених', 'невеста', 'подруга', 'подруги', 'подруге',
]); // prettier-ignore

/** A first name or pet name right after a kinship word, whatever else the word can mean («дядя Коля»). */
export function kinNameAt(tokens: readonly Token[], at: number): Found | undefined {
  if (!KIN_CUES.has(tokens[at - 1]?.norm ?? '')) return undefined;
  const norm = tokens[at]!.norm;
  const pet = petNominative(norm);
  const name = partsOf(norm).find((p) => p.part === 'name' && p.reading.score >= 0.15);
  const value = pet ? titleCase(pet) : name ? valueOf(name) : undefined;
  if (!value || norm.length < 3 || AMBIGUOUS_PET_NAMES.has(norm)) return undefined;
  return { first: at, last: at, value, confidence: 0.8, rule: 'person:kin-name' };
}

/**
 * In punctuated text a vocative is set off by commas: «Вера, ты где?» but «Вера у меня одна»,
 * «Надежда только на то, что...». Recogniser text has no punctuation, so there anything goes.
 */
export function commaAround(tokens: readonly Token[], at: number): boolean {
  const punctuated = tokens.some((t, i) => i > 0 && separated(t));
  if (!punctuated) return true;
  const next = tokens[at + 1];
  return at === 0 ? next === undefined || separated(next) : separated(tokens[at]!);
}

const COORDINATORS = new Set(['и', 'или', 'да']);

/**
 * «Рустаму и Фарруху», «Бахтиёр и Шерзод»: a word the dictionary does not know at all, joined by
 * «и» to a single name found, with the same ending (so in the same case), is a name too: Central-Asian
 * and Caucasian names are missing from the Russian dictionary.
 */
export function coordinatedNames(
  tokens: readonly Token[],
  found: readonly Found[],
  claimed: ReadonlySet<number>,
): Found[] {
  const out: Found[] = [];
  for (const person of found) {
    if (person.first !== person.last) continue;
    const name = tokens[person.first]!;
    for (const [link, at] of [
      [person.first + 1, person.first + 2],
      [person.first - 1, person.first - 2],
    ] as const) {
      const word = tokens[at];
      if (!word || claimed.has(at) || out.some((f) => f.first === at)) continue;
      if (!COORDINATORS.has(tokens[link]?.norm ?? '') || word.isNumber || word.quoted || word.norm.length < 3)
        continue;
      if (!sameEnding(word.norm, name.norm) || lookupWord(word.norm).readings.length > 0) continue;
      out.push({
        first: at,
        last: at,
        value: titleCase(word.norm),
        confidence: 0.6,
        rule: 'person:coordinated',
      });
    }
  }
  return out;
}

/** Same last letter, or both a bare consonant stem (the nominative of a man's name): a shared case. */
function sameEnding(a: string, b: string): boolean {
  const consonantStem = (word: string) => /[бвгджзклмнпрстфхцчшщ]$/.test(word);
  return a.slice(-1) === b.slice(-1) || (consonantStem(a) && consonantStem(b));
}

const PREDICATE_WINDOW = 3;

/**
 * «Слава мне сигареты должен», «слава звонил»: a word whose ordinary reading is a feminine or neuter
 * noun (слава, glory) is a man's name when the first predicate after it is masculine singular and
 * no other singular subject stands between them («слава богу сын вернулся» stops at «сын»).
 */
export function masculinePredicateAfter(tokens: readonly Token[], at: number): boolean {
  const readings = lookupWord(tokens[at]!.norm).readings;
  const ordinary = readings.filter((r) => r.pos === 'NOUN' && !r.grammemes.has('Name'));
  if (ordinary.length === 0 || ordinary.some((r) => r.grammemes.has('masc'))) return false;
  if (!readings.some((r) => r.grammemes.has('Name') && r.grammemes.has('nomn'))) return false;
  for (let i = at + 1; i <= Math.min(tokens.length - 1, at + PREDICATE_WINDOW); i++) {
    if (separated(tokens[i]!)) return false;
    const words = lookupWord(tokens[i]!.norm).readings;
    const subject = words.some(
      (r) => ['NOUN', 'NPRO'].includes(r.pos) && r.grammemes.has('nomn') && r.grammemes.has('sing'),
    );
    const predicate = words.find((r) => r.pos === 'VERB' || r.pos === 'ADJS');
    if (predicate) return predicate.grammemes.has('masc') && predicate.grammemes.has('sing');
    if (subject) return false;
  }
  return false;
}
