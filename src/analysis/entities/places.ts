import type { Entity } from './types.ts';
import type { GazetteerEntry } from './gazetteer-data.ts';
import { gazetteer, type GazetteerIndex } from './gazetteer.ts';
import { grammemeWeight, lookupWord } from './morphology.ts';
import { petNominative } from './name-forms.ts';
import { capitalisedMidSentence, normaliseWord, type Token } from './tokens.ts';

/**
 * Places from the gazetteer, in any case form: «под Бахмутом», «в Харькове», «из Авдеевки»,
 * «на Угледар», «в харьковской области», «на донетчине». A word is tried as written, then as the
 * place lemmas Az.js gives it (Geox), then by stripping case endings for names Az does not know.
 * Town names that are also ordinary words («мир», «счастье», «пески», «изюм») need a settlement
 * noun, a capital letter in published text, or a «под»-style preposition before they count.
 */

const PREPOSITIONS = new Set([
  'в', 'во', 'под', 'подо', 'из', 'из-под', 'на', 'с', 'со', 'от', 'до', 'около', 'возле', 'у', 'через',
  'за', 'к', 'ко', 'по', 'близ', 'мимо', 'вокруг', 'после', 'перед', 'районе', 'район', 'направлении',
  'направление', 'сторону', 'стороны', 'окраине', 'окраинах', 'окраину', 'окрестностях', 'під', 'біля',
]); // prettier-ignore
// Prepositions that around a front line almost always precede a place («стоим под Изюмом»).
const STRONG_PREPOSITIONS = new Set(['под', 'подо', 'из-под', 'під', 'районе', 'направлении', 'окраине']);
// The only prepositions that let a town name that is also an ordinary word count: «в Шахтах»,
// «из Изюма», but not «по гражданке» or «на счастье».
const PLACE_PREPOSITIONS = new Set([
  ...STRONG_PREPOSITIONS,
  'в',
  'во',
  'из',
  'около',
  'возле',
  'окрестностях',
]);
const SETTLEMENT_NOUN =
  /^(?:город|села|село|селе|селом|поселок|поселка|поселке|пгт|деревн[яиеюей]|станиц[аыеу]|хутор|хутора|нп|н\.п|населенн[а-я]+|городе|города|городом|місто|міста|селище)$/;

const SUFFIX_RULES: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/ого$/, ['ое', 'ий', 'ый', 'ой', '']], [/его$/, ['ее', 'ий']], [/ому$/, ['ое', 'ий', 'ый', '']],
  [/ами$/, ['ы', 'и']], [/ями$/, ['и']], [/ией$/, ['ия']], [/ом$/, ['', 'о', 'е']], [/ем$/, ['', 'ь', 'е']],
  [/ой$/, ['а', 'ая', 'ое', 'ий', 'ый']], [/ою$/, ['а', 'ая']], [/ей$/, ['а', 'я', 'ь', 'ая']], [/ую$/, ['ая']],
  [/ым$/, ['ое', 'ый', '']], [/им$/, ['ое', 'ий']], [/ах$/, ['ы', 'и', 'а']], [/ам$/, ['ы', 'и']], [/ях$/, ['и']],
  [/ии$/, ['ия']], [/ию$/, ['ия']], [/е$/, ['', 'а', 'я', 'ь', 'о']], [/и$/, ['а', 'я', 'ь', 'ы']],
  // Ukrainian locatives and instrumentals: «у Харкові», «під Покровськом», «на Донеччині».
  [/ові$/, ['ів', '']], [/ці$/, ['ка']], [/і$/, ['а', 'я', '', 'ь']],
  [/ы$/, ['а']], [/у$/, ['', 'а', 'о']], [/ю$/, ['я', 'ь']], [/а$/, ['', 'ь', 'о']], [/я$/, ['ь', 'е']],
]; // prettier-ignore
const ADJECTIVE_ENDING = /(?:ая|ой|ую|ою|ий|ого|ому|ом)$/;
const REGION_NOUN_ENDING = /^(?:|а|ы|е|у|ой|ою|и|я|ю|ей|ье|ья|ьи|ью|ьем)$/;

type HowFound = 'exact' | 'lemma' | 'suffix';

interface Hit {
  entry: GazetteerEntry;
  how: HowFound;
  /** The gazetteer name that matched. */
  key: string;
}

/**
 * Names a single word may stand for, in the order of trust. Case endings are stripped only from
 * words the dictionary does not know, or knows as nouns («в Шахтах»): never from adjectives and
 * verbs («с Новым годом» is no village Nove).
 */
function candidateNames(token: Token, alwaysStrip = false): Array<{ name: string; how: HowFound }> {
  const norm = token.norm;
  const names: Array<{ name: string; how: HowFound }> = [{ name: norm, how: 'exact' }];
  const readings = lookupWord(token.norm).readings;
  for (const reading of readings) {
    if (reading.grammemes.has('Geox')) names.push({ name: reading.lemma.replace(/ё/g, 'е'), how: 'lemma' });
  }
  const strippable = alwaysStrip || readings.length === 0 || readings[0]!.pos === 'NOUN';
  if ((norm.length >= 5 || (alwaysStrip && norm.length >= 3)) && strippable) {
    for (const [ending, replacements] of SUFFIX_RULES) {
      if (!ending.test(norm)) continue;
      for (const replacement of replacements)
        names.push({ name: norm.replace(ending, replacement), how: 'suffix' });
    }
  }
  return names;
}

function isPrimaryName(entry: GazetteerEntry, key: string): boolean {
  return [entry.place.nameRu, entry.place.nameUk ?? ''].map(normaliseWord).includes(key);
}

/** First hit on a place's own Russian or Ukrainian name, else the first hit on any spelling. */
// Single-word lookups per word form, remembered: the gazetteer never changes while running.
const singleCache = new Map<string, Hit | null>();
const multiStartCache = new Map<string, Array<{ name: string; how: HowFound }>>();
const CACHE_LIMIT = 100_000;

function remember<V>(cache: Map<string, V>, key: string, compute: () => V): V {
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const value = compute();
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

function lookupSingle(index: GazetteerIndex, token: Token): Hit | undefined {
  return remember(singleCache, token.norm, () => findSingle(index, token) ?? null) ?? undefined;
}

function findSingle(index: GazetteerIndex, token: Token): Hit | undefined {
  let fallback: Hit | undefined;
  for (const { name, how } of candidateNames(token)) {
    const entry = index.byName.get(name)?.[0];
    if (!entry) continue;
    if (isPrimaryName(entry, name)) return { entry, how, key: name };
    fallback ??= { entry, how, key: name };
  }
  return fallback;
}

function lookupMultiWord(
  index: GazetteerIndex,
  tokens: readonly Token[],
  at: number,
): [Hit, number] | undefined {
  const first = tokens[at]!;
  // Inside a known multi-word name every word may be inflected («под Часовым Яром»).
  const firstNames = remember(multiStartCache, first.norm, () =>
    candidateNames(first, true).filter(({ name }) => index.multiWordStarts.has(name)),
  );
  for (const { name, how } of firstNames) {
    const counts = [...index.multiWordStarts.get(name)!].sort((a, b) => b - a);
    for (const count of counts) {
      if (at + count > tokens.length) continue;
      let prefixes = [name];
      for (let k = 1; k < count; k++) {
        const next = candidateNames(tokens[at + k]!, true).map((c) => c.name);
        prefixes = prefixes.flatMap((prefix) => next.map((word) => `${prefix} ${word}`));
      }
      for (const key of prefixes) {
        const entry = index.byName.get(key)?.[0];
        if (entry) return [{ entry, how, key }, count];
      }
    }
  }
  return undefined;
}

function regionAt(
  index: GazetteerIndex,
  tokens: readonly Token[],
  at: number,
): [GazetteerEntry, number] | undefined {
  const token = tokens[at]!;
  const next = tokens[at + 1];
  if (next && /^обл/.test(next.norm) && ADJECTIVE_ENDING.test(token.norm)) {
    const entry = index.byAdjectiveStem.get(token.norm.replace(ADJECTIVE_ENDING, ''));
    if (entry) return [entry, 2];
  }
  for (const [stem, entry] of index.regionNounStems) {
    if (token.norm.startsWith(stem) && REGION_NOUN_ENDING.test(token.norm.slice(stem.length)))
      return [entry, 1];
  }
  return undefined;
}

/**
 * A word the dictionary also knows as an ordinary word («короче» is also Короча, «ровно» Ровно),
 * or only as a person's name.
 */
function isAmbiguousWord(token: Token): boolean {
  const info = lookupWord(token.norm);
  if (info.isCommonWord) return true;
  return info.readings.length > 0 && !info.readings.some((reading) => reading.grammemes.has('Geox'));
}

/** A pet name, or a word the dictionary reads as a first name more than as a place («Бахмут» is both). */
function readsAsFirstName(token: Token): boolean {
  if (petNominative(token.norm) !== undefined) return true;
  const readings = lookupWord(token.norm).readings;
  return grammemeWeight(readings, 'Name') > grammemeWeight(readings, 'Geox');
}

function isNotable(entry: GazetteerEntry): boolean {
  const id = entry.place.id;
  return !/^\d+$/.test(id) || (entry.place.population ?? 0) >= 10_000;
}

/** How sure a hit is, from its neighbours; 0 drops it. */
function confidenceFor(
  hit: Hit,
  words: readonly Token[],
  previous: Token | undefined,
  next: Token | undefined,
) {
  const afterSettlementNoun = previous !== undefined && SETTLEMENT_NOUN.test(previous.norm);
  if (afterSettlementNoun) return 0.95;
  const first = words[0]!;
  // «доклад Мантурова», «у Зайцева забрали» are men, not Manturovo or Zaitseve; «с Новым годом» is
  // no village Nove. A surname is a place only after a place preposition («под Зайцевом»).
  if (words.length === 1 && lookupWord(first.norm).readings.some((r) => r.grammemes.has('Surn'))) {
    if (!PLACE_PREPOSITIONS.has(previous?.norm ?? '')) return 0;
  }
  if (/^год/.test(next?.norm ?? '')) return 0;
  // «Тарас и Богдан», «у Димки», «что Надежду положили»: a word read as a first name or a pet
  // name is the person unless a place preposition («в», «из», «под») or a settlement noun says otherwise.
  if (words.length === 1 && readsAsFirstName(first) && !PLACE_PREPOSITIONS.has(previous?.norm ?? ''))
    return 0;
  // A capitalised surname-shaped word without a preposition is more often a man than a small
  // town: «доклад Мантурова» (Manturovo has 9,000 people).
  const surnameShaped = /^.{3,}(?:ов|ев|ин|ын)(?:а|у|ым|ой)?$/.test(first.norm);
  const small = (hit.entry.place.population ?? 0) < 100_000;
  const bare = !PREPOSITIONS.has(previous?.norm ?? '');
  if (words.length === 1 && first.capitalised && surnameShaped && small && bare) return 0;
  const preposition = previous !== undefined && PREPOSITIONS.has(previous.norm);
  const ambiguous = words.length === 1 && isAmbiguousWord(first);
  const capitalised = capitalisedMidSentence(first, previous);
  const population = hit.entry.place.population ?? 0;
  if (ambiguous) {
    if (capitalised) return preposition ? 0.85 : 0.6;
    const word = previous?.norm ?? '';
    if (!PLACE_PREPOSITIONS.has(word) || !isNotable(hit.entry)) return 0;
    return STRONG_PREPOSITIONS.has(word) ? 0.6 : 0.55;
  }
  if (first.norm.length <= 3 && !capitalised) return 0;
  // Old or foreign spellings from GeoNames' alternate names («спат», «жданов») need a preposition.
  if (!isPrimaryName(hit.entry, hit.key)) return preposition || capitalised ? 0.75 : 0;
  if (preposition) return hit.how === 'suffix' ? 0.9 : 0.95;
  if (isNotable(hit.entry)) return hit.how === 'suffix' ? 0.75 : 0.85;
  if (population >= 1000 || capitalised) return 0.6;
  return 0;
}

export function extractPlaces(text: string, tokens: readonly Token[], taken: ReadonlySet<number>): Entity[] {
  const index = gazetteer();
  const entities: Entity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // Quoted words in published transcripts are call signs and code names («"Воронеж", я "Кот"»).
    if (taken.has(i) || token.isNumber || token.norm.length < 2 || token.quoted) continue;
    const previous = tokens[i - 1];
    const region = regionAt(index, tokens, i);
    let hit: Hit | undefined;
    let count = 1;
    let rule: string;
    if (region) {
      [hit, count] = [{ entry: region[0], how: 'exact', key: region[0].place.nameRu }, region[1]];
      rule = 'place:region';
    } else {
      const multi = lookupMultiWord(index, tokens, i);
      if (multi) [hit, count] = multi;
      else hit = lookupSingle(index, token);
      if (!hit) continue;
      rule = `place:${hit.how}${count > 1 ? '-multiword' : ''}`;
    }
    const words = tokens.slice(i, i + count);
    if (words.some((word) => taken.has(word.index))) continue;
    const confidence = region ? 0.95 : confidenceFor(hit, words, previous, tokens[i + count]);
    if (confidence === 0) continue;
    const start = token.start;
    const end = words[words.length - 1]!.end;
    entities.push({
      kind: 'place',
      start,
      end,
      surface: text.slice(start, end),
      value: hit.entry.place.nameEn,
      confidence,
      rule,
      place: hit.entry.place,
    });
    i += count - 1;
  }
  return entities;
}
