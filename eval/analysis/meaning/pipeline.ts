import { featurise } from '../../../src/analysis/classifier/features.ts';
import { LinearScorer } from '../../../src/analysis/classifier/linear-scorer.ts';
import {
  parseModel,
  serialiseModel,
  type MeaningModel,
} from '../../../src/analysis/classifier/model-file.ts';
import {
  calibratedModel,
  DEFAULT_TRAIN_OPTIONS,
  scoreExamples,
  trainLinear,
  type TrainingExample,
  type TrainOptions,
} from '../../../src/analysis/classifier/training/train-linear.ts';
import { CATEGORIES, type Category } from '../../../src/analysis/types.ts';
import type { MeaningSegment } from './training-data.ts';

/**
 * Training as `npm run train:analysis` does it, shared with the evaluation so that every fold is
 * trained, calibrated, pruned and quantised exactly like the committed model.
 */

/** Metadata, not findings: radio procedure words and the catch-all category are left to the lexicon. */
const NOT_CLASSIFIED: ReadonlySet<Category> = new Set(['radio_code', 'general']);
/** A category needs this many positive segments to get a model. */
const MIN_POSITIVES = 8;
/** Calibration folds: whole sources dealt into folds, or groups when there are too few sources. */
const CALIBRATION_FOLDS = 3;
const MIN_SOURCES_FOR_SOURCE_FOLDS = 3;
export const REPORT_THRESHOLD = 0.5;
/** Weights smaller than this are dropped from the model file. */
export const PRUNE_BELOW = 0.002;

export interface Example extends TrainingExample {
  segment: MeaningSegment;
}

export function toExample(segment: MeaningSegment): Example {
  const f = featurise(segment.text, segment.lang !== 'uk');
  return {
    segment,
    indices: f.indices,
    values: f.values,
    labels: new Set(segment.labels),
    excluded: new Set(segment.excluded),
  };
}

export function categoriesToTrain(examples: readonly TrainingExample[]): Category[] {
  return CATEGORIES.filter(
    (c) => !NOT_CLASSIFIED.has(c) && examples.filter((e) => e.labels.has(c)).length >= MIN_POSITIVES,
  );
}

/** Stable fold of a group name (FNV-1a), so folds do not depend on the order of the data. */
function foldOf(group: string, folds: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < group.length; i++) h = Math.imul(h ^ group.charCodeAt(i), 0x01000193) >>> 0;
  return h % folds;
}

export interface TrainedModel {
  model: MeaningModel;
  scorer: LinearScorer;
  /** The model file's text (pruned, quantised). */
  file: string;
}

export function trainMeaningModel(
  examples: readonly Example[],
  corpusHash: string,
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): TrainedModel {
  const categories = categoriesToTrain(examples);
  const oof = categories.map(() => new Float64Array(examples.length));
  // Calibrated on scores of sources each calibration model never saw: the flags are for calls
  // from new sources, whose scores run lower than those of text like the training data.
  const sources = [...new Set(examples.map((e) => e.segment.source))].sort();
  const bySource = sources.length >= MIN_SOURCES_FOR_SOURCE_FOLDS;
  const sourceFold = new Map(sources.map((s, i) => [s, i % CALIBRATION_FOLDS]));
  for (let fold = 0; fold < CALIBRATION_FOLDS; fold++) {
    const inFold = examples.map((e) =>
      bySource
        ? sourceFold.get(e.segment.source) === fold
        : foldOf(e.segment.group, CALIBRATION_FOLDS) === fold,
    );
    const raw = trainLinear(
      examples.filter((_, i) => !inFold[i]),
      categories,
      options,
    );
    const held = examples.filter((_, i) => inFold[i]);
    const scores = scoreExamples(raw, held);
    const positions = inFold.flatMap((x, i) => (x ? [i] : []));
    scores.forEach((column, c) => column.forEach((s, k) => (oof[c]![positions[k]!] = s)));
  }
  const raw = trainLinear(examples, categories, options);
  const trainedOn: Record<string, number> = {};
  for (const e of examples) trainedOn[e.segment.source] = (trainedOn[e.segment.source] ?? 0) + 1;
  const model = calibratedModel(raw, examples, oof, {
    corpusHash,
    trainedOn,
    reportThreshold: REPORT_THRESHOLD,
  });
  const file = serialiseModel(model, PRUNE_BELOW);
  return { model, file, scorer: new LinearScorer(parseModel(file, 'the model just trained')) };
}
