import fs from 'node:fs';
import path from 'node:path';
import { CATEGORIES, isCategory, type Category } from '../../src/analysis/types.ts';

/**
 * Label adjudication: the writers of the corpus's sources applied the label guidelines
 * differently (one labelled a civilian shot dead as violence only, another also as a death). An
 * adjudicator who read the settled rules (eval/analysis/README.md, "Segment labels: settled rules")
 * re-read templates and wrote the labels they should carry into `inputs/adjudication/<source>.tsv`;
 * both generators apply them. The writers' own files stay as written, so every change is one
 * reviewable line with the rule it follows.
 *
 * Line format of `adjudication/<source>.tsv` (tab-separated; `#` starts a comment line):
 *   group  labels  rule  template
 * `group` is the template's group as the corpus writes it (`ru-pow/pow-refusal-12`,
 * `uk-calls/calls-desertion-03`), `labels` the template's whole label set after adjudication
 * (comma-separated, `-` for none), `rule` the rule's id (K1, D2, …), `template` the template's text
 * exactly as in its input file: a check that the group still names that template after an edit.
 */

/** One file per source: `adjudication/<source>.tsv`. */
export const ADJUDICATION_DIR = path.join('training', 'analysis', 'inputs', 'adjudication');

export interface Adjudication {
  group: string;
  labels: Category[];
  rule: string;
  template: string;
  /** Where it is written, for messages: `file:line`. */
  where: string;
}

export class AdjudicationError extends Error {}

export function parseAdjudications(text: string, file: string): Map<string, Adjudication> {
  const out = new Map<string, Adjudication>();
  text.split('\n').forEach((raw, index) => {
    const where = `${file}:${index + 1}`;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const [group, labels, rule, template, ...rest] = raw.split('\t');
    if (!group || labels === undefined || !rule || template === undefined || rest.length > 0)
      throw new AdjudicationError(`${where}: expected «group<TAB>labels<TAB>rule<TAB>template»`);
    if (!/^(ru|uk)-[a-z0-9-]+\/\S+$/.test(group))
      throw new AdjudicationError(`${where}: «${group}» is not a corpus group (source/name)`);
    if (!/^[A-Z]{1,3}\d{1,2}$/.test(rule))
      throw new AdjudicationError(`${where}: «${rule}» is not a rule id (e.g. K1)`);
    if (out.has(group)) throw new AdjudicationError(`${where}: ${group} is adjudicated twice`);
    const names = labels.trim() === '-' ? [] : labels.split(',').map((l) => l.trim());
    for (const name of names)
      if (!isCategory(name)) throw new AdjudicationError(`${where}: «${name}» is not a category`);
    const set = CATEGORIES.filter((c) => names.includes(c));
    const source = path.basename(file, '.tsv');
    if (!group.startsWith(`${source}/`))
      throw new AdjudicationError(`${where}: ${group} is not a group of ${source}`);
    out.set(group, { group, labels: set, rule, template: template.trim(), where });
  });
  return out;
}

/**
 * The adjudications of one generator (its sources' prefix), with a check that each was used: an
 * entry whose group no longer exists, or names another template now, fails the generator.
 */
export class AdjudicationBook {
  private readonly used = new Set<string>();
  private readonly entries: Map<string, Adjudication>;

  constructor(
    entries: Map<string, Adjudication>,
    private readonly prefix: 'ru-' | 'uk-',
  ) {
    this.entries = new Map([...entries].filter(([group]) => group.startsWith(prefix)));
  }

  static read(root: string, prefix: 'ru-' | 'uk-'): AdjudicationBook {
    const directory = path.join(root, ADJUDICATION_DIR);
    const entries = new Map<string, Adjudication>();
    const files = fs.existsSync(directory) ? fs.readdirSync(directory).sort() : [];
    for (const name of files.filter((n) => n.startsWith(prefix) && n.endsWith('.tsv'))) {
      const file = path.join(ADJUDICATION_DIR, name);
      for (const [group, entry] of parseAdjudications(fs.readFileSync(path.join(root, file), 'utf8'), file))
        entries.set(group, entry);
    }
    return new AdjudicationBook(entries, prefix);
  }

  /** The template's labels after adjudication (`written` when none), and its hard negatives less those labels. */
  labelsOf(
    group: string,
    template: string,
    written: readonly Category[],
    hardNegativeFor: readonly Category[],
  ): { labels: Category[]; hardNegativeFor: Category[] } {
    const entry = this.entries.get(group);
    if (!entry) return { labels: [...written], hardNegativeFor: [...hardNegativeFor] };
    if (entry.template !== template.trim())
      throw new AdjudicationError(
        `${entry.where}: ${group} is now «${template.trim()}», not the adjudicated «${entry.template}»`,
      );
    this.used.add(group);
    // A template judged to mean a category is no longer a hard negative for it.
    return {
      labels: entry.labels,
      hardNegativeFor: hardNegativeFor.filter((c) => !entry.labels.includes(c)),
    };
  }

  /** Fails when an entry of this generator's sources matched no template. */
  assertAllUsed(): void {
    const unused = [...this.entries.values()].filter((e) => !this.used.has(e.group));
    if (unused.length > 0)
      throw new AdjudicationError(
        `${unused[0]!.where}: ${unused[0]!.group} matches no template (${unused.length} adjudicated group(s) do not)`,
      );
  }
}
