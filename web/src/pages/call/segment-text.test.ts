import { describe, expect, it } from 'vitest';
import type { AnalysisMatch } from '../../api/analysis.ts';
import { activeWordIndex, locateWords, splitSegmentText } from './segment-text.ts';

const word = (w: string, start: number) => ({ w, start, end: start + 0.3, conf: null });

const match = (start: number, end: number): AnalysisMatch => ({
  segmentId: '1',
  start,
  end,
  surface: 'двухсотых',
  termId: 'dvukhsotyi',
  term: 'двухсотый',
  category: 'casualties_killed',
  gloss: 'a dead soldier',
  confidence: 0.9,
  rule: 'lemma',
  count: 5,
});

describe('segment text pieces', () => {
  const text = 'Пять двухсотых, брат';
  const words = [word('пять', 1), word('двухсотых', 1.4), word('брат', 2)];

  it('finds each word in order, case-insensitively, and skips words the text lost', () => {
    expect(locateWords(text, words)).toEqual([
      [0, 4],
      [5, 14],
      [16, 20],
    ]);
    expect(locateWords('пять брат', words)).toEqual([[0, 4], null, [5, 9]]);
  });

  it('cuts at word and match boundaries, keeping punctuation and spaces as their own pieces', () => {
    const pieces = splitSegmentText(text, words, [match(5, 14)], []);
    expect(pieces.map((p) => p.text)).toEqual(['Пять', ' ', 'двухсотых', ', ', 'брат']);
    expect(pieces.map((p) => p.wordIndex)).toEqual([0, null, 1, null, 2]);
    expect(pieces.filter((p) => p.match).map((p) => p.text)).toEqual(['двухсотых']);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });

  it('a match across two words marks both words and the space between', () => {
    const pieces = splitSegmentText(text, words, [match(0, 14)], []);
    expect(pieces.filter((p) => p.match).map((p) => p.text)).toEqual(['Пять', ' ', 'двухсотых']);
  });

  it('text without word timings (a human edit) is one piece per match boundary', () => {
    const pieces = splitSegmentText(text, [], [match(5, 14)], []);
    expect(pieces.map((p) => [p.text, p.wordIndex, p.match !== null])).toEqual([
      ['Пять ', null, false],
      ['двухсотых', null, true],
      [', брат', null, false],
    ]);
  });

  it('the active word is the last one started', () => {
    expect(activeWordIndex(words, 0.5)).toBeNull();
    expect(activeWordIndex(words, 1.5)).toBe(1);
    expect(activeWordIndex(words, 9)).toBe(2);
  });
});

describe('meaning phrases', () => {
  const text = 'да я домой уйду пусть хоть сажают';

  it('cuts at the phrases of the meaning flag looked at and marks the pieces inside them', () => {
    const start = text.indexOf('домой уйду');
    const pieces = splitSegmentText(text, [], [], [], [{ start, end: start + 'домой уйду'.length }]);
    expect(pieces.filter((p) => p.phrase).map((p) => p.text)).toEqual(['домой уйду']);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });

  it('marks nothing when no flag is looked at', () => {
    expect(splitSegmentText(text, [], [], []).some((p) => p.phrase)).toBe(false);
  });
});
