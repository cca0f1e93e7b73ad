import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { parseSearchQuery } from './query-parser.ts';
import { tsqueryExpression, type SearchSource, type SpellingOptions } from './tsquery.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('tsquery', { migrate: false });
});
afterAll(async () => {
  await database.drop();
});

const on: SpellingOptions = { translit: true, numbers: true };

async function tsquery(q: string, source: SearchSource, options = on): Promise<string> {
  const { rows } = await sql<{ query: string }>`
    SELECT (${tsqueryExpression(parseSearchQuery(q), source, options)})::text AS query`.execute(database.db);
  return rows[0]!.query;
}

/** Which texts the query matches, as a segment's vector in that source (0006-search). */
async function matching(q: string, source: SearchSource, texts: string[]): Promise<string[]> {
  const stem = source === 'transcript' ? 'russian' : 'english';
  const { rows } = await sql<{ text: string }>`
    SELECT t AS text FROM unnest(${texts}::text[]) t
    WHERE (setweight(to_tsvector('simple'::regconfig, t), 'A')
      || setweight(to_tsvector(${stem}::regconfig, t), 'B'))
      @@ (${tsqueryExpression(parseSearchQuery(q), source, on)})`.execute(database.db);
  return rows.map((row) => row.text);
}

const lexemes = (query: string): string[] => query.match(/'[^']*'/g) ?? [];

describe('tsqueryExpression', () => {
  it("searches each of a place's lexemes once, though several cases stem alike", async () => {
    // харькова, харькову, харьковом, харькове: all 'харьков' to the Russian stemmer.
    const query = await tsquery('Kharkiv', 'transcript');
    expect(new Set(lexemes(query)).size).toBe(lexemes(query).length);
    expect(lexemes(query)).toEqual(expect.arrayContaining(["'харьк'", "'харьков'", "'харків'", "'kharkiv'"]));
    // The typed word in both configurations is the same lexeme.
    expect(await tsquery('Kharkiv', 'translation')).toBe("'kharkiv'");
    expect(await tsquery('путин', 'transcript', { translit: false, numbers: true })).toBe("'путин'");
  });

  it('still finds every case of a place, its Ukrainian name and nothing else', async () => {
    const texts = ['под Харьковом', 'в Харькове', 'Харьков', 'из Харькова', 'Харків', 'позиция', 'Херсон'];
    expect(await matching('Kharkiv', 'transcript', texts)).toEqual(texts.slice(0, 5));
    expect(await matching('Kharkiv', 'translation', ['near Kharkiv', 'near Kherson'])).toEqual([
      'near Kharkiv',
    ]);
  });

  it('keeps phrases and numbers whole, and different spellings apart', async () => {
    const phrase = await tsquery('"груз 200"', 'transcript', { translit: false, numbers: true });
    expect(phrase.split(' | ').sort()).toEqual(
      [
        "'груз' <-> '200'",
        "'груз' <-> 'two' <-> 'hundr'",
        "'груз' <-> 'двест'",
        "'груз' <-> 'двухсот'",
      ].sort(),
    );
    expect(
      await matching('"груз 200"', 'transcript', ['грузом двести', 'груз 200', 'груз привезли двести']),
    ).toEqual(['грузом двести', 'груз 200']);
  });

  it('leaves the other clauses and exclusions as they were', async () => {
    const query = await tsquery('позиция -Kharkiv', 'translation');
    expect(query).toBe("( 'pozitsiya' | 'позиция' ) & !'kharkiv'");
    expect(
      await matching('позиция OR 300 -Kharkiv', 'transcript', [
        'позиции',
        'позиция под Харьковом',
        'трехсотых',
      ]),
    ).toEqual(['позиции', 'трехсотых']);
  });
});
