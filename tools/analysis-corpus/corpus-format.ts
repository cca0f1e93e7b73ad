import fs from 'node:fs';
import path from 'node:path';
import { CATEGORIES, type Category, isCategory } from '../../src/analysis/types.ts';

/**
 * The training corpus format (training/analysis/corpus/<source>.jsonl, one object per line), its
 * reader and its checks. The generator here writes the Russian sources; other writers (Ukrainian)
 * use the same format and the same checks.
 */

export interface CorpusLine {
  id: string;
  text: string;
  lang: 'ru' | 'uk' | 'mixed';
  labels: Category[];
  source: string;
  group: string;
  style: 'written' | 'asr';
  hardNegativeFor: Category[];
}

export const CORPUS_DIR = path.join('training', 'analysis', 'corpus');

/** One line of a .jsonl file, with keys in the documented order (so files diff cleanly). */
export function serialiseLine(line: CorpusLine): string {
  const ordered: CorpusLine = {
    id: line.id,
    text: line.text,
    lang: line.lang,
    labels: sortCategories(line.labels),
    source: line.source,
    group: line.group,
    style: line.style,
    hardNegativeFor: sortCategories(line.hardNegativeFor),
  };
  return JSON.stringify(ordered);
}

export function sortCategories(categories: Iterable<Category>): Category[] {
  const set = new Set(categories);
  return CATEGORIES.filter((category) => set.has(category));
}

/** Every corpus file in a directory, parsed (file name → lines). */
export function readCorpusDirectory(directory: string): Map<string, CorpusLine[]> {
  const files = new Map<string, CorpusLine[]>();
  for (const name of fs
    .readdirSync(directory)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    const content = fs.readFileSync(path.join(directory, name), 'utf8');
    const lines = content
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as CorpusLine);
    files.set(name, lines);
  }
  return files;
}

/** Problems in a set of corpus files; empty when they keep the format's rules. */
export function findCorpusProblems(files: Map<string, CorpusLine[]>): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const textSource = new Map<string, string>();
  for (const [file, lines] of files) {
    for (const line of lines) {
      const where = `${file} ${line.id}`;
      if (`${line.source}.jsonl` !== file)
        problems.push(`${where}: source «${line.source}» is not the file's name`);
      if (ids.has(line.id)) problems.push(`${where}: duplicate id`);
      ids.add(line.id);
      if (typeof line.text !== 'string' || line.text.trim() === '') problems.push(`${where}: empty text`);
      else if (/^[\s,.;:!?]|\s$|\s{2}/.test(line.text)) problems.push(`${where}: stray space or punctuation`);
      if (!['ru', 'uk', 'mixed'].includes(line.lang)) problems.push(`${where}: lang «${line.lang}»`);
      if (!['written', 'asr'].includes(line.style)) problems.push(`${where}: style «${line.style}»`);
      if (!line.group) problems.push(`${where}: no group`);
      if (!Array.isArray(line.labels) || !Array.isArray(line.hardNegativeFor)) {
        problems.push(`${where}: labels and hardNegativeFor must be lists`);
        continue;
      }
      for (const category of [...line.labels, ...line.hardNegativeFor]) {
        if (!isCategory(category)) problems.push(`${where}: «${String(category)}» is not a category`);
      }
      const clash = line.hardNegativeFor.filter((category) => line.labels.includes(category));
      if (clash.length > 0)
        problems.push(`${where}: labelled with ${clash.join(', ')} it is a hard negative for`);
      if (line.style === 'asr' && /[^а-яіїєґ' ]/.test(line.text)) {
        problems.push(`${where}: asr text has characters a recogniser does not write`);
      }
      const seen = textSource.get(line.text);
      if (seen !== undefined) problems.push(`${where}: text also in ${seen}`);
      else textSource.set(line.text, line.id);
    }
  }
  return problems;
}
