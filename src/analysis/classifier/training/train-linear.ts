import type { Category } from '../../types.ts';
import { FEATURE_SPACE, HASH_BITS } from '../features.ts';
import type { CategoryModel, MeaningModel } from '../model-file.ts';
import { fitPlatt } from './calibrate.ts';
import { seededRandom } from '../../seeded-random.ts';

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
  /**
   * Hold each category's bias at the log-odds of its (weighted) prior instead of learning it.
   * Learnt, the biases went positive (1–2) while common n-grams took negative weights, so a text
   * with few features (a short reply) scored above the line on the bias alone; held at the prior,
   * a flag needs positive evidence from what the text says.
   */
  fixedBias?: boolean;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 5,
  learningRate: 0.5,
  l2: 1e-6,
  positiveWeight: 1,
  seed: 16,
  fixedBias: true,
};

const SKIP_GRADIENT = 1e-3;

export interface RawModel {
  categories: Category[];
  bias: Float64Array;
  /** Feature-major: weights[feature * categories.length + c]. */
  weights: Float32Array;
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
  // Feature-major (all categories of one feature side by side): an example touches a few hundred
  // rows instead of a few hundred scattered weights per category, which keeps training in cache.
  const weights = new Float32Array(width * FEATURE_SPACE);
  const squares = new Float32Array(width * FEATURE_SPACE);
  const bias = new Float64Array(width);
  const biasSquares = new Float64Array(width).fill(1e-8);
  const scores = new Float64Array(width);
  const gradients = new Float64Array(width);
  const random = seededRandom(options.seed);
  const { learningRate: rate, l2, positiveWeight } = options;
  if (options.fixedBias) {
    categories.forEach((category, c) => {
      const kept = examples.filter((e) => !e.excluded.has(category));
      const positives = kept.filter((e) => e.labels.has(category)).length;
      bias[c] = Math.log(((positives + 1) * positiveWeight) / (kept.length - positives + 1));
    });
  }
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const example of shuffled(examples, random)) {
      scores.set(bias);
      for (let k = 0; k < example.indices.length; k++) {
        const row = example.indices[k]! * width;
        const value = example.values[k]!;
        for (let c = 0; c < width; c++) scores[c]! += weights[row + c]! * value;
      }
      let any = false;
      for (let c = 0; c < width; c++) {
        const category = categories[c]!;
        const positive = example.labels.has(category);
        const g = example.excluded.has(category)
          ? 0
          : (1 / (1 + Math.exp(-scores[c]!)) - (positive ? 1 : 0)) * (positive ? positiveWeight : 1);
        // An example the model already gets right with a margin teaches nothing; skipping it saves
        // most of the training time (most segments are easy negatives for most categories).
        gradients[c] = Math.abs(g) < SKIP_GRADIENT ? 0 : g;
        if (gradients[c] === 0) continue;
        any = true;
        if (options.fixedBias) continue;
        biasSquares[c]! += g * g;
        bias[c]! -= (rate * g) / Math.sqrt(biasSquares[c]!);
      }
      if (!any) continue;
      for (let k = 0; k < example.indices.length; k++) {
        const row = example.indices[k]! * width;
        const value = example.values[k]!;
        for (let c = 0; c < width; c++) {
          if (gradients[c] === 0) continue;
          const at = row + c;
          const g = gradients[c]! * value + l2 * weights[at]!;
          squares[at]! += g * g;
          weights[at]! -= (rate * g) / Math.sqrt(squares[at]! + 1e-8);
        }
      }
    }
  }
  return { categories: [...categories], bias, weights };
}

/** A raw model's score for every example, one Float64Array per category column. */
export function scoreExamples(model: RawModel, examples: readonly TrainingExample[]): Float64Array[] {
  const width = model.categories.length;
  const out = model.categories.map(() => new Float64Array(examples.length));
  examples.forEach((example, i) => {
    for (let c = 0; c < width; c++) out[c]![i] = model.bias[c]!;
    for (let k = 0; k < example.indices.length; k++) {
      const row = example.indices[k]! * width;
      const value = example.values[k]!;
      for (let c = 0; c < width; c++) out[c]![i]! += model.weights[row + c]! * value;
    }
  });
  return out;
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
    const width = raw.categories.length;
    const weights = new Float32Array(FEATURE_SPACE).map((_, feature) => raw.weights[feature * width + c]!);
    const indices = new Int32Array(FEATURE_SPACE).map((_, i) => i);
    return { category, bias: raw.bias[c]!, platt, indices, weights };
  });
  return { format: 'earshot-meaning-1', hashBits: HASH_BITS, ...meta, categories };
}
