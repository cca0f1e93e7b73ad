/**
 * `npm run train:analysis [-- --corpus DIR]`: trains the meaning classifier on the corpus
 * (default training/analysis/corpus) and the development labels, and writes the committed model
 * file src/analysis/classifier/model/meaning-model.json. Deterministic: the same data gives the
 * same bytes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { MODEL_PATH } from '../../src/analysis/classifier/model-file.ts';
import { toExample, trainMeaningModel } from '../../eval/analysis/meaning/pipeline.ts';
import {
  DEFAULT_CORPUS_DIR,
  loadTrainingSegments,
  trainingDataHash,
} from '../../eval/analysis/meaning/training-data.ts';

const at = process.argv.indexOf('--corpus');
const corpusDir = at > 0 ? path.resolve(process.argv[at + 1] ?? '') : DEFAULT_CORPUS_DIR;
const started = process.hrtime.bigint();
const segments = loadTrainingSegments(corpusDir);
const examples = segments.map(toExample);
const { model, file } = trainMeaningModel(examples, trainingDataHash(corpusDir));
writeFileSync(MODEL_PATH, file);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(
  `Trained on ${segments.length} segments from ${corpusDir} and the development labels ` +
    `(${Object.entries(model.trainedOn)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}) in ${seconds.toFixed(1)} s; ` +
    `${model.categories.length} categories: ${model.categories.map((c) => c.category).join(', ')}.`,
);
console.log(
  `Model written to ${path.relative(process.cwd(), MODEL_PATH)} (${(file.length / 1024).toFixed(0)} KiB).`,
);
