import { MAJOR_CATEGORIES } from '../report.ts';
import type { CategoryFigures, MeaningFigures } from './evaluate-meaning.ts';

/** The meaning classifier's part of the evaluation report, as plain-text tables. */

const GOAL = { precision: 0.9, recall: 0.85 };
const n2 = (x: number) => x.toFixed(2);

export function categoryTable(title: string, columns: Array<[string, CategoryFigures]>): string[] {
  const head = columns.map(([name]) => name.padEnd(20)).join(' ');
  const lines = [
    title,
    `${'category'.padEnd(40)} ${head}`,
    `${''.padEnd(40)} ${columns
      .map(() => 'P    R    F1   n  ')
      .map((s) => s.padEnd(20))
      .join(' ')}`,
  ];
  for (const c of MAJOR_CATEGORIES) {
    const cells = columns.map(([, f]) => {
      const s = f.perCategory[c];
      if (!s) return ''.padEnd(20);
      const mark = s.precision >= GOAL.precision && s.recall >= GOAL.recall ? ' ' : '*';
      return `${n2(s.precision)} ${n2(s.recall)} ${n2(s.f1)} ${String(s.tp + s.fn).padStart(4)}${mark}`.padEnd(
        20,
      );
    });
    lines.push(`${c.padEnd(40)} ${cells.join(' ')}`);
  }
  const micro = columns.map(([, f]) =>
    `${n2(f.micro.precision)} ${n2(f.micro.recall)} ${n2(f.micro.f1)} macro ${n2(f.macroF1)}`.padEnd(20),
  );
  lines.push(`${'micro (and macro F1)'.padEnd(40)} ${micro.join(' ')}`);
  return lines;
}

export function formatMeaningReport(f: MeaningFigures): string {
  const lines: string[] = [
    '== Meaning classifier ==',
    `Training data ${f.trainingDataHash.slice(0, 12)}: ${f.segments} segments; sources: ${Object.entries(
      f.sources,
    )
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}.`,
    'Segment-level scoring: a segment is positive for a category when a required label of it lies there;',
    `flags at calibrated confidence ≥ 0.5; * = under the goal P ≥ ${GOAL.precision}, R ≥ ${GOAL.recall}; n = positive segments.`,
    '',
    ...categoryTable(
      'Cross-validation by source (each source scored by a model that never saw it; sources dealt into ≤ 6 folds), text as written:',
      [
        ['classifier alone', f.loso.classifier],
        ['lexicon+classifier', f.loso.combined],
      ],
    ),
    '',
    ...categoryTable(
      'The same, recogniser-style text (lower case, no punctuation, numbers as words, 4.56 % character errors):',
      [
        ['classifier alone', f.loso.asrClassifier],
        ['lexicon+classifier', f.loso.asrCombined],
      ],
    ),
    '',
    'Per source (never trained on), micro F1:  classifier  lexicon+classifier  lexicon alone',
    ...Object.entries(f.bySource).map(
      ([s, v]) =>
        `  ${s.padEnd(38)} ${n2(v.classifier).padStart(10)}  ${n2(v.combined).padStart(18)}  ${n2(v.lexicon).padStart(13)}`,
    ),
    '',
    "Learning curve (same folds, share of each fold's training groups → classifier alone):",
    ...f.learningCurve.map(
      (p) => `  ${String(p.fraction).padEnd(6)} micro F1 ${n2(p.microF1)}  macro F1 ${n2(p.macroF1)}`,
    ),
    '',
    `Calibration (out-of-source probabilities, all major categories): ECE ${f.calibration.ece.toFixed(3)}`,
    '  confidence      pairs   mean conf.  share positive',
    ...f.calibration.bins.map(
      (b) =>
        `  ${n2(b.from)}–${n2(b.to)}   ${String(b.count).padStart(9)}   ${n2(b.meanConfidence).padStart(9)}   ${n2(b.positiveRate).padStart(13)}`,
    ),
    '',
    ...categoryTable('Held-out set (never trained on), model trained on all training data:', [
      ['lexicon alone', f.heldOut.lexicon],
      ['lexicon+classifier', f.heldOut.combined],
    ]),
    '',
    ...categoryTable('Held-out set, recogniser-style text:', [
      ['lexicon alone', f.heldOut.asrLexicon],
      ['lexicon+classifier', f.heldOut.asrCombined],
    ]),
  ];
  return lines.join('\n');
}
