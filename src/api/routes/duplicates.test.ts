import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  type ApiFixture,
} from '../../../test/helpers/api-fixtures.ts';
import { insertUser } from '../../../test/helpers/as-principal.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { actingAs, sessionOf, signedInApi, type SignedInApi } from '../../../test/helpers/signed-in-api.ts';
import { buildApiServer } from '../server.ts';

// The duplicate-lead routes on a real database: leads are inserted as the fingerprint stage
// writes them (the stage itself is tested with real audio in src/jobs/stages/fingerprint.test.ts).

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let admin: SignedInApi;
let reviewer: SignedInApi;
let transcriber: SignedInApi;
const ids = { call: '', copy: '', hidden: '' };
const leadIds = { copy: '', hidden: '' };

interface LeadBody {
  id: string;
  other: { recordingId: string; originalFilename: string; collection: string };
  offsetSeconds: number;
  overlapSeconds: number;
  channelOfThis: string;
  channelOfOther: string;
  status: string;
  decidedBy: string | null;
  reason: string | null;
}

async function insertLead(a: string, b: string, offsetOfBInA: number): Promise<string> {
  const [first, second] = a < b ? [a, b] : [b, a];
  const row = await t.db
    .insertInto('duplicate_leads')
    .values({
      recording_a: first,
      recording_b: second,
      channel_a: a < b ? 'mix' : '0',
      channel_b: a < b ? '0' : 'mix',
      overlap_seconds: 15,
      offset_seconds: a < b ? offsetOfBInA : -offsetOfBInA,
      score: 0.87,
      bit_error_rate: 0.065,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  t = await createTestDatabase('api_duplicates');
  fixture = createApiFixture(t.db);
  const leak = await insertCollection(t.db, 'Leak');
  const secret = await insertCollection(t.db, 'Secret');
  ids.call = (await insertRecording(fixture, { collection_id: leak, original_filename: 'call.ogg' })).id;
  ids.copy = (await insertRecording(fixture, { collection_id: leak, original_filename: 'copy.amr' })).id;
  ids.hidden = (
    await insertRecording(fixture, { collection_id: secret, original_filename: 'hidden.mp3' })
  ).id;
  leadIds.copy = await insertLead(ids.call, ids.copy, 4.5);
  leadIds.hidden = await insertLead(ids.call, ids.hidden, 0);
  app = await buildApiServer({ db: t.db, config: fixture.config });
  admin = await signedInApi(app, t.db, { name: 'admin-user' });
  const reviewerId = await insertUser(t.db, 'reviewer-user', 'reviewer', [leak]);
  reviewer = actingAs(app, await sessionOf(t.db, { id: reviewerId, name: 'reviewer-user' }));
  const transcriberId = await insertUser(t.db, 'transcriber-user', 'transcriber', [leak]);
  transcriber = actingAs(app, await sessionOf(t.db, { id: transcriberId, name: 'transcriber-user' }));
});

afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

const leadsOf = async (api: SignedInApi, id: string): Promise<LeadBody[]> => {
  const response = await api.inject(`/api/recordings/${id}/duplicates`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ leads: LeadBody[] }>().leads;
};

describe('duplicate leads', () => {
  it('lists a lead from either call, with the offset and channels seen from that call', async () => {
    const fromCall = (await leadsOf(admin, ids.call)).find((l) => l.id === leadIds.copy);
    expect(fromCall).toMatchObject({
      other: { recordingId: ids.copy, originalFilename: 'copy.amr', collection: 'Leak' },
      offsetSeconds: 4.5,
      overlapSeconds: 15,
      status: 'proposed',
      decidedBy: null,
    });
    const fromCopy = await leadsOf(admin, ids.copy);
    expect(fromCopy).toHaveLength(1);
    expect(fromCopy[0]).toMatchObject({ other: { recordingId: ids.call }, offsetSeconds: -4.5 });
    expect([fromCopy[0]!.channelOfThis, fromCopy[0]!.channelOfOther]).toEqual([
      fromCall!.channelOfOther,
      fromCall!.channelOfThis,
    ]);
  });

  it('shows no lead to a call in a collection the user may not read, nor lets them decide it', async () => {
    expect((await leadsOf(admin, ids.call)).map((l) => l.id).sort()).toEqual(
      [leadIds.copy, leadIds.hidden].sort(),
    );
    expect((await leadsOf(reviewer, ids.call)).map((l) => l.id)).toEqual([leadIds.copy]);
    const asTranscriber = await transcriber.inject(`/api/recordings/${ids.call}/duplicates`);
    expect(asTranscriber.json()).toMatchObject({ mayDecide: false });
    const asReviewer = await reviewer.inject(`/api/recordings/${ids.call}/duplicates`);
    expect(asReviewer.json()).toMatchObject({ mayDecide: true });
    const decide = await reviewer.inject({
      method: 'POST',
      url: `/api/recordings/${ids.call}/duplicates/${leadIds.hidden}`,
      payload: { decision: 'rejected', reason: 'not mine to see' },
    });
    expect(decide.statusCode).toBe(404);
    expect(decide.body).not.toContain('hidden.mp3');
  });

  it('confirms and rejects with a reason, in the audit log; nothing is merged', async () => {
    const confirm = await reviewer.inject({
      method: 'POST',
      url: `/api/recordings/${ids.call}/duplicates/${leadIds.copy}`,
      payload: { decision: 'confirmed', reason: ' same voices, same words ' },
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json()).toMatchObject({
      status: 'confirmed',
      decidedBy: 'reviewer-user',
      reason: 'same voices, same words',
    });
    const reject = await admin.inject({
      method: 'POST',
      url: `/api/recordings/${ids.copy}/duplicates/${leadIds.copy}`,
      payload: { decision: 'rejected', reason: 'different day' },
    });
    expect(reject.json()).toMatchObject({ status: 'rejected', decidedBy: 'admin-user' });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor', 'target', 'details'])
      .where('action', '=', 'decide-duplicate')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.actor, a.target, (a.details as { decision: string }).decision])).toEqual([
      ['reviewer-user', ids.call, 'confirmed'],
      ['admin-user', ids.copy, 'rejected'],
    ]);
    // Both calls are still there, each with its own id.
    const calls = await t.db
      .selectFrom('recordings')
      .select('id')
      .where('id', 'in', [ids.call, ids.copy])
      .execute();
    expect(calls).toHaveLength(2);
  });

  it('refuses a decision without a reason, by a role without the permission, or on a lead of another call', async () => {
    const url = `/api/recordings/${ids.call}/duplicates/${leadIds.copy}`;
    const empty = await admin.inject({
      method: 'POST',
      url,
      payload: { decision: 'confirmed', reason: '  ' },
    });
    expect(empty.statusCode).toBe(400);
    const merged = await admin.inject({ method: 'POST', url, payload: { decision: 'merged', reason: 'x' } });
    expect(merged.statusCode).toBe(400);
    const forbidden = await transcriber.inject({
      method: 'POST',
      url,
      payload: { decision: 'confirmed', reason: 'sounds the same' },
    });
    expect(forbidden.statusCode).toBe(403);
    const elsewhere = await admin.inject({
      method: 'POST',
      url: `/api/recordings/${ids.hidden}/duplicates/${leadIds.copy}`,
      payload: { decision: 'confirmed', reason: 'x' },
    });
    expect(elsewhere.statusCode).toBe(404);
  });
});
