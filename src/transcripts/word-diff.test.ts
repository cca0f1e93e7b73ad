import { describe, expect, it } from 'vitest';
import { diffWords } from './word-diff.ts';

describe('diffWords', () => {
  it('marks replaced, inserted and deleted words and merges runs', () => {
    expect(diffWords('у нас двое двухсотых', 'у нас трое двухсотых')).toEqual([
      { op: 'equal', text: 'у нас' },
      { op: 'delete', text: 'двое' },
      { op: 'insert', text: 'трое' },
      { op: 'equal', text: 'двухсотых' },
    ]);
    expect(diffWords('груз двести', 'груз двести отправили вчера')).toEqual([
      { op: 'equal', text: 'груз двести' },
      { op: 'insert', text: 'отправили вчера' },
    ]);
    expect(diffWords('ну это самое короче', 'короче')).toEqual([
      { op: 'delete', text: 'ну это самое' },
      { op: 'equal', text: 'короче' },
    ]);
  });

  it('handles empty texts and ignores whitespace differences', () => {
    expect(diffWords('', 'алло')).toEqual([{ op: 'insert', text: 'алло' }]);
    expect(diffWords('алло', '')).toEqual([{ op: 'delete', text: 'алло' }]);
    expect(diffWords(' да  нет ', 'да нет')).toEqual([{ op: 'equal', text: 'да нет' }]);
  });

  it('falls back to a whole replacement for texts too long to align', () => {
    const a = Array.from({ length: 2500 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 2500 }, (_, i) => `b${i}`).join(' ');
    expect(diffWords(a, b).map((p) => p.op)).toEqual(['delete', 'insert']);
  });
});
