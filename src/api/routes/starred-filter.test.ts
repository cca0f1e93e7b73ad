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
import { insertMachineTranscriptFixture } from '../../transcripts/testing/transcript-fixtures.ts';

// "Starred only" on the Calls list, its CSV and search, on a real database: a person's own stars
// (on the call or a segment), inside their collections, never another person's.

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
const users = { editor: '', viewer: '', admin: '' };
const calls = { a1: '', a2: '', a3: '', b1: '' };
let segmentA2 = '';

function as(user: string, request: InjectOptions) {
  return app.inject({ ...request, headers: { ...request.headers, [TEST_USER_HEADER]: user } });
}

const ids = (response: { json: <T>() => T }) =>
  response
    .json<{ items: { id: string }[] }>()
    .items.map((i) => i.id)
    .sort();

beforeAll(async () => {
  t = await createTestDatabase('api_starred_filter');
  fixture = createApiFixture(t.db);
  const granted = await insertCollection(t.db, 'Granted');
  const other = await insertCollection(t.db, 'Other');
  for (const key of ['a1', 'a2', 'a3'] as const)
    calls[key] = (await insertRecording(fixture, { collection_id: granted })).id;
  calls.b1 = (await insertRecording(fixture, { collection_id: other })).id;
  await insertMachineTranscriptFixture(t.db, calls.a1, [{ start: 0, end: 1, text: 'груз на месте' }]);
  segmentA2 = (
    await insertMachineTranscriptFixture(t.db, calls.a2, [{ start: 0, end: 1, text: 'груз отправили' }])
  ).segmentIds[0]!;
  await insertMachineTranscriptFixture(t.db, calls.a3, [{ start: 0, end: 1, text: 'груз не пришёл' }]);
  await insertMachineTranscriptFixture(t.db, calls.b1, [{ start: 0, end: 1, text: 'груз чужой' }]);
  users.viewer = await insertUser(t.db, 'viewer-v', 'viewer', [granted]);
  users.editor = await insertUser(t.db, 'editor-e', 'editor', [granted]);
  users.admin = await insertUser(t.db, 'admin-a', 'admin', []);
  app = await buildApiServerAsUsers({ db: t.db, config: fixture.config });
  // The viewer stars a1 (the call) and a2 (a segment only); the editor stars a3; the admin b1.
  const stars: [string, string][] = [
    [users.viewer, `/api/recordings/${calls.a1}/star`],
    [users.viewer, `/api/recordings/${calls.a2}/star?segmentId=${segmentA2}`],
    [users.editor, `/api/recordings/${calls.a3}/star`],
    [users.admin, `/api/recordings/${calls.b1}/star`],
  ];
  for (const [user, url] of stars) {
    const response = await as(user, { method: 'PUT', url });
    expect(response.statusCode, response.body).toBe(200);
  }
});

afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

describe('the starred filter of the Calls list', () => {
  it('lists the calls the signed-in person starred, on the call or a segment, and only theirs', async () => {
    const viewer = await as(users.viewer, { url: '/api/recordings?starred=true' });
    expect(viewer.statusCode, viewer.body).toBe(200);
    expect(ids(viewer)).toEqual([calls.a1, calls.a2].sort());
    expect(viewer.json<{ total: number }>().total).toBe(2);
    const editor = await as(users.editor, { url: '/api/recordings?starred=true' });
    expect(ids(editor)).toEqual([calls.a3]);
  });

  it('with starred=false lists the visible calls the person has not starred', async () => {
    const viewer = await as(users.viewer, { url: '/api/recordings?starred=false' });
    expect(ids(viewer)).toEqual([calls.a3]);
  });

  it('stays inside the collections: a star on a call no longer granted does not list it', async () => {
    // The admin's star on b1 lists it for the admin; the viewer never sees b1 whatever they starred.
    const admin = await as(users.admin, { url: '/api/recordings?starred=true' });
    expect(ids(admin)).toEqual([calls.b1]);
    await t.db
      .insertInto('stars')
      .values({ user_id: users.viewer, recording_id: calls.b1, segment_id: null })
      .execute();
    const viewer = await as(users.viewer, { url: '/api/recordings?starred=true' });
    expect(ids(viewer)).toEqual([calls.a1, calls.a2].sort());
    await t.db
      .deleteFrom('stars')
      .where('user_id', '=', users.viewer)
      .where('recording_id', '=', calls.b1)
      .execute();
  });

  it('combines with the other filters and refuses a value that is not true or false', async () => {
    await as(users.editor, {
      method: 'POST',
      url: `/api/recordings/${calls.a1}/tags`,
      payload: { tag: 'story' },
    });
    const both = await as(users.viewer, { url: '/api/recordings?starred=true&tag=story' });
    expect(ids(both)).toEqual([calls.a1]);
    const bad = await as(users.viewer, { url: '/api/recordings?starred=yes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toMatch(/starred.*true or false|true or false/);
  });
});

describe('the starred filter of search and the CSV downloads', () => {
  it('limits search hits to the calls the person starred', async () => {
    const all = await as(users.viewer, { url: `/api/search?q=${encodeURIComponent('груз')}` });
    expect(all.json<{ total: number }>().total).toBe(3);
    const starred = await as(users.viewer, {
      url: `/api/search?q=${encodeURIComponent('груз')}&starred=true`,
    });
    expect(starred.statusCode, starred.body).toBe(200);
    const hits = starred.json<{ hits: { recordingId: string }[] }>().hits.map((h) => h.recordingId);
    expect(hits.sort()).toEqual([calls.a1, calls.a2].sort());
  });

  it('limits the CSV of the list and of search results the same way', async () => {
    const list = await as(users.editor, { url: '/api/csv/calls?starred=true' });
    expect(list.statusCode, list.body).toBe(200);
    const listRows: string[][] = parse(list.body, { bom: true });
    expect(listRows.slice(1).map((r) => r[0])).toEqual([calls.a3]);
    const search = await as(users.editor, {
      url: `/api/csv/search?q=${encodeURIComponent('груз')}&starred=true`,
    });
    const searchRows: string[][] = parse(search.body, { bom: true });
    const header = searchRows[0]!;
    expect(searchRows.slice(1).map((r) => r[header.indexOf('recording_id')])).toEqual([calls.a3]);
  });
});
