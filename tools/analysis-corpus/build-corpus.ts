import fs from 'node:fs';
import path from 'node:path';
import type { Category } from '../../src/analysis/types.ts';
import { AdjudicationBook } from './adjudication.ts';
import { asrStyle } from './asr-style.ts';
import { type CorpusLine, sortCategories } from './corpus-format.ts';
import { type Random, hashSeed, pick, seededRandom } from './random.ts';
import {
  type Group,
  type Slot,
  type SourceInput,
  TemplateError,
  expandTemplate,
  parseInputFile,
  parseTemplate,
} from './template.ts';

/**
 * Builds the Russian training corpus from training/analysis/inputs/ru: every template of every
 * group is expanded into `variants` distinct written sentences, each followed by its recogniser
 * form. Chance comes from a generator seeded per template, so the output is the same bytes on
 * every run and a new template changes no other template's lines.
 */

export const RU_INPUTS = path.join('training', 'analysis', 'inputs', 'ru');
const SLOTS_FILE = 'slots.txt';
const LEAD_FILLER_CHANCE = 0.35;
const MID_FILLER_CHANCE = 0.3;
const PREPOSITIONS = new Set([
  'в',
  'на',
  'с',
  'со',
  'к',
  'ко',
  'у',
  'о',
  'об',
  'по',
  'за',
  'из',
  'от',
  'до',
  'без',
  'под',
  'над',
  'про',
  'и',
  'а',
  'не',
  'что',
  'же',
  'ни',
]);

export function readRussianInputs(root: string): SourceInput[] {
  const directory = path.join(root, RU_INPUTS);
  const common = parseInputFile(
    SLOTS_FILE,
    fs.readFileSync(path.join(directory, SLOTS_FILE), 'utf8'),
    new Map(),
  );
  const names = fs
    .readdirSync(directory)
    .filter((name) => name.endsWith('.txt') && name !== SLOTS_FILE)
    .sort();
  return names.map((name) => {
    const input = parseInputFile(name, fs.readFileSync(path.join(directory, name), 'utf8'), common.slots);
    if (!/^[a-z0-9-]+$/.test(input.source)) throw new TemplateError(`${name}: missing or bad @source`);
    return input;
  });
}

/** A filler at the start and one after a random word, as people fill their speech on the phone. */
function addFillers(text: string, slots: Map<string, Slot>, random: Random): string {
  const lead = slots.get('lead');
  const mid = slots.get('mid');
  let out = text;
  if (mid && random() < MID_FILLER_CHANCE) {
    const words = out.split(' ');
    const spots = words
      .map((_, i) => i)
      .filter(
        (i) =>
          i < words.length - 1 &&
          !/[.!?…]$/.test(words[i]!) &&
          !PREPOSITIONS.has(words[i]!.toLowerCase().replace(/[,]$/, '')),
      );
    if (spots.length > 0) {
      const at = pick(random, spots);
      const filler = pick(random, mid.lines);
      words[at] = `${words[at]!.replace(/,$/, '')}, ${filler},`;
      out = words.join(' ');
    }
  }
  if (lead && random() < LEAD_FILLER_CHANCE) out = `${pick(random, lead.lines)}, ${out}`;
  return out;
}

function writtenForm(text: string): string {
  // An empty first choice («{ой|}, …») leaves a comma with nothing before it.
  let out = text
    .replace(/,(?:\s*,)+/g, ',')
    .replace(/,([.!?…])/g, '$1')
    .replace(/^[\s,]+/, '')
    .trim();
  if (/[а-яёa-z0-9]$/i.test(out)) out += '.';
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** The corpus group of a template: its source, its block's name and its place in the block. */
export function templateGroupId(source: string, groupName: string, templateIndex: number): string {
  return `${source}/${groupName}-${String(templateIndex + 1).padStart(2, '0')}`;
}

function groupLines(
  input: SourceInput,
  group: Group,
  taken: Set<string>,
  book: AdjudicationBook,
): CorpusLine[] {
  const lines: CorpusLine[] = [];
  group.templates.forEach((template, templateIndex) => {
    const where = `${input.file}:${template.line}`;
    const nodes = parseTemplate(template.text);
    const random = seededRandom(hashSeed(`${input.source}/${group.name}/${template.text}`));
    const groupId = templateGroupId(input.source, group.name, templateIndex);
    const judged = book.labelsOf(groupId, template.text, group.labels, group.hardNegativeFor);
    let made = 0;
    for (let attempt = 0; attempt < group.variants * 6 && made < group.variants; attempt++) {
      const expansion = expandTemplate(nodes, input.slots, random);
      const written = writtenForm(addFillers(expansion.text, input.slots, random));
      const asr = asrStyle(written, random);
      if (taken.has(written) || taken.has(asr)) continue;
      const labels = new Set<Category>([...judged.labels, ...expansion.labels]);
      const clash = judged.hardNegativeFor.filter((category) => labels.has(category));
      if (clash.length > 0)
        throw new TemplateError(`${where}: a hard negative for ${clash.join(', ')} carries that label`);
      taken.add(written);
      taken.add(asr);
      made++;
      const common = {
        lang: 'ru' as const,
        labels: sortCategories(labels),
        source: input.source,
        group: groupId,
        hardNegativeFor: sortCategories(judged.hardNegativeFor),
      };
      const id = `${groupId.replace('/', '-')}-${String(made).padStart(2, '0')}`;
      lines.push({ id: `${id}w`, text: written, ...common, style: 'written' });
      lines.push({ id: `${id}a`, text: asr, ...common, style: 'asr' });
    }
  });
  return lines;
}

/** Source name → its lines, in input order; a text already made by an earlier template is skipped. */
export function buildRussianCorpus(root: string): Map<string, CorpusLine[]> {
  const taken = new Set<string>();
  const corpus = new Map<string, CorpusLine[]>();
  const book = AdjudicationBook.read(root, 'ru-');
  for (const input of readRussianInputs(root)) {
    if (corpus.has(input.source))
      throw new TemplateError(`${input.file}: source ${input.source} is used twice`);
    corpus.set(
      input.source,
      input.groups.flatMap((group) => groupLines(input, group, taken, book)),
    );
  }
  book.assertAllUsed();
  return corpus;
}
