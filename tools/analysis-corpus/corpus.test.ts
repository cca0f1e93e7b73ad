import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELD_OUT_DIR, LABELS_DIR, allDocuments, loadLabelSets } from '../../eval/analysis/labels.ts';
import { MAJOR_CATEGORIES } from '../../eval/analysis/report.ts';
import { editDistance } from '../../src/speech/text-metrics.ts';
import { RECOGNISER_CER, recogniserSpelling, spellNumbers } from './asr-style.ts';
import { buildRussianCorpus } from './build-corpus.ts';
import {
  CORPUS_DIR,
  type CorpusLine,
  findCorpusProblems,
  readCorpusDirectory,
  serialiseLine,
} from './corpus-format.ts';
import { TemplateError, expandTemplate, parseInputFile, parseTemplate } from './template.ts';
import { seededRandom } from './random.ts';

const root = process.cwd();
const built = buildRussianCorpus(root);

describe('the committed Russian training corpus', () => {
  it('is exactly what `npm run corpus:analysis` writes from the inputs', () => {
    for (const [source, lines] of built) {
      const file = path.join(root, CORPUS_DIR, `${source}.jsonl`);
      const expected = lines.map((line) => `${serialiseLine(line)}\n`).join('');
      expect(
        fs.readFileSync(file, 'utf8') === expected,
        `${file} is stale: run npm run corpus:analysis`,
      ).toBe(true);
    }
  });

  it('keeps the format in every corpus file: categories, no duplicate text, hard negatives unlabelled', () => {
    expect(findCorpusProblems(readCorpusDirectory(path.join(root, CORPUS_DIR)))).toEqual([]);
  });

  it('has positives and hard negatives for every major category, in more than one source', () => {
    const all = [...built.values()].flat();
    for (const category of MAJOR_CATEGORIES) {
      const sources = new Set(
        all.filter((line) => line.labels.includes(category)).map((line) => line.source),
      );
      expect(sources.size, `${category}: sources with positives`).toBeGreaterThan(1);
      const negatives = all.filter((line) => line.hardNegativeFor.includes(category)).length;
      expect(negatives, `${category}: hard negatives`).toBeGreaterThan(0);
    }
  });

  it('shares no sentence with the evaluation sets (development or held-out)', () => {
    // Read by the test only: the corpus was written without looking at the held-out set.
    const segments = [LABELS_DIR, HELD_OUT_DIR]
      .flatMap((dir) => allDocuments(loadLabelSets(dir)))
      .flatMap((document) => document.segments.map((segment) => recogniserSpelling(segment.text)))
      .filter((text) => text.split(' ').length >= 5);
    const corpus = [...built.values()].flat().filter((line) => line.style === 'written');
    const shared = corpus.filter((line) => {
      const text = recogniserSpelling(line.text);
      // A short reply («ты где сейчас») inside a longer evaluation segment is ordinary talk, not
      // a copied sentence; a longer overlap is what the five-word test below catches anyway.
      const long = text.split(' ').length >= 5;
      return segments.some((segment) => text.includes(segment) || (long && segment.includes(text)));
    });
    expect(segments.length).toBeGreaterThan(100);
    expect(shared.map((line) => line.id)).toEqual([]);
  });

  it('writes its recogniser copies at the test recogniser’s character error rate', () => {
    let errors = 0;
    let length = 0;
    for (const lines of built.values()) {
      const written = new Map<string, CorpusLine>(
        lines.filter((l) => l.style === 'written').map((l) => [l.group + l.id.slice(0, -1), l]),
      );
      for (const line of lines.filter((l) => l.style === 'asr')) {
        const reference = recogniserSpelling(written.get(line.group + line.id.slice(0, -1))!.text);
        errors += editDistance(reference, line.text);
        length += reference.length;
      }
    }
    expect(length).toBeGreaterThan(10_000);
    expect(Math.abs(errors / length - RECOGNISER_CER)).toBeLessThan(0.006);
  });
});

describe('the template language', () => {
  it('draws choices and slots and collects the categories slots carry', () => {
    const input = parseInputFile(
      't.txt',
      '@slot slur slur_for_ukrainians\nхохлы\n\n## g | morale\n{а|б} $slur',
      new Map(),
    );
    const expansion = expandTemplate(
      parseTemplate(input.groups[0]!.templates[0]!.text),
      input.slots,
      seededRandom(1),
    );
    expect(['а хохлы', 'б хохлы']).toContain(expansion.text);
    expect([...expansion.labels]).toEqual(['slur_for_ukrainians']);
  });

  it('names the problem in a broken template', () => {
    expect(() => parseTemplate('{а|б')).toThrow(TemplateError);
    expect(() => parseTemplate('а}')).toThrow(/unmatched/);
    expect(() => parseInputFile('t.txt', '## g | nonsense\nа', new Map())).toThrow(/not a category/);
    expect(() => expandTemplate(parseTemplate('$nothing'), new Map(), seededRandom(1))).toThrow(
      /unknown slot/,
    );
  });

  it('spells numbers as the recogniser writes them', () => {
    expect(spellNumbers('у нас 2 200-х и 3 трёхсотых, 70-й полк, 1500 рублей')).toBe(
      'у нас два двухсотых и три трёхсотых, семидесятый полк, тысяча пятьсот рублей',
    );
    expect(recogniserSpelling('Ёлки, 200-й!')).toBe('елки двухсотый');
  });
});
