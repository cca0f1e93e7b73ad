import { describe, expect, it } from 'vitest';
import { scoreItems, valueMatches, type GoldItem, type PredictedItem } from './score.ts';

const at = { docId: 'd', segmentIndex: 0, surface: 'x' };
const gold = (cls: string, start: number, end: number, optional = false): GoldItem => ({
  ...at,
  cls,
  start,
  end,
  optional,
});
const predicted = (cls: string, start: number, end: number): PredictedItem => ({
  ...at,
  cls,
  start,
  end,
  confidence: 0.9,
  detail: '',
});

describe('scoreItems', () => {
  it('matches by overlap within a class, one to one', () => {
    const result = scoreItems(
      [gold('a', 0, 10), gold('a', 20, 30), gold('b', 40, 45)],
      [predicted('a', 5, 12), predicted('a', 50, 55), predicted('b', 0, 3)],
      ['a', 'b'],
    );
    const a = result.perClass.find((c) => c.cls === 'a');
    expect(a).toMatchObject({
      support: 2,
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
      precision: 0.5,
      recall: 0.5,
    });
    expect(result.micro).toMatchObject({ truePositives: 1, falsePositives: 2, falseNegatives: 2 });
    expect(result.misses.map((m) => m.start)).toEqual([20, 40]);
  });

  it('neither rewards nor punishes predictions on optional labels, and ignores duplicates', () => {
    const result = scoreItems(
      [gold('a', 0, 10), gold('a', 20, 30, true)],
      [predicted('a', 0, 4), predicted('a', 6, 10), predicted('a', 22, 25)],
      ['a'],
    );
    expect(result.micro).toMatchObject({
      support: 1,
      truePositives: 1,
      falsePositives: 0,
      falseNegatives: 0,
    });
  });

  it('does not match across segments', () => {
    const result = scoreItems([gold('a', 0, 10)], [{ ...predicted('a', 0, 10), segmentIndex: 1 }], ['a']);
    expect(result.micro).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1, f1: 0 });
  });
});

describe('valueMatches', () => {
  it('ignores case, diacritics and separators and accepts listed spellings', () => {
    expect(valueMatches('Izium|Izyum', 'izyum')).toBe(true);
    expect(valueMatches('Mariupol', "Mariupol'")).toBe(true);
    expect(valueMatches('Kharkiv', 'Kherson')).toBe(false);
    expect(valueMatches('Kharkiv', undefined)).toBe(false);
  });
});
