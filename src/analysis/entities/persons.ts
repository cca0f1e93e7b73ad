import type { Entity } from './types.ts';
import { grammemeWeight, lookupWord, type WordReading } from './morphology.ts';
import { petNominative, publicFigure } from './name-forms.ts';
import {
  commaAround,
  coordinatedNames,
  kinNameAt,
  masculinePredicateAfter,
  nearAddressVerb,
  type Found,
} from './person-cues.ts';
import {
  AMBIGUOUS_PET_NAMES,
  guessedSurname,
  isCommon,
  NOT_A_NAME,
  partsOf,
  sharedCase,
  surnameFromShape,
  surnameValue,
  UNCUED_SURNAME_SHAPE,
  valueOf,
  type PartReading,
} from './person-parts.ts';
import { capitalisedMidSentence, normaliseWord, separated, titleCase, type Token } from './tokens.ts';

/**
 * People: first names (with the pet forms soldiers use: «Лёха», «Кирюша», «Паш»), patronymics and
 * surnames from Az.js's Name/Patr/Surn tags. Recogniser text has no capitals, so a lone word only
 * counts when the dictionary knows it as a name and not also as an ordinary word; otherwise it
 * needs company: a neighbouring name part in the same case («Колю Петрова»), a cue («зовут»,
 * «по фамилии», «майор»), a capital letter mid-sentence, or the address position of a vocative.
 * Values are nominative, surname first: 'Самойлов Дмитрий', 'Олег Викторович'.
 */

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
const COLLOQUIAL_PATRONYMIC = /^([а-я]{2,})ыч(?:а|у|ем|е)?$/;
const NAME_CUES = new Set(['зовут', 'звали', 'звать', 'зови', 'кличут', 'звать-то']);
const SURNAME_CUE_NOUN = /^фамили(?:я|ю|и|ей)$/;
const FORENAME_CUE_NOUN = /^(?:имя|имени|отчеству|отчество)$/;

/** Two or three adjacent name parts in a common case: «Олегу Викторовичу», «Колю Петрова». */
function nameGroupAt(tokens: readonly Token[], at: number): Found | undefined {
  const first = partsOf(tokens[at]!.norm);
  if (first.length === 0) return undefined;
  for (const length of [3, 2]) {
    const words = tokens.slice(at, at + length);
    if (words.length < length) continue;
    // «Шойгу! Герасимов!», «Кравченко, Ахмедов»: punctuation between names lists two people.
    if (words.slice(1).some(separated)) continue;
    const options = words.map((word) => partsOf(word.norm));
    if (options.some((o) => o.length === 0)) continue;
    // Pick one reading per word: all in one case, no part twice.
    const pick = choose(options, []);
    if (!pick) continue;
    const byPart = new Map(pick.map((p) => [p.part, p]));
    const ordered = (['surname', 'name', 'patronymic'] as const).flatMap((part) => {
      const p = byPart.get(part);
      return p ? [valueOf(p)] : [];
    });
    const hasPatronymic = byPart.has('patronymic');
    return {
      first: at,
      last: at + length - 1,
      value: ordered.join(' '),
      confidence: hasPatronymic ? 0.95 : 0.85,
      rule: hasPatronymic ? 'person:name-patronymic' : 'person:full-name',
    };
  }
  return undefined;
}

function choose(options: readonly PartReading[][], chosen: PartReading[]): PartReading[] | undefined {
  if (chosen.length === options.length) return chosen;
  for (const candidate of options[chosen.length]!) {
    if (chosen.some((c) => c.part === candidate.part || !sharedCase(c.reading, candidate.reading))) continue;
    const result = choose(options, [...chosen, candidate]);
    if (result) return result;
  }
  return undefined;
}

function cuedNameAt(tokens: readonly Token[], at: number): Found | undefined {
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

// Words that open an utterance but are never names, whatever the dictionary also lists.
const FUNCTION_POS = new Set(['PREP', 'CONJ', 'PRCL', 'NPRO', 'INTJ', 'ADVB', 'PRED']);
// «слава богу»; «любовь моя», «радость моя»: an ordinary noun with a possessive is an endearment.
const NOT_VOCATIVE_BEFORE = new Set([
  'богу', 'господу', 'украине', 'україні', 'героям', 'тебе', 'моя', 'мой', 'мое', 'наша', 'наш',
]); // prettier-ignore

// Words around a name said to or about someone: «привет, Рома», «это Максим», «Вера говорила».
const SOCIAL_BEFORE = new Set([
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
function inSocialContext(tokens: readonly Token[], at: number): boolean {
  const previous = tokens[at - 1]?.norm ?? '';
  const beforePrevious = tokens[at - 2]?.norm ?? '';
  const next = tokens[at + 1]?.norm ?? '';
  return (
    SOCIAL_BEFORE.has(previous) || (previous === 'я' && beforePrevious === 'это') || SOCIAL_AFTER.has(next)
  );
}

function isOrganisation(tokens: readonly Token[], at: number, parts: readonly PartReading[]): boolean {
  if (parts.some((p) => ORGANISATION_NAMES.has(normaliseWord(p.reading.lemma)))) return true;
  return ORGANISATION_CUE.has(tokens[at - 1]?.norm ?? '');
}

function singleNameAt(tokens: readonly Token[], at: number, textTokens: number): Found | undefined {
  const token = tokens[at]!;
  // A word in quotes is a call sign, a brand or a title («на «Ладу»», «позывной «Лис»»), no person.
  if (token.quoted) return undefined;
  const previous = tokens[at - 1];
  const capitalised = capitalisedMidSentence(token, previous);
  const pet = petNominative(token.norm);
  const info = lookupWord(token.norm);
  const parts = partsOf(token.norm);
  const name = parts.find((p) => p.part === 'name');
  const patronymic = parts.find((p) => p.part === 'patronymic');
  const surname = parts.find((p) => p.part === 'surname');
  const common = isCommon(token.norm);
  if (isOrganisation(tokens, at, parts)) return undefined;
  if (info.readings.some((r) => FUNCTION_POS.has(r.pos)) && !name) return undefined;
  // «в Вагнере», «на Ахмате»: a name in the locative after «в/на» is an organisation or a place.
  const afterIn = ['в', 'во', 'на'].includes(previous?.norm ?? '');
  if (name && afterIn && parts.every((p) => p.reading.grammemes.has('loct'))) return undefined;
  const value = pet ? titleCase(pet) : name ? valueOf(name) : undefined;
  // Two letters are a clipped word or an ordinal suffix («83-ий» heard as «83 ий»), not a name.
  if (value && token.norm.length >= 3 && !NOT_A_NAME.has(token.norm)) {
    const found = (confidence: number, rule: string): Found => ({
      first: at,
      last: at,
      value,
      confidence,
      rule,
    });
    if (!common) return found(0.8, 'person:first-name');
    if (capitalised) return found(0.7, 'person:first-name-capitalised');
    const functionWord = info.readings.some((r) => FUNCTION_POS.has(r.pos));
    if (functionWord) return undefined;
    // A vocative opens or closes an utterance («дим, а когда...», «мясо мы, вера»), but only a
    // name the dictionary finds at least plausible there («баран» is a name only on paper).
    const addressPosition = textTokens > 1 && (at === 0 || at === textTokens - 1);
    const addressForm =
      pet !== undefined ||
      parts.some(
        (p) =>
          p.part === 'name' &&
          p.reading.score >= 0.15 &&
          // The word itself is the name («вера»), or the name clipped («дим» of «дима»): not
          // an odd form of a rare name («армии» as Арми).
          [token.norm, `${token.norm}а`, `${token.norm}я`].includes(normaliseWord(p.reading.lemma)),
      );
    const next = tokens[at + 1];
    // After «привет», «это», «позвони» any case will do; before «говорила», «ты» only the
    // nominative/vocative («тише ты» is no Тиша).
    if (SOCIAL_BEFORE.has(tokens[at - 1]?.norm ?? '') || (addressForm && inSocialContext(tokens, at))) {
      return found(0.65, 'person:social-context');
    }
    if (!NOT_VOCATIVE_BEFORE.has(next?.norm ?? '') && masculinePredicateAfter(tokens, at)) {
      return found(0.6, 'person:masculine-predicate');
    }
    const plausibleName = parts.some((p) => p.part === 'name' && p.reading.score >= 0.15);
    // «жене скажи»: a common noun for a person (the wife) is the likelier reading of the word.
    const personNoun = info.readings.some(
      (r) => r.grammemes.has('anim') && !['Name', 'Surn', 'Patr'].some((g) => r.grammemes.has(g)),
    );
    if ((pet !== undefined || plausibleName) && !personNoun && !afterIn && nearAddressVerb(tokens, at)) {
      return found(0.65, 'person:addressee');
    }
    // «баран на лугу», «офигенная тема»: a preposition after or an adjective before is no address.
    const previousPos = lookupWord(tokens[at - 1]?.norm ?? '').readings[0]?.pos;
    const nextPos = lookupWord(next?.norm ?? '').readings[0]?.pos;
    // Pet names that are also common words («тема») only open an utterance, never close one.
    const closingAllowed = !AMBIGUOUS_PET_NAMES.has(token.norm) && previousPos !== 'ADJF';
    // Opening an utterance a name may run straight on («Дима, по новостям сказали»), when the
    // dictionary's likeliest reading of the word is the name.
    const nameFirst =
      name !== undefined &&
      info.readings.every((r) => r.grammemes.has('Name') || r.score < name.reading.score);
    const addressed =
      (at === 0 ? nextPos !== 'PREP' || nameFirst : closingAllowed) && commaAround(tokens, at);
    if (addressPosition && addressForm && addressed && !NOT_VOCATIVE_BEFORE.has(next?.norm ?? '')) {
      return found(0.6, 'person:vocative');
    }
    return undefined;
  }
  // «Палыч», «Саныч», «Михалыч»: the spoken patronymic soldiers call an older man by; the value
  // keeps the form said (Az would rebuild «Михалыч» as «Михаилович»).
  const colloquial = COLLOQUIAL_PATRONYMIC.exec(token.norm);
  if (colloquial && !common) {
    const value = titleCase(`${colloquial[1]}ыч`);
    return { first: at, last: at, value, confidence: 0.75, rule: 'person:patronymic-colloquial' };
  }
  if (patronymic && !common) {
    return { first: at, last: at, value: valueOf(patronymic), confidence: 0.75, rule: 'person:patronymic' };
  }
  // Mid-sentence capitals are rare on ordinary nouns: «доклад Мантурова», «Песков разъяснил».
  if (capitalised && surname) {
    return {
      first: at,
      last: at,
      value: valueOf(surname),
      confidence: 0.7,
      rule: 'person:surname-capitalised',
    };
  }
  // A word the dictionary knows only as a surname («шойгу», «гитлер») is one in lower case too.
  const onlySurname = parts.length > 0 && parts.every((p) => p.part === 'surname');
  if (surname && onlySurname && !common && surnameOutweighsPlace(info.readings) && !afterIn) {
    return { first: at, last: at, value: valueOf(surname), confidence: 0.7, rule: 'person:surname-only' };
  }
  // A capitalised word the dictionary reads first of all as a surname («Путин поторопил»); in
  // lower case «мороз», «хохлов» would be surnames too, so not there.
  const top = info.readings[0];
  if (surname && token.capitalised && top?.grammemes.has('Surn') && top.score >= 0.5 && !afterIn) {
    return { first: at, last: at, value: valueOf(surname), confidence: 0.65, rule: 'person:surname' };
  }
  // Unknown capitalised word of surname shape; a town the dictionary knows does not stop it
  // unless a preposition makes it a place («доклад Мантурова» but «под Мантуровом»).
  const onlyPlaces = info.readings.every((r) => r.grammemes.has('Geox'));
  const shaped =
    capitalised && onlyPlaces && UNCUED_SURNAME_SHAPE.test(token.norm) && !afterPreposition(previous);
  if (shaped) {
    return {
      first: at,
      last: at,
      value: surnameFromShape(token.norm),
      confidence: 0.6,
      rule: 'person:surname-shape',
    };
  }
  return undefined;
}

/**
 * «гусева отпустили»: Az also reads «гусева» as the genitive of the village Гусев, but less likely
 * than the surname; the places pass has already claimed it where a preposition made it a place.
 */
function surnameOutweighsPlace(readings: readonly WordReading[]): boolean {
  return grammemeWeight(readings, 'Surn') > grammemeWeight(readings, 'Geox');
}

function afterPreposition(previous: Token | undefined): boolean {
  return previous !== undefined && lookupWord(previous.norm).readings.some((r) => r.pos === 'PREP');
}

function toEntity(text: string, tokens: readonly Token[], found: Found): Entity {
  const start = tokens[found.first]!.start;
  const end = tokens[found.last]!.end;
  return {
    kind: 'person',
    start,
    end,
    surface: text.slice(start, end),
    value: found.value,
    confidence: found.confidence,
    rule: found.rule,
  };
}

/**
 * Only names of two or three parts agreeing in case: strong enough to run before places, so
 * «Колю Петрова» is a person and not the village Petrove.
 */
export function extractPersonGroups(
  text: string,
  tokens: readonly Token[],
  taken: ReadonlySet<number>,
): Entity[] {
  const entities: Entity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const group = nameGroupAt(tokens, i);
    if (!group || tokens.slice(group.first, group.last + 1).some((t) => taken.has(t.index))) continue;
    entities.push(toEntity(text, tokens, group));
    i = group.last;
  }
  return entities;
}

/**
 * Public figures by surname in any case and any letter case («шойгу», «Суровикина»), with the first
 * name before it when there is one («Евгений Пригожин»). Runs before places: «Суровикина» is the
 * general, not the village of Surovikino.
 */
export function extractPublicFigures(
  text: string,
  tokens: readonly Token[],
  taken: ReadonlySet<number>,
): Entity[] {
  const entities: Entity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const surname = publicFigure(tokens[i]!.norm);
    if (!surname || taken.has(i)) continue;
    const previous = tokens[i - 1];
    const forename =
      previous && !taken.has(previous.index) && !separated(tokens[i]!)
        ? partsOf(previous.norm).find((p) => p.part === 'name')
        : undefined;
    entities.push(
      toEntity(text, tokens, {
        first: forename ? i - 1 : i,
        last: i,
        value: forename ? `${titleCase(surname)} ${valueOf(forename)}` : titleCase(surname),
        confidence: 0.85,
        rule: 'person:public-figure',
      }),
    );
  }
  return entities;
}

export function extractPersons(text: string, tokens: readonly Token[], taken: ReadonlySet<number>): Entity[] {
  const entities: Entity[] = [];
  const founds: Found[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i) || tokens[i]!.isNumber) continue;
    let found = cuedNameAt(tokens, i) ?? nameGroupAt(tokens, i) ?? singleNameAt(tokens, i, tokens.length);
    if (!found) continue;
    // A cued or single name may run on into a surname or patronymic: «зовут Вадим Кравец».
    const group = nameGroupAt(tokens, i);
    if (group && group.last > found.last)
      found = { ...group, confidence: Math.max(group.confidence, found.confidence) };
    else if (
      found.rule !== 'person:rank-surname' &&
      partsOf(tokens[i]!.norm).some((p) => p.part === 'name')
    ) {
      const next = tokens[i + 1];
      const guessed =
        next && !taken.has(next.index) && !separated(next) ? guessedSurname(next.norm) : undefined;
      if (guessed && next && lookupWord(next.norm).readings.length === 0) {
        found = {
          first: i,
          last: i + 1,
          value: `${guessed} ${found.value}`,
          confidence: 0.8,
          rule: 'person:name-guessed-surname',
        };
      }
    }
    if (tokens.slice(found.first, found.last + 1).some((t) => taken.has(t.index))) continue;
    entities.push(toEntity(text, tokens, found));
    founds.push(found);
    i = found.last;
  }
  const claimed = new Set([...taken, ...founds.flatMap((f) => [f.first, f.last])]);
  return [...entities, ...coordinatedNames(tokens, founds, claimed).map((f) => toEntity(text, tokens, f))];
}
