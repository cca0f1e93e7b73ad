import type { LanguageVerdict } from '../types.ts';
import type { Token } from './normalise.ts';

/**
 * Russian, Ukrainian, both (surzhyk, or two speakers in one segment) or neither, per segment.
 * Recognisers write without capitals or punctuation, and one trained on Russian writes Ukrainian
 * with Russian letters («мени», «хлопци», «тильки»), so the letters і ї є ґ are only one clue:
 * words that exist in one language only, in their written and their recognised spellings, are the
 * other. Words both languages share («так», «там», «давай», «тебе») say nothing.
 */

const UKRAINIAN_LETTERS = /[іїєґ]/;
const RUSSIAN_LETTERS = /[ыэъ]/;
const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

/** Ukrainian-only words; after the written form, the spellings a Russian recogniser gives them. */
const UKRAINIAN_WORDS = words(`
  що якщо це цей ця ці цього цим від він вона вони воно його йому їх їм мені тобі собі мене ми ви ти
  немає нема але бо який яка яке які тільки дуже треба хлопці хлопців дівчата вже ще чи хто коли щоб
  також ось добре гаразд кажу каже кажуть зараз буде будемо був була було були де куди звідки потім
  тепер сьогодні вчора нічого ніхто ніде можна мабуть навіть після між біля бачу бачив бачиш знаєш
  хіба дякую привіт мамо синку хата хату хати з із зі йде іде йдемо ідемо пішов пішли прийшов казав робиш роблю
  робити гроші хліб їсти їжі їжа ніч вночі зранку ввечері звязку є
  якшо шчо вин мени тоби соби тильки тилькы хлопци хлопцив ничого нихто ниде писля потим сьогодни
  пишов пишлы йих добрэ будэ кажэ трэба тэпэр щэ вжэ алэ дякую прывит пид ничь нич вси одын доси биля
  бильше знову воны покы хоч хай як справи справы казала дощ ввечери вночи всих визьмы купы маты доню пидемо пиду тила гроши хлиба йе
`);
const RUSSIAN_WORDS = words(`
  что чё это как он она они нет потому который только очень сейчас будет надо ребята уже еще его этот
  эта кто когда мне чтобы тоже вот хорошо ладно говорю говорит где здесь сказал был была были было
  ничего сегодня вчера потом теперь куда пошли пошел пришел знаешь видел деньги если нужно можно
  почему сколько много говорят
`);
/**
 * Ukrainian words of war talk whose spelling Russian lacks even without і ї є («двохсотих», not
 * «двухсотых»; «поранених» with one н, not «пораненных»).
 */
const UKRAINIAN_PREFIXES =
  /^(двохсот|трьохсот|трохсот|бусифік|тецека|загин|загибл|поранен(?!н)|ухилян|людолов)/;
/**
 * Spellings Russian does not have, which a Russian recogniser produces from Ukrainian sounds: ы
 * after г к х ж ш ч щ («важкый», «лышылы»), the past plural «-ылы», «йи» for ї («йисты»),
 * «-ння» (поранення), and «й» standing alone for «і».
 */
const UKRAINIAN_SPELLING = /[гкхжшчщ]ы|ылы$|йи|нн(я|ям|і|и)$|^й$/;
/** Ukrainian third person plural («стріляють», «кажуть» as «кажуть»): Russian writes «-ют» without ь. */
const UKRAINIAN_ENDING = /\p{L}{2}ють$/u;
/** The apostrophe inside a Cyrillic word is Ukrainian spelling («п'ятеро», «м'ясо»). */
const APOSTROPHE_IN_WORD = /[а-яіїєґ]['’ʼ][а-яіїєґ]/i;

/** How many words point to each language (Russian letters alone count half). */
export interface LanguageEvidence {
  ukrainian: number;
  russian: number;
  cyrillic: number;
}

export function languageEvidence(tokens: readonly Token[]): LanguageEvidence {
  const evidence = { ukrainian: 0, russian: 0, cyrillic: 0 };
  for (const token of tokens) {
    const word = token.norm;
    if (!/[а-яіїєґ]/.test(word)) continue;
    evidence.cyrillic++;
    if (
      UKRAINIAN_WORDS.has(word) ||
      UKRAINIAN_PREFIXES.test(word) ||
      UKRAINIAN_ENDING.test(word) ||
      UKRAINIAN_SPELLING.test(word) ||
      APOSTROPHE_IN_WORD.test(token.surface)
    ) {
      evidence.ukrainian++;
    } else if (RUSSIAN_WORDS.has(word)) evidence.russian++;
    else if (UKRAINIAN_LETTERS.test(word)) evidence.ukrainian++;
    // A Russian recogniser writes Ukrainian и as ы and е as э («бачылы»): weak evidence only.
    else if (RUSSIAN_LETTERS.test(word)) evidence.russian += 0.5;
  }
  return evidence;
}

export function detectLanguage(tokens: readonly Token[]): LanguageVerdict {
  return verdictFrom(languageEvidence(tokens), tokens.length);
}

export function verdictFrom(evidence: LanguageEvidence, tokenCount: number): LanguageVerdict {
  const { ukrainian, russian, cyrillic } = evidence;
  if (cyrillic === 0) {
    return {
      code: 'unknown',
      lexiconCovers: false,
      note:
        tokenCount === 0
          ? 'no words to analyse'
          : 'no Cyrillic words: the lexicons cover Russian and Ukrainian written in Cyrillic',
    };
  }
  if (ukrainian === 0) return { code: 'ru', lexiconCovers: true };
  // One Ukrainian-looking word in Russian talk is a name or a quotation, not a second language.
  if (russian >= 3 * ukrainian && ukrainian === 1) return { code: 'ru', lexiconCovers: true };
  if (russian === 0 || ukrainian >= 4 * russian) {
    return {
      code: 'uk',
      lexiconCovers: true,
      note: 'Ukrainian: matched with the Ukrainian and the Russian lexicon',
    };
  }
  return {
    code: 'mixed',
    lexiconCovers: true,
    note: 'mixed Russian and Ukrainian (or surzhyk): matched with both lexicons',
  };
}
