import {
  AMBIGUOUS_PET_NAMES,
  guessedSurname,
  NOT_A_NAME,
  partsOf,
  surnameValue,
  valueOf,
  type PartReading,
} from './person-parts.ts';
import { petNominative } from './name-forms.ts';
import { lookupWord } from './morphology.ts';
import { capitalisedMidSentence, normaliseWord, separated, titleCase, type Token } from './tokens.ts';

/**
 * Words around a name that say a person is meant (issue 16): a rank, «зовут» or «по фамилии» and
 * kinship words before it, verbs of telling, calling or sending money beside it, greetings and talk said to or about
 * someone; and the words that say one is not (a function word, an armed group, a preposition
 * before it). Used by persons.ts.
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
function kinNameAt(tokens: readonly Token[], at: number): Found | undefined {
  if (!KIN_CUES.has(tokens[at - 1]?.norm ?? '')) return undefined;
  const norm = tokens[at]!.norm;
  const pet = petNominative(norm);
  const name = partsOf(norm).find((p) => p.part === 'name' && p.reading.score >= 0.15);
  const value = pet ? titleCase(pet) : name ? valueOf(name) : undefined;
  if (!value || norm.length < 3 || AMBIGUOUS_PET_NAMES.has(norm)) return undefined;
  return { first: at, last: at, value, confidence: 0.8, rule: 'person:kin-name' };
}

const RANKS =
  /^(?:рядов|ефрейтор|младш|старш|сержант|старшин|прапорщик|лейтенант|капитан|майор|подполковник|полковник|генерал|комбат|комроты|комвзвода|товарищ|командир|ротн|взводн|комдив|комбриг|замполит|начштаба)/;
// «ротный наш Иванов», «командир мой Петров»: a possessive may sit between the rank and the name.
const POSSESSIVES = new Set([
  'наш',
  'ваш',
  'мой',
  'твой',
  'их',
  'его',
  'нашего',
  'вашего',
  'моего',
  'нашему',
]);
const NAME_CUES = new Set(['зовут', 'звали', 'звать', 'зови', 'кличут', 'звать-то']);
const SURNAME_CUE_NOUN = /^фамили(?:я|ю|и|ей)$/;
const FORENAME_CUE_NOUN = /^(?:имя|имени|отчеству|отчество)$/;

/** A name after a cue that says a person is meant: «зовут Вадим», «по фамилии Кравец», «майор Лапин». */
export function cuedNameAt(tokens: readonly Token[], at: number): Found | undefined {
  const previous = tokens[at - 1];
  const token = tokens[at]!;
  if (!previous || NOT_A_NAME.has(token.norm) || token.isNumber) return undefined;
  const beforePrevious = tokens[at - 2];
  const rankBeforePossessive =
    POSSESSIVES.has(previous.norm) && beforePrevious !== undefined && RANKS.test(beforePrevious.norm);
  const cue = NAME_CUES.has(previous.norm)
    ? 'person:cue-name'
    : SURNAME_CUE_NOUN.test(previous.norm)
      ? 'person:cue-surname'
      : FORENAME_CUE_NOUN.test(previous.norm) && beforePrevious?.norm === 'по'
        ? 'person:cue-name'
        : RANKS.test(previous.norm) || rankBeforePossessive
          ? 'person:rank-surname'
          : undefined;
  if (!cue) return kinNameAt(tokens, at);
  const parts = partsOf(token.norm);
  const surname = parts.find((p) => p.part === 'surname');
  let value: string | undefined;
  if (cue === 'person:rank-surname') {
    // After a rank the word is a surname even when it doubles as a common word («майор Лапин»).
    value = surname ? surnameValue(surname.reading) : guessedSurname(token.norm, true);
    if (!value && capitalisedMidSentence(token, previous)) value = titleCase(token.norm);
  } else {
    const best = cue === 'person:cue-surname' ? (surname ?? parts[0]) : parts[0];
    value = best ? valueOf(best) : titleCase(token.norm);
  }
  if (!value) return undefined;
  return { first: at, last: at, value, confidence: cue === 'person:rank-surname' ? 0.8 : 0.9, rule: cue };
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

// Words that open an utterance but are never names, whatever the dictionary also lists.
export const FUNCTION_POS = new Set(['PREP', 'CONJ', 'PRCL', 'NPRO', 'INTJ', 'ADVB', 'PRED']);
// «слава богу»; «любовь моя», «радость моя»: an ordinary noun with a possessive is an endearment.
export const NOT_VOCATIVE_BEFORE = new Set([
  'богу', 'господу', 'украине', 'україні', 'героям', 'тебе', 'моя', 'мой', 'мое', 'наша', 'наш',
]); // prettier-ignore

// Words around a name said to or about someone: «привет, Рома», «это Максим», «Вера говорила».
export const SOCIAL_BEFORE = new Set([
  'привет', 'здорово', 'здравствуй', 'спасибо', 'ой', 'господи', 'записала', 'записал', 'слышу', 'могу',
  'хорошо', 'это', 'позвони', 'передай', 'скажи', 'держись', 'пока', 'целую', 'люблю', 'брат',
]); // prettier-ignore
const SOCIAL_AFTER = new Set([
  'привет', 'здорово', 'говорила', 'говорил', 'сказал', 'сказала', 'звонил', 'звонила', 'спрашивает',
  'вернись', 'это', 'позвони', 'передает', 'передавал', 'ты', 'вы', 'слышишь', 'пишет', 'просила', 'просил',
]); // prettier-ignore
// Names of armed groups that the dictionary also lists as people's names.
const ORGANISATION_NAMES = new Set(['вагнер', 'ахмат', 'редут', 'шторм', 'патриот', 'конвой']);
const ORGANISATION_CUE = new Set(['чвк', 'пвк', 'бригада', 'батальон', 'отряд', 'полк', 'спецназ']);

/** «Вера» the name next to «привет», «это», «говорила»: enough to read an ordinary word as a name. */
export function inSocialContext(tokens: readonly Token[], at: number): boolean {
  const previous = tokens[at - 1]?.norm ?? '';
  const beforePrevious = tokens[at - 2]?.norm ?? '';
  const next = tokens[at + 1]?.norm ?? '';
  return (
    SOCIAL_BEFORE.has(previous) || (previous === 'я' && beforePrevious === 'это') || SOCIAL_AFTER.has(next)
  );
}

/** «ЧВК Вагнер», «бригада Ахмат»: a group's name or a unit word before it, no person. */
export function isOrganisation(tokens: readonly Token[], at: number, parts: readonly PartReading[]): boolean {
  if (parts.some((p) => ORGANISATION_NAMES.has(normaliseWord(p.reading.lemma)))) return true;
  return ORGANISATION_CUE.has(tokens[at - 1]?.norm ?? '');
}

/** «под Мантуровом»: after a preposition a capitalised word of surname shape is rather a place. */
export function afterPreposition(previous: Token | undefined): boolean {
  return previous !== undefined && lookupWord(previous.norm).readings.some((r) => r.pos === 'PREP');
}
