import type { Category } from '../types.ts';
import { FEATURE_SPACE, type Featurised } from './features.ts';
import type { MeaningModel } from './model-file.ts';

/**
 * A meaning model laid out for scoring: one dense row of weights per hashed feature (all
 * categories side by side), so a segment costs one pass over its features whatever the number
 * of categories. Used by the analyser (from the committed model) and by the evaluation (from
 * models it trains itself), so both score exactly alike.
 */
export class LinearScorer {
  readonly categories: Category[];
  readonly reportThreshold: number;
  private readonly width: number;
  private readonly rows: Float32Array;
  private readonly bias: Float64Array;
  private readonly plattA: Float64Array;
  private readonly plattB: Float64Array;

  constructor(model: MeaningModel) {
    if (1 << model.hashBits !== FEATURE_SPACE) {
      throw new Error(
        `the meaning model hashes into 2^${model.hashBits} features, the analyser into ${FEATURE_SPACE}`,
      );
    }
    this.categories = model.categories.map((c) => c.category);
    this.reportThreshold = model.reportThreshold;
    this.width = this.categories.length;
    this.rows = new Float32Array(FEATURE_SPACE * this.width);
    this.bias = Float64Array.from(model.categories, (c) => c.bias);
    this.plattA = Float64Array.from(model.categories, (c) => c.platt.a);
    this.plattB = Float64Array.from(model.categories, (c) => c.platt.b);
    model.categories.forEach((c, column) => {
      c.indices.forEach((feature, k) => {
        this.rows[feature * this.width + column] = c.weights[k]!;
      });
    });
  }

  /** Raw scores (logits before calibration), one per category. */
  scores(f: Featurised): Float64Array {
    const out = Float64Array.from(this.bias);
    for (let k = 0; k < f.indices.length; k++) {
      const row = f.indices[k]! * this.width;
      const value = f.values[k]!;
      for (let c = 0; c < this.width; c++) out[c]! += value * this.rows[row + c]!;
    }
    return out;
  }

  /** Calibrated probability of category column `c` for raw score `score`. */
  probability(c: number, score: number): number {
    return 1 / (1 + Math.exp(-(this.plattA[c]! * score + this.plattB[c]!)));
  }

  /** Calibrated probabilities, one per category. */
  probabilities(f: Featurised): Float64Array {
    const scores = this.scores(f);
    return scores.map((s, c) => this.probability(c, s));
  }

  /** Each token's share of category column `c`'s score (an n-gram's weight split over its words). */
  tokenContributions(f: Featurised, c: number): Float64Array {
    const out = new Float64Array(f.tokens.length);
    const { feature, firstToken, lastToken } = f.occurrences;
    for (let o = 0; o < feature.length; o++) {
      const weight = this.rows[feature[o]! * this.width + c]! * f.unit;
      if (weight === 0) continue;
      const first = firstToken[o]!;
      const last = lastToken[o]!;
      const share = weight / (last - first + 1);
      for (let t = first; t <= last; t++) out[t]! += share;
    }
    return out;
  }
}
