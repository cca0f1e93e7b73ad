import type { Lexicon } from '../lexicon/lexicon-data.ts';
import type { Category, TermMatch } from '../types.ts';
import { countAfter, countBefore } from './counts.ts';
import { findPhrases, tokenKeys, type Candidate } from './match-terms.ts';
import { parseWord, russianMorphology, type LexiconMorphology } from './morphology.ts';
import type { Token } from './normalise.ts';
import { codeTable, findNumberCodes } from './number-codes.ts';
import { buildPhraseIndex, type Phrase, type PhraseIndex } from './phrase-index.ts';

/**
 * The whole matching pass over one text: lexicon phrases, then code numbers in what is left,
 * then confidence (ambiguous words need confirming context) and casualty counts.
 */

export interface CompiledLexicon {
  lexicon: Lexicon;
  index: PhraseIndex;
  codes: Map<number, Phrase>;
}

/** Compiles the lexicon's entries of one language, keyed by that language's morphology. */
export function compileLexicon(
  lexicon: Lexicon,
  morphology: LexiconMorphology = russianMorphology,
): CompiledLexicon {
  const entries = lexicon.entries.filter((e) => (e.language ?? 'ru') === morphology.language);
  const positions = new Map(entries.map((e, i) => [e, i]));
  return {
    lexicon,
    index: buildPhraseIndex(entries, morphology),
    codes: codeTable(entries, (e) => positions.get(e) ?? 0),
  };
}

const CONFIDENT = 0.9;
const STEM = 0.85;
const AMBIGUOUS_UNCONFIRMED = 0.45;
const AMBIGUOUS_CONFIRMED = 0.75;
/** How far (in words) confirming context may be from an ambiguous word. */
const CONTEXT_WINDOW = 8;

interface Hit {
  phrase: Phrase;
  first: number;
  last: number;
  rule: string;
  confidence: number;
  count?: number;
}

const partOfSpeech = (token: Token): string => parseWord(token.norm)[0]?.partOfSpeech ?? '';
/** «пять наших двухсотых», «три тяжёлых трёхсотых»: an adjective the number governs, in the genitive. */
const isCountedAdjective = (token: Token): boolean =>
  !token.digits &&
  parseWord(token.norm).some(
    (p) => p.partOfSpeech === 'ADJF' && !p.grammemes.includes('Anum') && p.grammemes.includes('gent'),
  );

export function matchText(text: string, tokens: readonly Token[], compiled: CompiledLexicon): TermMatch[] {
  const keys = tokenKeys(tokens, compiled.index);
  const hits: Hit[] = findPhrases(tokens, keys, compiled.index)
    .filter((c) => !isOrdinalOfThing(c, tokens))
    .map((c: Candidate) => ({ ...c, confidence: c.rule === 'stem' ? STEM : CONFIDENT }));
  const taken = new Set<number>();
  for (const hit of hits) for (let t = hit.first; t <= hit.last; t++) taken.add(t);
  attachCounts(hits, tokens, taken);
  for (const code of findNumberCodes(tokens, taken, compiled.codes, partOfSpeech)) {
    hits.push({
      phrase: code.phrase,
      first: code.token,
      last: code.token,
      rule: code.rule,
      confidence: code.confidence,
    });
  }
  hits.sort((a, b) => a.first - b.first);
  attachCounts(hits, tokens, taken);
  settleAmbiguity(hits, keys, compiled.index);
  return hits.map((hit, position) =>
    toMatch(hit, text, tokens, recategorise(position, hits, keys, compiled.index)),
  );
}

/**
 * «двухсотый раз», «трёхсотый километр», «пятисотый кабинет»: a code ordinal followed by a noun
 * for a thing is an ordinary ordinal number, not a soldier.
 */
function isOrdinalOfThing(candidate: Candidate, tokens: readonly Token[]): boolean {
  if (candidate.phrase.entry.numberCode === undefined || candidate.first !== candidate.last) return false;
  const next = tokens[candidate.last + 1];
  if (!next || next.digits) return false;
  const noun = parseWord(next.norm)[0];
  if (noun?.partOfSpeech !== 'NOUN' || !/\binan\b/.test(noun.grammemes) || !/\bsing\b/.test(noun.grammemes)) {
    return false;
  }
  // The ordinal must agree with the noun (singular, same case) to be modifying it.
  const nounCase = CASES.find((c) => noun.grammemes.includes(c));
  return parseWord(tokens[candidate.first]!.norm).some(
    (p) => /\bsing\b/.test(p.grammemes) && nounCase !== undefined && p.grammemes.includes(nounCase),
  );
}

const CASES = ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct'];

function attachCounts(hits: Hit[], tokens: readonly Token[], taken: Set<number>): void {
  for (const hit of hits) {
    const countable = hit.phrase.entry.countable || hit.phrase.entry.numberCode !== undefined;
    if (!countable || hit.count !== undefined) continue;
    const before = countBefore(tokens, hit.first, isCountedAdjective);
    const after = countAfter(tokens, hit.last, hit.rule.startsWith('number-code'));
    const span = before && !overlaps(before, taken) ? before : after;
    if (!span || overlaps(span, taken)) continue;
    hit.count = span.value;
    for (let t = span.first; t <= span.last; t++) taken.add(t);
  }
}

function overlaps(span: { first: number; last: number }, taken: ReadonlySet<number>): boolean {
  for (let t = span.first; t <= span.last; t++) if (taken.has(t)) return true;
  return false;
}

/**
 * Ambiguous entries (обнуление, подвал, трофей...) stay below 0.6 unless a confirming word from
 * the entry's list, or a match of a related category, is nearby.
 */
function settleAmbiguity(hits: Hit[], keys: readonly string[][], index: PhraseIndex): void {
  const confirmed = new Set<Hit>();
  hits.forEach((hit, position) => {
    if (!hit.phrase.entry.context?.ambiguous) return;
    const from = Math.max(0, hit.first - CONTEXT_WINDOW);
    const to = Math.min(keys.length - 1, hit.last + CONTEXT_WINDOW);
    const confirmers = CONFIRMED_BY[hit.phrase.entry.category] ?? [hit.phrase.entry.category];
    // Another ambiguous word of the same kind confirms too («обнулили… кувалдой»): two readings
    // pointing the same way are unlikely to both be the innocent one.
    let found = hitsNear(hits, position, from, to).some(
      (other) =>
        other.phrase.entry.id !== hit.phrase.entry.id && confirmers.includes(other.phrase.entry.category),
    );
    const words = index.confirmations.get(hit.phrase.entry.id);
    // A phrase's own words count («мясные штурмы»); a single word cannot confirm itself.
    for (let t = from; t <= to && !found && words; t++) {
      if (hit.first === hit.last && t === hit.first) continue;
      found = keys[t]!.some((k) => words.has(k));
    }
    if (found) confirmed.add(hit);
  });
  for (const hit of hits) {
    if (!hit.phrase.entry.context?.ambiguous) continue;
    const ok = confirmed.has(hit);
    hit.confidence = ok ? Math.min(hit.confidence, AMBIGUOUS_CONFIRMED) : AMBIGUOUS_UNCONFIRMED;
    hit.rule = `${hit.rule}${ok ? '+context' : ':ambiguous'}`;
  }
}

/**
 * Which categories nearby confirm an ambiguous word: a refuser next to «подвал» makes it the
 * punishment pit; a «двухсотый» next to «цинк» makes it the coffin; casualties next to «накрыли»
 * make it shelling; fighting next to «укроп» makes it the slur, not dill, and the slur next to
 * «долбят» makes that fire. Unrelated talk confirms
 * nothing (weapons next to «разъебали» point to destroyed equipment, not to the dead).
 * Categories not listed confirm only themselves.
 */
const COERCION: Category[] = [
  'execution_or_coercion',
  'refusal_to_fight',
  'desertion',
  'violence_against_civilians_or_prisoners',
];
const CASUALTIES: Category[] = ['casualties_killed', 'casualties_wounded', 'casualties_missing'];
const CONFIRMED_BY: Partial<Record<Category, Category[]>> = {
  execution_or_coercion: COERCION,
  refusal_to_fight: COERCION,
  desertion: COERCION,
  violence_against_civilians_or_prisoners: COERCION,
  casualties_killed: CASUALTIES,
  casualties_wounded: CASUALTIES,
  casualties_missing: CASUALTIES,
  slur_for_ukrainians: ['slur_for_ukrainians', 'weapons_and_shelling', ...CASUALTIES],
  // «укропы опять долбят»: the enemy named next to a shelling verb makes it fire, not hammering.
  weapons_and_shelling: ['weapons_and_shelling', 'slur_for_ukrainians', ...CASUALTIES],
  morale: ['morale', ...CASUALTIES],
};

/**
 * The category of some acts depends on whom they are done to: «расстреляли» next to civilians is
 * violence against civilians, not discipline inside the army.
 */
function recategorise(
  position: number,
  hits: readonly Hit[],
  keys: readonly string[][],
  index: PhraseIndex,
): Category | undefined {
  const hit = hits[position]!;
  const rules = index.recategorisations.get(hit.phrase.entry.id);
  if (!rules) return undefined;
  const from = Math.max(0, hit.first - CONTEXT_WINDOW);
  const to = Math.min(keys.length - 1, hit.last + CONTEXT_WINDOW);
  for (const rule of rules) {
    // A match of that category nearby («насиловали, резали, расстреливали») settles it too.
    if (hitsNear(hits, position, from, to).some((h) => h.phrase.entry.category === rule.category)) {
      return rule.category;
    }
    for (let t = from; t <= to; t++) {
      if (t < hit.first || t > hit.last) if (keys[t]!.some((k) => rule.near.has(k))) return rule.category;
    }
  }
  return undefined;
}

/**
 * The other hits overlapping tokens `[from, to]`. Hits are sorted and do not overlap, so the scan
 * walks outwards from the hit itself and stops at the window's edges (long texts stay linear).
 */
function hitsNear(hits: readonly Hit[], position: number, from: number, to: number): Hit[] {
  const near: Hit[] = [];
  for (let j = position - 1; j >= 0 && hits[j]!.last >= from; j--) near.push(hits[j]!);
  for (let j = position + 1; j < hits.length && hits[j]!.first <= to; j++) near.push(hits[j]!);
  return near;
}

function toMatch(hit: Hit, text: string, tokens: readonly Token[], category?: Category): TermMatch {
  // Victims named nearby («убили» next to «бабы», «деревня») settle an ambiguous act as well as
  // recategorising it: the context that says whom it was done to also says it was done.
  if (category && hit.rule.endsWith(':ambiguous')) {
    hit.confidence = AMBIGUOUS_CONFIRMED;
    hit.rule = hit.rule.replace(/:ambiguous$/, '+context');
  }
  const start = tokens[hit.first]!.start;
  const end = tokens[hit.last]!.end;
  const { entry } = hit.phrase;
  const match: TermMatch = {
    start,
    end,
    surface: text.slice(start, end),
    termId: entry.id,
    term: entry.term,
    category: category ?? entry.category,
    gloss: entry.gloss,
    confidence: hit.confidence,
    rule: category ? `${hit.rule}+recategorised` : hit.rule,
  };
  if (hit.count !== undefined) match.count = hit.count;
  return match;
}
