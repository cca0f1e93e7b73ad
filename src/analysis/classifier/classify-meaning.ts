import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LanguageVerdict, MeaningFlag, MeaningPhrase } from '../types.ts';
import type { Token } from '../matching/normalise.ts';
import { ALL_FEATURES, featurise, type Featurised } from './features.ts';
import { LinearScorer } from './linear-scorer.ts';
import { MODEL_PATH, parseModel } from './model-file.ts';

export type { MeaningFlag, MeaningPhrase } from '../types.ts';

/**
 * The meaning classifier: per category a calibrated linear model over character n-grams and
 * lemmas (trained by `npm run train:analysis`, see docs/analysis.md), which flags what a segment is
 * about even when no lexicon word says it («домой уйду пусть хоть сажают» → desertion). The model
 * file is committed and read once per process, on the first segment classified.
 */

/**
 * Bump the prefix when features or scoring change (2: the norm floor on short segments); the suffix
 * follows the model file.
 */
export const CLASSIFIER_VERSION = `meaning-2+${createHash('sha256').update(readFileSync(MODEL_PATH)).digest('hex').slice(0, 12)}`;

export { MEANING_COUNTED_CONFIDENCE } from '../types.ts';

/** At most this many phrases per flag, each at least this share of the strongest. */
const MAX_PHRASES = 3;
const MIN_PHRASE_SHARE = 0.25;
/** A word belongs to a phrase when it adds at least this share of the strongest word's push. */
const MIN_WORD_SHARE = 0.3;
const MAX_PHRASE_WORDS = 4;

let scorer: LinearScorer | undefined;

function committedScorer(): LinearScorer {
  scorer ??= new LinearScorer(parseModel(readFileSync(MODEL_PATH, 'utf8'), MODEL_PATH));
  return scorer;
}

/** Az.js is Russian: Ukrainian words get no lemma (their word form stands in). */
export function featuriseFor(
  text: string,
  language: LanguageVerdict['code'],
  tokens?: readonly Token[],
): Featurised {
  return featurise(text, language !== 'uk', ALL_FEATURES, tokens);
}

/** `tokens`: the text's tokens (tokenise), when the caller has them, so they are not made twice. */
export function classifyMeaning(
  text: string,
  language: LanguageVerdict['code'],
  tokens?: readonly Token[],
): MeaningFlag[] {
  return flagsFrom(committedScorer(), featuriseFor(text, language, tokens), text);
}

/** The flags one scorer gives a featurised text, strongest first. */
export function flagsFrom(model: LinearScorer, f: Featurised, text: string): MeaningFlag[] {
  if (f.tokens.length === 0) return [];
  const scores = model.scores(f);
  const flags: MeaningFlag[] = [];
  model.categories.forEach((category, c) => {
    const confidence = model.probability(c, scores[c]!);
    if (confidence < model.reportThreshold) return;
    flags.push({
      category,
      confidence: Math.round(confidence * 1000) / 1000,
      source: 'classifier',
      phrases: topPhrases(f, model.tokenContributions(f, c), text),
    });
  });
  return flags.sort((a, b) => b.confidence - a.confidence);
}

/**
 * Runs of adjacent words that each pushed the score up by at least a share of the strongest word,
 * at most MAX_PHRASE_WORDS long (the best window of a longer run), strongest first.
 */
function topPhrases(f: Featurised, contributions: Float64Array, text: string): MeaningPhrase[] {
  const strongestWord = contributions.reduce((m, w) => Math.max(m, w), 0);
  if (strongestWord <= 0) return [];
  const runs: Array<{ first: number; last: number; weight: number }> = [];
  contributions.forEach((weight, t) => {
    if (weight < strongestWord * MIN_WORD_SHARE) return;
    const open = runs[runs.length - 1];
    if (open && open.last === t - 1) {
      open.last = t;
      open.weight += weight;
    } else runs.push({ first: t, last: t, weight });
  });
  const phrases = runs
    .map((r) => bestWindow(contributions, r.first, r.last))
    .sort((a, b) => b.weight - a.weight);
  const strongest = phrases[0]?.weight ?? 0;
  return phrases
    .filter((r) => r.weight >= strongest * MIN_PHRASE_SHARE)
    .slice(0, MAX_PHRASES)
    .map((r) => {
      const start = f.tokens[r.first]!.start;
      const end = f.tokens[r.last]!.end;
      return { start, end, surface: text.slice(start, end), weight: Math.round(r.weight * 1000) / 1000 };
    });
}

function bestWindow(
  contributions: Float64Array,
  first: number,
  last: number,
): { first: number; last: number; weight: number } {
  let best = { first, last: first, weight: -Infinity };
  for (let start = first; start <= last; start++) {
    const end = Math.min(last, start + MAX_PHRASE_WORDS - 1);
    let weight = 0;
    for (let t = start; t <= end; t++) weight += contributions[t]!;
    if (weight > best.weight) best = { first: start, last: end, weight };
  }
  return best;
}
