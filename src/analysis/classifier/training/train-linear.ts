import type { Category } from '../../types.ts';
import { FEATURE_SPACE, HASH_BITS } from '../features.ts';
import type { CategoryModel, MeaningModel } from '../model-file.ts';
import { fitPlatt } from './calibrate.ts';

/**
 * One-vs-rest logistic regression trained by AdaGrad SGD over the hashed features, all categories
 * in one pass per example. Deterministic: examples are visited in an order drawn from a fixed seed,
 * and nothing depends on timing or threads.
 */

export interface TrainingExample {
  indices: Int32Array;
  values: Float32Array;
  labels: ReadonlySet<Category>;
  /** Categories this example says nothing about (optional gold spans): left out of their model. */
  excluded: ReadonlySet<Category>;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  /** Loss weight of a positive example (positives are rare for most categories). */
  positiveWeight: number;
  seed: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 8,
  learningRate: 0.5,
  l2: 1e-6,
  positiveWeight: 3,
  seed: 16,
};

export interface RawModel {
  categories: Category[];
  bias: Float64Array;
  /** Category-major: weights[c * FEATURE_SPACE + feature]. */
  weights: Float32Array;
}

/** mulberry32: a small seeded generator, enough for shuffling. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function trainLinear(
  examples: readonly TrainingExample[],
  categories: readonly Category[],
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): RawModel {
  const width = categories.length;
  const weights = new Float32Array(width * FEATURE_SPACE);
  const squares = new Float32Array(width * FEATURE_SPACE);
  const bias = new Float64Array(width);
  const biasSquares = new Float64Array(width).fill(1e-8);
  const random = seededRandom(options.seed);
  const { learningRate: rate, l2, positiveWeight } = options;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const example of shuffled(examples, random)) {
      categories.forEach((category, c) => {
        if (example.excluded.has(category)) return;
        const base = c * FEATURE_SPACE;
        let score = bias[c]!;
        for (let k = 0; k < example.indices.length; k++) {
          score += weights[base + example.indices[k]!]! * example.values[k]!;
        }
        const positive = example.labels.has(category);
        const gradient = (1 / (1 + Math.exp(-score)) - (positive ? 1 : 0)) * (positive ? positiveWeight : 1);
        for (let k = 0; k < example.indices.length; k++) {
          const at = base + example.indices[k]!;
          const g = gradient * example.values[k]! + l2 * weights[at]!;
          squares[at]! += g * g;
          weights[at]! -= (rate * g) / Math.sqrt(squares[at]! + 1e-8);
        }
        biasSquares[c]! += gradient * gradient;
        bias[c]! -= (rate * gradient) / Math.sqrt(biasSquares[c]!);
      });
    }
  }
  return { categories: [...categories], bias, weights };
}

/** A raw model's score for every example, one Float64Array per category column. */
export function scoreExamples(model: RawModel, examples: readonly TrainingExample[]): Float64Array[] {
  return model.categories.map((_, c) => {
    const base = c * FEATURE_SPACE;
    return Float64Array.from(examples, (example) => {
      let score = model.bias[c]!;
      for (let k = 0; k < example.indices.length; k++) {
        score += model.weights[base + example.indices[k]!]! * example.values[k]!;
      }
      return score;
    });
  });
}

export interface ModelMeta {
  corpusHash: string;
  trainedOn: Record<string, number>;
  reportThreshold: number;
}

/**
 * The final model: `raw` trained on everything, calibrated from out-of-fold scores (`oofScores`,
 * per category column, aligned with `examples`).
 */
export function calibratedModel(
  raw: RawModel,
  examples: readonly TrainingExample[],
  oofScores: readonly Float64Array[],
  meta: ModelMeta,
): MeaningModel {
  const categories: CategoryModel[] = raw.categories.map((category, c) => {
    const kept = examples.map((e, i) => ({ e, i })).filter(({ e }) => !e.excluded.has(category));
    const platt = fitPlatt(
      kept.map(({ i }) => oofScores[c]![i]!),
      kept.map(({ e }) => e.labels.has(category)),
    );
    const weights = raw.weights.subarray(c * FEATURE_SPACE, (c + 1) * FEATURE_SPACE);
    const indices = new Int32Array(FEATURE_SPACE).map((_, i) => i);
    return { category, bias: raw.bias[c]!, platt, indices, weights: Float32Array.from(weights) };
  });
  return { format: 'earshot-meaning-1', hashBits: HASH_BITS, ...meta, categories };
}
