import type { Category } from '../../../src/analysis/types.ts';

/**
 * Segment-level scoring of category flags: a segment is a positive for a category when a required
 * gold span of it lies in the segment; categories with only optional spans there are not scored
 * for that segment.
 */

export interface ScoredSegment {
  gold: ReadonlySet<Category>;
  excluded: ReadonlySet<Category>;
  predicted: ReadonlySet<Category>;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function scoreOf(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export function scoreSegments(
  segments: readonly ScoredSegment[],
  categories: readonly Category[],
): { perCategory: Map<Category, Score>; micro: Score } {
  const perCategory = new Map<Category, Score>();
  let [TP, FP, FN] = [0, 0, 0];
  for (const category of categories) {
    let [tp, fp, fn] = [0, 0, 0];
    for (const s of segments) {
      if (s.excluded.has(category)) continue;
      const gold = s.gold.has(category);
      const predicted = s.predicted.has(category);
      if (gold && predicted) tp++;
      else if (predicted) fp++;
      else if (gold) fn++;
    }
    perCategory.set(category, scoreOf(tp, fp, fn));
    [TP, FP, FN] = [TP + tp, FP + fp, FN + fn];
  }
  return { perCategory, micro: scoreOf(TP, FP, FN) };
}

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  positiveRate: number;
}

/** Reliability table over (segment, category) probabilities, and the expected calibration error. */
export function reliability(
  pairs: ReadonlyArray<{ probability: number; positive: boolean }>,
  bins = 10,
): { bins: ReliabilityBin[]; ece: number } {
  const table: ReliabilityBin[] = [];
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const from = b / bins;
    const to = (b + 1) / bins;
    const inBin = pairs.filter(
      (p) => p.probability >= from && (p.probability < to || (b === bins - 1 && p.probability <= 1)),
    );
    const count = inBin.length;
    const meanConfidence = count ? inBin.reduce((s, p) => s + p.probability, 0) / count : 0;
    const positiveRate = count ? inBin.filter((p) => p.positive).length / count : 0;
    table.push({ from, to, count, meanConfidence, positiveRate });
    ece += (count / Math.max(1, pairs.length)) * Math.abs(meanConfidence - positiveRate);
  }
  return { bins: table, ece };
}
