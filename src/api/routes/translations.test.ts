import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  type ApiFixture,
} from '../../../test/helpers/api-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { signedInApi, type SignedInApi } from '../../../test/helpers/signed-in-api.ts';
import { insertMachineTranscriptFixture } from '../../transcripts/testing/transcript-fixtures.ts';
import { grantCollection } from '../../accounts/grants.ts';
import { buildApiServer } from '../server.ts';

interface Translation {
  translationId: string;
  kind: 'machine' | 'human';
  createdBy: string | null;
  text: string | null;
  quality: { doubtful: boolean; issues: string[] };
}
interface Segment {
  id: string;
  translation: Translation | null;
}
interface History {
  versions: {
    version: number;
    kind: string;
    current: boolean;
    text: string;
    diff: { op: string; text: string }[];
  }[];
  currentTranslationId: string | null;
}

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let editor: SignedInApi;
let viewer: SignedInApi;
let recordingId = '';
let otherRecordingId = '';

async function segments(): Promise<Segment[]> {
  const response = await editor.inject({ url: `/api/recordings/${recordingId}/transcript` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ segments: Segment[] }>().segments;
}
const correct = (api: SignedInApi, segmentId: string, payload: object, id = recordingId) =>
  api.inject({ method: 'POST', url: `/api/recordings/${id}/segments/${segmentId}/translations`, payload });

beforeAll(async () => {
  t = await createTestDatabase('api_translations');
  fixture = createApiFixture(t.db);
  const collection = await insertCollection(t.db, 'Intercepts');
  recordingId = (
    await insertRecording(fixture, { collection_id: collection, channels: 2, duration_seconds: 30 })
  ).id;
  otherRecordingId = (await insertRecording(fixture, { collection_id: collection })).id;
  await insertMachineTranscriptFixture(t.db, recordingId, [
    {
      channel: 0,
      start: 0.5,
      end: 3,
      text: 'у нас двое двухсотых под харьковом',
      english: 'We have two killed near Kharkiv.',
    },
    {
      channel: 1,
      start: 3.5,
      end: 6,
      text: 'игорь привет можешь говорить',
      english: 'Marina, hi, four days ago?',
    },
  ]);
  await insertMachineTranscriptFixture(t.db, otherRecordingId, [
    { start: 0, end: 1, text: 'да', english: 'yes' },
  ]);
  app = await buildApiServer({ db: t.db, config: fixture.config });
  editor = await signedInApi(app, t.db, { name: 'Olena', role: 'editor' });
  viewer = await signedInApi(app, t.db, { name: 'Vika', role: 'viewer' });
  for (const user of [editor, viewer])
    await grantCollection(t.db, { userId: user.userId, collectionId: collection, grantedBy: 'test' });
});

afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

describe('English translations in the API', () => {
  it('marks a translation with invented numbers and a missing name "check this translation"', async () => {
    const [good, bad] = await segments();
    expect(good!.translation).toMatchObject({ kind: 'machine', quality: { doubtful: false, issues: [] } });
    expect(bad!.translation!.quality).toEqual({ doubtful: true, issues: ['numbers', 'names'] });
  });

  it('saves a person’s English as a human version, audited, with versions and a diff', async () => {
    const [, bad] = await segments();
    const response = await correct(editor, bad!.id, {
      baseTranslationId: bad!.translation!.translationId,
      text: 'Igor, hi, can you talk?',
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<{ translationId: string; history: History }>();
    expect(body.history.versions.map((v) => [v.version, v.kind, v.current])).toEqual([
      [1, 'machine', false],
      [2, 'human', true],
    ]);
    expect(body.history.versions[1]!.diff).toEqual([
      { op: 'delete', text: 'Marina,' },
      { op: 'insert', text: 'Igor,' },
      { op: 'equal', text: 'hi,' },
      { op: 'delete', text: 'four days ago?' },
      { op: 'insert', text: 'can you talk?' },
    ]);

    const shown = (await segments())[1]!.translation!;
    expect(shown).toMatchObject({ kind: 'human', createdBy: 'Olena', text: 'Igor, hi, can you talk?' });
    expect(shown.quality.doubtful).toBe(false);

    const history = await viewer.inject({
      url: `/api/recordings/${recordingId}/segments/${bad!.id}/translations`,
    });
    expect(history.statusCode).toBe(200);
    expect(history.json<History>().currentTranslationId).toBe(body.translationId);

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor', 'details'])
      .where('action', '=', 'correct-translation')
      .execute();
    expect(audit).toEqual([
      {
        actor: 'Olena',
        details: expect.objectContaining({
          segmentId: bad!.id,
          baseTranslationId: bad!.translation!.translationId,
        }) as unknown,
      },
    ]);
  });

  it('answers 409 for a stale base, 400 for empty text, 404 for another call’s segment, 403 for a viewer', async () => {
    const [good] = await segments();
    const base = good!.translation!.translationId;
    expect((await correct(editor, good!.id, { baseTranslationId: null, text: 'x' })).statusCode).toBe(409);
    const empty = await correct(editor, good!.id, { baseTranslationId: base, text: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ message: string }>().message).toMatch(/text is empty/);
    expect(
      (await correct(editor, good!.id, { baseTranslationId: base, text: 'x' }, otherRecordingId)).statusCode,
    ).toBe(404);
    expect((await correct(viewer, good!.id, { baseTranslationId: base, text: 'x' })).statusCode).toBe(403);
    expect((await correct(editor, 'abc', { baseTranslationId: base, text: 'x' })).statusCode).toBe(400);
  });
});
