/**
 * `npx tsx eval/analysis/meaning/precision-experiments.ts [variant…]`: the meaning classifier's
 * precision on real text for a few training variants, each measured the same way: (i) trained
 * without the real intercepts (dev-intercept-transcripts) and scored on them, (ii) cross-validation
 * by source (classifier alone; `--no-cv` skips it, 2 minutes per variant). The held-out set is not
 * read here. Figures of 2026-12-07 are in docs/analysis.md ("Precision on real text").
 */
import { analyseText } from '../../../src/analysis/analyse-text.ts';
import { featurise } from '../../../src/analysis/classifier/features.ts';
import type { LinearScorer } from '../../../src/analysis/classifier/linear-scorer.ts';
import {
  DEFAULT_TRAIN_OPTIONS,
  type TrainOptions,
} from '../../../src/analysis/classifier/training/train-linear.ts';
import { COUNTED_CONFIDENCE, type Category } from '../../../src/analysis/types.ts';
import { MAJOR_CATEGORIES } from '../report.ts';
import { leaveOneSourceOut } from './cross-validate.ts';
import { toExample, trainMeaningModel, type Example } from './pipeline.ts';
import { scoreSegments, type ScoredSegment } from './segment-scores.ts';
import { loadTrainingSegments } from './training-data.ts';

const REAL = 'dev-intercept-transcripts';
const MAJOR: readonly Category[] = MAJOR_CATEGORIES;
const THRESHOLDS = [0.5, 0.9];

/** Changes to the shipped training options (DEFAULT_TRAIN_OPTIONS); `current` is the shipped model. */
const VARIANTS: Record<string, Partial<TrainOptions>> = {
  current: {},
  learntBias: { fixedBias: false },
  learntBiasPw3: { fixedBias: false, positiveWeight: 3 },
  pw3: { positiveWeight: 3 },
  l2e5: { l2: 1e-5 },
  l2e4: { l2: 1e-4 },
  ep3: { epochs: 3 },
  ep10: { epochs: 10 },
  pw2: { positiveWeight: 2 },
};

function lexicon(text: string): Set<Category> {
  const matches = analyseText(text, { meaning: false }).matches;
  return new Set(matches.filter((m) => m.confidence >= COUNTED_CONFIDENCE).map((m) => m.category));
}

function flagged(probability: Partial<Record<Category, number>>, threshold: number): Set<Category> {
  return new Set(MAJOR.filter((c) => (probability[c] ?? 0) >= threshold));
}

function probabilityOf(scorer: LinearScorer, e: Example): Partial<Record<Category, number>> {
  const p = scorer.probabilities(featurise(e.segment.text, e.segment.lang !== 'uk'));
  return Object.fromEntries(scorer.categories.map((c, i) => [c, p[i]!]));
}

function micro(rows: ScoredSegment[]): string {
  const m = scoreSegments(rows, MAJOR).micro;
  return `P ${m.precision.toFixed(2)} R ${m.recall.toFixed(2)} F1 ${m.f1.toFixed(2)} (tp ${m.tp} fp ${m.fp} fn ${m.fn})`;
}

function scored(e: Example, predicted: Set<Category>): ScoredSegment {
  return { gold: e.labels, excluded: e.excluded, predicted };
}

const examples = loadTrainingSegments().map(toExample);
const real = examples.filter((e) => e.segment.source === REAL);
const realLexicon = new Map(real.map((e) => [e, lexicon(e.segment.text)]));
const withCv = !process.argv.includes('--no-cv');
for (const name of process.argv.slice(2).filter((a) => !a.startsWith('--'))) {
  if (!(name in VARIANTS))
    throw new Error(`unknown variant ${name}; known: ${Object.keys(VARIANTS).join(', ')}`);
  const options = { ...DEFAULT_TRAIN_OPTIONS, ...VARIANTS[name] };
  const started = Date.now();
  const { scorer } = trainMeaningModel(
    examples.filter((e) => e.segment.source !== REAL),
    '0'.repeat(64),
    options,
  );
  const realP = real.map((e) => probabilityOf(scorer, e));
  for (const t of THRESHOLDS) {
    console.log(
      `${name} real intercepts ≥${t} classifier ${micro(real.map((e, i) => scored(e, flagged(realP[i]!, t))))}`,
    );
    console.log(
      `${name} real intercepts ≥${t} lexicon+classifier ${micro(real.map((e, i) => scored(e, new Set([...flagged(realP[i]!, t), ...realLexicon.get(e)!]))))}`,
    );
  }
  if (withCv) {
    const predictions = leaveOneSourceOut(examples, { train: options });
    for (const t of THRESHOLDS) {
      const rows = predictions.map((p) => scored(p.example, flagged(p.probability, t)));
      console.log(`${name} cv ≥${t} classifier ${micro(rows)}`);
      const generated = predictions.filter((p) => !p.example.segment.source.startsWith('dev-'));
      console.log(
        `${name} cv-generated ≥${t} classifier ${micro(generated.map((p) => scored(p.example, flagged(p.probability, t))))}`,
      );
    }
  }
  console.log(`${name} took ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
