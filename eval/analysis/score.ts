/**
 * Span scoring. A gold label and a prediction of the same class (category or entity kind) in the same
 * segment match when their offsets overlap by at least one character; each gold label is matched at
 * most once. Optional gold labels neither count as misses nor turn an overlapping prediction into a
 * false alarm; a second prediction overlapping an already matched gold label is a duplicate, not a
 * false alarm (the analyser may split «груз двести» into two matches of one concept).
 */

export interface Located {
  docId: string;
  segmentIndex: number;
  start: number;
  end: number;
  surface: string;
}

export interface GoldItem extends Located {
  cls: string;
  optional: boolean;
  value?: string;
}

export interface PredictedItem extends Located {
  cls: string;
  confidence: number;
  value?: string;
  /** e.g. the rule and term that fired, shown next to a false alarm. */
  detail: string;
}

export interface MatchedPair {
  gold: GoldItem;
  predicted: PredictedItem;
}

export interface ClassScore {
  cls: string;
  support: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ScoredItems {
  perClass: ClassScore[];
  micro: Omit<ClassScore, 'cls'>;
  /** Mean F1 over the classes that have required gold labels. */
  macroF1: number;
  matched: MatchedPair[];
  misses: GoldItem[];
  falseAlarms: PredictedItem[];
}

function overlap(a: Located, b: Located): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

function sameSegment(a: Located, b: Located): boolean {
  return a.docId === b.docId && a.segmentIndex === b.segmentIndex;
}

export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

export function f1Of(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function summarise(cls: string, tp: number, fp: number, fn: number): ClassScore {
  // No gold and no predictions: nothing to get wrong, so both ratios are perfect rather than zero.
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
  return {
    cls,
    support: tp + fn,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision,
    recall,
    f1: f1Of(precision, recall),
  };
}

export function scoreItems(
  gold: readonly GoldItem[],
  predicted: readonly PredictedItem[],
  classes: readonly string[],
): ScoredItems {
  const matched: MatchedPair[] = [];
  const misses: GoldItem[] = [];
  const usedPredictions = new Set<PredictedItem>();
  const required = gold.filter((g) => !g.optional);
  for (const g of required) {
    let best: PredictedItem | undefined;
    for (const p of predicted) {
      if (usedPredictions.has(p) || p.cls !== g.cls || !sameSegment(p, g) || overlap(p, g) <= 0) continue;
      if (!best || overlap(p, g) > overlap(best, g)) best = p;
    }
    if (best) {
      usedPredictions.add(best);
      matched.push({ gold: g, predicted: best });
    } else {
      misses.push(g);
    }
  }
  const falseAlarms = predicted.filter(
    (p) =>
      !usedPredictions.has(p) && !gold.some((g) => g.cls === p.cls && sameSegment(p, g) && overlap(p, g) > 0),
  );
  const perClass = classes.map((cls) =>
    summarise(
      cls,
      matched.filter((m) => m.gold.cls === cls).length,
      falseAlarms.filter((p) => p.cls === cls).length,
      misses.filter((g) => g.cls === cls).length,
    ),
  );
  const { cls: _all, ...micro } = summarise('all', matched.length, falseAlarms.length, misses.length);
  const withSupport = perClass.filter((c) => c.support > 0);
  const macroF1 = ratio(
    withSupport.reduce((sum, c) => sum + c.f1, 0),
    withSupport.length,
  );
  return { perClass, micro, macroF1, matched, misses, falseAlarms };
}

/**
 * Place and phone values are compared loosely: case, diacritics, apostrophes, hyphens and spaces do
 * not matter, and a gold value may list spellings separated by '|' (GeoNames writes «Izyum» where
 * the Ukrainian romanisation is «Izium»).
 */
export function normaliseValue(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s'’ʼ`\-–.]/gu, '');
}

export function valueMatches(goldValue: string | undefined, predictedValue: string | undefined): boolean {
  if (goldValue === undefined) return true;
  if (predictedValue === undefined) return false;
  const predicted = normaliseValue(predictedValue);
  return goldValue.split('|').some((v) => normaliseValue(v) === predicted);
}
