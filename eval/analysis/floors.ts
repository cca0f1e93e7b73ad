import type { Evaluation } from './evaluate.ts';
import { MAJOR_CATEGORIES } from './report.ts';

/** Figures a regression test holds the analyser to, each a floor under a measured value. */
export interface Figures {
  /** F1 per major category. */
  categoryF1: Record<string, number>;
  categoriesMicroPrecision: number;
  categoriesMicroRecall: number;
  /** F1 per entity kind. */
  entityF1: Record<string, number>;
  /** Share of matched places whose value (canonical English name) is right. */
  placeValueAccuracy: number;
  /** Share of casualty count fields (killed/wounded/missing per call) that are right. */
  casualtyFieldAccuracy: number;
  /** Category micro F1 per subset (written demo, recogniser-style demo, real intercepts, sentences). */
  subsetCategoryF1: Record<string, number>;
}

export function measuredFigures(evaluation: Evaluation): Figures {
  const place = evaluation.values.find((v) => v.kind === 'place');
  return {
    categoryF1: Object.fromEntries(
      MAJOR_CATEGORIES.map((c) => [c, evaluation.categories.perClass.find((s) => s.cls === c)?.f1 ?? 0]),
    ),
    categoriesMicroPrecision: evaluation.categories.micro.precision,
    categoriesMicroRecall: evaluation.categories.micro.recall,
    entityF1: Object.fromEntries(evaluation.entities.perClass.map((s) => [s.cls, s.f1])),
    placeValueAccuracy: place && place.matched > 0 ? place.correct / place.matched : 0,
    casualtyFieldAccuracy: evaluation.casualties.correct / Math.max(1, evaluation.casualties.fields),
    subsetCategoryF1: Object.fromEntries(evaluation.subsets.map((s) => [s.name, s.categories.micro.f1])),
  };
}

/** Floors 0.02 under the measured figures, rounded down to two decimals (never above the measurement). */
export function suggestFloors(figures: Figures, margin = 0.02): Figures {
  const floor = (x: number) => Math.max(0, Math.floor((x - margin) * 100 + 1e-9) / 100);
  const each = (record: Record<string, number>) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, floor(v)]));
  return {
    categoryF1: each(figures.categoryF1),
    categoriesMicroPrecision: floor(figures.categoriesMicroPrecision),
    categoriesMicroRecall: floor(figures.categoriesMicroRecall),
    entityF1: each(figures.entityF1),
    placeValueAccuracy: floor(figures.placeValueAccuracy),
    casualtyFieldAccuracy: floor(figures.casualtyFieldAccuracy),
    subsetCategoryF1: each(figures.subsetCategoryF1),
  };
}

/** Every figure that fell under its floor, as sentences. */
export function belowFloors(measured: Figures, floors: Figures): string[] {
  const out: string[] = [];
  const check = (name: string, value: number | undefined, floor: number) => {
    if ((value ?? 0) < floor) out.push(`${name}: ${(value ?? 0).toFixed(3)} < floor ${floor}`);
  };
  for (const [c, f] of Object.entries(floors.categoryF1)) check(`F1 ${c}`, measured.categoryF1[c], f);
  for (const [k, f] of Object.entries(floors.entityF1)) check(`F1 entity ${k}`, measured.entityF1[k], f);
  check('micro precision (categories)', measured.categoriesMicroPrecision, floors.categoriesMicroPrecision);
  check('micro recall (categories)', measured.categoriesMicroRecall, floors.categoriesMicroRecall);
  check('place value accuracy', measured.placeValueAccuracy, floors.placeValueAccuracy);
  check('casualty field accuracy', measured.casualtyFieldAccuracy, floors.casualtyFieldAccuracy);
  for (const [name, f] of Object.entries(floors.subsetCategoryF1)) {
    check(`category micro F1, ${name}`, measured.subsetCategoryF1[name], f);
  }
  return out;
}
