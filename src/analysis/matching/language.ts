import type { LanguageVerdict } from '../types.ts';
import type { Token } from './normalise.ts';

/**
 * Russian, Ukrainian or both, per segment. Intercepts mix the two (and surzhyk); the lexicon is
 * Russian, so the verdict says when its matches cannot be trusted to be complete.
 */

const UKRAINIAN_LETTERS = /[іїєґ]/;
const RUSSIAN_LETTERS = /[ыэъ]/;
const UKRAINIAN_WORDS = new Set([
  'що',
  'це',
  'як',
  'від',
  'ми',
  'ви',
  'він',
  'вона',
  'вони',
  'немає',
  'нема',
  'але',
  'бо',
  'який',
  'яка',
  'тільки',
  'дуже',
  'зараз',
  'буде',
  'треба',
  'хлопці',
  'вже',
  'ще',
  'його',
  'цей',
  'ця',
  'чи',
  'хто',
  'коли',
  'тому',
  'тобі',
  'мені',
  'щоб',
  'також',
  'ось',
  'добре',
  'гаразд',
  'давай',
  'кажу',
  'каже',
]);
const RUSSIAN_WORDS = new Set([
  'что',
  'это',
  'как',
  'от',
  'мы',
  'вы',
  'он',
  'она',
  'они',
  'нет',
  'но',
  'потому',
  'который',
  'только',
  'очень',
  'сейчас',
  'будет',
  'надо',
  'ребята',
  'уже',
  'еще',
  'ещё',
  'его',
  'этот',
  'эта',
  'кто',
  'когда',
  'тебе',
  'мне',
  'чтобы',
  'тоже',
  'вот',
  'хорошо',
  'ладно',
  'говорю',
  'говорит',
  'где',
  'здесь',
]);

export function detectLanguage(tokens: readonly Token[]): LanguageVerdict {
  let ukrainian = 0;
  let russian = 0;
  let cyrillic = 0;
  for (const token of tokens) {
    if (!/[а-яіїєґ]/.test(token.norm)) continue;
    cyrillic++;
    if (UKRAINIAN_LETTERS.test(token.norm) || UKRAINIAN_WORDS.has(token.norm)) ukrainian++;
    else if (RUSSIAN_LETTERS.test(token.norm) || RUSSIAN_WORDS.has(token.norm)) russian++;
  }
  if (cyrillic === 0) {
    return {
      code: 'unknown',
      lexiconCovers: false,
      note:
        tokens.length === 0 ? 'no words to analyse' : 'no Cyrillic words: the lexicon covers Russian only',
    };
  }
  if (ukrainian === 0) return { code: 'ru', lexiconCovers: true };
  if (russian === 0 || ukrainian >= 3 * russian) {
    return {
      code: 'uk',
      lexiconCovers: false,
      note: 'Ukrainian text: the lexicon covers Russian only, so code words may be missed',
    };
  }
  if (russian >= 3 * ukrainian && ukrainian === 1) return { code: 'ru', lexiconCovers: true };
  return {
    code: 'mixed',
    lexiconCovers: false,
    note: 'mixed Russian and Ukrainian: Russian parts are matched, Ukrainian parts may be missed',
  };
}
