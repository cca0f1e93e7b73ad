import type { Entity } from './entities/types.ts';
import {
  COUNTED_CONFIDENCE,
  MEANING_COUNTED_CONFIDENCE,
  type CallAnalysis,
  type Category,
  type MeaningFlag,
  type TermMatch,
} from './types.ts';

/**
 * Which calls to hear first. Each category carries a weight for how much it matters to an
 * investigation (killings and abuse above weapons talk and slang); repeated mentions add less
 * and less; stated casualty counts add on top. A segment the meaning classifier flags where no
 * lexicon word does counts as a mention too, at the classifier's confidence. The score saturates
 * at 100 and every point of it is explained in a human sentence that says which flags came from
 * words (the lexicon) and which from meaning (the classifier, a machine judgement).
 */

const WEIGHTS: Record<Category, number> = {
  casualties_killed: 10,
  violence_against_civilians_or_prisoners: 10,
  execution_or_coercion: 9,
  casualties_wounded: 7,
  casualties_missing: 7,
  refusal_to_fight: 7,
  self_inflicted_wound: 7,
  desertion: 6,
  surrender_captivity: 6,
  looting: 6,
  prison_recruitment: 4,
  irregular_units: 3,
  mobilisation: 3,
  supplies_and_conditions: 3,
  morale: 3,
  payments: 3,
  weapons_and_shelling: 2,
  slur_for_ukrainians: 1,
  radio_code: 1,
  general: 0.5,
};

const LABELS: Record<Category, string> = {
  casualties_killed: 'killed (200s)',
  casualties_wounded: 'wounded (300s)',
  casualties_missing: 'missing in action',
  refusal_to_fight: 'refusal to fight (500s)',
  desertion: 'desertion',
  execution_or_coercion: 'executions or coercion of own troops',
  looting: 'looting',
  violence_against_civilians_or_prisoners: 'violence against civilians or prisoners',
  prison_recruitment: 'prison recruitment',
  mobilisation: 'mobilisation',
  supplies_and_conditions: 'supplies and conditions',
  weapons_and_shelling: 'weapons and shelling',
  morale: 'morale',
  slur_for_ukrainians: 'slurs for Ukrainians',
  radio_code: 'radio codes',
  irregular_units: 'irregular units',
  payments: 'payments',
  surrender_captivity: 'surrender or captivity',
  self_inflicted_wound: 'self-inflicted wounds',
  general: 'general war slang',
};

/** Raw points at which the score reaches about 63 (1 - 1/e); keeps one strong mention mid-range. */
const SATURATION = 30;
const ENTITY_POINTS = { unit: 3, place: 1.5, phone: 2, person: 1, call_sign: 0.5 } as const;

type Scored = Pick<CallAnalysis, 'counts' | 'casualties' | 'triage'>;

/** What the triage reads of an analysed segment: the lexicon's matches, entities and meaning flags. */
export interface ScoredSegment {
  matches: readonly TermMatch[];
  entities: readonly Entity[];
  meaning: readonly MeaningFlag[];
}

/** One category's counted flags in a call: the lexicon's words, and the classifier's segments. */
interface CategoryFlags {
  words: TermMatch[];
  /** Classifier flags on segments where the lexicon has no counted match of the category. */
  meaningOnly: MeaningFlag[];
  /** Classifier flags on segments where the lexicon flags the same category. */
  agreeing: MeaningFlag[];
}

/** Categories the lexicon flags in a segment: words and meaning agree where the classifier does too. */
export function wordedCategories(matches: readonly TermMatch[]): Set<Category> {
  return new Set(matches.filter((m) => m.confidence >= COUNTED_CONFIDENCE).map((m) => m.category));
}

/**
 * The counted flags of a call per category (confidence >= COUNTED_CONFIDENCE), with each
 * classifier flag sorted by whether the lexicon flags the same category in the same segment.
 */
export function flagsByCategory(segments: readonly ScoredSegment[]): Map<Category, CategoryFlags> {
  const flags = new Map<Category, CategoryFlags>();
  const of = (category: Category) => {
    let entry = flags.get(category);
    if (!entry) flags.set(category, (entry = { words: [], meaningOnly: [], agreeing: [] }));
    return entry;
  };
  for (const segment of segments) {
    for (const m of segment.matches) if (m.confidence >= COUNTED_CONFIDENCE) of(m.category).words.push(m);
    const worded = wordedCategories(segment.matches);
    for (const f of segment.meaning) {
      if (f.confidence < MEANING_COUNTED_CONFIDENCE) continue;
      of(f.category)[worded.has(f.category) ? 'agreeing' : 'meaningOnly'].push(f);
    }
  }
  return flags;
}

/** Segments per category that the classifier flags and the lexicon does not (what meaning adds). */
export function meaningCounts(segments: readonly ScoredSegment[]): Partial<Record<Category, number>> {
  const counts: Partial<Record<Category, number>> = {};
  for (const [category, f] of flagsByCategory(segments))
    if (f.meaningOnly.length > 0) counts[category] = f.meaningOnly.length;
  return counts;
}

export function scoreCall(segments: readonly ScoredSegment[]): Scored {
  const matches = segments.flatMap((s) => s.matches).filter((m) => m.confidence >= COUNTED_CONFIDENCE);
  const counts: Partial<Record<Category, number>> = {};
  const parts: Array<{ points: number; reason: string }> = [];
  for (const [category, flags] of flagsByCategory(segments)) {
    if (flags.words.length > 0) counts[category] = flags.words.length;
    // A segment the classifier flags where the lexicon does not counts as one more mention,
    // weighed by the classifier's confidence as a word is by the lexicon's.
    const confidences = [...flags.words, ...flags.meaningOnly].map((f) => f.confidence);
    if (confidences.length === 0) continue;
    const meanConfidence = confidences.reduce((sum, c) => sum + c, 0) / confidences.length;
    const points = WEIGHTS[category] * (1 + Math.log2(confidences.length)) * meanConfidence;
    parts.push({ points, reason: categoryReason(LABELS[category], flags) });
  }
  const casualties = {
    killed: sumCounts(matches, 'casualties_killed'),
    wounded: sumCounts(matches, 'casualties_wounded'),
    missing: sumCounts(matches, 'casualties_missing'),
  };
  const stated = (['killed', 'wounded', 'missing'] as const).filter((k) => casualties[k] !== null);
  if (stated.length > 0) {
    const total = stated.reduce((sum, k) => sum + (casualties[k] ?? 0), 0);
    parts.push({
      points: 6 * Math.log2(1 + total),
      reason: `casualty count stated: ${stated.map((k) => `${casualties[k]} ${k}`).join(', ')}`,
    });
  }

  const entities = segments.flatMap((s) => s.entities);
  for (const kind of ['unit', 'phone', 'place'] as const) {
    const found = [...new Set(entities.filter((e) => e.kind === kind).map((e) => e.value))];
    if (found.length === 0) continue;
    parts.push({
      points: ENTITY_POINTS[kind] * Math.min(found.length, 3),
      reason: `names ${kind === 'unit' ? 'military units' : kind === 'phone' ? 'phone numbers' : 'places'}: ${found.slice(0, 5).join(', ')}`,
    });
  }

  parts.sort((a, b) => b.points - a.points);
  const raw = parts.reduce((sum, p) => sum + p.points, 0);
  const score = Math.round(100 * (1 - Math.exp(-raw / SATURATION)));
  const reasons =
    parts.length > 0 ? parts.map((p) => p.reason) : ['no lexicon terms, meaning flags or entities found'];
  return { counts, casualties, triage: { score, reasons } };
}

function sumCounts(matches: readonly TermMatch[], category: Category): number | null {
  const counted = matches.filter((m) => m.category === category && m.count !== undefined);
  return counted.length === 0 ? null : counted.reduce((sum, m) => sum + (m.count ?? 0), 0);
}

/** «двухсотых» ×2, «груз 200» ×1, most frequent first. */
function surfaces(list: readonly TermMatch[]): string {
  const tally = new Map<string, number>();
  for (const m of list) {
    const key = m.surface.toLowerCase();
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  const sorted = [...tally].sort((a, b) => b[1] - a[1]);
  const shown = sorted.slice(0, 4).map(([s, n]) => `«${s}» ×${n}`);
  if (sorted.length > 4) shown.push(`and ${sorted.length - 4} more`);
  return shown.join(', ');
}

/**
 * «2 mentions of killed (200s) from words: «двухсотых» ×2»; «desertion from meaning (classifier):
 * 2 segments at 0.82, 0.64, on «домой уйду», «хоть сажают»»; both, when both flag the category.
 */
function categoryReason(label: string, flags: CategoryFlags): string {
  const { words, meaningOnly, agreeing } = flags;
  const agree =
    agreeing.length === 0
      ? ''
      : `; words and meaning agree in ${agreeing.length === 1 ? '1 segment' : `${agreeing.length} segments`}`;
  const worded = `${words.length === 1 ? '1 mention' : `${words.length} mentions`} of ${label} from words: ${surfaces(words)}${agree}`;
  if (meaningOnly.length === 0) return worded;
  const more = words.length > 0 ? ' more' : '';
  const segments = `${meaningOnly.length}${more} ${meaningOnly.length === 1 ? 'segment' : 'segments'}`;
  const meaning = `from meaning (classifier): ${segments} at ${confidenceList(meaningOnly)}${phrasesOf(meaningOnly)}`;
  return words.length > 0 ? `${worded}; ${meaning}` : `${label} ${meaning}`;
}

/** «0.82, 0.64», highest first, at most four. */
function confidenceList(flags: readonly MeaningFlag[]): string {
  const sorted = flags.map((f) => f.confidence).sort((a, b) => b - a);
  const shown = sorted.slice(0, 4).map((c) => c.toFixed(2));
  if (sorted.length > 4) shown.push(`and ${sorted.length - 4} more`);
  return shown.join(', ');
}

/** «, on «домой уйду», «хоть сажают»»: the heaviest phrase of each flag, at most three. */
function phrasesOf(flags: readonly MeaningFlag[]): string {
  const heaviest = [...flags]
    .sort((a, b) => b.confidence - a.confidence)
    .map((f) => [...f.phrases].sort((a, b) => b.weight - a.weight)[0]?.surface.toLowerCase())
    .filter((p): p is string => p !== undefined && p.length > 0);
  const distinct = [...new Set(heaviest)].slice(0, 3);
  return distinct.length === 0 ? '' : `, on ${distinct.map((p) => `«${p}»`).join(', ')}`;
}
