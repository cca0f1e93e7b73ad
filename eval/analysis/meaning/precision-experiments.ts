/**
 * `npx tsx eval/analysis/meaning/precision-experiments.ts [variant…]`: the meaning classifier's
 * precision on real text for a few training variants, each measured the same way: (i) trained
 * without the real intercepts (dev-intercept-transcripts) and scored on them, (ii) cross-validation
 * by source (classifier alone; `--no-cv` skips it, 2 minutes per variant). The held-out set is not
 * read here. Figures of 2026-12-07 are in docs/analysis.md ("Precision on real text").
 */
import {
  DEFAULT_TRAIN_OPTIONS,
  type TrainOptions,
} from '../../../src/analysis/classifier/training/train-linear.ts';
import type { Category } from '../../../src/analysis/types.ts';
import { MAJOR_CATEGORIES } from '../report.ts';
import { leaveOneSourceOut, probabilities } from './cross-validate.ts';
import { flagged, lexiconCategories, scored } from './evaluate-meaning.ts';
import { toExample, trainMeaningModel } from './pipeline.ts';
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

function micro(rows: ScoredSegment[]): string {
  const m = scoreSegments(rows, MAJOR).micro;
  return `P ${m.precision.toFixed(2)} R ${m.recall.toFixed(2)} F1 ${m.f1.toFixed(2)} (tp ${m.tp} fp ${m.fp} fn ${m.fn})`;
}

const examples = loadTrainingSegments().map(toExample);
const real = examples.filter((e) => e.segment.source === REAL);
const realLexicon = new Map(real.map((e) => [e, lexiconCategories(e.segment.text)]));
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
  const realP = real.map((e) => probabilities(scorer, e.segment.text, e.segment.lang));
  for (const t of THRESHOLDS) {
    console.log(
      `${name} real intercepts ≥${t} classifier ${micro(real.map((e, i) => scored(e.segment, flagged(realP[i]!, t))))}`,
    );
    console.log(
      `${name} real intercepts ≥${t} lexicon+classifier ${micro(real.map((e, i) => scored(e.segment, new Set([...flagged(realP[i]!, t), ...realLexicon.get(e)!]))))}`,
    );
  }
  if (withCv) {
    const predictions = leaveOneSourceOut(examples, { train: options });
    for (const t of THRESHOLDS) {
      const rows = predictions.map((p) => scored(p.example.segment, flagged(p.probability, t)));
      console.log(`${name} cv ≥${t} classifier ${micro(rows)}`);
      const generated = predictions.filter((p) => !p.example.segment.source.startsWith('dev-'));
      console.log(
        `${name} cv-generated ≥${t} classifier ${micro(generated.map((p) => scored(p.example.segment, flagged(p.probability, t))))}`,
      );
    }
  }
  console.log(`${name} took ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
