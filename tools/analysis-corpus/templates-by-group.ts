import fs from 'node:fs';
import path from 'node:path';
import type { Category } from '../../src/analysis/types.ts';
import { readRussianInputs, templateGroupId } from './build-corpus.ts';
import { INPUT_DIR, parseInput } from './ukrainian/generate-ukrainian.ts';

/** A template as its writer wrote it: text, the labels of its group, and where it is. */
export interface WrittenTemplate {
  text: string;
  labels: Category[];
  /** `inputs/ru/<file>:<line>` or `inputs/uk/<file>`, for messages and lists. */
  file: string;
}

/**
 * Every template of both languages' inputs by its corpus group id (`ru-pow/pow-refusal-12`,
 * `uk-calls/calls-desertion-03`), before adjudication: what the adjudication tools list and change.
 */
export function templatesByGroup(root: string): Map<string, WrittenTemplate> {
  const out = new Map<string, WrittenTemplate>();
  for (const input of readRussianInputs(root))
    for (const group of input.groups)
      group.templates.forEach((t, i) =>
        out.set(templateGroupId(input.source, group.name, i), {
          text: t.text,
          labels: group.labels,
          file: `inputs/ru/${input.file}:${t.line}`,
        }),
      );
  for (const name of fs.readdirSync(INPUT_DIR).filter((n) => n.endsWith('.txt'))) {
    const { source, templates } = parseInput(fs.readFileSync(path.join(INPUT_DIR, name), 'utf8'), name);
    for (const t of templates)
      out.set(`${source}/${t.name}`, { text: t.pattern, labels: t.labels, file: `inputs/uk/${name}` });
  }
  return out;
}
