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
import type { VerificationStatus } from '../../db/schema.ts';
import { insertMachineTranscriptFixture } from '../../transcripts/testing/transcript-fixtures.ts';
import { buildApiServer } from '../server.ts';

// The Calls list, search and the trend charts filter by verification status: a call without a
// case file is unverified, and so is one whose case came back to unverified.

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let api: SignedInApi;
let collectionId = '';
const ids: Record<string, string> = {};

async function callWithCase(label: string, status: VerificationStatus | null): Promise<void> {
  const { id } = await insertRecording(fixture, {
    collection_id: collectionId,
    call_started_at: new Date('2022-03-14T10:00:00Z'),
  });
  ids[label] = id;
  await insertMachineTranscriptFixture(t.db, id, [{ start: 0, end: 1, text: 'у нас двое двухсотых' }]);
  if (status)
    await t.db
      .insertInto('verification_cases')
      .values({ recording_id: id, collection_id: collectionId, status })
      .execute();
}

beforeAll(async () => {
  t = await createTestDatabase('api_case_filters');
  fixture = createApiFixture(t.db);
  collectionId = await insertCollection(t.db, 'Intercepts');
  await callWithCase('none', null);
  await callWithCase('backToUnverified', 'unverified');
  await callWithCase('attributed', 'number_attributed');
  await callWithCase('verified', 'verified');
  await callWithCase('verifiedToo', 'verified');
  await callWithCase('rejected', 'rejected');
  app = await buildApiServer({ db: t.db, config: fixture.config });
  api = await signedInApi(app, t.db);
});

afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

const sorted = (labels: string[]) => labels.map((l) => ids[l]).sort();

describe('verification filters', () => {
  it('lists calls by status, with each call’s status', async () => {
    const list = async (status: string) => {
      const r = await api.inject({ url: `/api/recordings?verification=${status}` });
      expect(r.statusCode, r.body).toBe(200);
      return r.json<{ total: number; items: { id: string; verificationStatus: string }[] }>();
    };
    const unverified = await list('unverified');
    expect(unverified.items.map((i) => i.id).sort()).toEqual(sorted(['none', 'backToUnverified']));
    expect(unverified.items.every((i) => i.verificationStatus === 'unverified')).toBe(true);
    const verified = await list('verified');
    expect(verified.total).toBe(2);
    expect(verified.items.map((i) => i.id).sort()).toEqual(sorted(['verified', 'verifiedToo']));
    expect((await list('rejected')).items.map((i) => i.verificationStatus)).toEqual(['rejected']);
    const all = await api.inject({ url: '/api/recordings' });
    expect(all.json<{ total: number }>().total).toBe(6);
    const bad = await api.inject({ url: '/api/recordings?verification=approved' });
    expect(bad.statusCode).toBe(400);
  });

  it('searches within a status', async () => {
    const r = await api.inject({
      url: `/api/search?q=${encodeURIComponent('двухсотых')}&verification=verified`,
    });
    expect(r.statusCode, r.body).toBe(200);
    const hits = r.json<{ hits: { recordingId: string }[] }>().hits;
    expect([...new Set(hits.map((h) => h.recordingId))].sort()).toEqual(sorted(['verified', 'verifiedToo']));
  });

  it('counts verified calls only in the trends when asked', async () => {
    const monthly = async (query: string) =>
      (await api.inject({ url: `/api/trends/monthly${query}` })).json<{ months: { calls: number }[] }>();
    expect((await monthly('')).months[0]!.calls).toBe(6);
    expect((await monthly('?verifiedOnly=true')).months[0]!.calls).toBe(2);
    expect((await monthly('?verifiedOnly=false')).months[0]!.calls).toBe(6);
  });
});
