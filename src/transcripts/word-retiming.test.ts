import { describe, expect, it } from 'vitest';
import { applyRetiming, planRetiming, retimeWords } from './word-retiming.ts';

const w = (word: string, start: number, end: number, conf = 0.9) => ({ w: word, start, end, conf });
const recognised = [
  w('за', 1, 1.2),
  w('месяц', 1.2, 1.6),
  w('одиннадцать', 1.7, 2.4),
  w('двухсотых', 2.5, 3.1),
];

describe('word timings after an edit', () => {
  it('keeps the timing of every unchanged word and estimates the changed one between its neighbours', () => {
    const words = retimeWords(recognised, 'за месяц шестнадцать двухсотых', 1, 3.2);
    expect(words).toEqual([
      w('за', 1, 1.2),
      w('месяц', 1.2, 1.6),
      { w: 'шестнадцать', start: 1.6, end: 2.5, conf: null, estimated: true },
      w('двухсотых', 2.5, 3.1),
    ]);
  });

  it('matches words whatever their case and punctuation, and keeps the text as written', () => {
    const words = retimeWords(recognised, 'За месяц, одиннадцать «двухсотых».', 1, 3.2);
    expect(words.map((x) => [x.w, x.start, x.estimated ?? false])).toEqual([
      ['За', 1, false],
      ['месяц,', 1.2, false],
      ['одиннадцать', 1.7, false],
      ['«двухсотых».', 2.5, false],
    ]);
  });

  it('shares the time of inserted words by their length, up to the segment end', () => {
    const words = retimeWords([w('да', 0, 0.5)], 'да слышу тебя', 0, 2);
    expect(words).toEqual([
      w('да', 0, 0.5),
      { w: 'слышу', start: 0.5, end: 1.333, conf: null, estimated: true },
      { w: 'тебя', start: 1.333, end: 2, conf: null, estimated: true },
    ]);
  });

  it('estimates every word of a segment that had no timings, across its boundaries', () => {
    const words = retimeWords([], 'новый сегмент', 4, 5);
    expect(words.every((x) => x.estimated === true && x.conf === null)).toBe(true);
    expect([words[0]!.start, words.at(-1)!.end]).toEqual([4, 5]);
  });

  it('estimates words left outside moved boundaries instead of keeping times outside the segment', () => {
    const words = retimeWords(recognised, 'за месяц одиннадцать двухсотых', 1.5, 3.2);
    expect(words.map((x) => x.estimated ?? false)).toEqual([true, true, false, false]);
    expect(words[0]!.start).toBe(1.5);
    expect(words[1]!.end).toBe(1.7);
  });

  it('plans the changed words as gaps between their timed neighbours', () => {
    const plan = planRetiming(recognised, 'за месяц ровно шестнадцать двухсотых', 1, 3.2);
    expect(plan.gaps).toEqual([{ words: ['ровно', 'шестнадцать'], first: 2, from: 1.6, to: 2.5 }]);
  });

  it('uses aligned times for a gap, marks them aligned, and estimates only a word the aligner could not place', () => {
    const plan = planRetiming(recognised, 'за месяц 16 шестнадцать двухсотых', 1, 3.2);
    const words = applyRetiming(plan, [[null, { start: 1.8, end: 2.4 }]]);
    expect(words).toEqual([
      w('за', 1, 1.2),
      w('месяц', 1.2, 1.6),
      { w: '16', start: 1.6, end: 1.8, conf: null, estimated: true },
      { w: 'шестнадцать', start: 1.8, end: 2.4, conf: null, aligned: true },
      w('двухсотых', 2.5, 3.1),
    ]);
  });
});
