/**
 * `npm run eval:analysis`: scores the analyser against the labelled development set, prints the
 * report and writes it to eval/analysis/last-report.txt (the matcher's authors read the misses there).
 * `--summary` prints only the tables; `--floors [--margin 0.02]` prints floors that far under the measured figures, for
 * eval/analysis/analysis-eval.test.ts.
 * The held-out set is scored in two parts, Russian and Ukrainian (labels-heldout/ukrainian.json), each
 * with its segment-level figures for the committed meaning classifier.
 * Then the meaning classifier's evaluation (eval/analysis/meaning/, minutes on one core), written
 * to eval/analysis/meaning/last-report.txt and last-figures.json; `--corpus DIR` trains on another
 * corpus folder, `--no-meaning` skips it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { MEANING_COUNTED_CONFIDENCE } from '../../src/analysis/types.ts';
import { evaluate } from './evaluate.ts';
import { measuredFigures, suggestFloors } from './floors.ts';
import {
  allDocuments,
  findLabelProblems,
  HELD_OUT_DIR,
  isHeldOutUkrainian,
  LABELS_DIR,
  loadLabelSets,
  type LabelledDocument,
} from './labels.ts';
import { committedModelFigures, evaluateMeaning } from './meaning/evaluate-meaning.ts';
import { categoryTable, formatMeaningReport } from './meaning/meaning-report.ts';
import { DEFAULT_CORPUS_DIR, segmentsOf } from './meaning/training-data.ts';
import { formatReport, formatSummary } from './report.ts';

/** Segment-level figures of a held-out part with the committed classifier, against the lexicon alone. */
function withClassifier(docs: readonly LabelledDocument[]): string {
  const { lexicon, combined } = committedModelFigures(docs.flatMap(segmentsOf));
  return categoryTable(
    `Segment level, major categories, committed model (classifier flags from ${MEANING_COUNTED_CONFIDENCE}; * = under the goal):`,
    [
      ['lexicon alone', lexicon],
      ['lexicon+classifier', combined],
    ],
  ).join('\n');
}

const sets = loadLabelSets();
const heldOutSets = loadLabelSets(HELD_OUT_DIR);
const problems = findLabelProblems([...sets, ...heldOutSets]);
if (problems.length > 0) {
  console.error(
    `The labels have ${problems.length} problems; fix them before scoring:\n${problems.join('\n')}`,
  );
  process.exit(1);
}
const docs = allDocuments(sets);
const evaluation = evaluate(docs);
const heldOutDocs = allDocuments(heldOutSets).filter((doc) => !isHeldOutUkrainian(doc));
const ukrainianDocs = allDocuments(heldOutSets).filter(isHeldOutUkrainian);
const report = formatReport(evaluation, docs, [
  {
    name: 'Held-out',
    labelled: 'labelled after the first scored run',
    evaluation: evaluate(heldOutDocs),
    docs: heldOutDocs,
    extra: withClassifier(heldOutDocs),
  },
  {
    name: 'Held-out Ukrainian',
    labelled: 'labelled before the analyser was run on it',
    evaluation: evaluate(ukrainianDocs),
    docs: ukrainianDocs,
    extra: withClassifier(ukrainianDocs),
  },
]);
const reportPath = path.join(LABELS_DIR, '..', 'last-report.txt');
writeFileSync(reportPath, report);
console.log(process.argv.includes('--summary') ? formatSummary(report) : report);
if (process.argv.includes('--floors')) {
  const marginAt = process.argv.indexOf('--margin');
  const margin = marginAt > 0 ? Number(process.argv[marginAt + 1]) : 0.02;
  console.log(JSON.stringify(suggestFloors(measuredFigures(evaluation), margin), null, 2));
}
console.log(`Report written to ${path.relative(process.cwd(), reportPath)}`);

if (!process.argv.includes('--no-meaning')) {
  const at = process.argv.indexOf('--corpus');
  const corpusDir = at > 0 ? path.resolve(process.argv[at + 1] ?? '') : DEFAULT_CORPUS_DIR;
  const figures = evaluateMeaning(corpusDir, (line) => console.error(line));
  const meaningReport = formatMeaningReport(figures);
  const meaningDir = path.join(LABELS_DIR, '..', 'meaning');
  writeFileSync(path.join(meaningDir, 'last-report.txt'), `${meaningReport}\n`);
  writeFileSync(path.join(meaningDir, 'last-figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`\n${meaningReport}`);
}
