import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAccessFixture,
  ROLES,
  toneWav,
  type AccessFixture,
  type CollectionSide,
} from '../../test/helpers/access-fixtures.ts';
import { NOBODY, TEST_USER_HEADER } from '../../test/helpers/as-principal.ts';
import { insertRecording } from '../../test/helpers/api-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { Readable } from 'node:stream';
import { may, type Action } from '../accounts/permissions.ts';
import { stageAttachment } from '../verification/attachments.ts';
import { caseStateOf, recordCaseStep } from '../verification/case-store.ts';
import { caseStepRequest } from '../../test/helpers/case-step-form.ts';
import type { UserRole } from '../db/schema.ts';
import { readTranscriptVersion, segmentTranslations } from '../transcripts/transcript-store.ts';
import { addProtectedIdentity } from '../publication/register/register-store.ts';
import {
  BAKHMUT,
  callAnalysisOf,
  insertTranscriptVersion,
  storeAnalysis,
} from '../../test/helpers/analysis-fixtures.ts';
import { verifyCall } from '../../test/helpers/verified-call.ts';
import { appendTranscriptVersion } from '../transcripts/transcript-store.ts';

// Every route of the OpenAPI document × every role (and nobody signed in) × a call in a granted
// collection and one in a collection not granted. The expected answer follows from this table:
// 401 without a user (unless public), 403 when the role lacks the action (whatever the target),
// 404 for a target outside the user's collections on a route that names it, and for a list the
// answer must hold nothing of a collection the user does not see.

type Need = Action | 'signed-in' | 'public';
/** by-id: the request names a call or collection (404 outside the grants); list: filtered to it. */
type Scope = 'by-id' | 'list' | 'none';

interface RouteCase {
  need: Need;
  scope: Scope;
  /** The answer when allowed. */
  ok: number;
  /** A role without the action gets the 404 of a route that does not exist, not a 403. */
  hidden?: boolean;
  /** actor: the user id the request is sent as (NOBODY when none). */
  request: (target: CollectionSide, actor: string) => InjectOptions | Promise<InjectOptions>;
}

let t: TestDatabase;
let fx: AccessFixture;

const get = (url: string) => () => ({ method: 'GET' as const, url });
const rec = (target: CollectionSide, tail = '') => `/api/recordings/${target.recordingId}${tail}`;
const forCollection = (url: string) => (target: CollectionSide) => ({
  method: 'GET' as const,
  url: `${url}${url.includes('?') ? '&' : '?'}collectionId=${target.collectionId}`,
});

/** The version a correction must be based on: the current one (a kept machine offer is newer). */
async function currentVersion(recordingId: string): Promise<number> {
  const row = await t.db
    .selectFrom('latest_transcripts')
    .select('version')
    .where('recording_id', '=', recordingId)
    .executeTakeFirstOrThrow();
  return row.version;
}

/**
 * A newer machine transcript waiting for a decision on the target's call: a human version is
 * made current first if need be, then a machine run is added after it.
 */
async function offerMachineVersion(recordingId: string): Promise<number> {
  const current = await t.db
    .selectFrom('latest_transcripts as l')
    .innerJoin('transcripts as t', 't.id', 'l.transcript_id')
    .select(['t.kind', 't.id'])
    .where('l.recording_id', '=', recordingId)
    .executeTakeFirstOrThrow();
  const segment = { channel: 0, lane: 'channel-0', speaker: null, start: 0, end: 1.5, language: 'ru' };
  const version = (kind: 'human' | 'machine') => ({
    recordingId,
    kind,
    basedOnId: kind === 'human' ? current.id : null,
    createdBy: kind === 'human' ? 'matrix' : 'earshot (matrix)',
    model: kind === 'human' ? null : 'test-asr-ru',
    modelFiles: {},
    decoding: {},
    vadRunId: null,
    language: 'ru',
  });
  if (current.kind === 'machine') {
    await appendTranscriptVersion(t.db, version('human'), [
      { ...segment, text: 'поправлено', confidence: null, words: [] },
    ]);
  }
  const offered = await appendTranscriptVersion(t.db, version('machine'), [
    { ...segment, text: 'машина', confidence: 0.5, words: [] },
  ]);
  return offered.version;
}

/** The first segment of the call's current transcript and the English it shows (null: none yet). */
async function currentEnglish(
  recordingId: string,
): Promise<{ segmentId: string; translationId: string | null }> {
  const read = (await readTranscriptVersion(t.db, recordingId))!;
  const segmentId = String(read.segments[0]!.id);
  const shown = (await segmentTranslations(t.db, read.transcript.id)).get(segmentId);
  return { segmentId, translationId: shown?.translationId ?? null };
}

/** A duplicate lead from the side's call to a copy of it in the same collection (made once per side). */
const leads = new Map<string, string>();
async function leadOn(target: CollectionSide): Promise<string> {
  const known = leads.get(target.recordingId);
  if (known) return known;
  const copy = await insertRecording(fx.fixture, { collection_id: target.collectionId, channels: 1 });
  const [a, b] = [target.recordingId, copy.id].sort();
  const { id } = await t.db
    .insertInto('duplicate_leads')
    .values({
      recording_a: a!,
      recording_b: b!,
      channel_a: '0',
      channel_b: '0',
      overlap_seconds: 30,
      offset_seconds: 0,
      score: 0.9,
      bit_error_rate: 0.05,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  leads.set(target.recordingId, id);
  return id;
}

async function uploadInto(target: CollectionSide): Promise<InjectOptions> {
  const form = new FormData();
  form.append('collection', target.collectionName);
  form.append('fileCount', '1');
  form.append('files', new Blob([toneWav(0.3, 300 + Math.floor(Math.random() * 500))]), 'upload.wav');
  const request = new Request('http://localhost/api/ingest', { method: 'POST', body: form });
  return {
    method: 'POST',
    url: '/api/ingest',
    headers: { 'content-type': request.headers.get('content-type')! },
    payload: Buffer.from(await request.arrayBuffer()),
  };
}

/** The id of a bundle of the target's call, made by the actor if they may, else by an admin. */
async function exportOf(target: CollectionSide, actor: string): Promise<string> {
  const exportAs = (userId: string) =>
    fx.app.inject({
      method: 'POST',
      url: '/api/exports/evidence',
      headers: { [TEST_USER_HEADER]: userId },
      payload: { recordings: [target.recordingId] },
    });
  let response = actor === NOBODY ? undefined : await exportAs(actor);
  if (response?.statusCode !== 201) response = await exportAs(fx.users.admin);
  return response.json<{ id: string }>().id;
}

/** An evidence file on the target's call, attached through the case store, to download. */
async function attachmentOf(target: CollectionSide): Promise<string> {
  const { attachmentsDir } = fx.fixture.config;
  const recording = await t.db
    .selectFrom('recordings')
    .select(['sha256', 'collection_id'])
    .where('id', '=', target.recordingId)
    .executeTakeFirstOrThrow();
  const staged = await stageAttachment(
    attachmentsDir,
    { stream: Readable.from([Buffer.from(`screenshot ${Math.random()}`)]), fileName: 'shot.png' },
    1024,
  );
  const result = await recordCaseStep(t.db, attachmentsDir, {
    recordingId: target.recordingId,
    collectionId: recording.collection_id,
    recordingSha256: recording.sha256,
    action: 'evidence',
    expectedStatus: (await caseStateOf(t.db, target.recordingId)).status,
    links: [],
    attachments: [staged],
    user: { id: fx.users.admin, name: 'admin-user', maySignOff: true },
  });
  return rec(target, `/case/attachments/${result.attachments[0]!.id}`);
}

/** A fresh register entry of the target's collection, made through the store, to read, rename or retire. */
async function registerEntryOf(target: CollectionSide, tail: string): Promise<string> {
  const { entry } = await addProtectedIdentity(t.db, {
    collectionId: target.collectionId,
    kind: 'call_sign',
    label: `Позывной ${crypto.randomUUID()}`,
    actor: { userId: null, name: 'tester' },
  });
  return `/api/collections/${target.collectionId}/register/${entry.id}/${tail}`;
}

/**
 * A verified call with real audio (a 3 s tone) and a transcript in the target's collection, to
 * preview and export excerpts of (made once per side: the side's own call has no decodable audio).
 */
const excerptCalls = new Map<string, Promise<string>>();
function excerptCallIn(target: CollectionSide): Promise<string> {
  let made = excerptCalls.get(target.collectionId);
  if (!made) {
    made = (async () => {
      const call = await insertRecording(fx.fixture, {
        collection_id: target.collectionId,
        content: toneWav(3, target === fx.granted ? 330 : 350),
        duration_seconds: 3,
        channels: 1,
      });
      await insertTranscriptVersion(t.db, call.id, [{ text: 'тут тихо, всё нормально' }]);
      const admin = { userId: fx.users.admin, name: 'admin-user' };
      const editor = { userId: fx.users.editor, name: 'editor-user' };
      const row = { id: call.id, collection_id: target.collectionId, sha256: call.sha256 };
      await verifyCall(t.db, fx.fixture.config.attachmentsDir, row, editor, admin);
      return call.id;
    })();
    excerptCalls.set(target.collectionId, made);
  }
  return made;
}

/** A result of the actor on the side's excerpt call when they may make one, else the admin's. */
async function madeByActorOrAdmin(
  actor: string,
  request: (userId: string) => InjectOptions,
  ok: number,
): Promise<{ id: string; audioUrl?: string; downloadUrl?: string }> {
  const send = (userId: string) =>
    fx.app.inject({ ...request(userId), headers: { [TEST_USER_HEADER]: userId } });
  let response = actor === NOBODY ? undefined : await send(actor);
  if (response?.statusCode !== ok) response = await send(fx.users.admin);
  expect(response.statusCode, response.body).toBe(ok);
  return response.json();
}

const excerptPreviewOf = async (target: CollectionSide, actor: string) => {
  const id = await excerptCallIn(target);
  const preview = await madeByActorOrAdmin(
    actor,
    () => ({ method: 'POST', url: `/api/recordings/${id}/excerpt-preview`, payload: {} }),
    200,
  );
  return preview.audioUrl!;
};

const excerptExportOf = async (target: CollectionSide, actor: string) => {
  const recordingId = await excerptCallIn(target);
  const made = await madeByActorOrAdmin(
    actor,
    () => ({ method: 'POST', url: '/api/exports/excerpt', payload: { recordingId, selection: {} } }),
    201,
  );
  return made.downloadUrl!;
};

/**
 * A place in the current analysis of the target's call. A correction made earlier in the matrix
 * leaves the latest version unanalysed, so the place is analysed again on that version if need be.
 */
async function placeOfCurrentAnalysis(target: CollectionSide): Promise<string> {
  const current = await t.db
    .selectFrom('analysis_current as c')
    .innerJoin('analysis_entities as e', 'e.run_id', 'c.run_id')
    .select('e.value')
    .where('c.recording_id', '=', target.recordingId)
    .where('e.kind', '=', 'place')
    .executeTakeFirst();
  if (current) return current.value;
  const latest = await t.db
    .selectFrom('latest_transcripts as t')
    .innerJoin('transcript_segments as s', 's.transcript_id', 't.transcript_id')
    .select(['t.transcript_id as id', 's.id as segmentId', 's.text'])
    .where('t.recording_id', '=', target.recordingId)
    .orderBy('s.position')
    .executeTakeFirstOrThrow();
  const analysis = callAnalysisOf([
    { key: latest.segmentId, text: latest.text, places: [{ surface: latest.text, place: BAKHMUT }] },
  ]);
  await storeAnalysis(t.db, target.recordingId, latest.id, analysis);
  return BAKHMUT.nameEn;
}

/** A tag on the target's call named by its caller number (a marker), so that the tag list shows whose it is. */
async function tagMarkerOn(target: CollectionSide): Promise<InjectOptions> {
  await t.db
    .insertInto('call_tags')
    .values({
      recording_id: target.recordingId,
      collection_id: target.collectionId,
      tag: target.markers[2]!,
      author: 'tester',
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return { url: '/api/tags' };
}

/** A saved search of the actor's own, to delete. */
async function savedSearchOf(actor: string): Promise<string> {
  if (actor === NOBODY) return '/api/saved-searches/1';
  const { id } = await t.db
    .insertInto('saved_searches')
    .values({ user_id: actor, name: `s ${crypto.randomUUID()}`, params: JSON.stringify({ q: 'груз' }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return `/api/saved-searches/${id}`;
}

/** Found before and after the matrix's transcript corrections (their text is "corrected …"). */
const AFTER_CORRECTIONS = 'двухсотых OR corrected';

const ROUTES: Record<string, RouteCase> = {
  'GET /api/health': { need: 'public', scope: 'none', ok: 200, request: get('/api/health') },
  'GET /api/openapi.json': { need: 'public', scope: 'none', ok: 200, request: get('/api/openapi.json') },
  'GET /api/lexicon': { need: 'signed-in', scope: 'none', ok: 200, request: get('/api/lexicon') },
  'GET /api/ingest/limits': { need: 'signed-in', scope: 'none', ok: 200, request: get('/api/ingest/limits') },
  'GET /api/collections': { need: 'read', scope: 'list', ok: 200, request: get('/api/collections') },
  'GET /api/recordings': { need: 'read', scope: 'list', ok: 200, request: forCollection('/api/recordings') },
  'GET /api/search': {
    need: 'read',
    scope: 'list',
    ok: 200,
    request: forCollection('/api/search?q=двухсотых'),
  },
  'GET /api/trends/monthly': {
    need: 'read',
    scope: 'list',
    ok: 200,
    request: forCollection('/api/trends/monthly'),
  },
  'GET /api/trends/places': {
    need: 'read',
    scope: 'list',
    ok: 200,
    request: forCollection('/api/trends/places'),
  },
  'GET /api/trends/call-graph': {
    need: 'read',
    scope: 'list',
    ok: 200,
    request: forCollection('/api/trends/call-graph'),
  },
  'GET /api/pipeline': { need: 'read', scope: 'list', ok: 200, request: get('/api/pipeline') },
  'POST /api/pipeline/retry': {
    need: 'run_pipeline',
    scope: 'none',
    ok: 200,
    request: () => ({ method: 'POST', url: '/api/pipeline/retry', payload: {} }),
  },
  'POST /api/ingest': { need: 'ingest', scope: 'by-id', ok: 200, request: uploadInto },
  'GET /api/recordings/{id}': { need: 'read', scope: 'by-id', ok: 200, request: (s) => ({ url: rec(s) }) },
  'GET /api/recordings/{id}/custody': {
    need: 'read',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({ url: rec(s, '/custody') }),
  },
  'GET /api/recordings/{id}/audio/original': {
    need: 'read',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({ url: rec(s, '/audio/original') }),
  },
  'HEAD /api/recordings/{id}/audio/original': {
    need: 'read',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({ method: 'HEAD', url: rec(s, '/audio/original') }),
  },
  'GET /api/recordings/{id}/audio/working': {
    need: 'read',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({ url: rec(s, '/audio/working?channel=0') }),
  },
  'HEAD /api/recordings/{id}/audio/working': {
    need: 'read',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({ method: 'HEAD', url: rec(s, '/audio/working?channel=0') }),
  },
  'GET /api/recordings/{id}/audio/working/peaks': {
    need: 'read',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({ url: rec(s, '/audio/working/peaks?channel=0') }),
  },
  'GET /api/recordings/{id}/analysis': {
    need: 'read',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({ url: rec(s, '/analysis') }),
  },
  'GET /api/recordings/{id}/transcripts': {
    need: 'read',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({ url: rec(s, '/transcripts') }),
  },
  'GET /api/recordings/{id}/transcript': {
    need: 'read',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({ url: rec(s, '/transcript') }),
  },
  'GET /api/recordings/{id}/transcripts/diff': {
    need: 'read',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({ url: rec(s, '/transcripts/diff?from=1&to=2') }),
  },
  'POST /api/recordings/{id}/transcripts': {
    need: 'correct_transcripts',
    scope: 'by-id',
    ok: 201,
    request: async (s) => ({
      method: 'POST',
      url: rec(s, '/transcripts'),
      payload: {
        baseVersion: await currentVersion(s.recordingId),
        segments: [{ channel: 0, lane: 'channel-0', start: 0, end: 1.5, text: `corrected ${Math.random()}` }],
      },
    }),
  },
  'POST /api/recordings/{id}/transcripts/machine-offer': {
    need: 'correct_transcripts',
    scope: 'by-id',
    ok: 200,
    request: async (s) => ({
      method: 'POST',
      url: rec(s, '/transcripts/machine-offer'),
      payload: { version: await offerMachineVersion(s.recordingId), decision: 'keep' },
    }),
  },
  'GET /api/recordings/{id}/segments/{segmentId}/translations': {
    need: 'read',
    scope: 'by-id',
    ok: 200,
    request: async (s) => ({
      url: rec(s, `/segments/${(await currentEnglish(s.recordingId)).segmentId}/translations`),
    }),
  },
  'POST /api/recordings/{id}/segments/{segmentId}/translations': {
    need: 'correct_transcripts',
    scope: 'by-id',
    ok: 201,
    request: async (s) => {
      const { segmentId, translationId } = await currentEnglish(s.recordingId);
      return {
        method: 'POST',
        url: rec(s, `/segments/${segmentId}/translations`),
        payload: { baseTranslationId: translationId, text: `English ${Math.random()}` },
      };
    },
  },
  'GET /api/recordings/{id}/notes': {
    need: 'read',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({ url: rec(s, '/notes') }),
  },
  'POST /api/recordings/{id}/notes': {
    need: 'add_notes',
    scope: 'by-id',
    ok: 201,
    request: (s) => ({ method: 'POST', url: rec(s, '/notes'), payload: { text: 'a note' } }),
  },
  // A number of the target's calls: 404 outside the grants (no call, mention or note in scope).
  'GET /api/numbers/{number}': {
    need: 'read',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({ url: `/api/numbers/${encodeURIComponent(s.markers[2]!)}` }),
  },
  'POST /api/numbers/{number}/notes': {
    need: 'add_notes',
    scope: 'by-id',
    ok: 201,
    request: (s) => ({
      method: 'POST',
      url: `/api/numbers/${encodeURIComponent(s.markers[2]!)}/notes`,
      payload: { collectionId: s.collectionId, kind: 'note', text: 'a note on the number' },
    }),
  },
  'GET /api/recordings/{id}/duplicates': {
    need: 'read',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({ url: rec(s, '/duplicates') }),
  },
  'POST /api/recordings/{id}/duplicates/{leadId}': {
    need: 'sign_off_verification',
    scope: 'by-id',
    ok: 200,
    request: async (s) => ({
      method: 'POST',
      url: rec(s, `/duplicates/${await leadOn(s)}`),
      payload: { decision: 'confirmed', reason: 'same voices, same words' },
    }),
  },
  'GET /api/recordings/{id}/case': {
    need: 'read',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({ url: rec(s, '/case') }),
  },
  // Evidence moves no status, so every role's step is taken from the same one.
  'POST /api/recordings/{id}/case/steps': {
    need: 'add_notes',
    scope: 'by-id',
    ok: 201,
    request: async (s) =>
      caseStepRequest(s.recordingId, {
        action: 'evidence',
        expectedStatus: (await caseStateOf(t.db, s.recordingId)).status,
        note: 'a finding',
      }),
  },
  'GET /api/recordings/{id}/case/attachments/{attachmentId}': {
    need: 'read',
    scope: 'by-id',
    ok: 200,
    request: async (s) => ({ url: await attachmentOf(s) }),
  },
  'HEAD /api/recordings/{id}/case/attachments/{attachmentId}': {
    need: 'read',
    scope: 'by-id',
    ok: 200,
    request: async (s) => ({ method: 'HEAD', url: await attachmentOf(s) }),
  },
  'GET /api/audit': {
    need: 'read_audit_log',
    scope: 'none',
    ok: 200,
    hidden: true,
    request: get('/api/audit'),
  },
  'GET /api/audit/verify': {
    need: 'read_audit_log',
    scope: 'none',
    ok: 200,
    hidden: true,
    request: get('/api/audit/verify'),
  },
  'POST /api/exports/evidence': {
    need: 'export',
    scope: 'by-id',
    ok: 201,
    request: (s) => ({
      method: 'POST',
      url: '/api/exports/evidence',
      payload: { recordings: [s.recordingId] },
    }),
  },
  // Only the exporter (or an admin) downloads a bundle: one the actor made when they may, an
  // admin's of the target otherwise (a 404 for an editor: not theirs, and not their collection).
  'GET /api/exports/{id}/download': {
    need: 'export',
    scope: 'by-id',
    ok: 200,
    request: async (s, actor) => ({ url: `/api/exports/${await exportOf(s, actor)}/download` }),
  },
  // Excerpts for publication, of a verified call with audio in the side's collection.
  'POST /api/recordings/{id}/excerpt-preview': {
    need: 'export',
    scope: 'by-id',
    ok: 200,
    request: async (s) => ({
      method: 'POST',
      url: `/api/recordings/${await excerptCallIn(s)}/excerpt-preview`,
      payload: {},
    }),
  },
  // A preview's audio is its maker's: the actor's own when they may preview, an admin's otherwise.
  'GET /api/recordings/{id}/excerpt-previews/{previewId}/audio': {
    need: 'export',
    scope: 'by-id',
    ok: 200,
    request: async (s, actor) => ({ url: await excerptPreviewOf(s, actor) }),
  },
  'HEAD /api/recordings/{id}/excerpt-previews/{previewId}/audio': {
    need: 'export',
    scope: 'by-id',
    ok: 200,
    request: async (s, actor) => ({ method: 'HEAD', url: await excerptPreviewOf(s, actor) }),
  },
  'POST /api/exports/excerpt': {
    need: 'export',
    scope: 'by-id',
    ok: 201,
    request: async (s) => ({
      method: 'POST',
      url: '/api/exports/excerpt',
      payload: { recordingId: await excerptCallIn(s), selection: {} },
    }),
  },
  'GET /api/exports/excerpts/{id}/download': {
    need: 'export',
    scope: 'by-id',
    ok: 200,
    request: async (s, actor) => ({ url: await excerptExportOf(s, actor) }),
  },
  // The protected-identity register: the list names the collection (a 404 outside the grants).
  'GET /api/collections/{collectionId}/register': {
    need: 'read',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({ url: `/api/collections/${s.collectionId}/register` }),
  },
  'GET /api/collections/{collectionId}/register/{entryId}/forms': {
    need: 'read',
    scope: 'by-id',
    ok: 200,
    request: async (s) => ({ url: await registerEntryOf(s, 'forms') }),
  },
  'POST /api/collections/{collectionId}/register': {
    need: 'manage_register',
    scope: 'by-id',
    ok: 201,
    request: (s) => ({
      method: 'POST',
      url: `/api/collections/${s.collectionId}/register`,
      payload: { kind: 'person', label: `Иванов ${crypto.randomUUID()}` },
    }),
  },
  // The place of the side's analysis: the first click makes the entry, later ones return it.
  'POST /api/recordings/{id}/register': {
    need: 'manage_register',
    scope: 'by-id',
    ok: 200,
    request: async (s) => ({
      method: 'POST',
      url: rec(s, '/register'),
      payload: { kind: 'place', value: await placeOfCurrentAnalysis(s) },
    }),
  },
  'POST /api/collections/{collectionId}/register/{entryId}/pseudonym': {
    need: 'manage_register',
    scope: 'by-id',
    ok: 200,
    request: async (s) => ({
      method: 'POST',
      url: await registerEntryOf(s, 'pseudonym'),
      payload: { pseudonym: `Renamed ${crypto.randomUUID()}` },
    }),
  },
  'POST /api/collections/{collectionId}/register/{entryId}/retire': {
    need: 'manage_register',
    scope: 'by-id',
    ok: 200,
    request: async (s) => ({
      method: 'POST',
      url: await registerEntryOf(s, 'retire'),
      payload: { reason: 'not an identity after all' },
    }),
  },
  // Triage (src/api/routes/triage.ts, triage-lists.ts): tags are the collection's, stars and
  // saved searches the actor's own; a selection none of whose calls is visible is a 404.
  'GET /api/tags': { need: 'read', scope: 'list', ok: 200, request: tagMarkerOn },
  'GET /api/triage': {
    need: 'read',
    scope: 'list',
    ok: 200,
    request: (s) => ({ url: `/api/triage?recordingIds=${s.recordingId}` }),
  },
  'POST /api/recordings/{id}/tags': {
    need: 'tag_calls',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({ method: 'POST', url: rec(s, '/tags'), payload: { tag: 'to check' } }),
  },
  'DELETE /api/recordings/{id}/tags': {
    need: 'tag_calls',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({ method: 'DELETE', url: rec(s, '/tags?tag=to%20check') }),
  },
  'PUT /api/recordings/{id}/star': {
    need: 'keep_own_triage',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({ method: 'PUT', url: rec(s, '/star') }),
  },
  'DELETE /api/recordings/{id}/star': {
    need: 'keep_own_triage',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({ method: 'DELETE', url: rec(s, '/star') }),
  },
  'POST /api/triage/tag': {
    need: 'tag_calls',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({
      method: 'POST',
      url: '/api/triage/tag',
      payload: { recordingIds: [s.recordingId], tag: 'bulk' },
    }),
  },
  'POST /api/triage/untag': {
    need: 'tag_calls',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({
      method: 'POST',
      url: '/api/triage/untag',
      payload: { recordingIds: [s.recordingId], tag: 'bulk' },
    }),
  },
  'POST /api/triage/rerun': {
    need: 'run_pipeline',
    scope: 'by-id',
    ok: 200,
    request: (s) => ({
      method: 'POST',
      url: '/api/triage/rerun',
      payload: { recordingIds: [s.recordingId], stage: 'analyse' },
    }),
  },
  'GET /api/csv/calls': { need: 'export', scope: 'list', ok: 200, request: forCollection('/api/csv/calls') },
  'GET /api/csv/search': {
    need: 'export',
    scope: 'list',
    ok: 200,
    request: forCollection(`/api/csv/search?q=${encodeURIComponent(AFTER_CORRECTIONS)}`),
  },
  'POST /api/search/batch': {
    need: 'read',
    scope: 'list',
    ok: 200,
    request: (s) => ({
      method: 'POST',
      url: '/api/search/batch',
      payload: { terms: [AFTER_CORRECTIONS], collectionId: s.collectionId },
    }),
  },
  'GET /api/saved-searches': {
    need: 'keep_own_triage',
    scope: 'none',
    ok: 200,
    request: get('/api/saved-searches'),
  },
  'POST /api/saved-searches': {
    need: 'keep_own_triage',
    scope: 'none',
    ok: 200,
    request: () => ({
      method: 'POST',
      url: '/api/saved-searches',
      payload: { name: 'Груз', params: { q: 'груз 200' } },
    }),
  },
  'DELETE /api/saved-searches/{savedSearchId}': {
    need: 'keep_own_triage',
    scope: 'none',
    ok: 200,
    request: async (_s, actor) => ({ method: 'DELETE', url: await savedSearchOf(actor) }),
  },
  // Signing in needs no session: a wrong password is the answer every actor gets here.
  'POST /api/sign-in': {
    need: 'public',
    scope: 'none',
    ok: 401,
    request: () => ({
      method: 'POST',
      url: '/api/sign-in',
      payload: { name: `nobody-${crypto.randomUUID()}`, password: 'wrong password' },
    }),
  },
  'GET /api/session': { need: 'signed-in', scope: 'none', ok: 200, request: get('/api/session') },
  'GET /api/users': { need: 'manage_users', scope: 'none', ok: 200, request: get('/api/users') },
  'PUT /api/users/{userId}/role': {
    need: 'manage_users',
    scope: 'none',
    ok: 200,
    request: () => ({
      method: 'PUT',
      url: `/api/users/${fx.subjectUserId}/role`,
      payload: { role: 'viewer' },
    }),
  },
  'PUT /api/users/{userId}/grants/{collectionId}': {
    need: 'manage_users',
    scope: 'none',
    ok: 200,
    request: (s) => ({ method: 'PUT', url: `/api/users/${fx.subjectUserId}/grants/${s.collectionId}` }),
  },
  'DELETE /api/users/{userId}/grants/{collectionId}': {
    need: 'manage_users',
    scope: 'none',
    ok: 200,
    request: (s) => ({ method: 'DELETE', url: `/api/users/${fx.subjectUserId}/grants/${s.collectionId}` }),
  },
  // Signing out needs no session (a bogus cookie here, so the actor's own session lives on).
  'POST /api/sign-out': {
    need: 'public',
    scope: 'none',
    ok: 204,
    request: () => ({ method: 'POST', url: '/api/sign-out', headers: { cookie: 'earshot_session=bogus' } }),
  },
  // Would end every session of the actor (session.test.ts tests it signed in): here with a dead
  // session cookie, which is a 401 whoever sends it.
  'POST /api/sign-out-everywhere': {
    need: 'public',
    scope: 'none',
    ok: 401,
    request: () => ({
      method: 'POST',
      url: '/api/sign-out-everywhere',
      headers: { cookie: 'earshot_session=bogus' },
    }),
  },
};

type Actor = UserRole | 'nobody';
const ACTORS: readonly Actor[] = [...ROLES, 'nobody'];

function expectedStatus(route: RouteCase, actor: Actor, seesTarget: boolean): number {
  if (route.need === 'public') return route.ok;
  if (actor === 'nobody') return 401;
  if (route.need !== 'signed-in' && !may({ userId: '', name: '', role: actor, collections: [] }, route.need))
    return route.hidden ? 404 : 403;
  if (route.scope === 'by-id' && !seesTarget) return 404;
  return route.ok;
}

beforeAll(async () => {
  t = await createTestDatabase('api_authorisation_matrix');
  fx = await createAccessFixture(t);
});

afterAll(async () => {
  await fx?.app.close();
  fx?.fixture.cleanup();
  await t?.drop();
});

describe('the authorisation matrix', () => {
  it('has an entry for every route of the OpenAPI document, and no other', async () => {
    const doc = (await fx.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.length).toBeGreaterThan(20);
    expect(
      documented.filter((key) => !(key in ROUTES)),
      'routes without an entry',
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((key) => !documented.includes(key)),
      'entries without a route',
    ).toEqual([]);
  });

  for (const [key, route] of Object.entries(ROUTES)) {
    for (const actor of ACTORS) {
      it(`${key} as ${actor}`, async () => {
        for (const side of ['granted', 'other'] as const) {
          const target = fx[side];
          const seesTarget = actor === 'admin' || side === 'granted';
          const userId = actor === 'nobody' ? NOBODY : fx.users[actor];
          const options = await route.request(target, userId);
          const response = await fx.app.inject({
            ...options,
            headers: { ...options.headers, [TEST_USER_HEADER]: userId },
          });
          const expected = expectedStatus(route, actor, seesTarget);
          expect(response.statusCode, `${side} collection: ${response.body.slice(0, 300)}`).toBe(expected);
          if (expected >= 400 && expected !== route.ok && options.method !== 'HEAD') {
            const code = { 401: 'not_signed_in', 403: 'forbidden', 404: 'not_found' }[expected];
            if (code) expect(response.json<{ error: string }>().error).toBe(code);
          }
          if (route.scope === 'list' && response.statusCode === 200) {
            const body = response.body;
            // What the user sees is there (so the check below can fail)...
            if (seesTarget)
              expect(
                target.markers.some((m) => body.includes(m)),
                `${side}: ${body}`,
              ).toBe(true);
            // ...and nothing of a collection the user does not see.
            if (actor !== 'admin') {
              const leaked = fx.other.markers.filter((m) => body.includes(m));
              expect(leaked, `${side}: ${body.slice(0, 500)}`).toEqual([]);
            }
          }
        }
      });
    }
  }
});
