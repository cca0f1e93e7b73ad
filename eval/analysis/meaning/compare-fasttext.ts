/**
 * `npx tsx eval/analysis/meaning/compare-fasttext.ts [--corpus DIR]`: the candidate the linear
 * model was chosen against. fastText (fasttext.wasm.js, one-vs-all loss, word bigrams and
 * character 2–5-grams, the settings of its text-classification tutorial) is trained and scored
 * leave-one-source-out on the same data as the meaning classifier; both are printed side by side
 * with training time and prediction speed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenise } from '../../../src/analysis/matching/normalise.ts';
import { type Category } from '../../../src/analysis/types.ts';
import { MAJOR_CATEGORIES } from '../report.ts';
import { leaveOneSourceOut, sourceFolds } from './cross-validate.ts';
import { REPORT_THRESHOLD, toExample } from './pipeline.ts';
import { scoreSegments, type Score } from './segment-scores.ts';
import type { MeaningFigures } from './evaluate-meaning.ts';
import {
  DEFAULT_CORPUS_DIR,
  loadTrainingSegments,
  trainingDataHash,
  type MeaningSegment,
} from './training-data.ts';

interface FastTextArgs {
  [key: string]: unknown;
}
interface FastTextCore {
  train(args: FastTextArgs, callback: () => void): void;
  predict(text: string, k: number, threshold: number): { size(): number; get(i: number): [number, string] };
}
interface FastTextPackage {
  getFastTextModule(): Promise<FastTextWasm>;
  getFastTextClass(options: {
    getFastTextModule: () => Promise<FastTextWasm>;
  }): Promise<new () => { ft: FastTextCore }>;
}
interface FastTextWasm {
  FS: { writeFile(path: string, data: string): void };
  Args: new () => FastTextArgs;
  ModelName: Record<string, unknown>;
  LossName: Record<string, unknown>;
}

const MAJOR: readonly Category[] = MAJOR_CATEGORIES;
const wordsOf = (text: string) =>
  tokenise(text)
    .map((t) => t.norm)
    .join(' ');

async function fastTextLoso(
  segments: readonly MeaningSegment[],
): Promise<{ predicted: Set<Category>[]; trainSeconds: number; perSecond: number }> {
  // The package's own types need emscripten's; the few calls used here are typed above.
  const fastText = (await import('fasttext.wasm.js')) as unknown as FastTextPackage;
  const module = await fastText.getFastTextModule();
  const FastText = await fastText.getFastTextClass({ getFastTextModule: () => Promise.resolve(module) });
  // The same folds as the linear model's cross-validation.
  const { folds, foldOf } = sourceFolds(segments.map((s) => s.source));
  const predicted: Set<Category>[] = segments.map(() => new Set());
  let trainSeconds = 0;
  let predictSeconds = 0;
  for (let fold = 0; fold < folds; fold++) {
    const lines = segments
      .filter((s) => foldOf.get(s.source) !== fold)
      .map(
        (s) =>
          `${(s.labels.length ? s.labels : ['none']).map((l) => `__label__${l}`).join(' ')} ${wordsOf(s.text)}`,
      );
    module.FS.writeFile('/train.txt', `${lines.join('\n')}\n`);
    const args = new module.Args();
    Object.assign(args, {
      input: '/train.txt',
      model: module.ModelName.supervised,
      loss: module.LossName.ova,
      epoch: 25,
      lr: 0.5,
      dim: 50,
      wordNgrams: 2,
      minn: 2,
      maxn: 5,
      bucket: 200_000,
      thread: 1,
      seed: 16,
      verbose: 0,
    });
    const ft = new FastText().ft;
    const started = process.hrtime.bigint();
    ft.train(args, () => {});
    trainSeconds += Number(process.hrtime.bigint() - started) / 1e9;
    const predictStarted = process.hrtime.bigint();
    segments.forEach((s, i) => {
      if (foldOf.get(s.source) !== fold) return;
      const result = ft.predict(wordsOf(s.text), -1, REPORT_THRESHOLD);
      for (let k = 0; k < result.size(); k++) {
        const label = result.get(k)[1].replace('__label__', '') as Category;
        if (MAJOR.includes(label)) predicted[i]!.add(label);
      }
    });
    predictSeconds += Number(process.hrtime.bigint() - predictStarted) / 1e9;
  }
  return { predicted, trainSeconds, perSecond: segments.length / predictSeconds };
}

const row = (name: string, s: Score | undefined) =>
  s ? `${name.padEnd(20)} P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} F1 ${s.f1.toFixed(2)}` : name;

const at = process.argv.indexOf('--corpus');
const corpusDir = at > 0 ? path.resolve(process.argv[at + 1] ?? '') : DEFAULT_CORPUS_DIR;
const segments = loadTrainingSegments(corpusDir);
const gold = (s: MeaningSegment) => ({ gold: new Set(s.labels), excluded: new Set(s.excluded) });

// The linear model's figures come from the last `npm run eval:analysis` when it scored this very
// data (same folds); otherwise they are computed here.
function linearFigures(): { perCategory: Map<Category, Score>; micro: Score; note: string } {
  const recorded = path.join(path.dirname(fileURLToPath(import.meta.url)), 'last-figures.json');
  if (existsSync(recorded)) {
    const figures = JSON.parse(readFileSync(recorded, 'utf8')) as MeaningFigures;
    if (figures.trainingDataHash === trainingDataHash(corpusDir)) {
      const { perCategory, micro } = figures.loso.classifier;
      return {
        perCategory: new Map(Object.entries(perCategory) as Array<[Category, Score]>),
        micro,
        note: `from ${recorded}`,
      };
    }
  }
  const started = process.hrtime.bigint();
  const linear = leaveOneSourceOut(segments.map(toExample));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const scores = scoreSegments(
    linear.map((p) => ({
      ...gold(p.example.segment),
      predicted: new Set(MAJOR.filter((c) => (p.probability[c] ?? 0) >= REPORT_THRESHOLD)),
    })),
    MAJOR,
  );
  return { ...scores, note: `${seconds.toFixed(1)} s for all folds, calibration included` };
}
const linearScores = linearFigures();
const ft = await fastTextLoso(segments);
const ftScores = scoreSegments(
  segments.map((s, i) => ({ ...gold(s), predicted: ft.predicted[i]! })),
  MAJOR,
);
console.log(
  `Leave one source out over ${segments.length} segments (${corpusDir}), classifier alone, confidence ≥ 0.5:`,
);
for (const c of MAJOR)
  console.log(
    `${c.padEnd(40)} ${row('linear', linearScores.perCategory.get(c))}   ${row('fastText', ftScores.perCategory.get(c))}`,
  );
console.log(
  `${'micro'.padEnd(40)} ${row('linear', linearScores.micro)}   ${row('fastText', ftScores.micro)}`,
);
console.log(`linear: ${linearScores.note}`);
console.log(
  `fastText: ${ft.trainSeconds.toFixed(1)} s training for all folds (1 training per fold, uncalibrated), ${Math.round(ft.perSecond)} segments/s predicting`,
);
