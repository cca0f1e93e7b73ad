import { describe, expect, it } from 'vitest';
import { AdjudicationBook, AdjudicationError, parseAdjudications } from './adjudication.ts';

const FILE = 'training/analysis/inputs/adjudication/ru-pow.tsv';

describe('label adjudication', () => {
  const entries = parseAdjudications(
    [
      '# group\tlabels\trule\ttemplate',
      'ru-pow/pow-refusal-03\tcasualties_killed,refusal_to_fight\tK1\tв атаку поднимались только двое, остальные лежали',
      'ru-pow/pow-food-01\t-\tS2\tвода в бойлере холодная',
    ].join('\n'),
    FILE,
  );

  it('replaces a template’s labels and drops hard negatives for what it now means', () => {
    const book = new AdjudicationBook(entries, 'ru-');
    expect(
      book.labelsOf(
        'ru-pow/pow-refusal-03',
        'в атаку поднимались только двое, остальные лежали ',
        ['refusal_to_fight'],
        ['casualties_killed', 'morale'],
      ),
    ).toEqual({ labels: ['casualties_killed', 'refusal_to_fight'], hardNegativeFor: ['morale'] });
    expect(book.labelsOf('ru-pow/other-01', 'x', ['morale'], [])).toEqual({
      labels: ['morale'],
      hardNegativeFor: [],
    });
  });

  it('fails when the group now names another template, or an entry matched nothing', () => {
    const book = new AdjudicationBook(entries, 'ru-');
    expect(() =>
      book.labelsOf('ru-pow/pow-food-01', 'другой текст', ['supplies_and_conditions'], []),
    ).toThrow(/ru-pow.tsv:3: ru-pow\/pow-food-01 is now «другой текст»/);
    expect(() => book.assertAllUsed()).toThrow(/matches no template/);
    expect(() => new AdjudicationBook(entries, 'uk-').assertAllUsed()).not.toThrow();
  });

  it('names the line of a malformed entry', () => {
    expect(() => parseAdjudications('ru-pow/a-01\tnot_a_category\tK1\tтекст', FILE)).toThrow(
      /ru-pow.tsv:1: «not_a_category» is not a category/,
    );
    expect(() => parseAdjudications('ru-pow/a-01\tmorale\tK1', FILE)).toThrow(AdjudicationError);
    expect(() => parseAdjudications('ru-mates/a-01\tmorale\tK1\tтекст', FILE)).toThrow(
      /not a group of ru-pow/,
    );
    expect(() =>
      parseAdjudications('ru-pow/a-01\tmorale\tK1\tтекст\nru-pow/a-01\t-\tK1\tтекст', FILE),
    ).toThrow(/adjudicated twice/);
  });
});
