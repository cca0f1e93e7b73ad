import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessFixture, toneWav, type AccessFixture } from '../../test/helpers/access-fixtures.ts';
import { insertCollection, insertRecording } from '../../test/helpers/api-fixtures.ts';
import { insertUser, TEST_USER_HEADER } from '../../test/helpers/as-principal.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import type { UserRole } from '../db/schema.ts';
import { buildApiServer } from './server.ts';

// What a user granted one collection sees of the other, by filter and by count: the matrix test
// checks that nothing leaks; these check that the numbers are those of the visible calls only.

let t: TestDatabase;
let fx: AccessFixture;

beforeAll(async () => {
  t = await createTestDatabase('api_collection_access');
  fx = await createAccessFixture(t);
});

afterAll(async () => {
  await fx?.app.close();
  fx?.fixture.cleanup();
  await t?.drop();
});

async function as<T = unknown>(role: UserRole, options: InjectOptions | string) {
  const request = typeof options === 'string' ? { url: options } : options;
  const response = await fx.app.inject({
    ...request,
    headers: { ...request.headers, [TEST_USER_HEADER]: fx.users[role] },
  });
  return { status: response.statusCode, body: response.json<T>() };
}

describe('a viewer granted one collection', () => {
  it('counts only its calls in the recordings list, by filter too', async () => {
    const mine = await as<{ total: number; items: { id: string }[] }>('viewer', '/api/recordings');
    expect(mine.body.total).toBe(1);
    expect(mine.body.items.map((r) => r.id)).toEqual([fx.granted.recordingId]);
    expect((await as<{ total: number }>('admin', '/api/recordings')).body.total).toBe(2);
    for (const filter of [
      `collectionId=${fx.other.collectionId}`,
      `collection=${encodeURIComponent(fx.other.collectionName)}`,
      'phone=%2B79161234567',
    ]) {
      const other = await as<{ total: number; items: unknown[] }>('viewer', `/api/recordings?${filter}`);
      expect(other, filter).toMatchObject({ status: 200, body: { total: 0, items: [] } });
    }
  });

  it('finds search hits and counts them in its collection only', async () => {
    type Search = { total: number; hits: { recordingId: string }[] };
    const mine = await as<Search>('viewer', '/api/search?q=двухсотых');
    expect(mine.body.total).toBe(1);
    expect(mine.body.hits.map((h) => h.recordingId)).toEqual([fx.granted.recordingId]);
    expect((await as<Search>('admin', '/api/search?q=двухсотых')).body.total).toBe(2);
    const byFilter = await as<Search>(
      'viewer',
      `/api/search?q=двухсотых&collectionId=${fx.other.collectionId}`,
    );
    expect(byFilter.body).toMatchObject({ total: 0, hits: [] });
  });

  it('sees trend counts, places and the call graph of its calls only', async () => {
    const monthly = await as<{ months: { month: string | null; calls: number }[] }>(
      'viewer',
      '/api/trends/monthly',
    );
    expect(monthly.body.months.map((m) => [m.month, m.calls])).toEqual([['2022-03', 1]]);
    const places = await as<{ places: { id: string; calls: number }[] }>('viewer', '/api/trends/places');
    expect(places.body.places.map((p) => [p.id, p.calls])).toEqual([[fx.granted.markers[5], 1]]);
    const graph = await as<{ nodes: { phone: string }[]; totalNodes: number }>(
      'viewer',
      '/api/trends/call-graph',
    );
    expect(graph.body.totalNodes).toBe(2);
    expect(graph.body.nodes.map((n) => n.phone).sort()).toEqual(['+380501111111', '+380502222222']);
    const adminMonthly = await as<{ months: { month: string; calls: number }[] }>(
      'admin',
      '/api/trends/monthly',
    );
    // Two months with calls; the months between are listed empty (a continuous month axis).
    expect(adminMonthly.body.months.filter((m) => m.calls > 0)).toHaveLength(2);
    expect(adminMonthly.body.months.map((m) => m.month)).toContain('2022-03');
  });

  it('sorts by triage and charts analyses of its calls only (read from the analysis cache)', async () => {
    type List = { total: number; items: { id: string }[] };
    for (const query of [
      'sort=triage',
      'sort=triage&category=casualties_killed',
      'sort=triage&minTriage=10',
    ]) {
      const mine = await as<List>('viewer', `/api/recordings?${query}`);
      expect(mine.body.total, query).toBe(1);
      expect(
        mine.body.items.map((r) => r.id),
        query,
      ).toEqual([fx.granted.recordingId]);
      expect((await as<List>('admin', `/api/recordings?${query}`)).body.total, query).toBe(2);
    }
    const deep = await as<List>('viewer', '/api/recordings?sort=triage&offset=1');
    expect(deep.body).toMatchObject({ total: 1, items: [] });
    type Monthly = { months: { month: string | null; analysed: number; casualties: { killed: number } }[] };
    const monthly = await as<Monthly>('viewer', '/api/trends/monthly');
    expect(monthly.body.months.map((m) => [m.month, m.analysed, m.casualties.killed])).toEqual([
      ['2022-03', 1, 2],
    ]);
  });

  it('lists its collection only, and pipeline counts and failures of its calls only', async () => {
    const collections = await as<{ items: { id: string; recordingCount: number }[] }>(
      'viewer',
      '/api/collections',
    );
    expect(collections.body.items.map((c) => [c.id, c.recordingCount])).toEqual([
      [fx.granted.collectionId, 1],
    ]);
    type Pipeline = { recordings: number; failures: { count: number; calls: { id: string }[] }[] };
    const pipeline = await as<Pipeline>('viewer', '/api/pipeline');
    expect(pipeline.body.recordings).toBe(1);
    expect(pipeline.body.failures.flatMap((f) => f.calls.map((c) => c.id))).toEqual([fx.granted.recordingId]);
    expect(pipeline.body.failures.reduce((sum, f) => sum + f.count, 0)).toBe(1);
  });

  it('gets store-wide health counts only as an admin', async () => {
    expect((await as<{ counts: unknown }>('viewer', '/api/health')).body.counts).toBeNull();
    expect(
      (await as<{ counts: { recordings: number } }>('admin', '/api/health')).body.counts.recordings,
    ).toBe(2);
  });

  it('gets the same 404 for a call of another collection as for one that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const other = await as<{ error: string; message: string }>(
      'viewer',
      `/api/recordings/${fx.other.recordingId}`,
    );
    const none = await as<{ error: string; message: string }>('viewer', `/api/recordings/${missing}`);
    expect(other.status).toBe(404);
    expect(other.body.message.replace(fx.other.recordingId, 'ID')).toBe(
      none.body.message.replace(missing, 'ID'),
    );
    expect(other.body.error).toBe(none.body.error);
  });
});

describe('actions within the grants', () => {
  it("retries failed runs of the editor's collections only", async () => {
    fx.scheduled.length = 0;
    const retry = await as('editor', { method: 'POST', url: '/api/pipeline/retry', payload: {} });
    expect(retry.status).toBe(200);
    expect([...new Set(fx.scheduled)]).toEqual([fx.granted.recordingId]);
  });

  it('refuses an upload into a collection not granted, or a new one, and stores nothing', async () => {
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('recordings')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    for (const collection of [fx.other.collectionName, 'A new leak']) {
      const form = new FormData();
      form.append('collection', collection);
      form.append('fileCount', '1');
      form.append('files', new Blob([toneWav(0.2, 900)]), 'call.wav');
      const request = new Request('http://localhost/api/ingest', { method: 'POST', body: form });
      const upload = await as<{ error: string }>('editor', {
        method: 'POST',
        url: '/api/ingest',
        headers: { 'content-type': request.headers.get('content-type')! },
        payload: Buffer.from(await request.arrayBuffer()),
      });
      expect(upload, collection).toMatchObject({ status: 404, body: { error: 'not_found' } });
    }
    expect(await count()).toBe(before);
    const created = await t.db
      .selectFrom('collections')
      .select('id')
      .where('name', '=', 'A new leak')
      .execute();
    expect(created).toEqual([]);
  });

  it('applies a revoked grant and a changed role from the next request', async () => {
    const url = `/api/recordings/${fx.granted.recordingId}`;
    const grant = `/api/users/${fx.users.transcriber}/grants/${fx.granted.collectionId}`;
    expect((await as('transcriber', url)).status).toBe(200);
    expect((await as('admin', { method: 'DELETE', url: grant })).status).toBe(200);
    expect((await as('transcriber', url)).status).toBe(404);
    const regranted = await as<{ grants: { collectionId: string }[] }>('admin', {
      method: 'PUT',
      url: grant,
    });
    expect(regranted.body.grants.map((g) => g.collectionId)).toEqual([fx.granted.collectionId]);
    expect((await as('transcriber', url)).status).toBe(200);

    const note = { method: 'POST' as const, url: `${url}/notes`, payload: { text: 'checked' } };
    const role = (r: UserRole) => ({
      method: 'PUT' as const,
      url: `/api/users/${fx.users.transcriber}/role`,
      payload: { role: r },
    });
    expect((await as('admin', role('viewer'))).status).toBe(200);
    expect(await as('transcriber', note)).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect((await as('admin', role('transcriber'))).status).toBe(200);
    expect((await as('transcriber', note)).status).toBe(201);
  });

  it('keeps the last enabled admin an admin', async () => {
    const users = await as<{ items: { id: string; role: string }[] }>('admin', '/api/users');
    const admins = users.body.items.filter((u) => u.role === 'admin' && u.id !== fx.users.admin);
    for (const admin of admins) {
      await t.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', admin.id).execute();
    }
    try {
      const demote = await as<{ error: string }>('admin', {
        method: 'PUT',
        url: `/api/users/${fx.users.admin}/role`,
        payload: { role: 'editor' },
      });
      expect(demote).toMatchObject({ status: 409, body: { error: 'conflict' } });
    } finally {
      for (const admin of admins) {
        await t.db.updateTable('users').set({ disabled_at: null }).where('id', '=', admin.id).execute();
      }
    }
  });
});

describe('a server without a session hook', () => {
  it('answers 401 not_signed_in: no principal is never everybody', async () => {
    const bare = await buildApiServer({ db: t.db, config: fx.fixture.config });
    try {
      for (const url of ['/api/recordings', `/api/recordings/${fx.granted.recordingId}`, '/api/users']) {
        const response = await bare.inject({ url });
        expect(response.statusCode, url).toBe(401);
        expect(response.json<{ error: string }>().error).toBe('not_signed_in');
      }
    } finally {
      await bare.close();
    }
  });
});

describe('a user granted every collection', () => {
  it('sees every call, but not those of a collection created after the grants', async () => {
    const everything = await insertUser(t.db, 'granted-everything', 'viewer', [
      fx.granted.collectionId,
      fx.other.collectionId,
    ]);
    const asEverything = async <T>(url: string) =>
      (await fx.app.inject({ url, headers: { [TEST_USER_HEADER]: everything } })).json<T>();
    type List = { total: number };
    expect((await asEverything<List>('/api/recordings?sort=triage')).total).toBe(2);
    expect((await asEverything<List>('/api/search?q=двухсотых')).total).toBe(2);
    const later = await insertCollection(t.db, 'Created later');
    await insertRecording(fx.fixture, { collection_id: later, call_started_at: new Date('2022-05-01') });
    expect((await as<List>('admin', '/api/recordings')).body.total).toBe(3);
    expect((await asEverything<List>('/api/recordings')).total).toBe(2);
    type Monthly = { months: { month: string | null }[] };
    const months = (await asEverything<Monthly>('/api/trends/monthly')).months.map((m) => m.month);
    expect(months).not.toContain('2022-05');
  });
});
