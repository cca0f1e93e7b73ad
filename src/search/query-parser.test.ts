import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, parseSearchQuery, QueryParseError } from './query-parser.ts';

const fails = (query: string, message: RegExp): void => {
  expect(() => parseSearchQuery(query)).toThrow(QueryParseError);
  expect(() => parseSearchQuery(query)).toThrow(message);
};

describe('parseSearchQuery', () => {
  it('joins words with AND and lower-cases them', () => {
    expect(parseSearchQuery('Двухсотые  Бахмут')).toEqual({
      clauses: [
        { negated: false, alternatives: [{ kind: 'word', words: ['двухсотые'] }] },
        { negated: false, alternatives: [{ kind: 'word', words: ['бахмут'] }] },
      ],
    });
  });

  it('reads quoted phrases (straight and typographic quotes) as exact word forms', () => {
    expect(parseSearchQuery('"не стрелять" «груз 200»').clauses.map((c) => c.alternatives[0])).toEqual([
      { kind: 'exact', words: ['не', 'стрелять'] },
      { kind: 'exact', words: ['груз', '200'] },
    ]);
  });

  it('binds OR to its neighbours and exclusions to their atom', () => {
    expect(parseSearchQuery('300 OR 200 позиция -"груз 200"')).toEqual({
      clauses: [
        {
          negated: false,
          alternatives: [
            { kind: 'word', words: ['300'] },
            { kind: 'word', words: ['200'] },
          ],
        },
        { negated: false, alternatives: [{ kind: 'word', words: ['позиция'] }] },
        { negated: true, alternatives: [{ kind: 'exact', words: ['груз', '200'] }] },
      ],
    });
  });

  it('splits words at punctuation and ignores punctuation on its own', () => {
    expect(parseSearchQuery('в/ч — 200-й').clauses.map((c) => c.alternatives[0]!.words)).toEqual([
      ['в', 'ч'],
      ['200', 'й'],
    ]);
    expect(parseSearchQuery('or').clauses[0]!.alternatives[0]!.words).toEqual(['or']);
  });

  it('names the problem in malformed queries', () => {
    fails('', /empty/);
    fails('   ', /empty/);
    fails('"груз 200', /never closed/);
    fails('«груз 200', /never closed/);
    fails('""', /no words/);
    fails('OR', /between two words/);
    fails('200 OR', /between two words/);
    fails('OR 200', /between two words/);
    fails('200 OR OR 300', /between two words/);
    fails('-200', /only leaves words out/);
    fails('- 200', /must be followed/);
    fails('200 -', /must be followed/);
    fails('200 OR -300', /cannot be combined with OR/);
    fails('-300 OR 200', /cannot be combined with OR/);
    fails('!!! ...', /only operators or punctuation/);
    fails('-!!! 200', /no word to leave out/);
    fails('x'.repeat(MAX_QUERY_LENGTH + 1), /at most 500/);
    fails(Array.from({ length: 17 }, (_, i) => `w${i}`).join(' '), /at most 16/);
  });
});
