import { describe, expect, it } from 'vitest';
import { meaningCounts, scoreCall, type ScoredSegment } from './triage.ts';
import type { Category, MeaningFlag, TermMatch } from './types.ts';

const match = (category: Category, surface: string, over: Partial<TermMatch> = {}): TermMatch => ({
  start: 0,
  end: surface.length,
  surface,
  termId: 'x',
  term: surface,
  category,
  gloss: 'g',
  confidence: 0.9,
  rule: 'lemma',
  ...over,
});

const meaning = (category: Category, confidence: number, ...phrases: string[]): MeaningFlag => ({
  category,
  confidence,
  source: 'classifier',
  phrases: phrases.map((surface, i) => ({ start: 0, end: surface.length, surface, weight: 2 - i * 0.5 })),
});

const segment = (over: Partial<ScoredSegment>): ScoredSegment => ({
  matches: [],
  entities: [],
  meaning: [],
  ...over,
});

describe('scoreCall', () => {
  it('ranks killings above weapons talk and explains why', () => {
    const killed = scoreCall([
      segment({
        matches: [
          match('casualties_killed', 'двухсотых', { count: 5 }),
          match('casualties_killed', 'двухсотых'),
        ],
      }),
    ]);
    const weapons = scoreCall([segment({ matches: [match('weapons_and_shelling', 'арта')] })]);
    expect(killed.triage.score).toBeGreaterThan(weapons.triage.score);
    expect(killed.triage.reasons).toContain('2 mentions of killed (200s) from words: «двухсотых» ×2');
    expect(killed.triage.reasons).toContain('casualty count stated: 5 killed');
    expect(killed.casualties).toEqual({ killed: 5, wounded: null, missing: null });
    expect(killed.counts).toEqual({ casualties_killed: 2 });
  });

  it('ignores low-confidence matches and meaning flags, and saturates below 100', () => {
    const low = scoreCall([
      segment({
        matches: [match('execution_or_coercion', 'подвал', { confidence: 0.45 })],
        meaning: [meaning('desertion', 0.49, 'домой')],
      }),
    ]);
    expect(low.triage).toEqual({ score: 0, reasons: ['no lexicon terms, meaning flags or entities found'] });
    expect(low.counts).toEqual({});
    const many = scoreCall([
      segment({
        matches: (
          ['casualties_killed', 'violence_against_civilians_or_prisoners', 'execution_or_coercion'] as const
        ).flatMap((c) => Array.from({ length: 20 }, () => match(c, 'w', { count: 100 }))),
      }),
    ]);
    expect(many.triage.score).toBeLessThanOrEqual(100);
    expect(many.triage.score).toBeGreaterThan(95);
  });

  it('adds named units, phones and places to the reasons', () => {
    const scored = scoreCall([
      segment({
        entities: [
          {
            kind: 'unit',
            start: 0,
            end: 9,
            surface: 'в/ч 12345',
            value: 'в/ч 12345',
            confidence: 0.9,
            rule: 'u',
          },
          {
            kind: 'place',
            start: 0,
            end: 7,
            surface: 'бахмуте',
            value: 'Bakhmut',
            confidence: 0.9,
            rule: 'p',
          },
        ],
      }),
    ]);
    expect(scored.triage.score).toBeGreaterThan(0);
    expect(scored.triage.reasons).toEqual(['names military units: в/ч 12345', 'names places: Bakhmut']);
  });
});

describe('scoreCall with meaning flags', () => {
  it('scores a segment only the classifier flags, by its confidence, and says it came from meaning', () => {
    const sure = scoreCall([segment({ meaning: [meaning('desertion', 0.98, 'домой уйду', 'хоть сажают')] })]);
    const unsure = scoreCall([segment({ meaning: [meaning('desertion', 0.9, 'домой уйду')] })]);
    // Below MEANING_COUNTED_CONFIDENCE (0.9) a classifier flag is shown but counts nowhere.
    const weak = scoreCall([segment({ meaning: [meaning('desertion', 0.85, 'домой уйду')] })]);
    expect(sure.triage.score).toBeGreaterThan(unsure.triage.score);
    expect(unsure.triage.score).toBeGreaterThan(0);
    expect(weak.triage.score).toBe(0);
    expect(sure.triage.reasons).toEqual([
      'desertion from meaning (classifier): 1 segment at 0.98, on «домой уйду»',
    ]);
    // Counts stay the lexicon's: the classifier's segments are counted apart.
    expect(sure.counts).toEqual({});
  });

  it('ranks a call by what it means: a classifier flag of killings above a lexicon word of weapons', () => {
    const meant = scoreCall([
      segment({ meaning: [meaning('violence_against_civilians_or_prisoners', 0.92, 'пленных положили')] }),
    ]);
    const worded = scoreCall([segment({ matches: [match('weapons_and_shelling', 'арта')] })]);
    expect(meant.triage.score).toBeGreaterThan(worded.triage.score);
  });

  it('does not count a segment twice where words and meaning agree, and says they agree', () => {
    const words = [match('desertion', 'сбежал')];
    const wordsOnly = scoreCall([segment({ matches: words })]);
    const agreeing = scoreCall([
      segment({ matches: words, meaning: [meaning('desertion', 0.95, 'сбежал')] }),
    ]);
    expect(agreeing.triage.score).toBe(wordsOnly.triage.score);
    expect(agreeing.triage.reasons).toEqual([
      '1 mention of desertion from words: «сбежал» ×1; words and meaning agree in 1 segment',
    ]);
  });

  it('adds the segments meaning finds beside the words, each source named', () => {
    const both = scoreCall([
      segment({ matches: [match('desertion', 'сбежал')] }),
      segment({ meaning: [meaning('desertion', 0.91, 'домой уйду')] }),
      segment({ meaning: [meaning('desertion', 0.97, 'свалю отсюда')] }),
      segment({ meaning: [meaning('desertion', 0.6, 'пойду я')] }),
    ]);
    const wordsOnly = scoreCall([segment({ matches: [match('desertion', 'сбежал')] })]);
    expect(both.triage.score).toBeGreaterThan(wordsOnly.triage.score);
    expect(both.triage.reasons).toEqual([
      '1 mention of desertion from words: «сбежал» ×1; from meaning (classifier): 2 more segments at 0.97, 0.91, on «свалю отсюда», «домой уйду»',
    ]);
    expect(both.counts).toEqual({ desertion: 1 });
  });
});

describe('meaningCounts', () => {
  it('counts the segments the classifier adds per category, at confidence 0.9 or more', () => {
    const counts = meaningCounts([
      segment({ matches: [match('desertion', 'сбежал')], meaning: [meaning('desertion', 0.9, 'сбежал')] }),
      segment({ meaning: [meaning('desertion', 0.93, 'домой'), meaning('morale', 0.95, 'на убой')] }),
      segment({ meaning: [meaning('morale', 0.89, 'устали'), meaning('looting', 0.6, 'взяли')] }),
    ]);
    expect(counts).toEqual({ desertion: 1, morale: 1 });
  });
});
