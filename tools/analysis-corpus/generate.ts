import fs from 'node:fs';
import path from 'node:path';
import { CATEGORIES } from '../../src/analysis/types.ts';
import { buildRussianCorpus } from './build-corpus.ts';
import { CORPUS_DIR, type CorpusLine, serialiseLine } from './corpus-format.ts';

/**
 * `npm run corpus:analysis`: writes training/analysis/corpus/<source>.jsonl for every Russian
 * input file and prints written sentences per category and source as a Markdown table (the one in
 * docs/training-corpus.md). Files of other writers (Ukrainian) are left alone.
 */

function sizeTable(corpus: Map<string, CorpusLine[]>): string[] {
  const sources = [...corpus.keys()];
  const written = new Map(sources.map((s) => [s, corpus.get(s)!.filter((l) => l.style === 'written')]));
  const all = [...written.values()].flat();
  const row = (name: string, count: (lines: CorpusLine[]) => number, extra = ''): string =>
    `| ${name} | ${sources.map((s) => count(written.get(s)!)).join(' | ')} | ${count(all)} |${extra}`;
  const lines = [
    `| category | ${sources.map((s) => s.replace(/^ru-/, '')).join(' | ')} | all | hard negatives |`,
    `| --- | ${sources.map(() => '---:').join(' | ')} | ---: | ---: |`,
  ];
  for (const category of CATEGORIES) {
    const negatives = all.filter((l) => l.hardNegativeFor.includes(category)).length;
    const has = (lines: CorpusLine[]): number => lines.filter((l) => l.labels.includes(category)).length;
    if (has(all) + negatives > 0) lines.push(row(category, has, ` ${negatives} |`));
  }
  lines.push(row('no category', (ls) => ls.filter((l) => l.labels.length === 0).length, ' |'));
  lines.push(
    row('… of which hard negatives', (ls) => ls.filter((l) => l.hardNegativeFor.length > 0).length, ' |'),
  );
  lines.push(row('written sentences', (ls) => ls.length, ' |'));
  lines.push(row('templates (groups)', (ls) => new Set(ls.map((l) => l.group)).size, ' |'));
  return lines;
}

const root = process.cwd();
const corpus = buildRussianCorpus(root);
fs.mkdirSync(path.join(root, CORPUS_DIR), { recursive: true });
for (const [source, lines] of corpus) {
  const file = path.join(root, CORPUS_DIR, `${source}.jsonl`);
  fs.writeFileSync(file, lines.map((line) => `${serialiseLine(line)}\n`).join(''));
}
const total = [...corpus.values()].reduce((sum, lines) => sum + lines.length, 0);
console.log(`${total} lines in ${corpus.size} files (each written sentence and its recogniser copy)\n`);
console.log(sizeTable(corpus).join('\n'));
