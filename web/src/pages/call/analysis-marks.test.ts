import { describe, expect, it } from 'vitest';
import type { AnalysisMatch } from '../../api/analysis.ts';
import type { Segment } from '../../api/transcripts.ts';
import { entityHref, groupBySegment, matchTime, nextFlagTime } from './analysis-marks.ts';

const word = (w: string, start: number) => ({ w, start, end: start + 0.3, conf: null });

const segment = (id: string, start: number, text: string, words: Segment['words']): Segment => ({
  id,
  position: 0,
  channel: 0,
  lane: 'ch0',
  speaker: null,
  start,
  end: start + 3,
  text,
  language: 'ru',
  confidence: null,
  words,
  sourceSegmentId: null,
  translation: null,
});

const match = (segmentId: string, start: number, end: number): AnalysisMatch => ({
  segmentId,
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

describe('analysis marks', () => {
  const first = segment('a', 1, 'Пять двухсотых, брат', [
    word('пять', 1),
    word('двухсотых', 1.4),
    word('брат', 2),
  ]);
  const edited = segment('b', 10, 'двухсотых нет', []);

  it('groups matches by their segment', () => {
    const grouped = groupBySegment([match('a', 0, 4), match('b', 0, 9), match('a', 5, 14)]);
    expect([...grouped.keys()]).toEqual(['a', 'b']);
    expect(grouped.get('a')?.map((m) => m.start)).toEqual([0, 5]);
  });

  it('a match is heard at the start of the word holding it, else at its segment start', () => {
    expect(matchTime(match('a', 5, 14), first)).toBe(1.4);
    expect(matchTime(match('a', 0, 4), first)).toBe(1);
    expect(matchTime(match('b', 0, 9), edited)).toBe(10);
  });

  it('the next flag is the first one after now, skipping the one being heard', () => {
    const matches = groupBySegment([match('b', 0, 9), match('a', 5, 14)]);
    expect(nextFlagTime([first, edited], matches, 0)).toBe(1.4);
    expect(nextFlagTime([first, edited], matches, 1.4)).toBe(10);
    expect(nextFlagTime([first, edited], matches, 1.37)).toBe(10);
    expect(nextFlagTime([first, edited], matches, 10)).toBeNull();
    expect(nextFlagTime([first, edited], new Map(), 0)).toBeNull();
  });

  it('goes to the start of a segment only meaning flags, and to its words where a code word is', () => {
    const only = new Set([first.id, edited.id]);
    expect(nextFlagTime([first, edited], new Map(), 0, only)).toBe(first.start);
    const inFirst = groupBySegment([match('a', 5, 14)]);
    expect(nextFlagTime([first, edited], inFirst, 0, only)).toBe(1.4);
    expect(nextFlagTime([first, edited], inFirst, 1.4, only)).toBe(edited.start);
  });
});

describe('entityHref', () => {
  it('links a spoken phone number to its number page, and nothing else', () => {
    expect(entityHref({ kind: 'phone', value: '+380501734482' })).toBe('#/numbers/%2B380501734482');
    expect(entityHref({ kind: 'phone', value: '0501734482' })).toBeNull();
    expect(entityHref({ kind: 'person', value: 'Дмитрий' })).toBeNull();
    expect(entityHref({ kind: 'place', value: '+380501734482' })).toBeNull();
  });
});
