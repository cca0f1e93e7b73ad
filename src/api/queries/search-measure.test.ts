import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiFixture, insertCollection, insertRecording } from '../../../test/helpers/api-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { parseSearchQuery } from '../../search/query-parser.ts';
import { insertMachineTranscriptFixture } from '../../transcripts/testing/transcript-fixtures.ts';
import { measureQuery } from './search-plan.ts';

// The plan choice rests on a sample of the segments table: it must read rows spread through the
// table and find a term about as often as the table holds it. A table of a few hundred pages is
// the smallest the sample trusts.

const SEGMENTS = 8000;
const FILLER = 'связь плохая перезвоню позже когда будем на месте и всё расскажу подробно';
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase('search_measure');
  const fixture = createApiFixture(t.db);
  const collectionId = await insertCollection(t.db, 'Sampled');
  // Ten calls; every tenth segment says «позиция», and «Прилуки» is in none.
  for (let call = 0; call < 10; call++) {
    const recording = await insertRecording(fixture, { collection_id: collectionId });
    const perCall = SEGMENTS / 10;
    await insertMachineTranscriptFixture(
      t.db,
      recording.id,
      Array.from({ length: perCall }, (_, i) => ({
        start: i * 3,
        end: i * 3 + 2.5,
        text: (call * perCall + i) % 10 === 0 ? `держим позиция ${FILLER}` : `сидим тихо ${FILLER}`,
      })),
    );
  }
  await sql`ANALYZE transcript_segments`.execute(t.db);
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

async function measure(q: string) {
  const { inputs } = await measureQuery(
    t.db,
    { parsed: parseSearchQuery(q), translit: false },
    ['transcript'],
    null,
    1000,
  );
  return inputs.transcript!;
}

it('samples rows from across the table and finds a term about as often as the table holds it', async () => {
  const { rows } = await sql<{ pages: number }>`
    SELECT relpages AS pages FROM pg_class WHERE oid = 'transcript_segments'::regclass`.execute(t.db);
  expect(rows[0]!.pages).toBeGreaterThanOrEqual(400);

  const common = await measure('позиция');
  expect(common.tableRows).toBeGreaterThan(SEGMENTS * 0.9);
  // 100 pages of several rows each: hundreds of rows, not the whole table and not a handful.
  expect(common.sampleRows).toBeGreaterThan(300);
  expect(common.sampleRows).toBeLessThan(SEGMENTS / 4);
  const share = common.sampleMatches / common.sampleRows;
  expect(share).toBeGreaterThan(0.06);
  expect(share).toBeLessThan(0.14);

  const rare = await measure('Прилуки');
  expect(rare.sampleRows).toBe(common.sampleRows);
  expect(rare.sampleMatches).toBe(0);
});

it('reads the same rows every time, so the sampled pages stay cached', async () => {
  const first = await measure('позиция');
  const second = await measure('позиция');
  expect(second).toEqual(first);
});

it("puts a floor under the sample's estimate: the statistics' share of rows holding the word", async () => {
  // «позиция» is in a tenth of the segments: its stem and its exact form each are.
  const word = await measure('позиция');
  expect(word.lexemeFrequency).toBeGreaterThan(0.08);
  expect(word.lexemeFrequency).toBeLessThan(0.12);
  // A rare word is not in the statistics; a phrase or an exclusion can match fewer rows than
  // any of its words, so the statistics give no floor for them.
  expect((await measure('Прилуки')).lexemeFrequency).toBe(0);
  expect((await measure('"держим позиция"')).lexemeFrequency).toBe(0);
  expect((await measure('позиция -держим')).lexemeFrequency).toBe(0);
  // Either word: at least as common as the commoner one.
  expect((await measure('Прилуки OR сидим')).lexemeFrequency).toBeGreaterThan(0.85);
});
