import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiFixture, insertCollection, insertRecording } from '../../../test/helpers/api-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { parseSearchQuery } from '../../search/query-parser.ts';
import { insertMachineTranscriptFixture } from '../../transcripts/testing/transcript-fixtures.ts';
import { SEARCH_CANDIDATE_LIMIT, searchSegments } from './search.ts';
import type { CandidatePlan } from './search-plan.ts';

// Scope first reads its scope in hash parts, each after its share of the candidates. When the
// matches sit unevenly between the parts (one long call holds them all), the part with them stops
// at its share while the other runs dry: the search must still rank the cap's worth of candidates
// and say "at least" the cap, as the other plans do.

const LONG_CALL_MATCHES = 1200;
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase('search_split');
  const fixture = createApiFixture(t.db);
  const collectionId = await insertCollection(t.db, 'Long calls');
  const long = await insertRecording(fixture, { collection_id: collectionId });
  await insertMachineTranscriptFixture(
    t.db,
    long.id,
    Array.from({ length: LONG_CALL_MATCHES }, (_, i) => ({
      start: i * 3,
      end: i * 3 + 2.5,
      text: `держим позиция номер ${i}`,
    })),
  );
  const short = await insertRecording(fixture, { collection_id: collectionId });
  await insertMachineTranscriptFixture(t.db, short.id, [{ start: 0, end: 2, text: 'связь плохая' }]);
}, 60_000);

afterAll(async () => {
  await t?.drop();
});

const search = (plan: CandidatePlan) =>
  searchSegments(t.db, {
    parsed: parseSearchQuery('позиция'),
    lang: 'ru',
    translit: false,
    filters: { collectionName: 'Long calls' },
    limit: 20,
    offset: 0,
    plan,
  });

it('ranks and counts the cap when one scope part holds every match', async () => {
  const scopeFirst = await search('scope-first');
  expect(scopeFirst.total).toBe(SEARCH_CANDIDATE_LIMIT);
  expect(scopeFirst.totalIsLowerBound).toBe(true);
  expect(scopeFirst.hits).toHaveLength(20);
  for (const plan of ['index', 'scan'] as const) {
    const other = await search(plan);
    expect({ plan, total: other.total, lowerBound: other.totalIsLowerBound }).toEqual({
      plan,
      total: scopeFirst.total,
      lowerBound: true,
    });
  }
});
