// One list for the server and the desk: the analyser's own categories, in the order the desk lists them.
import {
  CATEGORIES,
  COUNTED_CONFIDENCE,
  MEANING_COUNTED_CONFIDENCE,
  type Category,
} from '../../../src/analysis/types.ts';

/**
 * A lexicon match at or above COUNTED_CONFIDENCE, a meaning flag at or above
 * MEANING_COUNTED_CONFIDENCE, counts in the summaries.
 */
export { CATEGORIES, COUNTED_CONFIDENCE, MEANING_COUNTED_CONFIDENCE, type Category };

const LABELS: Record<Category, string> = {
  casualties_killed: 'Killed (200)',
  casualties_wounded: 'Wounded (300)',
  casualties_missing: 'Missing',
  refusal_to_fight: 'Refusal (500)',
  desertion: 'Desertion',
  execution_or_coercion: 'Execution/coercion',
  looting: 'Looting',
  violence_against_civilians_or_prisoners: 'Violence vs civilians/POWs',
  prison_recruitment: 'Prison recruitment',
  mobilisation: 'Mobilisation',
  supplies_and_conditions: 'Supplies',
  weapons_and_shelling: 'Weapons/shelling',
  morale: 'Morale',
  slur_for_ukrainians: 'Slur',
  radio_code: 'Radio code',
  irregular_units: 'Irregular units',
  payments: 'Payments',
  surrender_captivity: 'Surrender/captivity',
  self_inflicted_wound: 'Self-inflicted wound',
  general: 'General',
};

export function categoryLabel(category: string): string {
  return (LABELS as Record<string, string | undefined>)[category] ?? category.replace(/_/g, ' ');
}

/** One hue per category family, so a flag reads at a glance in tables, transcripts and charts. */
export function categoryColor(category: string): string {
  if (category.startsWith('casualties_')) return '#b42318';
  if (category === 'refusal_to_fight' || category === 'desertion' || category === 'surrender_captivity')
    return '#b54708';
  if (category === 'execution_or_coercion' || category === 'violence_against_civilians_or_prisoners')
    return '#7a2e8e';
  if (category === 'looting' || category === 'payments' || category === 'prison_recruitment')
    return '#1d6f8a';
  if (category === 'slur_for_ukrainians') return '#5d6b82';
  return '#3b5bdb';
}

// Lines on one chart need hues that differ even within a family (killed vs wounded).
const CHART_COLORS: Partial<Record<Category, string>> = {
  casualties_killed: '#b42318',
  casualties_wounded: '#e07a1f',
  casualties_missing: '#6b7280',
  refusal_to_fight: '#7a2e8e',
  desertion: '#1d6f8a',
  surrender_captivity: '#2f7d4a',
  execution_or_coercion: '#9f1239',
  mobilisation: '#3b5bdb',
  prison_recruitment: '#854d0e',
  weapons_and_shelling: '#0f766e',
};

export function chartColor(category: Category): string {
  return CHART_COLORS[category] ?? categoryColor(category);
}
