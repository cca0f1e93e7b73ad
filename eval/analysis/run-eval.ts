/**
 * `npm run eval:analysis`: scores the analyser against the labelled development set, prints the
 * report and writes it to eval/analysis/last-report.txt (the matcher's authors read the misses there).
 * `--summary` prints only the tables; `--floors [--margin 0.02]` prints floors that far under the measured figures, for
 * eval/analysis/analysis-eval.test.ts.
 * Then the meaning classifier's evaluation (eval/analysis/meaning/, minutes on one core), written
 * to eval/analysis/meaning/last-report.txt and last-figures.json; `--corpus DIR` trains on another
 * corpus folder, `--no-meaning` skips it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { evaluate } from './evaluate.ts';
import { measuredFigures, suggestFloors } from './floors.ts';
import { allDocuments, findLabelProblems, HELD_OUT_DIR, LABELS_DIR, loadLabelSets } from './labels.ts';
import { evaluateMeaning } from './meaning/evaluate-meaning.ts';
import { formatMeaningReport } from './meaning/meaning-report.ts';
import { DEFAULT_CORPUS_DIR } from './meaning/training-data.ts';
import { formatReport, formatSummary } from './report.ts';

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
const heldOutDocs = allDocuments(heldOutSets);
const report = formatReport(evaluation, docs, { evaluation: evaluate(heldOutDocs), docs: heldOutDocs });
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
