import { type Category, isCategory } from '../../src/analysis/types.ts';
import { type Random, pick } from './random.ts';

/**
 * The input language of the training corpus (see training/analysis/inputs/ru/README.md):
 * `{a|b|c}` chooses one alternative (nested choices allowed, `{|x}` makes x optional), `$slot`
 * takes one line of a slot list. A slot may carry categories: a line drawn from `$slur` adds
 * slur_for_ukrainians to the sentence's labels, so a filler can never smuggle an unlabelled
 * category into a negative.
 */

type Node =
  { kind: 'text'; value: string } | { kind: 'choice'; options: Node[][] } | { kind: 'slot'; name: string };

export interface Slot {
  name: string;
  labels: Category[];
  lines: string[];
}

export interface Group {
  name: string;
  labels: Category[];
  hardNegativeFor: Category[];
  variants: number;
  templates: Array<{ text: string; line: number }>;
}

export interface SourceInput {
  source: string;
  description: string;
  file: string;
  slots: Map<string, Slot>;
  groups: Group[];
}

export class TemplateError extends Error {}

const SLOT_NAME = /^[a-z_][a-z0-9_]*/;

export function parseTemplate(text: string): Node[] {
  let position = 0;
  function sequence(insideChoice: boolean): Node[][] {
    const options: Node[][] = [[]];
    let buffer = '';
    const flush = (): void => {
      if (buffer) options[options.length - 1]!.push({ kind: 'text', value: buffer });
      buffer = '';
    };
    while (position < text.length) {
      const char = text[position]!;
      if (char === '{') {
        flush();
        position++;
        options[options.length - 1]!.push({ kind: 'choice', options: sequence(true) });
      } else if (char === '}') {
        if (!insideChoice) throw new TemplateError(`unmatched '}' in «${text}»`);
        flush();
        position++;
        return options;
      } else if (char === '|' && insideChoice) {
        flush();
        options.push([]);
        position++;
      } else if (char === '$') {
        const name = SLOT_NAME.exec(text.slice(position + 1))?.[0];
        if (!name) throw new TemplateError(`'$' without a slot name in «${text}»`);
        flush();
        options[options.length - 1]!.push({ kind: 'slot', name });
        position += name.length + 1;
      } else {
        buffer += char;
        position++;
      }
    }
    if (insideChoice) throw new TemplateError(`unclosed '{' in «${text}»`);
    flush();
    return options;
  }
  return sequence(false)[0]!;
}

export interface Expansion {
  text: string;
  labels: Set<Category>;
}

/** One random expansion of a template: the text and the categories its slots carry. */
export function expandTemplate(template: Node[], slots: Map<string, Slot>, random: Random): Expansion {
  const labels = new Set<Category>();
  const parsed = new Map<string, Node[]>();
  function walk(nodes: Node[], depth: number): string {
    if (depth > 12) throw new TemplateError('slots nest more than 12 deep (a slot refers to itself?)');
    let out = '';
    for (const node of nodes) {
      if (node.kind === 'text') out += node.value;
      else if (node.kind === 'choice') out += walk(pick(random, node.options), depth + 1);
      else {
        const slot = slots.get(node.name);
        if (!slot) throw new TemplateError(`unknown slot $${node.name}`);
        for (const label of slot.labels) labels.add(label);
        const line = pick(random, slot.lines);
        let nodesOfLine = parsed.get(line);
        if (!nodesOfLine) parsed.set(line, (nodesOfLine = parseTemplate(line)));
        out += walk(nodesOfLine, depth + 1);
      }
    }
    return out;
  }
  const text = walk(template, 0)
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.!?…])/g, '$1')
    .trim();
  return { text, labels };
}

function parseCategories(field: string, where: string): Category[] {
  const trimmed = field.trim();
  if (trimmed === '' || trimmed === '-') return [];
  return trimmed.split(',').map((raw) => {
    const value = raw.trim();
    if (!isCategory(value)) throw new TemplateError(`${where}: «${value}» is not a category`);
    return value;
  });
}

/** Reads one input file: `@source`, `@describe`, `@variants`, `@slot` blocks and `##` groups. */
export function parseInputFile(file: string, content: string, inherited: Map<string, Slot>): SourceInput {
  const input: SourceInput = { source: '', description: '', file, slots: new Map(inherited), groups: [] };
  let defaultVariants = 6;
  let currentSlot: Slot | undefined;
  let currentGroup: Group | undefined;
  content.split('\n').forEach((rawLine, index) => {
    const line = rawLine.trim();
    const where = `${file}:${index + 1}`;
    if (line === '' || line.startsWith('//')) {
      if (line === '') currentSlot = undefined;
      return;
    }
    if (line.startsWith('@source ')) input.source = line.slice(8).trim();
    else if (line.startsWith('@describe ')) input.description = line.slice(10).trim();
    else if (line.startsWith('@variants ')) defaultVariants = Number(line.slice(10));
    else if (line.startsWith('@slot ')) {
      const [name = '', labelField = ''] = line.slice(6).trim().split(/\s+/, 2);
      currentSlot = { name, labels: parseCategories(labelField, where), lines: [] };
      input.slots.set(name, currentSlot);
      currentGroup = undefined;
    } else if (line.startsWith('## ')) {
      const [name = '', labels = '', negatives = '', variants = ''] = line.slice(3).split('|');
      currentGroup = {
        name: name.trim(),
        labels: parseCategories(labels, where),
        hardNegativeFor: parseCategories(negatives, where),
        variants: variants.trim() ? Number(variants) : defaultVariants,
        templates: [],
      };
      if (!/^[a-z0-9-]+$/.test(currentGroup.name)) throw new TemplateError(`${where}: bad group name`);
      input.groups.push(currentGroup);
      currentSlot = undefined;
    } else if (currentSlot) currentSlot.lines.push(line === '~' ? '' : line);
    else if (currentGroup) currentGroup.templates.push({ text: line, line: index + 1 });
    else throw new TemplateError(`${where}: a line outside any @slot or ## group`);
  });
  return input;
}
