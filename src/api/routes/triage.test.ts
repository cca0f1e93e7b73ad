import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  insertStageRun,
  type ApiFixture,
} from '../../../test/helpers/api-fixtures.ts';
import { buildApiServerAsUsers, insertUser, TEST_USER_HEADER } from '../../../test/helpers/as-principal.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import type { StageName } from '../../jobs/stages.ts';
import { insertMachineTranscriptFixture } from '../../transcripts/testing/transcript-fixtures.ts';

// Tags, stars and bulk actions through the API, on a real database: collection scope, roles and
// the audit log. CSV, saved searches and batch search are in triage-lists.test.ts.

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
const users = { editor: '', viewer: '', reviewer: '' };
const calls = { a1: '', a2: '', b1: '' };
let segmentA1 = '';
let segmentB1 = '';
const scheduled: { stage: StageName; ids: readonly string[]; force: boolean }[] = [];

function as(user: string, request: InjectOptions) {
  return app.inject({ ...request, headers: { ...request.headers, [TEST_USER_HEADER]: user } });
}

async function auditEntries(action: string) {
  return t.db
    .selectFrom('audit_log')
    .select(['actor', 'target', 'details'])
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
}

beforeAll(async () => {
  t = await createTestDatabase('api_triage');
  fixture = createApiFixture(t.db);
  const granted = await insertCollection(t.db, 'Granted');
  const other = await insertCollection(t.db, 'Other');
  calls.a1 = (await insertRecording(fixture, { collection_id: granted })).id;
  calls.a2 = (await insertRecording(fixture, { collection_id: granted })).id;
  calls.b1 = (await insertRecording(fixture, { collection_id: other })).id;
  segmentA1 = (
    await insertMachineTranscriptFixture(t.db, calls.a1, [{ start: 0, end: 1, text: 'груз двести' }])
  ).segmentIds[0]!;
  segmentB1 = (await insertMachineTranscriptFixture(t.db, calls.b1, [{ start: 0, end: 1, text: 'алло' }]))
    .segmentIds[0]!;
  users.editor = await insertUser(t.db, 'editor-e', 'editor', [granted]);
  users.viewer = await insertUser(t.db, 'viewer-v', 'viewer', [granted]);
  users.reviewer = await insertUser(t.db, 'reviewer-r', 'reviewer', [granted]);
  app = await buildApiServerAsUsers({
    db: t.db,
    config: fixture.config,
    scheduleStage: (stage, ids, options) => {
      scheduled.push({ stage, ids, force: options.force });
      return Promise.resolve();
    },
  });
});

afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

describe('tags on a call and its segments', () => {
  it('tags a call and a segment, shows them to the collection, and audits both', async () => {
    const onCall = await as(users.editor, {
      method: 'POST',
      url: `/api/recordings/${calls.a1}/tags`,
      payload: { tag: '  груз   200 ' },
    });
    expect(onCall.statusCode, onCall.body).toBe(200);
    const onSegment = await as(users.editor, {
      method: 'POST',
      url: `/api/recordings/${calls.a1}/tags`,
      payload: { tag: 'to check', segmentId: segmentA1 },
    });
    expect(onSegment.statusCode, onSegment.body).toBe(200);
    const seen = await as(users.viewer, { url: `/api/triage?recordingIds=${calls.a1},${calls.b1}` });
    const body = seen.json<{
      calls: { recordingId: string; tags: { tag: string; segmentId: string | null }[] }[];
    }>();
    expect(body.calls.map((c) => c.recordingId)).toEqual([calls.a1]);
    expect(body.calls[0]!.tags.map((x) => [x.tag, x.segmentId])).toEqual([
      ['груз 200', null],
      ['to check', segmentA1],
    ]);
    const entries = await auditEntries('tag');
    expect(entries.map((e) => [e.actor, e.target, e.details])).toEqual([
      ['editor-e', calls.a1, { tag: '  груз   200 ', segmentId: null }],
      ['editor-e', calls.a1, { tag: 'to check', segmentId: segmentA1 }],
    ]);
  });

  it('refuses viewers (403), calls outside the grants (404) and segments of another call (400)', async () => {
    const viewer = await as(users.viewer, {
      method: 'POST',
      url: `/api/recordings/${calls.a1}/tags`,
      payload: { tag: 'x' },
    });
    expect(viewer.statusCode).toBe(403);
    const outside = await as(users.editor, {
      method: 'POST',
      url: `/api/recordings/${calls.b1}/tags`,
      payload: { tag: 'x' },
    });
    expect(outside.statusCode).toBe(404);
    const foreign = await as(users.editor, {
      method: 'POST',
      url: `/api/recordings/${calls.a1}/tags`,
      payload: { tag: 'x', segmentId: segmentB1 },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<{ message: string }>().message).toMatch(/not a segment of this call/);
    const empty = await as(users.editor, {
      method: 'POST',
      url: `/api/recordings/${calls.a1}/tags`,
      payload: { tag: '   ' },
    });
    expect(empty.statusCode).toBe(400);
    const tags = await t.db.selectFrom('call_tags').select('tag').where('tag', '=', 'x').execute();
    expect(tags).toEqual([]);
  });

  it('removes a tag whatever its case, and lists tags in use in the scope only', async () => {
    await as(users.reviewer, {
      method: 'POST',
      url: `/api/recordings/${calls.a2}/tags`,
      payload: { tag: 'Story' },
    });
    await t.db
      .insertInto('call_tags')
      .values({
        recording_id: calls.b1,
        collection_id: await collectionOf(calls.b1),
        tag: 'secret',
        author: 'x',
      })
      .execute();
    const inUse = await as(users.editor, { url: '/api/tags' });
    expect(inUse.json<{ tags: { tag: string }[] }>().tags.map((x) => x.tag)).toEqual([
      'Story',
      'to check',
      'груз 200',
    ]);
    const removed = await as(users.editor, {
      method: 'DELETE',
      url: `/api/recordings/${calls.a2}/tags?tag=story`,
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json<{ tags: unknown[] }>().tags).toEqual([]);
    expect((await auditEntries('untag')).map((e) => e.details)).toEqual([{ tag: 'story', segmentId: null }]);
  });
});

async function collectionOf(id: string): Promise<string> {
  const row = await t.db
    .selectFrom('recordings')
    .select('collection_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.collection_id;
}

describe('stars', () => {
  it('are the user’s own: a viewer stars a call and a segment, an editor sees neither', async () => {
    const call = await as(users.viewer, { method: 'PUT', url: `/api/recordings/${calls.a1}/star` });
    expect(call.json()).toEqual({ starred: true, changed: true });
    const again = await as(users.viewer, { method: 'PUT', url: `/api/recordings/${calls.a1}/star` });
    expect(again.json()).toEqual({ starred: true, changed: false });
    await as(users.viewer, { method: 'PUT', url: `/api/recordings/${calls.a1}/star?segmentId=${segmentA1}` });
    const mine = await as(users.viewer, { url: `/api/triage?recordingIds=${calls.a1}` });
    expect(mine.json()).toMatchObject({ calls: [{ starred: true, starredSegments: [segmentA1] }] });
    const theirs = await as(users.editor, { url: `/api/triage?recordingIds=${calls.a1}` });
    expect(theirs.json()).toMatchObject({ calls: [{ starred: false, starredSegments: [] }] });
    const off = await as(users.viewer, { method: 'DELETE', url: `/api/recordings/${calls.a1}/star` });
    expect(off.json()).toEqual({ starred: false, changed: true });
    expect((await auditEntries('star')).length).toBe(3);
    expect((await auditEntries('unstar')).map((e) => e.target)).toEqual([calls.a1]);
  });

  it('cannot star a call outside the grants', async () => {
    const outside = await as(users.viewer, { method: 'PUT', url: `/api/recordings/${calls.b1}/star` });
    expect(outside.statusCode).toBe(404);
  });
});

describe('bulk actions on a selection', () => {
  it('tags the selected calls it may see, says which it did not find, and audits the selection', async () => {
    const response = await as(users.editor, {
      method: 'POST',
      url: '/api/triage/tag',
      payload: { recordingIds: [calls.a1, calls.a2, calls.b1], tag: 'ГРУЗ 200' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      tag: 'ГРУЗ 200',
      changed: [calls.a2],
      unchanged: [calls.a1],
      notFound: [calls.b1],
    });
    const b1Tags = await t.db
      .selectFrom('call_tags')
      .select('tag')
      .where('recording_id', '=', calls.b1)
      .execute();
    expect(b1Tags.map((r) => r.tag)).toEqual(['secret']);
    const [entry] = await auditEntries('bulk-tag');
    expect(entry).toMatchObject({
      actor: 'editor-e',
      target: 'ГРУЗ 200',
      details: { recordingIds: [calls.a1, calls.a2, calls.b1], tag: 'ГРУЗ 200' },
    });
  });

  it('answers 404 when no selected call is visible, 403 to a viewer', async () => {
    const none = await as(users.editor, {
      method: 'POST',
      url: '/api/triage/tag',
      payload: { recordingIds: [calls.b1], tag: 'x' },
    });
    expect(none.statusCode).toBe(404);
    const viewer = await as(users.viewer, {
      method: 'POST',
      url: '/api/triage/untag',
      payload: { recordingIds: [calls.a1], tag: 'груз 200' },
    });
    expect(viewer.statusCode).toBe(403);
  });

  it('untags the selection', async () => {
    const response = await as(users.editor, {
      method: 'POST',
      url: '/api/triage/untag',
      payload: { recordingIds: [calls.a1, calls.a2], tag: 'груз 200' },
    });
    expect(response.json()).toMatchObject({
      changed: expect.arrayContaining([calls.a1, calls.a2]) as unknown,
    });
    const left = await t.db
      .selectFrom('call_tags')
      .select('tag')
      .where('recording_id', 'in', [calls.a1, calls.a2])
      .execute();
    expect(left.map((r) => r.tag)).toEqual(['to check']);
  });

  it('re-runs a stage on the calls whose previous stage is done, leaving running runs alone', async () => {
    await insertStageRun(t.db, { recordingId: calls.a1, stage: 'transcribe', status: 'done' });
    await insertStageRun(t.db, { recordingId: calls.a1, stage: 'translate', status: 'done' });
    await insertStageRun(t.db, { recordingId: calls.a2, stage: 'transcribe', status: 'failed' });
    const response = await as(users.editor, {
      method: 'POST',
      url: '/api/triage/rerun',
      payload: { recordingIds: [calls.a1, calls.a2, calls.b1], stage: 'translate' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      stage: 'translate',
      scheduled: [calls.a1],
      waitingForPreviousStage: [calls.a2],
      running: [],
      notFound: [calls.b1],
      queued: true,
    });
    expect(scheduled).toEqual([{ stage: 'translate', ids: [calls.a1], force: true }]);
    const run = await t.db
      .selectFrom('stage_runs')
      .select('status')
      .where('recording_id', '=', calls.a1)
      .where('stage', '=', 'translate')
      .executeTakeFirstOrThrow();
    expect(run.status).toBe('pending');
    expect((await auditEntries('bulk-rerun')).map((e) => e.target)).toEqual(['translate']);
  });

  it('refuses a re-run to a role that may not run the pipeline, and an unknown stage', async () => {
    const reviewer = await as(users.reviewer, {
      method: 'POST',
      url: '/api/triage/rerun',
      payload: { recordingIds: [calls.a1], stage: 'translate' },
    });
    expect(reviewer.statusCode).toBe(403);
    const unknown = await as(users.editor, {
      method: 'POST',
      url: '/api/triage/rerun',
      payload: { recordingIds: [calls.a1], stage: 'publish' },
    });
    expect(unknown.statusCode).toBe(400);
  });
});
