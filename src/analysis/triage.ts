import type { Entity } from './entities/types.ts';
import { COUNTED_CONFIDENCE, type CallAnalysis, type Category, type TermMatch } from './types.ts';

/**
 * Which calls to hear first. Each category carries a weight for how much it matters to an
 * investigation (killings and abuse above weapons talk and slang); repeated mentions add less
 * and less; stated casualty counts add on top. The score saturates at 100 and every point of it
 * is explained in a human sentence.
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

export function scoreCall(segments: ReadonlyArray<{ matches: TermMatch[]; entities: Entity[] }>): Scored {
  const matches = segments.flatMap((s) => s.matches).filter((m) => m.confidence >= COUNTED_CONFIDENCE);
  const byCategory = new Map<Category, TermMatch[]>();
  for (const m of matches) byCategory.set(m.category, [...(byCategory.get(m.category) ?? []), m]);

  const counts: Partial<Record<Category, number>> = {};
  const parts: Array<{ points: number; reason: string }> = [];
  for (const [category, list] of byCategory) {
    counts[category] = list.length;
    const meanConfidence = list.reduce((sum, m) => sum + m.confidence, 0) / list.length;
    const points = WEIGHTS[category] * (1 + Math.log2(list.length)) * meanConfidence;
    const mentions = list.length === 1 ? '1 mention' : `${list.length} mentions`;
    parts.push({ points, reason: `${mentions} of ${LABELS[category]}: ${surfaces(list)}` });
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
  const reasons = parts.length > 0 ? parts.map((p) => p.reason) : ['no lexicon terms or entities found'];
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
