import {
  DIMINUTIVES,
  EVERYDAY_WORD_PET_NAMES,
  UKRAINIAN_FIRST_NAMES,
} from '../../publication/forms/name-tables.ts';
import { lookupWord } from './morphology.ts';
import { normaliseWord } from './tokens.ts';

/**
 * Case forms of names the OpenCorpora dictionary lacks or reads as something else: the pet names
 * relatives and soldiers use in every case («с Костяном», «Витьке скажи», «передай Коле»: Az reads
 * «коле» as the Kola peninsula) and the public figures this war's calls talk about, whose surnames
 * are missing («Зеленский», «Пригожин») or read first as places («Суровикина» → Surovikino).
 */

// Soldiers' pet forms the publication tables (name-tables.ts, the owner of first-name families)
// do not list; the value stays the form used («Кирюша»).
const SOLDIERS_PET_NAMES = [
  'кирюша', 'илюха', 'жека', 'женек', 'санек', 'шурик', 'вован', 'вовчик', 'толян', 'димон', 'колян',
  'лешка', 'витек', 'максимка', 'ромочка', 'светка', 'юрец', 'андрюха', 'андрюша', 'ванька', 'ванек',
  'тоха', 'антоха', 'никитос', 'славик', 'игорек', 'володька', 'костян', 'славян', 'стасян', 'димас',
  'петруха', 'жорик', 'гошан', 'серега', 'саня', 'леха', 'миха', 'мишаня', 'санька', 'юрка', 'димка',
  'танюха', 'ильюха', 'натаха', 'витюха', 'вовка', 'колюня', 'сашок',
  'пашка', 'колька', 'петька', 'витька', 'вадик', 'толик', 'костик', 'ярик', 'стас', 'влад',
]; // prettier-ignore

// Forms that are everyday words more often than names: «вали» (go away), «толи» (то ли),
// «кости» (bones), «пашу» (I plough), «жене» (to the wife), «толика» (a little).
const EVERYDAY_FORMS = new Set([
  'вали', 'коли', 'толи', 'кости', 'кати', 'маши', 'сани', 'жене', 'жену', 'валю', 'машу', 'пашу', 'толика',
  'влада', 'владе', 'стасе', 'шуре', 'гене', 'боре', 'миле', 'серых', 'колю',
]); // prettier-ignore

const HUSHING = /[жшчщцкгх]$/;

/** Case forms of one pet name (nominative, lower case, ё as е), Russian first and second declension. */
function caseForms(nominative: string): string[] {
  if (/[ая]$/.test(nominative)) {
    const stem = nominative.slice(0, -1);
    const soft = nominative.endsWith('я');
    const genitive = soft || HUSHING.test(stem) ? 'и' : 'ы';
    const instrumental = soft || /[жшчщц]$/.test(stem) ? 'ей' : 'ой';
    return [nominative, stem + genitive, `${stem}е`, stem + (soft ? 'ю' : 'у'), stem + instrumental];
  }
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(nominative)) {
    // «витек» → «витька», «сашок» → «сашка», «юрец» → «юрца»: the fleeting vowel drops.
    const oblique = nominative
      .replace(/([^аеиоуыэюя])ек$/, '$1ьк')
      .replace(/ок$/, 'к')
      .replace(/ец$/, 'ц');
    return [nominative, `${oblique}а`, `${oblique}у`, `${oblique}ом`, `${oblique}е`];
  }
  return [nominative];
}

/**
 * Case forms of a Ukrainian first name (the Russian dictionary knows none with «і»: «Сергій»,
 * «Андрію», «Миколі»), lower case: -ій, -о, -а and consonant stems.
 */
function ukrainianForms(nominative: string): string[] {
  if (nominative.endsWith('ій')) {
    const stem = nominative.slice(0, -2);
    return [nominative, `${stem}ія`, `${stem}ію`, `${stem}ієм`];
  }
  if (/[оа]$/.test(nominative)) {
    const stem = nominative.slice(0, -1);
    return nominative.endsWith('а')
      ? [nominative, `${stem}и`, `${stem}і`, `${stem}у`, `${stem}ою`]
      : [nominative, `${stem}а`, `${stem}у`, `${stem}ом`, `${stem}ові`];
  }
  return [nominative, `${nominative}а`, `${nominative}у`, `${nominative}ом`, `${nominative}ові`];
}

// Ukrainian pet forms in common use beside the full names of name-tables.ts.
const UKRAINIAN_PET_NAMES = ['сашко', 'михайлик', 'тарасик', 'оленка', 'наталка'];

function buildPetForms(): ReadonlyMap<string, string> {
  const pets = new Set([...Object.values(DIMINUTIVES).flat(), ...SOLDIERS_PET_NAMES]);
  const forms = new Map<string, string>();
  for (const pet of pets) {
    if (EVERYDAY_WORD_PET_NAMES.has(pet)) continue;
    for (const form of caseForms(pet)) {
      if (!EVERYDAY_FORMS.has(form) && !forms.has(form)) forms.set(form, pet);
    }
  }
  for (const name of [...Object.values(UKRAINIAN_FIRST_NAMES), ...UKRAINIAN_PET_NAMES]) {
    for (const form of ukrainianForms(name)) {
      // «павлу», «олега» are Russian forms too: there the dictionary's reading (Павел) stands.
      const russianName = lookupWord(form).readings.some((r) => r.grammemes.has('Name'));
      if (!forms.has(form) && !russianName) forms.set(form, name);
    }
  }
  // Pet names that are everyday words too («тема», «серый», «макс»): the nominative only, and the
  // person rules treat them as ambiguous (AMBIGUOUS_PET_NAMES in person-parts.ts).
  for (const pet of ['тема', 'серый', 'макс']) forms.set(pet, pet);
  return forms;
}

let petForms: ReadonlyMap<string, string> | undefined;

/**
 * Nominative of a pet name or a Ukrainian first name in any case: «костяна» → «костян», «коле» →
 * «коля», «жеке» → «жека», «андрію» → «андрій».
 */
export function petNominative(norm: string): string | undefined {
  petForms ??= buildPetForms(); // on first use: it reads the dictionary, loaded lazily too
  return petForms.get(norm) ?? derivedPetNominative(norm);
}

// Affectionate suffixes that make a pet name of any first name, in every case of the -а
// declension: «Витюша», «Лёшенька», «Ванечка», «Танюшка»; and «Митяй» (-яй, declined like «чай»).
const PET_SUFFIX_A = /^(.{2,}?)(юш|уш|еньк|оньк|ечк|юшк|ушк|юх|ух)(?:а|и|е|у|ой|ою)$/;
const PET_SUFFIX_YAI = /^(.{2,}?)(я)(?:й|я|ю|ем|е)$/;

/**
 * A pet name the tables lack, made by a productive suffix from a first name the dictionary knows:
 * «витюше» → «витюша» (Витя), «лешеньке» → «лешенька» (Лёша), «митяя» → «митяй» (Митя). Only words
 * the dictionary does not know at all: «душенька», «бабушка», «катюша» are ordinary words.
 */
function derivedPetNominative(norm: string): string | undefined {
  if (lookupWord(norm).readings.length > 0) return undefined;
  const suffixed = PET_SUFFIX_A.exec(norm);
  const yai = suffixed ? undefined : PET_SUFFIX_YAI.exec(norm);
  const [stem, suffix] = suffixed ? [suffixed[1]!, suffixed[2]!] : yai ? [yai[1]!, 'я'] : [];
  if (!stem || !suffix) return undefined;
  const isFirstName = (candidate: string) =>
    lookupWord(candidate).readings.some(
      (r) => r.grammemes.has('Name') && r.grammemes.has('nomn') && normaliseWord(r.lemma) === candidate,
    );
  if (![`${stem}я`, `${stem}а`, `${stem}ья`].some(isFirstName)) return undefined;
  return suffixed ? `${stem}${suffix}а` : `${stem}яй`;
}

// Surnames of public figures that soldiers' and relatives' calls name (the leaders, the defence
// ministers and generals of both sides, the Wagner founders), nominative, lower case, ё as е.
// Only surnames that are no everyday word in any case: «Лавров» (laurels), «Песков» (sands) stay out.
const PUBLIC_FIGURES = [
  'путин', 'шойгу', 'герасимов', 'пригожин', 'уткин', 'суровикин', 'кадыров', 'лукашенко', 'медведев',
  'белоусов', 'мизинцев', 'лапин', 'теплинский', 'дворников', 'гиркин', 'стрелков', 'пушилин', 'пасечник',
  'захарченко', 'зеленский', 'залужный', 'сырский', 'буданов', 'резников', 'умеров', 'байден', 'трамп',
  'гитлер', 'сталин', 'навальный', 'кириенко', 'мордвичев', 'трошев', 'чайко', 'никифоров', 'сердюков',
  'моисеев', 'матвиенко', 'володин', 'собянин', 'мишустин', 'дюмин', 'золотов', 'бортников', 'патрушев',
  'нарышкин', 'делимханов', 'алаудинов', 'балицкий', 'ермак', 'кличко', 'порошенко', 'арестович',
  'подоляк', 'макрон', 'шольц', 'столтенберг',
]; // prettier-ignore

function surnameForms(nominative: string): string[] {
  if (/(ский|цкий)$/.test(nominative)) {
    const stem = nominative.slice(0, -2);
    return [nominative, `${stem}ого`, `${stem}ому`, `${stem}им`, `${stem}ом`];
  }
  if (/ный$/.test(nominative)) {
    const stem = nominative.slice(0, -2);
    return [nominative, `${stem}ого`, `${stem}ому`, `${stem}ым`, `${stem}ом`];
  }
  if (/(ов|ев|ин|ын)$/.test(nominative)) {
    return [nominative, `${nominative}а`, `${nominative}у`, `${nominative}ым`, `${nominative}е`];
  }
  if (/[оуиэе]$/.test(nominative)) return [nominative]; // «Шойгу», «Лукашенко»: indeclinable
  return caseForms(nominative);
}

function buildFigureForms(): ReadonlyMap<string, string> {
  const forms = new Map<string, string>();
  for (const surname of PUBLIC_FIGURES) {
    for (const form of surnameForms(surname)) forms.set(form, surname);
  }
  return forms;
}

const FIGURE_FORMS = buildFigureForms();

/** Nominative surname of a public figure in any case: «шойгу», «путину» → «путин». */
export function publicFigure(norm: string): string | undefined {
  return FIGURE_FORMS.get(norm);
}
