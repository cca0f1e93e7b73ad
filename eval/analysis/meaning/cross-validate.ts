import { featurise } from '../../../src/analysis/classifier/features.ts';
import type { LinearScorer } from '../../../src/analysis/classifier/linear-scorer.ts';
import {
  DEFAULT_TRAIN_OPTIONS,
  shuffled,
  type TrainOptions,
} from '../../../src/analysis/classifier/training/train-linear.ts';
import { seededRandom } from '../../../src/analysis/seeded-random.ts';
import type { Category } from '../../../src/analysis/types.ts';
import { asrLike } from './asr-like.ts';
import { trainMeaningModel, type Example } from './pipeline.ts';

/**
 * Cross-validation grouped by source: sources are dealt (in name order) into at most
 * `MAX_SOURCE_FOLDS` folds; for each fold a model is trained (and calibrated) on the other folds'
 * sources exactly as `npm run train:analysis` trains the committed one, then scores the left-out
 * sources' segments, as written and as a recogniser would write them. With as many sources as
 * folds this is leave-one-source-out; with more, each fold leaves several whole sources out (a
 * full leave-one-source-out over 18 sources takes too long on one core).
 */
export const MAX_SOURCE_FOLDS = 6;

export interface Prediction {
  example: Example;
  /** Calibrated probability per category the fold's model has (absent: no model, counts as 0). */
  probability: Partial<Record<Category, number>>;
  /** The same for the recogniser-style copy of the text. */
  asrProbability: Partial<Record<Category, number>>;
}

/** A scorer's calibrated probability per category for a text, as the committed model reads it. */
export function probabilities(
  scorer: LinearScorer,
  text: string,
  lang: string,
): Partial<Record<Category, number>> {
  const p = scorer.probabilities(featurise(text, lang !== 'uk'));
  return Object.fromEntries(scorer.categories.map((c, i) => [c, p[i]!]));
}

/** Training groups kept for a learning-curve point: a seeded share of the groups, never of lines. */
function sampleGroups(examples: readonly Example[], fraction: number, seed: number): Example[] {
  if (fraction >= 1) return [...examples];
  const groups = [...new Set(examples.map((e) => e.segment.group))].sort();
  const kept = new Set(
    shuffled(groups, seededRandom(seed)).slice(0, Math.max(1, Math.round(groups.length * fraction))),
  );
  return examples.filter((e) => kept.has(e.segment.group));
}

export interface CrossValidationOptions {
  fraction?: number;
  withAsr?: boolean;
  train?: TrainOptions;
}

/**
 * Sources dealt, in name order, into at most `MAX_SOURCE_FOLDS` folds: every cross-validation here
 * (the linear model's and the candidates compared with it) uses these same folds.
 */
export function sourceFolds(sources: Iterable<string>): { folds: number; foldOf: Map<string, number> } {
  const names = [...new Set(sources)].sort();
  const folds = Math.min(MAX_SOURCE_FOLDS, names.length);
  return { folds, foldOf: new Map(names.map((s, i) => [s, i % folds])) };
}

export function leaveOneSourceOut(
  examples: readonly Example[],
  options: CrossValidationOptions = {},
): Prediction[] {
  const { folds, foldOf } = sourceFolds(examples.map((e) => e.segment.source));
  const out: Prediction[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const training = sampleGroups(
      examples.filter((e) => foldOf.get(e.segment.source) !== fold),
      options.fraction ?? 1,
      16,
    );
    const { scorer } = trainMeaningModel(training, '0'.repeat(64), options.train ?? DEFAULT_TRAIN_OPTIONS);
    for (const example of examples.filter((e) => foldOf.get(e.segment.source) === fold)) {
      const { text, lang } = example.segment;
      out.push({
        example,
        probability: probabilities(scorer, text, lang),
        asrProbability: options.withAsr ? probabilities(scorer, asrLike(text), lang) : {},
      });
    }
  }
  return out;
}
