import fs from 'node:fs';
import path from 'node:path';
import { buildRussianCorpus } from './build-corpus.ts';
import { CORPUS_DIR, serialiseLine } from './corpus-format.ts';

/**
 * `npm run corpus:analysis`: writes training/analysis/corpus/<source>.jsonl for every Russian
 * input file and prints lines per source and category. Files of other writers (Ukrainian) are
 * left alone.
 */

const root = process.cwd();
const corpus = buildRussianCorpus(root);
fs.mkdirSync(path.join(root, CORPUS_DIR), { recursive: true });
for (const [source, lines] of corpus) {
  fs.writeFileSync(
    path.join(root, CORPUS_DIR, `${source}.jsonl`),
    lines.map((line) => `${serialiseLine(line)}\n`).join(''),
  );
}
const perCategory = new Map<string, { positive: number; hardNegative: number }>();
for (const [source, lines] of corpus) {
  const written = lines.filter((line) => line.style === 'written').length;
  console.log(`${source}: ${lines.length} lines (${written} written + ${lines.length - written} asr)`);
  for (const line of lines) {
    for (const category of line.labels) {
      const entry = perCategory.get(category) ?? { positive: 0, hardNegative: 0 };
      entry.positive++;
      perCategory.set(category, entry);
    }
    for (const category of line.hardNegativeFor) {
      const entry = perCategory.get(category) ?? { positive: 0, hardNegative: 0 };
      entry.hardNegative++;
      perCategory.set(category, entry);
    }
  }
}
for (const [category, { positive, hardNegative }] of [...perCategory].sort()) {
  console.log(
    `  ${category.padEnd(42)} ${String(positive).padStart(6)} positive ${String(hardNegative).padStart(6)} hard negative`,
  );
}
