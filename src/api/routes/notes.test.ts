import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  type ApiFixture,
} from '../../../test/helpers/api-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { insertMachineTranscriptFixture } from '../../transcripts/testing/transcript-fixtures.ts';
import { buildApiServer } from '../server.ts';
import { signedInApi, type SignedInApi } from '../../../test/helpers/signed-in-api.ts';

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let api: SignedInApi;
let recordingId = '';
let otherRecordingId = '';
let machine: { segmentIds: string[] };

const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestDatabase('api_notes');
  fixture = createApiFixture(t.db);
  const collection = await insertCollection(t.db, 'Intercepts');
  recordingId = (await insertRecording(fixture, { collection_id: collection })).id;
  otherRecordingId = (await insertRecording(fixture, { collection_id: collection })).id;
  machine = await insertMachineTranscriptFixture(t.db, recordingId, [
    { start: 0.5, end: 1.4, text: 'у нас двое двухсотых' },
  ]);
  await insertMachineTranscriptFixture(t.db, otherRecordingId, [{ start: 0, end: 1, text: 'алло' }]);
  app = await buildApiServer({ db: t.db, config: { ...fixture.config, actor: 'os-user' } });
  api = await signedInApi(app, t.db, { name: 'desk-user' });
});

afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

describe('notes', () => {
  const notesUrl = (id: string): string => `/api/recordings/${id}/notes`;

  it('adds notes on the call and on a segment, append-only', async () => {
    const onCall = await api.inject({
      method: 'POST',
      url: notesUrl(recordingId),
      payload: { text: ' Check the date ' },
    });
    expect(onCall.statusCode, onCall.body).toBe(201);
    expect(onCall.json()).toMatchObject({ text: 'Check the date', author: 'desk-user', segmentId: null });
    const onSegment = await api.inject({
      method: 'POST',
      url: notesUrl(recordingId),
      payload: { text: '«двухсотых» = KIA', segmentId: machine.segmentIds[0], author: 'Olena' },
    });
    expect(onSegment.statusCode).toBe(201);
    // The author is the signed-in user, whatever the body claims and whoever runs the server.
    expect(onSegment.json()).toMatchObject({
      segmentId: machine.segmentIds[0],
      transcriptVersion: 1,
      author: 'desk-user',
    });
    const list = await api.inject({ url: notesUrl(recordingId) });
    expect(list.json<{ notes: { text: string }[] }>().notes.map((n) => n.text)).toEqual([
      'Check the date',
      '«двухсотых» = KIA',
    ]);
    await expect(sql`UPDATE desk_notes SET text = 'changed'`.execute(t.db)).rejects.toThrow(/write-once/);
  });

  it('refuses empty notes, foreign segments and unknown recordings', async () => {
    const before = await t.db
      .selectFrom('desk_notes')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const foreign = await t.db
      .selectFrom('transcript_segments as s')
      .innerJoin('transcripts as tr', 'tr.id', 's.transcript_id')
      .select('s.id')
      .where('tr.recording_id', '=', otherRecordingId)
      .executeTakeFirstOrThrow();
    const empty = await api.inject({ method: 'POST', url: notesUrl(recordingId), payload: { text: '  ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ message: string }>().message).toMatch(/the note is empty/);
    const nul = await api.inject({
      method: 'POST',
      url: notesUrl(recordingId),
      payload: { text: 'a\u0000b' },
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json<{ message: string }>().message).toMatch(/NUL/);
    const wrong = await api.inject({
      method: 'POST',
      url: notesUrl(recordingId),
      payload: { text: 'x', segmentId: String(foreign.id) },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ message: string }>().message).toMatch(/not a segment of this recording/);
    expect(
      (await api.inject({ method: 'POST', url: notesUrl(MISSING), payload: { text: 'x' } })).statusCode,
    ).toBe(404);
    expect((await api.inject({ url: notesUrl(MISSING) })).statusCode).toBe(404);
    const after = await t.db
      .selectFrom('desk_notes')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(after).toEqual(before);
  });
});
