import type { Entity } from './entities/types.ts';

/**
 * Shared shapes of the analysis stage. Offsets are JavaScript string indices (UTF-16 code units)
 * into the exact text analysed, half-open `[start, end)`, so the desk can highlight them.
 */
export const CATEGORIES = [
  'casualties_killed',
  'casualties_wounded',
  'casualties_missing',
  'refusal_to_fight',
  'desertion',
  'execution_or_coercion',
  'looting',
  'violence_against_civilians_or_prisoners',
  'prison_recruitment',
  'mobilisation',
  'supplies_and_conditions',
  'weapons_and_shelling',
  'morale',
  'slur_for_ukrainians',
  'radio_code',
  'irregular_units',
  'payments',
  'surrender_captivity',
  'self_inflicted_wound',
  'general',
] as const;
export type Category = (typeof CATEGORIES)[number];

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

export interface TermMatch {
  start: number;
  end: number;
  surface: string;
  /** Stable id of the lexicon entry (e.g. 'dvukhsotyi'). */
  termId: string;
  /** Headword, e.g. 'двухсотый'. */
  term: string;
  category: Category;
  /** English gloss, e.g. 'a dead soldier, KIA ("a 200")'. */
  gloss: string;
  /** 0..1; ambiguous words without confirming context get < 0.6. */
  confidence: number;
  /** Which rule fired: 'lemma', 'multiword', 'number-code:plural-ordinal', ... */
  rule: string;
  /** Casualty count attached: «пять двухсотых» → 5. */
  count?: number;
}

export interface LanguageVerdict {
  code: 'ru' | 'uk' | 'mixed' | 'unknown';
  lexiconCovers: boolean;
  note?: string;
}

/** A stretch of the analysed text that pushed the classifier towards its flag. */
export interface MeaningPhrase {
  start: number;
  end: number;
  surface: string;
  /** The phrase's summed contribution to the category's score (logit units, > 0). */
  weight: number;
}

/**
 * A category the meaning classifier sees in a segment, whether or not a lexicon word fired there
 * (when both do, words and meaning agree).
 */
export interface MeaningFlag {
  category: Category;
  /** Calibrated probability 0..1. */
  confidence: number;
  source: 'classifier';
  /** The phrases that weighed most, strongest first; offsets into the analysed text. */
  phrases: MeaningPhrase[];
}

export interface TextAnalysis {
  language: LanguageVerdict;
  matches: TermMatch[];
  entities: Entity[];
  /** Classifier flags at or above its reporting threshold. */
  meaning: MeaningFlag[];
}

export interface SegmentInput {
  key: string;
  text: string;
}

export interface CasualtyCounts {
  /** null = no count stated in the call. */
  killed: number | null;
  wounded: number | null;
  missing: number | null;
}

export interface CallAnalysis {
  segments: Array<{ key: string } & TextAnalysis>;
  /** Matches per category (confidence >= 0.5). */
  counts: Partial<Record<Category, number>>;
  casualties: CasualtyCounts;
  /** Score 0..100; reasons are human sentences saying why the call ranks where it does. */
  triage: { score: number; reasons: string[] };
  /** sha256 of the lexicon data, first 12 hex digits. */
  lexiconVersion: string;
  /** Bumped when matching or scoring rules change. */
  analyserVersion: string;
  /** Which meaning classifier model produced `meaning` ('meaning-2+<model sha256 first 12>'). */
  classifierVersion: string;
}

/** Matches at or above this confidence count towards category counts and the triage score. */
export const COUNTED_CONFIDENCE = 0.5;

/**
 * Classifier-only flags should count (triage, category counts) from this confidence: in
 * cross-validation by source, flags at ≥ 0.9 were right 95 % of the time, those at 0.5–0.6 only
 * 58 % (docs/analysis.md, "Meaning classifier"). `meaning` lists flags from the model's report
 * threshold (0.5) so the desk can show weaker ones as such.
 */
export const MEANING_COUNTED_CONFIDENCE = 0.9;
