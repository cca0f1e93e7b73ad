import type { Entity } from './types.ts';
import { grammemeWeight, lookupWord, type WordInfo, type WordReading } from './morphology.ts';
import { petNominative, publicFigure } from './name-forms.ts';
import {
  afterPreposition,
  commaAround,
  coordinatedNames,
  cuedNameAt,
  FUNCTION_POS,
  inSocialContext,
  isOrganisation,
  masculinePredicateAfter,
  nearAddressVerb,
  NOT_VOCATIVE_BEFORE,
  SOCIAL_BEFORE,
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

const COLLOQUIAL_PATRONYMIC = /^([а-я]{2,})ыч(?:а|у|ем|е)?$/;

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

/** One word read once for every check on it: its dictionary readings, name parts and neighbour. */
interface NameCandidate {
  token: Token;
  previous: Token | undefined;
  capitalised: boolean;
  pet: string | undefined;
  info: WordInfo;
  parts: PartReading[];
  name: PartReading | undefined;
  common: boolean;
  afterIn: boolean;
}

function singleNameAt(tokens: readonly Token[], at: number, textTokens: number): Found | undefined {
  const token = tokens[at]!;
  // A word in quotes is a call sign, a brand or a title («на «Ладу»», «позывной «Лис»»), no person.
  if (token.quoted) return undefined;
  const previous = tokens[at - 1];
  const parts = partsOf(token.norm);
  const word: NameCandidate = {
    token,
    previous,
    capitalised: capitalisedMidSentence(token, previous),
    pet: petNominative(token.norm),
    info: lookupWord(token.norm),
    parts,
    name: parts.find((p) => p.part === 'name'),
    common: isCommon(token.norm),
    afterIn: ['в', 'во', 'на'].includes(previous?.norm ?? ''),
  };
  const { pet, name } = word;
  if (isOrganisation(tokens, at, parts)) return undefined;
  if (word.info.readings.some((r) => FUNCTION_POS.has(r.pos)) && !name) return undefined;
  // «в Вагнере», «на Ахмате»: a name in the locative after «в/на» is an organisation or a place.
  if (name && word.afterIn && parts.every((p) => p.reading.grammemes.has('loct'))) return undefined;
  const value = pet ? titleCase(pet) : name ? valueOf(name) : undefined;
  // Two letters are a clipped word or an ordinal suffix («83-ий» heard as «83 ий»), not a name.
  if (value && token.norm.length >= 3 && !NOT_A_NAME.has(token.norm)) {
    return forenameByContext(tokens, at, textTokens, word, value);
  }
  return patronymicOrSurnameAt(at, word);
}

/**
 * A first name or pet name: taken as it is when no ordinary word is spelt the same; otherwise
 * only when a capital, the words around it or the address position of a vocative say a person
 * is meant («привет, Вера», «Слава звонил», «дим, а когда...»).
 */
function forenameByContext(
  tokens: readonly Token[],
  at: number,
  textTokens: number,
  word: NameCandidate,
  value: string,
): Found | undefined {
  const { token, info, parts, pet, name } = word;
  const found = (confidence: number, rule: string): Found => ({
    first: at,
    last: at,
    value,
    confidence,
    rule,
  });
  if (!word.common) return found(0.8, 'person:first-name');
  if (word.capitalised) return found(0.7, 'person:first-name-capitalised');
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
  if ((pet !== undefined || plausibleName) && !personNoun && !word.afterIn && nearAddressVerb(tokens, at)) {
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
    name !== undefined && info.readings.every((r) => r.grammemes.has('Name') || r.score < name.reading.score);
  const addressed = (at === 0 ? nextPos !== 'PREP' || nameFirst : closingAllowed) && commaAround(tokens, at);
  if (addressPosition && addressForm && addressed && !NOT_VOCATIVE_BEFORE.has(next?.norm ?? '')) {
    return found(0.6, 'person:vocative');
  }
  return undefined;
}

/** A word that is no first name: a patronymic («Палыч»), or a surname by capital, dictionary or shape. */
function patronymicOrSurnameAt(at: number, word: NameCandidate): Found | undefined {
  const { token, info, parts, common, capitalised } = word;
  const patronymic = parts.find((p) => p.part === 'patronymic');
  const surname = parts.find((p) => p.part === 'surname');
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
  if (surname && onlySurname && !common && surnameOutweighsPlace(info.readings) && !word.afterIn) {
    return { first: at, last: at, value: valueOf(surname), confidence: 0.7, rule: 'person:surname-only' };
  }
  // A capitalised word the dictionary reads first of all as a surname («Путин поторопил»); in
  // lower case «мороз», «хохлов» would be surnames too, so not there.
  const top = info.readings[0];
  if (surname && token.capitalised && top?.grammemes.has('Surn') && top.score >= 0.5 && !word.afterIn) {
    return { first: at, last: at, value: valueOf(surname), confidence: 0.65, rule: 'person:surname' };
  }
  // Unknown capitalised word of surname shape; a town the dictionary knows does not stop it
  // unless a preposition makes it a place («доклад Мантурова» but «под Мантуровом»).
  const onlyPlaces = info.readings.every((r) => r.grammemes.has('Geox'));
  const shaped =
    capitalised && onlyPlaces && UNCUED_SURNAME_SHAPE.test(token.norm) && !afterPreposition(word.previous);
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
