import { describe, expect, it } from 'vitest';
import { hasMatch, MATCH_END, MATCH_START, snippetParts } from './snippet.ts';

const mark = (word: string): string => `${MATCH_START}${word}${MATCH_END}`;

describe('snippetParts', () => {
  it('splits a headline into plain and matching parts, merging neighbours', () => {
    expect(snippetParts(`у нас ${mark('двое')} ${mark('двухсотых')} и трое`)).toEqual([
      { text: 'у нас ', match: false },
      { text: 'двое', match: true },
      { text: ' ', match: false },
      { text: 'двухсотых', match: true },
      { text: ' и трое', match: false },
    ]);
    expect(snippetParts(`${mark('груз')}${mark('200')}`)).toEqual([{ text: 'груз200', match: true }]);
  });

  it('copes with no match, an unclosed marker and stray end markers', () => {
    expect(snippetParts('просто текст')).toEqual([{ text: 'просто текст', match: false }]);
    expect(hasMatch(snippetParts('просто текст'))).toBe(false);
    expect(snippetParts(`a ${MATCH_START}b`)).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
    ]);
    expect(snippetParts(`a${MATCH_END}b`)).toEqual([{ text: 'ab', match: false }]);
    expect(snippetParts('')).toEqual([]);
  });
});
