import { analyseText } from '../../../src/analysis/analyse-text.ts';
import { featurise } from '../../../src/analysis/classifier/features.ts';
import {
  COUNTED_CONFIDENCE,
  MEANING_COUNTED_CONFIDENCE,
  type Category,
} from '../../../src/analysis/types.ts';
import { HELD_OUT_DIR, isHeldOutUkrainian } from '../labels.ts';
import { MAJOR_CATEGORIES } from '../report.ts';
import { asrLike } from './asr-like.ts';
import { leaveOneSourceOut, type Prediction } from './cross-validate.ts';
import { REPORT_THRESHOLD, toExample, trainMeaningModel } from './pipeline.ts';
import { reliability, scoreSegments, type Score, type ScoredSegment } from './segment-scores.ts';
import {
  loadDevSegments,
  loadTrainingSegments,
  trainingDataHash,
  type MeaningSegment,
} from './training-data.ts';

/**
 * The meaning classifier's evaluation (`npm run eval:analysis`): leave-one-source-out figures per
 * category for the classifier alone and for lexicon + classifier (what the desk shows), on the text
 * as written and as a recogniser writes it; a learning curve; calibration; and the held-out set
 * (never trained on) scored with the lexicon alone and with lexicon + classifier. The held-out
 * Ukrainian documents are left out here: `committedModelFigures` scores them apart.
 */

const MAJOR: readonly Category[] = MAJOR_CATEGORIES;
export const LEARNING_CURVE_FRACTIONS = [0.25, 0.5, 1];

export interface MeaningFigures {
  trainingDataHash: string;
  segments: number;
  sources: Record<string, number>;
  /** Leave-one-source-out, classifier alone / lexicon + classifier, written and recogniser-style. */
  loso: {
    classifier: CategoryFigures;
    combined: CategoryFigures;
    asrClassifier: CategoryFigures;
    asrCombined: CategoryFigures;
  };
  bySource: Record<string, { classifier: number; combined: number; lexicon: number }>;
  learningCurve: Array<{ fraction: number; microF1: number; macroF1: number }>;
  calibration: {
    ece: number;
    bins: Array<{ from: number; to: number; count: number; meanConfidence: number; positiveRate: number }>;
  };
  heldOut: {
    lexicon: CategoryFigures;
    combined: CategoryFigures;
    asrLexicon: CategoryFigures;
    asrCombined: CategoryFigures;
  };
}

export interface CategoryFigures {
  micro: Score;
  macroF1: number;
  perCategory: Record<string, Score>;
}

function figures(segments: readonly ScoredSegment[]): CategoryFigures {
  const { perCategory, micro } = scoreSegments(segments, MAJOR);
  const scored = [...perCategory.values()].filter((s) => s.tp + s.fn > 0);
  return {
    micro,
    macroF1: scored.reduce((sum, s) => sum + s.f1, 0) / Math.max(1, scored.length),
    perCategory: Object.fromEntries(perCategory),
  };
}

const lexiconCache = new Map<string, Set<Category>>();
/** The categories the lexicon alone counts in a text (its matches from COUNTED_CONFIDENCE). */
export function lexiconCategories(text: string): Set<Category> {
  let hit = lexiconCache.get(text);
  if (!hit) {
    hit = new Set(
      analyseText(text, { meaning: false })
        .matches.filter((m) => m.confidence >= COUNTED_CONFIDENCE)
        .map((m) => m.category),
    );
    lexiconCache.set(text, hit);
  }
  return hit;
}

/** The major categories whose probability reaches `threshold`. */
export function flagged(
  probability: Partial<Record<Category, number>>,
  threshold: number = REPORT_THRESHOLD,
): Set<Category> {
  return new Set(MAJOR.filter((c) => (probability[c] ?? 0) >= threshold));
}

export function scored(segment: MeaningSegment, predicted: ReadonlySet<Category>): ScoredSegment {
  return { gold: new Set(segment.labels), excluded: new Set(segment.excluded), predicted };
}

function union(a: Set<Category>, b: Set<Category>): Set<Category> {
  return new Set([...a, ...b]);
}

function losoFigures(predictions: readonly Prediction[]): MeaningFigures['loso'] {
  const rows = predictions.map((p) => {
    const { segment } = p.example;
    const asrText = asrLike(segment.text);
    return {
      classifier: scored(segment, flagged(p.probability)),
      combined: scored(segment, union(flagged(p.probability), lexiconCategories(segment.text))),
      asrClassifier: scored(segment, flagged(p.asrProbability)),
      asrCombined: scored(segment, union(flagged(p.asrProbability), lexiconCategories(asrText))),
    };
  });
  return {
    classifier: figures(rows.map((r) => r.classifier)),
    combined: figures(rows.map((r) => r.combined)),
    asrClassifier: figures(rows.map((r) => r.asrClassifier)),
    asrCombined: figures(rows.map((r) => r.asrCombined)),
  };
}

function bySource(predictions: readonly Prediction[]): MeaningFigures['bySource'] {
  const sources = [...new Set(predictions.map((p) => p.example.segment.source))].sort();
  return Object.fromEntries(
    sources.map((source) => {
      const mine = predictions.filter((p) => p.example.segment.source === source);
      const f = (pick: (p: Prediction) => Set<Category>) =>
        figures(mine.map((p) => scored(p.example.segment, pick(p)))).micro.f1;
      return [
        source,
        {
          classifier: f((p) => flagged(p.probability)),
          combined: f((p) => union(flagged(p.probability), lexiconCategories(p.example.segment.text))),
          lexicon: f((p) => lexiconCategories(p.example.segment.text)),
        },
      ];
    }),
  );
}

/**
 * The committed model, as the desk runs it, against the lexicon alone on segments it never trained
 * on: lexicon matches from COUNTED_CONFIDENCE, classifier flags from MEANING_COUNTED_CONFIDENCE.
 */
export function committedModelFigures(segments: readonly MeaningSegment[]): {
  lexicon: CategoryFigures;
  combined: CategoryFigures;
} {
  const rows = segments.map((s) => {
    const analysis = analyseText(s.text);
    const words = new Set(
      analysis.matches.filter((m) => m.confidence >= COUNTED_CONFIDENCE).map((m) => m.category),
    );
    const meaning = analysis.meaning
      .filter((f) => f.confidence >= MEANING_COUNTED_CONFIDENCE)
      .map((f) => f.category);
    return { lexicon: scored(s, words), combined: scored(s, union(words, new Set(meaning))) };
  });
  return { lexicon: figures(rows.map((r) => r.lexicon)), combined: figures(rows.map((r) => r.combined)) };
}

function heldOutFigures(training: ReturnType<typeof toExample>[]): MeaningFigures['heldOut'] {
  const { scorer } = trainMeaningModel(training, '0'.repeat(64));
  const classify = (text: string, lang: string) => {
    const p = scorer.probabilities(featurise(text, lang !== 'uk'));
    return new Set(scorer.categories.filter((c, i) => MAJOR.includes(c) && p[i]! >= REPORT_THRESHOLD));
  };
  const heldOut = loadDevSegments(HELD_OUT_DIR, (doc) => !isHeldOutUkrainian(doc));
  const rows = heldOut.map((s) => {
    const asrText = asrLike(s.text);
    return {
      lexicon: scored(s, lexiconCategories(s.text)),
      combined: scored(s, union(lexiconCategories(s.text), classify(s.text, s.lang))),
      asrLexicon: scored(s, lexiconCategories(asrText)),
      asrCombined: scored(s, union(lexiconCategories(asrText), classify(asrText, s.lang))),
    };
  });
  return {
    lexicon: figures(rows.map((r) => r.lexicon)),
    combined: figures(rows.map((r) => r.combined)),
    asrLexicon: figures(rows.map((r) => r.asrLexicon)),
    asrCombined: figures(rows.map((r) => r.asrCombined)),
  };
}

export function evaluateMeaning(corpusDir: string, log: (line: string) => void = () => {}): MeaningFigures {
  const segments = loadTrainingSegments(corpusDir);
  const examples = segments.map(toExample);
  const sources: Record<string, number> = {};
  for (const s of segments) sources[s.source] = (sources[s.source] ?? 0) + 1;
  log(
    `meaning: ${segments.length} segments from ${Object.keys(sources).length} sources; leave-one-source-out…`,
  );
  const predictions = leaveOneSourceOut(examples, { withAsr: true });
  const learningCurve = LEARNING_CURVE_FRACTIONS.map((fraction) => {
    log(`meaning: learning curve at ${fraction}…`);
    const f = fraction === 1 ? predictions : leaveOneSourceOut(examples, { fraction });
    const { micro, macroF1 } = figures(f.map((p) => scored(p.example.segment, flagged(p.probability))));
    return { fraction, microF1: micro.f1, macroF1 };
  });
  const pairs = predictions.flatMap((p) =>
    MAJOR.filter((c) => !p.example.excluded.has(c) && p.probability[c] !== undefined).map((c) => ({
      probability: p.probability[c]!,
      positive: p.example.labels.has(c),
    })),
  );
  log('meaning: held-out set…');
  return {
    trainingDataHash: trainingDataHash(corpusDir),
    segments: segments.length,
    sources,
    loso: losoFigures(predictions),
    bySource: bySource(predictions),
    learningCurve,
    calibration: reliability(pairs),
    heldOut: heldOutFigures(examples),
  };
}
