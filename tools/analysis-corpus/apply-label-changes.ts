/**
 * `npx tsx tools/analysis-corpus/apply-label-changes.ts CHANGES.tsv…`: folds a consistency pass into
 * the adjudication files. A pass applies one clarification of the settled label rules
 * (eval/analysis/README.md) to every source and writes what it would change as label deltas, one
 * line each: `group<TAB>+label,-label<TAB>rule<TAB>template`. Deltas compose: several passes may
 * touch one template, and each keeps the others' changes. The result is written where every
 * adjudication lives, `training/analysis/inputs/adjudication/<source>.tsv` (an existing line for the
 * group is rewritten, else one is added), so the generators apply it and check it like any other.
 * A template whose labels a pass would both add and remove, or whose text is not the one the pass
 * read, stops the run before anything is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isCategory, type Category } from '../../src/analysis/types.ts';
import { ADJUDICATION_DIR, parseAdjudications } from './adjudication.ts';
import { sortCategories } from './corpus-format.ts';
import { templatesByGroup } from './templates-by-group.ts';

interface Delta {
  add: Set<Category>;
  remove: Set<Category>;
  rules: string[];
  template: string;
  where: string[];
}

function readDeltas(files: readonly string[]): Map<string, Delta> {
  const out = new Map<string, Delta>();
  for (const file of files)
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((raw, index) => {
        if (raw.trim() === '' || raw.startsWith('#')) return;
        const where = `${file}:${index + 1}`;
        const [group, changes, rule, template, ...rest] = raw.split('\t');
        if (!group || !changes || !rule || template === undefined || rest.length > 0)
          throw new Error(`${where}: expected «group<TAB>+label,-label<TAB>rule<TAB>template»`);
        const delta = out.get(group) ?? { add: new Set(), remove: new Set(), rules: [], template, where: [] };
        if (delta.template.trim() !== template.trim())
          throw new Error(`${where}: ${group} read as «${template}», elsewhere «${delta.template}»`);
        for (const change of changes.split(',').map((c) => c.trim())) {
          const name = change.slice(1);
          if (!/^[+-]/.test(change) || !isCategory(name))
            throw new Error(`${where}: «${change}» is not +category or -category`);
          (change.startsWith('+') ? delta.add : delta.remove).add(name);
        }
        delta.rules.push(rule);
        delta.where.push(where);
        out.set(group, delta);
      });
  return out;
}

const files = process.argv.slice(2);
if (files.length === 0) throw new Error('usage: apply-label-changes.ts CHANGES.tsv…');
const root = process.cwd();
const written = templatesByGroup(root);
const deltas = readDeltas(files);
const bySource = new Map<string, [string, Delta][]>();
for (const [group, delta] of deltas) {
  const template = written.get(group);
  if (!template) throw new Error(`${delta.where[0]}: ${group} matches no template`);
  if (template.text.trim() !== delta.template.trim())
    throw new Error(`${delta.where[0]}: ${group} is «${template.text}», not «${delta.template}»`);
  const both = [...delta.add].filter((c) => delta.remove.has(c));
  if (both.length > 0)
    throw new Error(`${delta.where.join(', ')}: ${group} both adds and removes ${both.join(', ')}`);
  const source = group.slice(0, group.indexOf('/'));
  bySource.set(source, [...(bySource.get(source) ?? []), [group, delta]]);
}
let changed = 0;
for (const [source, entries] of [...bySource].sort()) {
  const file = path.join(root, ADJUDICATION_DIR, `${source}.tsv`);
  const header = '# adjudicated under eval/analysis/README.md "Segment labels: settled rules"';
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trimEnd().split('\n') : [header];
  const existing = parseAdjudications(lines.join('\n'), file);
  for (const [group, delta] of entries) {
    const before = existing.get(group)?.labels ?? written.get(group)!.labels;
    const after = sortCategories(new Set([...before.filter((c) => !delta.remove.has(c)), ...delta.add]));
    if (after.join() === sortCategories(new Set(before)).join()) continue;
    const rule = [...new Set(delta.rules)].sort()[0]!;
    const line = [group, after.join(',') || '-', rule, delta.template.trim()].join('\t');
    const at = lines.findIndex((l) => l.split('\t')[0] === group);
    if (at >= 0) lines[at] = line;
    else lines.push(line);
    changed++;
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
}
console.log(`${deltas.size} templates in ${files.length} file(s), ${changed} label sets changed`);
