/**
 * `npm run corpus:analysis:uk`: writes the Ukrainian training corpus,
 * training/analysis/corpus/uk-<batch>.jsonl, from the hand-written templates in
 * training/analysis/inputs/uk/ (README there). Deterministic: running it twice gives
 * byte-identical files; ukrainian-corpus.test.ts fails when the committed files differ.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORIES, isCategory, type Category } from '../../../src/analysis/types.ts';
import {
  RECOGNISER_CER,
  inRussianLetters,
  injectRecogniserErrors,
  recogniserSpelling,
  seededRandom,
  type Random,
} from './ukrainian-style.ts';
import type { CorpusLine } from '../corpus-format.ts';
import { AdjudicationBook } from '../adjudication.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const INPUT_DIR = path.join(ROOT, 'training', 'analysis', 'inputs', 'uk');
export const OUTPUT_DIR = path.join(ROOT, 'training', 'analysis', 'corpus');
/** Sentences drawn per template; each also gives two recogniser copies. */
const VARIANTS = 6;

export type { CorpusLine };

interface Template {
  name: string;
  labels: Category[];
  hardNegativeFor: Category[];
  lang: 'uk' | 'mixed';
  pattern: string;
}

/** Parses one input file: `@source`, `@describe`, then `## name | labels | hardNegativeFor | lang` + one template line. */
export function parseInput(text: string, file: string): { source: string; templates: Template[] } {
  let source = '';
  const templates: Template[] = [];
  let header: Omit<Template, 'pattern'> | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    const where = `${file}:${index + 1}`;
    if (line === '' || line.startsWith('@describe')) return;
    if (line.startsWith('@source ')) source = line.slice('@source '.length).trim();
    else if (line.startsWith('## ')) {
      const [name, labels, negatives, lang] = line
        .slice(3)
        .split('|')
        .map((p) => p.trim());
      if (!name || !labels || !negatives || (lang !== 'uk' && lang !== 'mixed')) {
        throw new Error(`${where}: expected «## name | labels | hardNegativeFor | uk|mixed»`);
      }
      header = {
        name,
        labels: categories(labels, where),
        hardNegativeFor: categories(negatives, where),
        lang,
      };
    } else {
      if (!header) throw new Error(`${where}: a template line needs a «##» header above it`);
      templates.push({ ...header, pattern: line });
      header = undefined;
    }
  });
  if (!/^uk-[a-z]+$/.test(source)) throw new Error(`${file}: «@source uk-<batch>» is missing`);
  return { source, templates };
}

function categories(list: string, where: string): Category[] {
  if (list === '-') return [];
  const names = list.split(',').map((c) => c.trim());
  for (const name of names) if (!isCategory(name)) throw new Error(`${where}: «${name}» is not a category`);
  return CATEGORIES.filter((c) => names.includes(c));
}

/** One random reading of `{a|b|c}` choices (nested allowed). */
function expand(pattern: string, random: Random): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== '{') {
      out += pattern[i];
      continue;
    }
    let depth = 0;
    let end = i;
    const options: string[] = [];
    let start = i + 1;
    for (; end < pattern.length; end++) {
      const c = pattern[end];
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
      else if (c === '|' && depth === 1) {
        options.push(pattern.slice(start, end));
        start = end + 1;
      }
    }
    options.push(pattern.slice(start, end));
    out += expand(options[Math.floor(random() * options.length)]!, random);
    i = end;
  }
  return out;
}

function linesOf(
  source: string,
  template: Template,
  seen: Set<string>,
  book: AdjudicationBook,
): CorpusLine[] {
  const random = seededRandom(`${source}/${template.name}/${template.pattern}`);
  const group = `${source}/${template.name}`;
  const judged = book.labelsOf(group, template.pattern, template.labels, template.hardNegativeFor);
  const out: CorpusLine[] = [];
  let made = 0;
  for (let attempt = 0; attempt < VARIANTS * 10 && made < VARIANTS; attempt++) {
    const written = expand(template.pattern, random).replace(/\s+/g, ' ').trim();
    if (seen.has(written)) continue;
    made++;
    const id = `${source}-${template.name}-${String(made).padStart(2, '0')}`;
    const spoken = injectRecogniserErrors(recogniserSpelling(written), RECOGNISER_CER, random);
    // Errors first, then the Russian letters: a Russian recogniser never writes і.
    const russian = inRussianLetters(
      injectRecogniserErrors(recogniserSpelling(written), RECOGNISER_CER, random),
    );
    const copies: Array<[string, string, CorpusLine['style']]> = [
      [written, 'w', 'written'],
      [spoken, 'a', 'asr'],
      [russian, 'r', 'asr'],
    ];
    for (const [text, suffix, style] of copies) {
      if (text === '' || seen.has(text)) continue;
      seen.add(text);
      // Keys in the format's documented order, so the files diff cleanly.
      out.push({
        id: `${id}${suffix}`,
        text,
        lang: template.lang,
        labels: judged.labels,
        source,
        group,
        style,
        hardNegativeFor: judged.hardNegativeFor,
      });
    }
  }
  return out;
}

/** Every Ukrainian corpus file (name → content) the inputs produce. */
export function buildUkrainianCorpus(inputDir = INPUT_DIR): Map<string, string> {
  const files = new Map<string, string>();
  const seen = new Set<string>();
  const book = AdjudicationBook.read(path.resolve(inputDir, '..', '..', '..', '..'), 'uk-');
  for (const name of fs
    .readdirSync(inputDir)
    .filter((n) => n.endsWith('.txt'))
    .sort()) {
    const { source, templates } = parseInput(fs.readFileSync(path.join(inputDir, name), 'utf8'), name);
    const lines = templates.flatMap((t) => linesOf(source, t, seen, book));
    files.set(`${source}.jsonl`, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  }
  book.assertAllUsed();
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const [name, content] of buildUkrainianCorpus()) {
    fs.writeFileSync(path.join(OUTPUT_DIR, name), content);
    console.log(
      `${path.join('training', 'analysis', 'corpus', name)}: ${content.split('\n').length - 1} lines`,
    );
  }
}
