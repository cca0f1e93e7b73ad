import { describe, expect, it } from 'vitest';
import { flagSummary } from './flag-summary.ts';

describe('flagSummary', () => {
  it('counts words and meaning side by side, most flags first', () => {
    expect(flagSummary({ casualties_killed: 2, looting: 1 }, { desertion: 3, looting: 1 })).toEqual([
      { category: 'desertion', words: 0, meaning: 3 },
      { category: 'casualties_killed', words: 2, meaning: 0 },
      { category: 'looting', words: 1, meaning: 1 },
    ]);
  });

  it('leaves out categories with nothing counted', () => {
    expect(flagSummary({ morale: 0 }, {})).toEqual([]);
  });
});
