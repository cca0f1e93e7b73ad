/**
 * `npx tsx eval/analysis/meaning/compare-network.ts [linear|network] [EPOCHS]`: the shipped linear
 * model against a small network on the same features, cross-validated by source (6 folds, raw
 * scores, no calibration, so neither gains from it). The network is "wide and deep": the linear
 * model's weights plus a hidden layer of 64 ReLU units over the same hashed features (each feature
 * a 64-number vector, summed with the feature's value), trained together by AdaGrad. Threshold-free
 * figures per major category: the best F1 over thresholds and the recall at precision ≥ 0.9 (the
 * issue's goal). Figures of 2026-12-07 in docs/analysis.md ("Candidates compared").
 */
import { FEATURE_SPACE } from '../../../src/analysis/classifier/features.ts';
import {
  DEFAULT_TRAIN_OPTIONS,
  scoreExamples,
  shuffled,
  trainLinear,
  type TrainingExample,
} from '../../../src/analysis/classifier/training/train-linear.ts';
import { seededRandom } from '../../../src/analysis/seeded-random.ts';
import type { Category } from '../../../src/analysis/types.ts';
import { MAJOR_CATEGORIES } from '../report.ts';
import { sourceFolds } from './cross-validate.ts';
import { categoriesToTrain, toExample } from './pipeline.ts';
import { loadTrainingSegments } from './training-data.ts';

const HIDDEN = 64;
const RATE = 0.2;
const LINEAR_RATE = DEFAULT_TRAIN_OPTIONS.learningRate;
const L2 = DEFAULT_TRAIN_OPTIONS.l2;
const SKIP_GRADIENT = 1e-3;

interface Network {
  width: number;
  embeddings: Float32Array;
  hiddenBias: Float32Array;
  output: Float32Array;
  bias: Float64Array;
  linear: Float32Array;
}

function adagrad(w: Float32Array, g2: Float32Array, at: number, g: number, rate: number): void {
  g2[at]! += g * g;
  w[at]! -= (rate * g) / Math.sqrt(g2[at]! + 1e-8);
}

function hiddenOf(net: Network, ex: TrainingExample): Float32Array {
  const z = Float32Array.from(net.hiddenBias);
  for (let k = 0; k < ex.indices.length; k++) {
    const row = ex.indices[k]! * HIDDEN;
    for (let j = 0; j < HIDDEN; j++) z[j]! += ex.values[k]! * net.embeddings[row + j]!;
  }
  return z;
}

function scoresOf(net: Network, ex: TrainingExample, z: Float32Array): Float64Array {
  const s = Float64Array.from(net.bias);
  for (let j = 0; j < HIDDEN; j++) {
    if (z[j]! <= 0) continue;
    for (let c = 0; c < net.width; c++) s[c]! += z[j]! * net.output[j * net.width + c]!;
  }
  for (let k = 0; k < ex.indices.length; k++) {
    const row = ex.indices[k]! * net.width;
    for (let c = 0; c < net.width; c++) s[c]! += ex.values[k]! * net.linear[row + c]!;
  }
  return s;
}

function trainNetwork(
  examples: readonly TrainingExample[],
  categories: readonly Category[],
  epochs: number,
): Network {
  const width = categories.length;
  const random = seededRandom(16);
  const net: Network = {
    width,
    embeddings: new Float32Array(FEATURE_SPACE * HIDDEN).map(() => (random() * 2 - 1) * 0.5),
    hiddenBias: new Float32Array(HIDDEN),
    output: new Float32Array(HIDDEN * width).map(() => (random() * 2 - 1) * Math.sqrt(6 / (HIDDEN + width))),
    bias: Float64Array.from(categories, (category) => {
      const kept = examples.filter((e) => !e.excluded.has(category));
      const positives = kept.filter((e) => e.labels.has(category)).length;
      return Math.log((positives + 1) / (kept.length - positives + 1));
    }),
    linear: new Float32Array(FEATURE_SPACE * width),
  };
  const g2 = {
    embeddings: new Float32Array(net.embeddings.length),
    hiddenBias: new Float32Array(HIDDEN),
    output: new Float32Array(net.output.length),
    linear: new Float32Array(net.linear.length),
  };
  const ds = new Float64Array(width);
  const dh = new Float32Array(HIDDEN);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const ex of shuffled(examples, random)) {
      const z = hiddenOf(net, ex);
      const s = scoresOf(net, ex, z);
      let any = false;
      categories.forEach((category, c) => {
        const g = ex.excluded.has(category)
          ? 0
          : 1 / (1 + Math.exp(-s[c]!)) - (ex.labels.has(category) ? 1 : 0);
        ds[c] = Math.abs(g) < SKIP_GRADIENT ? 0 : g;
        any ||= ds[c] !== 0;
      });
      if (!any) continue;
      for (let j = 0; j < HIDDEN; j++) {
        let back = 0;
        for (let c = 0; c < width; c++) {
          if (ds[c] === 0) continue;
          back += ds[c]! * net.output[j * width + c]!;
          if (z[j]! > 0) adagrad(net.output, g2.output, j * width + c, ds[c]! * z[j]!, RATE);
        }
        dh[j] = z[j]! > 0 ? back : 0;
        if (dh[j] !== 0) adagrad(net.hiddenBias, g2.hiddenBias, j, dh[j]!, RATE);
      }
      for (let k = 0; k < ex.indices.length; k++) {
        const index = ex.indices[k]!;
        const value = ex.values[k]!;
        for (let j = 0; j < HIDDEN; j++) {
          const at = index * HIDDEN + j;
          if (dh[j] !== 0)
            adagrad(net.embeddings, g2.embeddings, at, dh[j]! * value + L2 * net.embeddings[at]!, RATE);
        }
        for (let c = 0; c < width; c++) {
          const at = index * width + c;
          if (ds[c] !== 0)
            adagrad(net.linear, g2.linear, at, ds[c]! * value + L2 * net.linear[at]!, LINEAR_RATE);
        }
      }
    }
  }
  return net;
}

/** Best F1 over thresholds and recall at precision ≥ 0.9, from scores and truths. */
function thresholdFree(rows: { score: number; positive: boolean }[]): {
  bestF1: number;
  recallAtP90: number;
} {
  const positives = rows.filter((r) => r.positive).length;
  let tp = 0;
  let fp = 0;
  let bestF1 = 0;
  let recallAtP90 = 0;
  for (const r of [...rows].sort((a, b) => b.score - a.score)) {
    if (r.positive) tp++;
    else fp++;
    const precision = tp / (tp + fp);
    const recall = tp / positives;
    bestF1 = Math.max(bestF1, (2 * precision * recall) / (precision + recall));
    if (precision >= 0.9) recallAtP90 = Math.max(recallAtP90, recall);
  }
  return { bestF1, recallAtP90 };
}

const kind = process.argv[2] ?? 'linear';
const epochs = Number(process.argv[3] ?? DEFAULT_TRAIN_OPTIONS.epochs);
if (kind !== 'linear' && kind !== 'network')
  throw new Error('usage: compare-network.ts [linear|network] [EPOCHS]');
const examples = loadTrainingSegments().map(toExample);
const categories = categoriesToTrain(examples);
const { folds, foldOf } = sourceFolds(examples.map((e) => e.segment.source));
const scores = categories.map(() => new Float64Array(examples.length));
const started = Date.now();
for (let fold = 0; fold < folds; fold++) {
  const training = examples.filter((e) => foldOf.get(e.segment.source) !== fold);
  const held = examples.flatMap((e, i) => (foldOf.get(e.segment.source) === fold ? [i] : []));
  if (kind === 'linear') {
    const raw = trainLinear(training, categories, { ...DEFAULT_TRAIN_OPTIONS, epochs });
    scoreExamples(
      raw,
      held.map((i) => examples[i]!),
    ).forEach((column, c) => column.forEach((s, k) => (scores[c]![held[k]!] = s)));
  } else {
    const net = trainNetwork(training, categories, epochs);
    for (const i of held)
      scoresOf(net, examples[i]!, hiddenOf(net, examples[i]!)).forEach((s, c) => (scores[c]![i] = s));
  }
}
let sumF1 = 0;
let sumRecall = 0;
for (const category of MAJOR_CATEGORIES) {
  const c = categories.indexOf(category);
  const rows = examples
    .map((e, i) => ({
      score: scores[c]![i]!,
      positive: e.labels.has(category),
      excluded: e.excluded.has(category),
    }))
    .filter((r) => !r.excluded);
  const { bestF1, recallAtP90 } = thresholdFree(rows);
  sumF1 += bestF1;
  sumRecall += recallAtP90;
  console.log(
    `${category.padEnd(40)} best F1 ${bestF1.toFixed(3)}  recall at P ≥ 0.9 ${recallAtP90.toFixed(3)}`,
  );
}
const n = MAJOR_CATEGORIES.length;
console.log(
  `${kind} ${epochs} epochs: mean best F1 ${(sumF1 / n).toFixed(3)}, mean recall at P ≥ 0.9 ${(sumRecall / n).toFixed(3)}, ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
