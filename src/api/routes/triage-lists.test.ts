import type { FastifyInstance, InjectOptions } from 'fastify';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  type ApiFixture,
} from '../../../test/helpers/api-fixtures.ts';
import { buildApiServerAsUsers, insertUser, TEST_USER_HEADER } from '../../../test/helpers/as-principal.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import {
  callAnalysisOf,
  matchIn,
  meaningIn,
  storeAnalysis,
} from '../../../test/helpers/analysis-fixtures.ts';
import { insertMachineTranscriptFixture } from '../../transcripts/testing/transcript-fixtures.ts';

// CSV exports, saved searches and batch search through the API on a real database.

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
const users = { editor: '', viewer: '', otherViewer: '' };
const calls = { a1: '', a2: '', b1: '' };

function as(user: string, request: InjectOptions) {
  return app.inject({ ...request, headers: { ...request.headers, [TEST_USER_HEADER]: user } });
}

beforeAll(async () => {
  t = await createTestDatabase('api_triage_lists');
  fixture = createApiFixture(t.db);
  const granted = await insertCollection(t.db, 'Granted');
  const other = await insertCollection(t.db, 'Other');
  calls.a1 = (
    await insertRecording(fixture, {
      collection_id: granted,
      original_filename: '=HYPERLINK("http://evil")',
      caller_number: '+79161234567',
      call_started_at: new Date('2022-05-01T10:00:00Z'),
    })
  ).id;
  calls.a2 = (await insertRecording(fixture, { collection_id: granted, caller_number: '+380501112233' })).id;
  calls.b1 = (await insertRecording(fixture, { collection_id: other, caller_number: '+79161234567' })).id;
  const a1 = await insertMachineTranscriptFixture(t.db, calls.a1, [
    { start: 0, end: 1, text: 'под Бахмутом опять обстрел' },
    { start: 1, end: 2, text: 'Бахмут держится' },
  ]);
  // Shelling from words; desertion only from meaning.
  await storeAnalysis(
    t.db,
    calls.a1,
    a1.transcriptId,
    callAnalysisOf([
      {
        key: a1.segmentIds[0]!,
        text: 'под Бахмутом опять обстрел',
        matches: [matchIn('под Бахмутом опять обстрел', 'обстрел', 'weapons_and_shelling')],
      },
      {
        key: a1.segmentIds[1]!,
        text: 'Бахмут держится',
        meaning: [meaningIn('Бахмут держится', 'desertion', 0.94, [['держится', 1]])],
      },
    ]),
  );
  await insertMachineTranscriptFixture(t.db, calls.a2, [{ start: 0, end: 1, text: 'Петренко на связи' }]);
  await insertMachineTranscriptFixture(t.db, calls.b1, [{ start: 0, end: 1, text: 'Бахмут и Петренко' }]);
  users.editor = await insertUser(t.db, 'editor-e', 'editor', [granted]);
  users.viewer = await insertUser(t.db, 'viewer-v', 'viewer', [granted]);
  users.otherViewer = await insertUser(t.db, 'viewer-w', 'viewer', [granted]);
  app = await buildApiServerAsUsers({ db: t.db, config: fixture.config });
  await as(users.editor, {
    method: 'POST',
    url: '/api/triage/tag',
    payload: { recordingIds: [calls.a1], tag: 'story' },
  });
  await as(users.editor, { method: 'PUT', url: `/api/recordings/${calls.a1}/star` });
});

afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

const readCsv = (body: string): string[][] => parse(body, { bom: true });

describe('CSV of the calls list', () => {
  it('is UTF-8 with a BOM, holds the visible calls with tags and stars, and defuses formulas', async () => {
    const response = await as(users.editor, { url: '/api/csv/calls?sort=created_at&order=asc' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="earshot-calls-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(response.body.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = readCsv(response.body);
    expect(header!.slice(0, 4)).toEqual(['recording_id', 'call_started_at_utc', 'caller', 'callee']);
    expect(rows.map((r) => r[0])).toEqual([calls.a1, calls.a2]);
    const a1 = Object.fromEntries(header!.map((h, i) => [h, rows[0]![i]]));
    expect(a1).toMatchObject({
      call_started_at_utc: '2022-05-01T10:00:00.000Z',
      caller: "'+79161234567",
      original_filename: `'=HYPERLINK("http://evil")`,
      tags: 'story',
      starred: 'yes',
      // The categories the lexicon and the meaning classifier flag, by name.
      categories: 'desertion; weapons_and_shelling',
    });
    const [entry] = await t.db
      .selectFrom('audit_log')
      .select(['actor', 'target'])
      .where('action', '=', 'export-csv')
      .execute();
    expect(entry).toEqual({ actor: 'editor-e', target: 'calls' });
  });

  it('takes the list filters, and is refused to a role that may not export', async () => {
    const filtered = await as(users.editor, { url: '/api/csv/calls?phone=380501112233' });
    expect(
      readCsv(filtered.body)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual([calls.a2]);
    const viewer = await as(users.viewer, { url: '/api/csv/calls' });
    expect(viewer.statusCode).toBe(403);
    const bad = await as(users.editor, { url: '/api/csv/calls?limit=5' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('the tag filter', () => {
  it('lists the calls with a tag, any case, in the list, its CSV and search', async () => {
    const list = await as(users.viewer, { url: '/api/recordings?tag=STORY' });
    expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([calls.a1]);
    const csv = await as(users.editor, { url: '/api/csv/calls?tag=story' });
    expect(
      readCsv(csv.body)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual([calls.a1]);
    const search = await as(users.viewer, {
      url: `/api/search?q=${encodeURIComponent('Петренко')}&tag=story`,
    });
    expect(search.json<{ total: number }>().total).toBe(0);
    const none = await as(users.viewer, { url: '/api/recordings?tag=nothing' });
    expect(none.json<{ total: number }>().total).toBe(0);
  });
});

describe('CSV of search results', () => {
  it('holds every hit in the visible calls with its text', async () => {
    const response = await as(users.editor, { url: `/api/csv/search?q=${encodeURIComponent('Бахмут')}` });
    expect(response.statusCode, response.body).toBe(200);
    const [header, ...rows] = readCsv(response.body);
    const text = header!.indexOf('snippet');
    expect(rows.map((r) => r[0])).toEqual([calls.a1, calls.a1]);
    expect(rows.map((r) => r[text]).sort()).toEqual(['Бахмут держится', 'под Бахмутом опять обстрел']);
  });
});

describe('saved searches', () => {
  const params = { q: 'Бахмут', lang: 'ru', translit: 'true' };

  it('are saved, replaced under the same name, listed and deleted by their owner only', async () => {
    const saved = await as(users.viewer, {
      method: 'POST',
      url: '/api/saved-searches',
      payload: { name: ' Bakhmut ', params },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const replaced = await as(users.viewer, {
      method: 'POST',
      url: '/api/saved-searches',
      payload: { name: 'Bakhmut', params: { ...params, lang: 'all' } },
    });
    expect(replaced.json<{ id: string }>().id).toBe(saved.json<{ id: string }>().id);
    const mine = await as(users.viewer, { url: '/api/saved-searches' });
    expect(mine.json()).toMatchObject({ items: [{ name: 'Bakhmut', params: { ...params, lang: 'all' } }] });
    const theirs = await as(users.otherViewer, { url: '/api/saved-searches' });
    expect(theirs.json()).toEqual({ items: [] });
    const id = saved.json<{ id: string }>().id;
    const notTheirs = await as(users.otherViewer, { method: 'DELETE', url: `/api/saved-searches/${id}` });
    expect(notTheirs.statusCode).toBe(404);
    const deleted = await as(users.viewer, { method: 'DELETE', url: `/api/saved-searches/${id}` });
    expect(deleted.statusCode).toBe(200);
    const actions = await t.db
      .selectFrom('audit_log')
      .select(['action', 'target'])
      .where('action', 'in', ['save-search', 'delete-saved-search'])
      .orderBy('seq')
      .execute();
    expect(actions).toEqual([
      { action: 'save-search', target: 'Bakhmut' },
      { action: 'save-search', target: 'Bakhmut' },
      { action: 'delete-saved-search', target: id },
    ]);
  });

  it('need a query', async () => {
    const response = await as(users.viewer, {
      method: 'POST',
      url: '/api/saved-searches',
      payload: { name: 'nothing', params: { lang: 'ru' } },
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('batch search', () => {
  it('answers each name or number with its hits and calls, in the visible collections only', async () => {
    const response = await as(users.viewer, {
      method: 'POST',
      url: '/api/search/batch',
      payload: { terms: ['Бахмут', '', 'Петренко', 'Бахмут', '+7 916 123-45-67', 'OR'] },
    });
    expect(response.statusCode, response.body).toBe(200);
    const { results } = response.json<{
      results: {
        term: string;
        hits: number;
        callsAsParty: number | null;
        calls: { recordingId: string; hits: number; party: boolean }[];
        error: string | null;
      }[];
    }>();
    expect(results.map((r) => [r.term, r.hits, r.callsAsParty, r.error === null])).toEqual([
      ['Бахмут', 2, null, true],
      ['Петренко', 1, null, true],
      ['+7 916 123-45-67', 0, 1, true],
      ['OR', 0, null, false],
    ]);
    expect(results[0]!.calls).toMatchObject([{ recordingId: calls.a1, hits: 2, party: false }]);
    expect(results[1]!.calls.map((c) => c.recordingId)).toEqual([calls.a2]);
    expect(results[2]!.calls).toMatchObject([{ recordingId: calls.a1, hits: 0, party: true }]);
    const [entry] = await t.db
      .selectFrom('audit_log')
      .select(['target', 'details'])
      .where('action', '=', 'batch-search')
      .execute();
    expect(entry).toMatchObject({
      target: '4 terms',
      details: { batch: { terms: ['Бахмут', 'Петренко', '+7 916 123-45-67', 'OR'] } },
    });
  });

  it('refuses an empty list', async () => {
    const response = await as(users.viewer, {
      method: 'POST',
      url: '/api/search/batch',
      payload: { terms: [' '] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/one name or number a line/);
  });
});
