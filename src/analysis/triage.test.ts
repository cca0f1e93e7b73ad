import { describe, expect, it } from 'vitest';
import { scoreCall } from './triage.ts';
import type { Category, TermMatch } from './types.ts';

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

describe('scoreCall', () => {
  it('ranks killings above weapons talk and explains why', () => {
    const killed = scoreCall([
      {
        matches: [
          match('casualties_killed', 'двухсотых', { count: 5 }),
          match('casualties_killed', 'двухсотых'),
        ],
        entities: [],
      },
    ]);
    const weapons = scoreCall([{ matches: [match('weapons_and_shelling', 'арта')], entities: [] }]);
    expect(killed.triage.score).toBeGreaterThan(weapons.triage.score);
    expect(killed.triage.reasons).toContain('2 mentions of killed (200s): «двухсотых» ×2');
    expect(killed.triage.reasons).toContain('casualty count stated: 5 killed');
    expect(killed.casualties).toEqual({ killed: 5, wounded: null, missing: null });
    expect(killed.counts).toEqual({ casualties_killed: 2 });
  });

  it('ignores low-confidence matches and saturates below 100', () => {
    const low = scoreCall([
      { matches: [match('execution_or_coercion', 'подвал', { confidence: 0.45 })], entities: [] },
    ]);
    expect(low.triage).toEqual({ score: 0, reasons: ['no lexicon terms or entities found'] });
    expect(low.counts).toEqual({});
    const many = scoreCall([
      {
        matches: (
          ['casualties_killed', 'violence_against_civilians_or_prisoners', 'execution_or_coercion'] as const
        ).flatMap((c) => Array.from({ length: 20 }, () => match(c, 'w', { count: 100 }))),
        entities: [],
      },
    ]);
    expect(many.triage.score).toBeLessThanOrEqual(100);
    expect(many.triage.score).toBeGreaterThan(95);
  });

  it('adds named units, phones and places to the reasons', () => {
    const scored = scoreCall([
      {
        matches: [],
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
      },
    ]);
    expect(scored.triage.score).toBeGreaterThan(0);
    expect(scored.triage.reasons).toEqual(['names military units: в/ч 12345', 'names places: Bakhmut']);
  });
});
