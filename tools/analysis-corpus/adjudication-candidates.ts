/**
 * `npx tsx tools/analysis-corpus/adjudication-candidates.ts OUT_DIR [--predictions FILE]`: lists,
 * per source, the templates whose labels the out-of-source classifier disputes, for an adjudicator
 * to re-read under the settled label rules (eval/analysis/README.md). Cross-validation by source
 * (as `npm run eval:analysis` runs it, 7 minutes) gives each written sentence a probability per
 * category from a model that never saw its source; a template is listed for a category when the
 * mean over its written sentences is ≥ 0.5 and the template lacks the label (a possible omission),
 * or < 0.15 and it carries it (a possible over-label). The model only chooses what is re-read: the
 * adjudicator decides by the rules, and keeps the writer's label when the rules do. The lists are
 * blind: they show each template and its labels, not the model's scores, and they mix in, per
 * source, `CONTROLS_PER_SOURCE` templates the model does not dispute (a seeded draw), so that the
 * share of controls the adjudicator changes measures the label errors no one was pointed to.
 * `OUT_DIR/key.tsv` says which entries are controls and what the model disputed.
 * `--predictions FILE` reads (or, when missing, writes) the cross-validation's probabilities.
 * `--all` lists every template instead, one line each (`group<TAB>labels<TAB>template`, labels as
 * the corpus has them now, no cross-validation), for a full adjudication that reads the whole corpus
 * under the rules: the model disputes too few of the errors, having learnt the writers'
 * disagreements (civilians shot dead labelled violence only).
 */
import fs from 'node:fs';
import path from 'node:path';
import { leaveOneSourceOut } from '../../eval/analysis/meaning/cross-validate.ts';
import { toExample } from '../../eval/analysis/meaning/pipeline.ts';
import { loadTrainingSegments, type MeaningSegment } from '../../eval/analysis/meaning/training-data.ts';
import { MAJOR_CATEGORIES } from '../../eval/analysis/report.ts';
import { shuffled } from '../../src/analysis/classifier/training/train-linear.ts';
import { seededRandom } from '../../src/analysis/seeded-random.ts';
import { templatesByGroup } from './templates-by-group.ts';

interface Scored {
  id: string;
  source: string;
  group: string;
  text: string;
  style: string;
  labels: string[];
  excluded: string[];
  p: Record<string, number>;
}

const OMISSION = 0.5;
const CONTROLS_PER_SOURCE = 12;
const OVER_LABEL = 0.15;

function row(s: MeaningSegment, p: Record<string, number>): Scored {
  return {
    id: s.id,
    source: s.source,
    // The loader prefixes the corpus's group with its source; the inputs know the corpus's group.
    group: s.group.slice(s.source.length + 1),
    text: s.text,
    style: s.style,
    labels: s.labels,
    excluded: s.excluded,
    p,
  };
}

function predictions(file: string | undefined): Scored[] {
  if (file && fs.existsSync(file))
    return fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Scored);
  const examples = loadTrainingSegments().map(toExample);
  const rows = leaveOneSourceOut(examples).map(({ example: { segment }, probability }) =>
    row(
      segment,
      Object.fromEntries(Object.entries(probability).map(([c, v]) => [c, Math.round(v * 1000) / 1000])),
    ),
  );
  if (file) fs.writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return rows;
}

/** The corpus as it is now, without the cross-validation (a full list needs no model). */
function unscored(): Scored[] {
  return loadTrainingSegments().map((segment) => row(segment, {}));
}

/** Every template of a source, one line each, in the order of the input files. */
function writeFullList(outDir: string, source: string, groups: string[]): void {
  const lines = groups
    .map((group) => ({ group, template: templates.get(group), first: byGroup.get(group)![0]! }))
    .map(({ group, template, first }) => {
      if (!template) throw new Error(`no template for group ${group}`);
      return `${group}\t${first.labels.join(',') || '-'}\t${template.text}`;
    });
  fs.writeFileSync(path.join(outDir, `${source}.tsv`), lines.join('\n') + '\n');
  console.log(`${source}: ${lines.length} templates`);
}

const [outDir, ...rest] = process.argv.slice(2);
if (!outDir) throw new Error('usage: adjudication-candidates.ts OUT_DIR [--predictions FILE] [--all]');
const predictionsFile = rest.includes('--predictions') ? rest[rest.indexOf('--predictions') + 1] : undefined;
const listAll = rest.includes('--all');
const rows = (listAll ? unscored() : predictions(predictionsFile)).filter(
  (r) => r.style === 'written' && !r.source.startsWith('dev-'),
);
const templates = templatesByGroup(process.cwd());
const byGroup = new Map<string, Scored[]>();
for (const r of rows) {
  const members = byGroup.get(r.group);
  if (members) members.push(r);
  else byGroup.set(r.group, [r]);
}
const bySource = new Map<string, { group: string; disputes: string[] }[]>();
for (const [group, members] of byGroup) {
  const first = members[0]!;
  const disputes: string[] = [];
  for (const category of MAJOR_CATEGORIES) {
    if (first.excluded.includes(category)) continue;
    const mean = members.reduce((s, r) => s + (r.p[category] ?? 0), 0) / members.length;
    const labelled = members.every((r) => r.labels.includes(category));
    if (!labelled && mean >= OMISSION) disputes.push(`+${category} ${mean.toFixed(2)}`);
    if (labelled && mean < OVER_LABEL) disputes.push(`-${category} ${mean.toFixed(2)}`);
  }
  bySource.set(first.source, [...(bySource.get(first.source) ?? []), { group, disputes }]);
}
fs.mkdirSync(outDir, { recursive: true });
const key: string[] = ['group\tkind\tmodel'];
for (const [source, groups] of [...bySource].sort()) {
  if (listAll) {
    writeFullList(
      outDir,
      source,
      groups.map((g) => g.group),
    );
    continue;
  }
  const disputed = groups.filter((g) => g.disputes.length > 0);
  if (disputed.length === 0) continue;
  const controls = shuffled(
    groups.filter((g) => g.disputes.length === 0),
    seededRandom(16),
  ).slice(0, CONTROLS_PER_SOURCE);
  const listed = [...disputed, ...controls].sort((a, b) => a.group.localeCompare(b.group));
  const entries = listed.map(({ group }) => {
    const template = templates.get(group);
    if (!template) throw new Error(`no template for group ${group}`);
    const first = byGroup.get(group)![0]!;
    return [
      `### ${group}  (${template.file})`,
      `template: ${template.text}`,
      `labels: ${first.labels.join(',') || '-'}`,
      `e.g.: ${first.text}`,
      '',
    ].join('\n');
  });
  for (const g of listed)
    key.push(`${g.group}\t${g.disputes.length > 0 ? 'disputed' : 'control'}\t${g.disputes.join('; ')}`);
  fs.writeFileSync(path.join(outDir, `${source}.md`), entries.join('\n'));
  console.log(`${source}: ${disputed.length} disputed + ${controls.length} controls`);
}
if (!listAll) fs.writeFileSync(path.join(outDir, 'key.tsv'), key.join('\n') + '\n');
