import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { frequencyFloor, lexemeStatistics, orLexemes, STATISTICS_TTL_MS } from './search-statistics.ts';

describe('orLexemes', () => {
  it('lists the lexemes of an OR of single lexemes', () => {
    expect(orLexemes("'kharkiv' | 'харк' | 'харків' | 'харьк' | 'харьков'")).toEqual([
      'kharkiv',
      'харк',
      'харків',
      'харьк',
      'харьков',
    ]);
    expect(orLexemes("'путин'")).toEqual(['путин']);
    expect(orLexemes("( 'a' | 'b' ) | 'c'")).toEqual(['a', 'b', 'c']);
    // Quotes and backslashes inside a lexeme come doubled.
    expect(orLexemes("'o''neil' | 'a\\\\b'")).toEqual(["o'neil", 'a\\b']);
  });

  it('gives none for phrases, AND, exclusions, prefixes and the empty query', () => {
    expect(orLexemes("'груз' <-> '200' | 'груз' <-> 'двест'")).toBeNull();
    expect(orLexemes("'300' | 'three' <-> 'hundr'")).toBeNull();
    expect(orLexemes("( 'позиц' | 'позиция' ) & 'путин'")).toBeNull();
    expect(orLexemes("'позиция' | !'путин'")).toBeNull();
    expect(orLexemes("'пози':*")).toBeNull();
    expect(orLexemes('')).toBeNull();
  });
});

describe('frequencyFloor', () => {
  const frequencies = new Map([
    ['харьков', 0.049],
    ['позиц', 0.25],
  ]);

  it("is the commonest lexeme's share, 0 for lexemes the statistics do not list", () => {
    expect(frequencyFloor("'kharkiv' | 'харк' | 'харьков'", frequencies)).toBe(0.049);
    expect(frequencyFloor("'прилуки'", frequencies)).toBe(0);
  });

  it('is 0 where a lexeme is no floor', () => {
    expect(frequencyFloor("'позиц' & 'харьков'", frequencies)).toBe(0);
    expect(frequencyFloor("'позиц' <-> 'харьков'", frequencies)).toBe(0);
  });
});

describe('lexemeStatistics', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('search_statistics');
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('reads a table once per STATISTICS_TTL_MS', async () => {
    const first = await lexemeStatistics(t.db, 'transcript_segments', 1000);
    expect(first).toBeInstanceOf(Map);
    expect(await lexemeStatistics(t.db, 'transcript_segments', 1000 + STATISTICS_TTL_MS - 1)).toBe(first);
    expect(await lexemeStatistics(t.db, 'transcript_segments', 1000 + STATISTICS_TTL_MS)).not.toBe(first);
    // Each table on its own.
    expect(await lexemeStatistics(t.db, 'segment_translations', 1000)).not.toBe(first);
  });
});
