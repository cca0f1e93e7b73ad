import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  insertWorkingCopy,
  type ApiFixture,
} from '../../../test/helpers/api-fixtures.ts';
import {
  buildApiServerAsUsers,
  insertUser,
  NOBODY,
  TEST_USER_HEADER,
} from '../../../test/helpers/as-principal.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { insertMachineTranscriptFixture } from '../../transcripts/testing/transcript-fixtures.ts';

// Which requests leave an audit entry (declared per route, written by src/api/audit-hook.ts), the
// entry's who/what/where, a read refused when its entry cannot be written, and the admin-only
// GET /api/audit and /api/audit/verify.

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let recordingId = '';
let segmentId = '';
const MISSING = '00000000-0000-4000-8000-000000000000';

/** Real users with real sessions (filled in beforeAll): an editor granted the collection, an admin. */
const olena = { userId: '', name: 'olena' };
const admin = { userId: '', name: 'root' };

/** Who the next request acts for: a user id, or NOBODY for no session. */
let signedIn = '';

function inject(request: InjectOptions | string): Promise<LightMyRequestResponse> {
  const given: InjectOptions = typeof request === 'string' ? { url: request } : request;
  return app.inject({ ...given, headers: { ...given.headers, [TEST_USER_HEADER]: signedIn } });
}

beforeAll(async () => {
  t = await createTestDatabase('api_audit');
  fixture = createApiFixture(t.db);
  const collection = await insertCollection(t.db, 'Intercepts');
  const recording = await insertRecording(fixture, {
    collection_id: collection,
    content: randomBytes(500),
    channels: 1,
    duration_seconds: 10,
    container: 'wav',
    codec: 'pcm_s16le',
  });
  recordingId = recording.id;
  await insertWorkingCopy(fixture, { recordingId, channel: 0, content: randomBytes(800) });
  const machine = await insertMachineTranscriptFixture(t.db, recordingId, [
    { start: 0.5, end: 3, text: 'у нас двое двухсотых', english: 'we have two two hundreds' },
  ]);
  segmentId = machine.segmentIds[0]!;
  olena.userId = await insertUser(t.db, olena.name, 'editor', [collection]);
  admin.userId = await insertUser(t.db, admin.name, 'admin');
  signedIn = olena.userId;
  app = await buildApiServerAsUsers({ db: t.db, config: fixture.config });
});

afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

beforeEach(() => {
  signedIn = olena.userId;
});

async function entriesSince(seq: string) {
  return t.db.selectFrom('audit_log').selectAll().where('seq', '>', seq).orderBy('seq').execute();
}

async function headSeq(): Promise<string> {
  const row = await t.db
    .selectFrom('audit_log')
    .select('seq')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.seq ?? '0';
}

describe('audited requests', () => {
  it('record who read or changed what, and from where', async () => {
    const before = await headSeq();
    const requests: [
      method: 'GET' | 'POST',
      url: string,
      payload?: object,
      headers?: Record<string, string>,
    ][] = [
      ['GET', '/api/recordings?phone=%2B79161234567&limit=10'],
      ['GET', `/api/recordings/${recordingId}`],
      ['GET', `/api/recordings/${recordingId}/custody`],
      ['GET', `/api/recordings/${recordingId}/transcript`],
      ['GET', `/api/recordings/${recordingId}/audio/original`],
      ['GET', `/api/recordings/${recordingId}/audio/working?channel=0`, undefined, { range: 'bytes=0-99' }],
      ['GET', '/api/search?q=двухсотых&lang=ru'],
      ['POST', `/api/recordings/${recordingId}/notes`, { text: 'check the date', segmentId }],
      [
        'POST',
        `/api/recordings/${recordingId}/transcripts`,
        {
          baseVersion: 1,
          segments: [
            {
              sourceSegmentId: segmentId,
              channel: 0,
              lane: 'channel-0',
              start: 0.5,
              end: 3,
              text: 'у нас трое',
            },
          ],
        },
      ],
    ];
    for (const [method, url, payload, headers] of requests) {
      const response = await inject({ method, url, payload, headers, remoteAddress: '10.1.2.3' });
      expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
    }
    const entries = await entriesSince(before);
    expect(entries.map((e) => [e.action, e.target])).toEqual([
      ['list-calls', 'phone=+79161234567&limit=10'],
      ['view-call', recordingId],
      ['view-custody', recordingId],
      ['view-transcript', recordingId],
      ['download-original', recordingId],
      ['stream-audio', recordingId],
      ['search', 'двухсотых'],
      ['add-note', recordingId],
      ['correct-transcript', recordingId],
    ]);
    for (const e of entries) {
      expect(e).toMatchObject({ actor: 'olena', user_id: olena.userId, address: '10.1.2.3' });
    }
    expect(entries[5]!.details).toEqual({ range: 'bytes=0-99', channel: 0 });
    expect(entries[6]!.details).toMatchObject({ query: { q: 'двухсотых', lang: 'ru' } });
    expect(entries[7]!.details).toEqual({ segmentId });
    expect(entries[8]!.details).toEqual({ baseVersion: 1 });
  });

  it('record a read that ends in a 404 (probing ids), but no invalid request, HEAD or failed change', async () => {
    const before = await headSeq();
    expect((await inject({ url: `/api/recordings/${MISSING}`, remoteAddress: '10.9.9.9' })).statusCode).toBe(
      404,
    );
    expect((await inject({ url: '/api/recordings/42' })).statusCode).toBe(400);
    expect((await inject({ url: '/api/search?limit=0&q=x' })).statusCode).toBe(400);
    const head = await inject({ method: 'HEAD', url: `/api/recordings/${recordingId}/audio/original` });
    expect(head.statusCode).toBe(200);
    expect((await inject({ url: '/api/health' })).statusCode).toBe(200);
    const refused = await inject({
      method: 'POST',
      url: `/api/recordings/${recordingId}/notes`,
      payload: { text: ' ' },
    });
    expect(refused.statusCode).toBe(400);
    const missingNote = await inject({
      method: 'POST',
      url: `/api/recordings/${MISSING}/notes`,
      payload: { text: 'x' },
    });
    expect(missingNote.statusCode).toBe(404);
    expect(await entriesSince(before)).toMatchObject([
      { action: 'view-call', target: MISSING, actor: 'olena', address: '10.9.9.9' },
    ]);
  });

  it('record nothing for a request with no session: it never reaches a route (sign-in failures are audited)', async () => {
    signedIn = NOBODY;
    const before = await headSeq();
    expect((await inject({ url: `/api/recordings/${recordingId}` })).statusCode).toBe(401);
    expect(await entriesSince(before)).toEqual([]);
  });

  it('refuse a read whose entry cannot be written, and keep a change that was made', async () => {
    await sql`
      CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk full'; END $$;
      CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit();
    `.execute(t.db);
    try {
      const view = await inject({ url: `/api/recordings/${recordingId}` });
      expect(view.statusCode).toBe(503);
      expect(view.json()).toEqual({
        error: 'unavailable',
        message: expect.stringMatching(/audit log could not be written, so nothing was served/) as string,
      });
      const audio = await inject({ url: `/api/recordings/${recordingId}/audio/original` });
      expect(audio.statusCode).toBe(503);
      expect(audio.headers['content-type']).toMatch(/^application\/json/);
      expect(audio.headers.etag).toBeUndefined();

      const note = await inject({
        method: 'POST',
        url: `/api/recordings/${recordingId}/notes`,
        payload: { text: 'kept although not audited' },
      });
      expect(note.statusCode).toBe(201);
      const stored = await t.db
        .selectFrom('desk_notes')
        .select('text')
        .where('text', '=', 'kept although not audited')
        .execute();
      expect(stored).toHaveLength(1);
    } finally {
      await sql`DROP TRIGGER refuse_audit ON audit_log; DROP FUNCTION refuse_audit();`.execute(t.db);
    }
  });
});

describe('GET /api/audit and /api/audit/verify', () => {
  it('are a 404 for anyone but an admin, as if they did not exist', async () => {
    for (const url of ['/api/audit', '/api/audit/verify']) {
      signedIn = olena.userId;
      const response = await inject({ url });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ error: 'not_found', message: `No route for GET ${url}` });
      signedIn = NOBODY;
      expect((await inject({ url })).statusCode).toBe(401);
    }
  });

  it('list entries newest first with filters and pages, and record that the log was read', async () => {
    signedIn = admin.userId;
    const all = await inject({ url: '/api/audit?limit=3' });
    expect(all.statusCode, all.body).toBe(200);
    const page = all.json<{ items: { seq: string; action: string }[]; total: number }>();
    const seqs = page.items.map((i) => Number(i.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(page.items).toHaveLength(3);

    const filtered = await inject({
      url: `/api/audit?actor=OLENA&action=search&target=${encodeURIComponent('двухсот')}&from=2000-01-01`,
    });
    expect(filtered.json()).toMatchObject({
      total: 1,
      items: [{ action: 'search', actor: 'olena', target: 'двухсотых' }],
    });
    const future = await inject({ url: '/api/audit?from=2999-01-01' });
    expect(future.json()).toMatchObject({ total: 0, items: [] });
    const today = new Date().toISOString().slice(0, 10);
    const byDay = await inject({ url: `/api/audit?to=${today}&action=view-call` });
    expect(byDay.json<{ total: number }>().total).toBeGreaterThan(0);
    const bad = await inject({ url: '/api/audit?action=rename' });
    expect(bad.statusCode).toBe(400);

    const reads = await inject({ url: '/api/audit?action=view-audit-log&actor=root' });
    expect(reads.json<{ total: number }>().total).toBeGreaterThanOrEqual(4);
  });

  it('verify the chain, and name the entry that was changed', async () => {
    signedIn = admin.userId;
    const intact = await inject({ url: '/api/audit/verify' });
    expect(intact.json()).toMatchObject({ ok: true, problem: null });
    await t.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(trx);
      await sql`UPDATE audit_log SET address = '192.0.2.1' WHERE seq = 2`.execute(trx);
      await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(trx);
    });
    const tampered = await inject({ url: '/api/audit/verify' });
    expect(tampered.json()).toMatchObject({ ok: false, checked: 1, problem: { kind: 'changed', seq: '2' } });
  });
});
