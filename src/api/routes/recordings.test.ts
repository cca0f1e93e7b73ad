import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiFixture,
  insertBatch,
  insertCollection,
  insertCustodyEvent,
  insertRecording,
  insertSource,
  insertStageRun,
  insertWorkingCopy,
  type ApiFixture,
} from '../../../test/helpers/api-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { buildApiServer } from '../server.ts';
import { signedInApi, type SignedInApi } from '../../../test/helpers/signed-in-api.ts';

interface ListBody {
  items: {
    id: string;
    originalFilename: string;
    call: { startedAt: string | null };
    stages: { stage: string }[];
  }[];
  total: number;
  limit: number;
  offset: number;
}
interface ErrorBody {
  error: string;
  message: string;
  issues?: { path: string; message: string }[];
}

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let api: SignedInApi;
const ids: Record<string, string> = {};
let leakId = '';
let batchId = '';

beforeAll(async () => {
  t = await createTestDatabase('api_recordings');
  fixture = createApiFixture(t.db);
  leakId = await insertCollection(t.db, 'Leak A', 'first leak');
  const otherId = await insertCollection(t.db, 'Leak B');
  batchId = await insertBatch(t.db, leakId);
  const make = async (name: string, spec: Parameters<typeof insertRecording>[1]): Promise<void> => {
    ids[name] = (await insertRecording(fixture, { original_filename: `${name}.wav`, ...spec })).id;
  };
  await make('mother', {
    collection_id: leakId,
    caller_number: '+79161234567',
    callee_number: '+380501234567',
    call_started_at: new Date('2022-03-14T15:30:12Z'),
    metadata_origin: 'filename',
    created_at: new Date('2024-01-01T00:00:01Z'),
  });
  await make('wife', {
    collection_id: leakId,
    caller_number: '+79031112233',
    callee_number: '+79161234567',
    call_started_at: new Date('2023-06-01T08:00:00Z'),
    metadata_origin: 'sidecar',
    metadata_extra: { unit: '64th brigade' },
    created_at: new Date('2024-01-01T00:00:02Z'),
  });
  await make('brother', {
    collection_id: leakId,
    caller_number: '+79035556677',
    call_started_at: new Date('2024-02-10T20:00:00Z'),
    metadata_origin: 'sidecar',
    created_at: new Date('2024-01-01T00:00:03Z'),
  });
  await make('unknown', { collection_id: otherId, created_at: new Date('2024-01-01T00:00:04Z') });

  await insertStageRun(t.db, { recordingId: ids.mother!, stage: 'decode', status: 'done' });
  await insertStageRun(t.db, {
    recordingId: ids.wife!,
    stage: 'decode',
    status: 'failed',
    error: 'corrupt frame',
  });
  await insertStageRun(t.db, { recordingId: ids.brother!, stage: 'decode', status: 'pending', attempts: 0 });

  await insertSource(t.db, {
    recordingId: ids.mother!,
    batchId,
    collectionId: leakId,
    sourcePath: '/evidence/a/mother.wav',
    sizeBytes: 64,
  });
  await insertSource(t.db, {
    recordingId: ids.mother!,
    batchId,
    collectionId: leakId,
    sourcePath: '/evidence/leak.zip!/copy/mother.wav',
    sizeBytes: 64,
  });
  for (const action of ['received', 'hashed', 'stored', 'probed', 'metadata'] as const) {
    await insertCustodyEvent(t.db, { recordingId: ids.mother!, batchId, action, details: { step: action } });
  }
  await insertWorkingCopy(fixture, {
    recordingId: ids.mother!,
    channel: 1,
    content: Buffer.from('RIFF-ch1'),
  });

  app = await buildApiServer({ db: t.db, config: fixture.config });
  api = await signedInApi(app, t.db);
});

afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

async function list(query: string): Promise<ListBody> {
  const response = await api.inject({ method: 'GET', url: `/api/recordings${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ListBody>();
}

const names = (body: ListBody): string[] => body.items.map((i) => i.originalFilename.replace('.wav', ''));

describe('GET /api/recordings', () => {
  it('lists everything by call time, newest first, missing call times last', async () => {
    const body = await list('');
    expect(body.total).toBe(4);
    expect(names(body)).toEqual(['brother', 'wife', 'mother', 'unknown']);
    expect(body.limit).toBe(50);
  });

  it('sorts by created_at ascending', async () => {
    expect(names(await list('?sort=created_at&order=asc'))).toEqual(['mother', 'wife', 'brother', 'unknown']);
  });

  it('filters by collection id and by collection name', async () => {
    expect((await list(`?collectionId=${leakId}`)).total).toBe(3);
    expect(names(await list('?collection=Leak%20B'))).toEqual(['unknown']);
    expect((await list('?collection=Nope')).total).toBe(0);
  });

  it('filters by call date range (a bare "to" date includes that day)', async () => {
    expect(names(await list('?from=2023-01-01&to=2023-12-31'))).toEqual(['wife']);
    expect(names(await list('?to=2022-03-14'))).toEqual(['mother']);
    expect(names(await list('?from=2022-03-14T15:30:12Z&to=2022-03-14T15:30:12Z'))).toEqual(['mother']);
  });

  it('filters by phone number: exact E.164 or a digit substring, caller or callee', async () => {
    expect(names(await list('?phone=%2B79161234567&sort=created_at&order=asc'))).toEqual(['mother', 'wife']);
    expect(names(await list('?phone=555'))).toEqual(['brother']);
    expect(names(await list('?phone=380-50'))).toEqual(['mother']);
    expect((await list('?phone=%2B79160000000')).total).toBe(0);
    // Any national format libphonenumber reads, and any start of a number (the desk's placeholder).
    const exact = names(await list('?phone=%2B79161234567&sort=created_at&order=asc'));
    expect(names(await list('?phone=8%20916%20123-45-67&sort=created_at&order=asc'))).toEqual(exact);
    expect(names(await list('?phone=8(916)1234567&sort=created_at&order=asc'))).toEqual(exact);
    expect(names(await list('?phone=%2B7916&sort=created_at&order=asc'))).toEqual(exact);
    expect(names(await list('?phone=8916&sort=created_at&order=asc'))).toEqual(exact);
    expect(names(await list('?phone=%2B7903&sort=created_at&order=asc'))).toEqual(['wife', 'brother']);
  });

  it('filters by stage and status, and by metadata origin', async () => {
    expect(names(await list('?stage=decode&status=failed'))).toEqual(['wife']);
    expect(names(await list('?status=done'))).toEqual(['mother']);
    expect((await list('?stage=decode')).total).toBe(3);
    expect((await list('?stage=transcribe')).total).toBe(0);
    expect(names(await list('?metadataOrigin=sidecar'))).toEqual(['brother', 'wife']);
    expect(names(await list('?metadataOrigin=none'))).toEqual(['unknown']);
  });

  it('paginates with a stable total', async () => {
    const first = await list('?limit=2&offset=0&sort=created_at&order=asc');
    const second = await list('?limit=2&offset=2&sort=created_at&order=asc');
    expect(first.total).toBe(4);
    expect(second.total).toBe(4);
    expect([...names(first), ...names(second)]).toEqual(['mother', 'wife', 'brother', 'unknown']);
    expect((await list('?limit=2&offset=10')).items).toEqual([]);
  });

  it('includes stage status in list items', async () => {
    const body = await list('?stage=decode&status=failed');
    expect(body.items[0]?.stages).toMatchObject([
      { stage: 'decode', status: 'failed', error: 'corrupt frame' },
    ]);
  });

  it.each([
    ['?limit=201', 'querystring.limit'],
    ['?limit=0', 'querystring.limit'],
    ['?limit=ten', 'querystring.limit'],
    ['?offset=-1', 'querystring.offset'],
    ['?collectionId=not-a-uuid', 'querystring.collectionId'],
    ['?from=yesterday', 'querystring.from'],
    ['?from=2024-01-01&to=2023-01-01', 'querystring.from'],
    ['?phone=12', 'querystring.phone'],
    ['?phone=%2B7abc', 'querystring.phone'],
    ['?status=broken', 'querystring.status'],
    ['?stage=DROP%20TABLE', 'querystring.stage'],
    ['?sort=duration', 'querystring.sort'],
    ['?metadataOrigin=guess', 'querystring.metadataOrigin'],
    ['?colection=typo', 'querystring'],
  ])('rejects %s with 400 naming %s', async (query, path) => {
    const response = await api.inject({ method: 'GET', url: `/api/recordings${query}` });
    expect(response.statusCode).toBe(400);
    const body = response.json<ErrorBody>();
    expect(body.error).toBe('bad_request');
    expect(body.message).toMatch(/^Invalid request: /);
    expect(
      body.issues?.some((i) => i.path === path && i.message.length > 0),
      JSON.stringify(body),
    ).toBe(true);
  });
});

describe('GET /api/recordings/:id', () => {
  it('returns metadata, probe, channels, sources, stages, working copies and custody in order', async () => {
    const response = await api.inject({ method: 'GET', url: `/api/recordings/${ids.mother}` });
    expect(response.statusCode).toBe(200);
    const body = response.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      id: ids.mother,
      collection: { id: leakId, name: 'Leak A' },
      probe: { container: 'wav', codec: 'pcm_s16le', sampleRate: 8000, channels: 2 },
      call: {
        callerNumber: '+79161234567',
        calleeNumber: '+380501234567',
        startedAt: '2022-03-14T15:30:12.000Z',
        origin: 'filename',
      },
      stages: [{ stage: 'decode', status: 'done' }],
      originalAudioUrl: `/api/recordings/${ids.mother}/audio/original`,
      channels: [
        { channel: 0, workingCopy: null },
        { channel: 1, workingCopy: { audioUrl: `/api/recordings/${ids.mother}/audio/working?channel=1` } },
      ],
      workingCopies: [{ channel: 1, sampleRate: 16000, sizeBytes: 8 }],
    });
    const sources = body.sources as { sourcePath: string; batch: { id: string } }[];
    expect(sources.map((s) => s.sourcePath)).toEqual([
      '/evidence/a/mother.wav',
      '/evidence/leak.zip!/copy/mother.wav',
    ]);
    expect(sources[0]?.batch.id).toBe(batchId);
    const custody = body.custody as { action: string }[];
    expect(custody.map((e) => e.action)).toEqual(['received', 'hashed', 'stored', 'probed', 'metadata']);
  });

  it('keeps extra sidecar columns', async () => {
    const response = await api.inject({ method: 'GET', url: `/api/recordings/${ids.wife}` });
    expect(response.json<{ call: { extra: unknown } }>().call.extra).toEqual({ unit: '64th brigade' });
  });

  it('answers 400 for a non-UUID id and 404 for an unknown one', async () => {
    const bad = await api.inject({ method: 'GET', url: '/api/recordings/42' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().issues?.[0]?.path).toBe('params.id');
    const missing = await api.inject({
      method: 'GET',
      url: '/api/recordings/00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ErrorBody>()).toMatchObject({ error: 'not_found' });
  });
});

describe('GET /api/recordings/:id/custody', () => {
  it('returns the custody events in append order', async () => {
    const response = await api.inject({ method: 'GET', url: `/api/recordings/${ids.mother}/custody` });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ events: { id: string; action: string; details: { step: string } }[] }>();
    expect(body.events.map((e) => e.details.step)).toEqual([
      'received',
      'hashed',
      'stored',
      'probed',
      'metadata',
    ]);
    const numericIds = body.events.map((e) => Number(e.id));
    expect([...numericIds].sort((a, b) => a - b)).toEqual(numericIds);
  });

  it('answers 404 for an unknown recording and 400 for a bad id', async () => {
    const missing = await api.inject({
      method: 'GET',
      url: '/api/recordings/00000000-0000-4000-8000-000000000000/custody',
    });
    expect(missing.statusCode).toBe(404);
    const bad = await api.inject({ method: 'GET', url: '/api/recordings/..%2F..%2Fetc/custody' });
    expect(bad.statusCode).toBe(400);
  });
});
