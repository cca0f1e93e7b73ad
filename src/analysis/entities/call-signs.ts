import type { Entity } from './types.ts';
import { lookupWord } from './morphology.ts';
import { ordinalValue } from './spoken-numbers.ts';
import { capitalisedMidSentence, titleCase, type Token } from './tokens.ts';

/**
 * Call signs: «позывной Гром» (any case of «позывной»), radio exchanges «Первый, я Шестой» /
 * «первый я шестой приём», calls to answer «Шестой, ответь», and the commander named by his call
 * sign «командир у нас Тайга» / «Гранит, командир наш». Without punctuation «первый я шестой»
 * could be ordinary speech, so an exchange counts only when both sides are ordinals, or a radio
 * word («приём», «ответь», «как слышно») confirms it, or the text capitalises both names.
 */

const CALL_SIGN_CUE = /^позывн(?:ой|ого|ому|ым|ом|ые|ых|ыми|ий|ого)$/;
const FILLERS = new Set([
  'у',
  'него',
  'нее',
  'его',
  'ее',
  'был',
  'была',
  'такой',
  'типа',
  'вроде',
  'там',
  'это',
]);
const RADIO_CONFIRMATION = new Set([
  'прием', 'приеме', 'ответь', 'ответьте', 'отвечай', 'доложи', 'доложите', 'слышишь', 'слышно', 'связи', 'связь',
  'отзовись', 'подтверди', 'понял', 'принял',
]); // prettier-ignore
// Words heard around a radio call that are never call signs themselves.
const NOT_CALL_SIGNS = new Set([
  'связь', 'прием', 'конец', 'понял', 'принял', 'так', 'да', 'нет', 'вопрос', 'внимание', 'всем', 'мама', 'мам',
  'папа', 'пап', 'брат', 'братан', 'сын', 'сынок', 'сестра', 'жена', 'друг', 'командир', 'я', 'ты', 'он', 'она',
  'мы', 'вы', 'они', 'кто', 'что', 'это', 'то', 'все', 'всё', 'ну', 'вот', 'там', 'тут', 'здесь', 'дом', 'один',
  'сам', 'люди', 'народ', 'пацаны', 'парни', 'мужики', 'бог', 'господи', 'время', 'раз', 'день',
]); // prettier-ignore
const COMMANDER = /^командир$/;
const COMMANDER_OF = new Set([
  'наш',
  'отделения',
  'роты',
  'взвода',
  'батальона',
  'группы',
  'полка',
  'расчета',
]);

/** Mostly a person's name («Дима»), not a noun that also happens to be one («Гранит»). */
function isPersonName(norm: string): boolean {
  const top = lookupWord(norm).readings[0];
  return top !== undefined && (top.grammemes.has('Name') || top.grammemes.has('Surn'));
}

const PRONOUNS = new Set([
  'я',
  'ты',
  'он',
  'она',
  'мы',
  'вы',
  'они',
  'кто',
  'что',
  'это',
  'то',
  'все',
  'всё',
]);

// «Буран-30», «Рама-69», «Юг-95»: a word with a number, the usual shape of a unit's call sign.
const NUMBERED_CALL_SIGN = /^[а-яё]{2,}-\d{1,4}$/;

/** A nominative noun or ordinal that could serve as a call sign. */
function callSignLike(token: Token | undefined): boolean {
  if (!token || token.isNumber || NOT_CALL_SIGNS.has(token.norm) || token.norm.length < 3) return false;
  if (isOrdinalWord(token) || NUMBERED_CALL_SIGN.test(token.norm)) return true;
  // The most likely reading must be a noun or adjective: «бей, бей» is a verb.
  const readings = lookupWord(token.norm).readings;
  if (readings[0] && readings[0].pos !== 'NOUN' && readings[0].pos !== 'ADJF') return false;
  return readings.some(
    (r) => (r.pos === 'NOUN' || r.pos === 'ADJF') && r.grammemes.has('nomn') && !r.grammemes.has('plur'),
  );
}

function mayBeNominative(token: Token): boolean {
  const readings = lookupWord(token.norm).readings;
  if (readings.length === 0 || NUMBERED_CALL_SIGN.test(token.norm) || /^\d/.test(token.norm)) return true;
  return readings.some((r) => r.grammemes.has('nomn'));
}

function isOrdinalWord(token: Token): boolean {
  return ordinalValue(token.norm) !== undefined && /(?:ый|ой|ий)$/.test(token.norm);
}

function entity(text: string, token: Token, confidence: number, rule: string): Entity {
  return {
    kind: 'call_sign',
    start: token.start,
    end: token.end,
    surface: token.surface,
    value: titleCase(token.surface.toLowerCase()),
    confidence,
    rule,
  };
}

/** A quoted word next to «я», a repeat of itself or a radio word: «"Воронеж", "Воронеж", приём». */
function quotedInRadioTalk(tokens: readonly Token[], at: number): boolean {
  const near = tokens.slice(Math.max(0, at - 2), at + 4);
  return near.some(
    (t) =>
      t.index !== at && (t.norm === 'я' || t.norm === tokens[at]!.norm || RADIO_CONFIRMATION.has(t.norm)),
  );
}

function confirmedAfter(tokens: readonly Token[], at: number): boolean {
  return tokens.slice(at + 1, at + 4).some((t) => RADIO_CONFIRMATION.has(t.norm) || /^прием/.test(t.norm));
}

export function extractCallSigns(
  text: string,
  tokens: readonly Token[],
  taken: ReadonlySet<number>,
): Entity[] {
  const found = new Map<number, Entity>();
  const add = (token: Token, confidence: number, rule: string): void => {
    if (taken.has(token.index) || found.has(token.index)) return;
    found.set(token.index, entity(text, token, confidence, rule));
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // Quotes already single the word out, so any word will do: «"Юг"», «"Гар"», «"23-ий"».
    // Even «"Мама"» is a call sign once quoted on the radio; «работать "Пчелой"» (no nominative
    // reading) is a code word for a drone, not someone's name.
    const quotable = token.norm.length >= 2 && !PRONOUNS.has(token.norm) && mayBeNominative(token);
    if (token.quoted && quotable && quotedInRadioTalk(tokens, i)) {
      add(token, 0.8, 'call_sign:quoted');
      continue;
    }
    // «"Рысь", давайте сразу работать»: a quoted word opening an utterance addresses someone.
    const opensUtterance = i === 0 || /[.!?]/.test(token.punctuationBefore);
    if (token.quoted && quotable && opensUtterance && tokens[i + 1]?.punctuationBefore.startsWith('",')) {
      add(token, 0.75, 'call_sign:quoted-address');
      continue;
    }
    // «воронеж воронеж на приёме»: a name said twice and a radio word after it is a hail.
    const repeat = tokens[i + 1];
    const answered = (at: number): boolean => tokens[at + 1]?.norm === 'я' || confirmedAfter(tokens, at);
    if (repeat && repeat.norm === token.norm && callSignLike(token) && answered(repeat.index)) {
      add(token, 0.75, 'call_sign:repeated');
      add(repeat, 0.75, 'call_sign:repeated');
      i++;
      continue;
    }
    if (CALL_SIGN_CUE.test(token.norm)) {
      let j = i + 1;
      while (tokens[j] && FILLERS.has(tokens[j]!.norm)) j++;
      const sign = tokens[j];
      if (sign && !sign.isNumber && !NOT_CALL_SIGNS.has(sign.norm)) add(sign, 0.95, 'call_sign:cue');
      continue;
    }
    if (token.norm === 'я') {
      // «Сирена! Я Буран»: a sentence break before «я» means the word before is not addressed.
      const addressee = /[.!?]/.test(token.punctuationBefore) ? undefined : tokens[i - 1];
      const caller = tokens[i + 1];
      if (!caller || !callSignLike(caller)) continue;
      const confirmed = confirmedAfter(tokens, caller.index);
      const bothOrdinals = addressee !== undefined && isOrdinalWord(addressee) && isOrdinalWord(caller);
      const bothCapitalised =
        addressee !== undefined &&
        (addressee.capitalised || addressee.quoted) &&
        (capitalisedMidSentence(caller, token) || caller.quoted);
      const addresseeFits =
        addressee !== undefined && callSignLike(addressee) && !isPersonName(addressee.norm);
      if (addresseeFits && (confirmed || bothOrdinals || bothCapitalised)) {
        const confidence = confirmed ? 0.9 : bothOrdinals ? 0.8 : 0.7;
        add(addressee, confidence, 'call_sign:radio-exchange');
        add(caller, confidence, 'call_sign:radio-exchange');
      } else if (confirmed && !isPersonName(caller.norm)) {
        add(caller, 0.85, 'call_sign:radio-self');
      } else if (isOrdinalWord(caller) && (caller.quoted || capitalisedMidSentence(caller, token))) {
        // «Аа, я Шестой, цель открывается»: an ordinal name written with a capital.
        add(caller, 0.75, 'call_sign:radio-self');
      }
      continue;
    }
    if (RADIO_CONFIRMATION.has(tokens[i + 1]?.norm ?? '') && tokens[i + 1]!.norm !== 'связь') {
      // «шестой ответь», «гром приём»: ordinals always; nouns only for the strongest radio words.
      const next = tokens[i + 1]!.norm;
      // A noun hailed mid-sentence is usually just a noun («как тот аппарат, приём»): it needs
      // quotes, a capital, the start of the utterance or a repeat («Буран, Буран, приём»).
      const hailShape =
        token.quoted ||
        capitalisedMidSentence(token, tokens[i - 1]) ||
        i === 0 ||
        tokens[i - 1]?.norm === token.norm;
      if (isOrdinalWord(token) || NUMBERED_CALL_SIGN.test(token.norm)) add(token, 0.8, 'call_sign:hail');
      else if (
        ['прием', 'ответь', 'ответьте', 'отзовись'].includes(next) &&
        callSignLike(token) &&
        hailShape
      ) {
        if (!isPersonName(token.norm)) add(token, 0.7, 'call_sign:hail');
      }
      continue;
    }
    if (COMMANDER.test(token.norm)) {
      // «командир у нас Тайга», «командир наш Тайга»
      let j = i + 1;
      if (tokens[j]?.norm === 'у' && tokens[j + 1]?.norm === 'нас') j += 2;
      else if (tokens[j]?.norm === 'наш') j += 1;
      const after = tokens[j];
      if (j > i + 1 && after && callSignLike(after) && !isPersonName(after.norm) && !isOrdinalWord(after)) {
        add(after, 0.65, 'call_sign:commander');
      }
      // «Гранит, командир наш», «Бес, командир отделения»
      const before = tokens[i - 1];
      const of = tokens[i + 1];
      if (before && of && COMMANDER_OF.has(of.norm) && callSignLike(before) && !isPersonName(before.norm)) {
        // A noun first of all («Гранит»; «гранить» is a rare verb), never an adjective («новый»).
        if (lookupWord(before.norm).readings[0]?.pos === 'NOUN') add(before, 0.65, 'call_sign:commander');
      }
    }
  }
  return [...found.values()];
}
