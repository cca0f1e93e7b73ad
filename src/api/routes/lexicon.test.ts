import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from '../../../test/helpers/api-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { LEXICON_FILES } from '../../analysis/lexicon/lexicon-data.ts';
import { currentAnalyserVersions } from '../../jobs/stages/analyse.ts';
import { buildApiServer } from '../server.ts';
import { signedInApi, type SignedInApi } from '../../../test/helpers/signed-in-api.ts';

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let api: SignedInApi;

beforeAll(async () => {
  t = await createTestDatabase('api_lexicon');
  fixture = createApiFixture(t.db);
  app = await buildApiServer({ db: t.db, config: fixture.config });
  api = await signedInApi(app, t.db);
});
afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

describe('GET /api/lexicon', () => {
  it('lists every entry of the committed lexicon with the version analysis runs record', async () => {
    const response = await api.inject({ url: '/api/lexicon' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      version: string;
      entries: { id: string; term: string; category: string; gloss: string; source: string[] }[];
    }>();
    expect(body.version).toBe(currentAnalyserVersions().lexiconVersion);
    // Russian and Ukrainian entries alike.
    const ids = LEXICON_FILES.flatMap(
      (file) => (JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: { id: string }[] }).entries,
    ).map((e) => e.id);
    expect(body.entries.map((e) => e.id).sort()).toEqual(ids.sort());
    expect(body.entries.find((e) => e.id === 'uk-szch')).toMatchObject({ category: 'desertion' });
    const killed = body.entries.find((e) => e.id === 'dvukhsotyi');
    expect(killed).toMatchObject({ term: 'двухсотый', category: 'casualties_killed' });
    expect(killed?.gloss).toMatch(/dead|killed/i);
    expect(body.entries.every((e) => e.source.length > 0)).toBe(true);
  });
});
