import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiServerAsUsers, insertUser, TEST_USER_HEADER } from '../../../test/helpers/as-principal.ts';
import { readBundle } from '../../../test/helpers/evidence-bundle-reader.ts';
import {
  call,
  currentSegmentIds,
  database,
  dataDir,
  unverifiedCall,
  useExcerptFixture,
  users,
} from '../../../test/helpers/excerpt-fixture.ts';
import { runEarshot } from '../../../test/helpers/cli-in-process.ts';
import { insertTranscriptVersion, storeAnalysis } from '../../../test/helpers/analysis-fixtures.ts';
import { analyseCall } from '../../analysis/analyse-text.ts';
import { grantCollection } from '../../accounts/grants.ts';
import { loadConfig } from '../../config/config.ts';
import { ExitCode } from '../../cli/exit-codes.ts';
import { addProtectedIdentity } from '../../publication/register/register-store.ts';
import { repositoryRoot } from '../../runtime/paths.ts';
import { speechTestEnv } from '../../../test/helpers/speech-models.ts';
import type { ErrorResponse } from '../schemas/common.ts';
import type { ExcerptExportResponse, ExcerptPreviewResponse } from '../schemas/excerpts.ts';

// The excerpt builder's API over a real ingested demo call (verified by two people), with the
// soldier, his town and his number in the collection's real register: the preview shows the
// redacted texts by pseudonym and serves the redacted audio to its maker only; the export writes
// a zip whose entries are the listed files with their hashes; the policy, selection and leak
// check refusals answer 403, 409, 400 and 422 (every hit), keeping nothing.

useExcerptFixture('api_excerpts');

let app: FastifyInstance;
let exportsDir: string;
const NAMES = ['Дмитрий', 'Самойлов', 'Дима', 'Димочка', 'Харьков', 'Kharkiv', '916'];
const actor = { userId: null, name: 'tester' };

beforeAll(async () => {
  const collectionId = call.collection_id;
  await addProtectedIdentity(database.db, { collectionId, kind: 'person', label: 'Дмитрий Самойлов', actor });
  await addProtectedIdentity(database.db, { collectionId, kind: 'place', label: 'Харьков', actor });
  await addProtectedIdentity(database.db, { collectionId, kind: 'phone', label: '+79165503172', actor });
  for (const user of [users.editor, users.editor2, users.viewer])
    await grantCollection(database.db, { userId: user.userId, collectionId, grantedBy: 'test' });
  // The test recogniser: the export's leak check listens to the clip with it.
  const config = loadConfig({ ...speechTestEnv(), EARSHOT_DATA_DIR: dataDir, EARSHOT_LOG_LEVEL: 'silent' });
  exportsDir = config.exportsDir;
  app = await buildApiServerAsUsers({ db: database.db, config });
});
afterAll(async () => {
  await app?.close();
});

const as = (userId: string, options: InjectOptions) =>
  app.inject({ ...options, headers: { ...options.headers, [TEST_USER_HEADER]: userId } });
const preview = (userId: string, payload: object, recordingId = call.id) =>
  as(userId, { method: 'POST', url: `/api/recordings/${recordingId}/excerpt-preview`, payload });
const exportExcerpt = (userId: string, payload: object) =>
  as(userId, { method: 'POST', url: '/api/exports/excerpt', payload });
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the excerpt preview', () => {
  it('shows the redacted texts by pseudonym, marks each redaction, and serves the redacted audio to its maker', async () => {
    const response = await preview(users.editor.userId, { segmentIds: currentSegmentIds.slice(1, 3) });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<ExcerptPreviewResponse>();
    for (const name of NAMES) expect(response.body).not.toContain(name);
    expect(body.policy).toMatchObject({ verified: true, overrideNeeded: false, caseStatus: 'verified' });
    expect(body.segments.map((s) => s.id)).toEqual(currentSegmentIds.slice(1, 3));
    expect(body.segments[0]!.ru).toBe('[Soldier A], живой! Ты где?');
    expect(body.segments[1]!.en).toContain('[Place 1]');
    for (const segment of body.segments)
      for (const mark of segment.redactions) {
        const text = mark.language === 'ru' ? segment.ru : segment.en!;
        expect(text.slice(mark.start, mark.end)).toContain(mark.pseudonym);
      }
    expect(body.identities.map((i) => [i.kind, i.pseudonym])).toEqual([
      ['person', 'Soldier A'],
      ['place', 'Place 1'],
    ]);
    expect(body.audio.usedSegmentFallback).toBe(false);
    expect(body.audio.spans.map((s) => s.reason)).toEqual(['word-timing', 'word-timing']);
    expect(body.metadata.month).toBe('2022-03');

    const audio = await as(users.editor.userId, { url: body.audioUrl });
    expect(audio.statusCode).toBe(200);
    expect(audio.headers['content-type']).toBe('audio/mpeg');
    expect(audio.rawPayload.length).toBeGreaterThan(10_000);
    // An MP3 frame from the first byte: no ID3 tag.
    expect(audio.rawPayload[0]).toBe(0xff);
    expect((await as(users.admin.userId, { url: body.audioUrl })).statusCode).toBe(404);
  });

  it('says when a protected word had no word timing and its whole segment is withheld', async () => {
    const response = await preview(users.editor.userId, { from: 0, to: 4.5 });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<ExcerptPreviewResponse>();
    expect(body.segments[0]).toMatchObject({ corrected: true, hasWordTimings: false });
    expect(body.audio.usedSegmentFallback).toBe(true);
    expect(body.audio.spans[0]).toMatchObject({
      reason: 'segment-fallback',
      pseudonyms: ['Soldier A'],
      fallbackSegmentIds: [currentSegmentIds[0]],
    });
  });

  it('refuses a role that may not export, an unverified call, and a selection that is no excerpt', async () => {
    const viewer = await preview(users.viewer.userId, { from: 0, to: 4 });
    expect(viewer.statusCode).toBe(403);
    const other = await unverifiedCall();
    const unverified = await preview(users.editor.userId, { from: 0, to: 4 }, other.id);
    expect(unverified.statusCode).toBe(409);
    expect(unverified.json<ErrorResponse>().message).toContain('is not verified');
    const backwards = await preview(users.editor.userId, { from: 10, to: 5 });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json<ErrorResponse>().message).toContain('ends before it starts');
    const both = await preview(users.editor.userId, { from: 1, segmentIds: [currentSegmentIds[1]] });
    expect(both.statusCode).toBe(400);
    expect(both.json<ErrorResponse>().message).toContain('not both');
    const beyond = await preview(users.editor.userId, { from: 5000, to: 5010 });
    expect(beyond.json<ErrorResponse>().message).toContain('goes beyond the call');
  });
});

describe('the excerpt export', () => {
  it('writes a zip of the listed files with their hashes, downloaded by its exporter or an admin only', async () => {
    const response = await exportExcerpt(users.editor.userId, {
      recordingId: call.id,
      selection: { segmentIds: currentSegmentIds.slice(1, 3) },
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<ExcerptExportResponse>();
    expect(body.files.map((f) => f.name)).toContain('excerpt.mp3');
    expect(body.redactions.text).toBeGreaterThan(0);
    const download = await as(users.editor.userId, { url: body.downloadUrl });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    const zipPath = path.join(dataDir, 'downloaded.zip');
    fs.writeFileSync(zipPath, download.rawPayload);
    const { entries } = await readBundle(zipPath);
    expect([...entries.keys()].sort()).toEqual([...body.files.map((f) => f.name), 'provenance.json'].sort());
    for (const file of body.files) expect(sha256(entries.get(file.name)!)).toBe(file.sha256);
    const captions = entries.get('captions.ru.srt')!.toString('utf8');
    expect(captions).toContain('[Soldier A]');
    for (const name of NAMES) expect(captions).not.toContain(name);
    expect((await as(users.admin.userId, { url: body.downloadUrl })).statusCode).toBe(200);
    expect((await as(users.editor2.userId, { url: body.downloadUrl })).statusCode).toBe(404);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target', 'in', [call.id, body.id])
      .where('action', 'in', ['export-excerpt', 'download-export'])
      .execute();
    // Each download is recorded, the refused one too.
    expect(audit.map((a) => a.action)).toEqual([
      'export-excerpt',
      'download-export',
      'download-export',
      'download-export',
    ]);
  });

  it('exports an unverified call for an admin with a reason, and for nobody else', async () => {
    const second = path.join(
      repositoryRoot,
      'demo',
      'calls',
      '20220716_112503_+380672205916_+79106650932.wav',
    );
    const env = {
      DATABASE_URL: database.connectionString,
      EARSHOT_DATA_DIR: dataDir,
      EARSHOT_ACTOR: 'ingester',
    };
    const ingest = await runEarshot(env, 'ingest', second, '--collection', 'Demo');
    expect(ingest.code, ingest.err).toBe(ExitCode.Ok);
    const recording = await database.db
      .selectFrom('recordings')
      .select('id')
      .where('original_filename', '=', path.basename(second))
      .executeTakeFirstOrThrow();
    await insertTranscriptVersion(database.db, recording.id, [{ text: 'Дима, это я.' }]);
    const asked = await preview(users.admin.userId, { from: 0, to: 1.5 }, recording.id);
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json<ExcerptPreviewResponse>().policy).toMatchObject({
      verified: false,
      overrideNeeded: true,
    });
    const request = {
      recordingId: recording.id,
      selection: { from: 0, to: 1.5 },
      overrideReason: 'the family asked us',
    };
    expect((await exportExcerpt(users.editor.userId, request)).statusCode).toBe(403);
    const refused = await exportExcerpt(users.admin.userId, { ...request, overrideReason: undefined });
    expect(refused.statusCode).toBe(409);
    const overridden = await exportExcerpt(users.admin.userId, request);
    expect(overridden.statusCode, overridden.body).toBe(201);
  }, 180_000);

  it('refuses an export the leak check finds a protected form in, listing every hit, and keeps nothing', async () => {
    // An exporter whose own name is the protected town's: the provenance record names who exported.
    const kharkiv = await insertUser(database.db, 'Kharkiv', 'admin');
    const excerpts = path.join(exportsDir, 'excerpts');
    const before = fs.existsSync(excerpts) ? fs.readdirSync(excerpts) : [];
    const response = await exportExcerpt(kharkiv, {
      recordingId: call.id,
      selection: { segmentIds: currentSegmentIds.slice(1, 3) },
    });
    expect(response.statusCode, response.body).toBe(422);
    const body = response.json<ErrorResponse>();
    expect(body.error).toBe('leak_found');
    expect(body.issues!.length).toBeGreaterThan(0);
    expect(
      body.issues!.some((i) => i.path.startsWith('provenance.json') && i.message.includes('Place 1')),
    ).toBe(true);
    expect(fs.readdirSync(excerpts)).toEqual(before);
  });
});

describe('protecting everything found in the call first', () => {
  it('is refused for a call with no analysis, and adds the analysis to the register before the preview', async () => {
    const selection = { segmentIds: currentSegmentIds.slice(3, 5), protectAll: true };
    const refused = await preview(users.editor.userId, selection);
    expect(refused.statusCode).toBe(404);
    expect(refused.json<ErrorResponse>().message).toContain('has no analysis yet');
    const current = await database.db
      .selectFrom('transcripts')
      .select('id')
      .where('recording_id', '=', call.id)
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    const segments = await database.db
      .selectFrom('transcript_segments')
      .select(['id', 'text'])
      .where('transcript_id', '=', current.id)
      .orderBy('position')
      .execute();
    const analysis = analyseCall(segments.map((s) => ({ key: String(s.id), text: s.text })));
    await storeAnalysis(database.db, call.id, current.id, analysis);
    const response = await preview(users.editor.userId, selection);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<ExcerptPreviewResponse>();
    expect(body.protectedAdded).toBeGreaterThan(0);
    // «Вити Соколова», found by the analysis, is withheld now, under a pseudonym of its own.
    expect(body.segments[0]!.ru).not.toContain('Соколов');
    expect(body.identities.some((i) => i.kind === 'person' && i.pseudonym !== 'Soldier A')).toBe(true);
    const audited = await database.db
      .selectFrom('audit_log')
      .select('details')
      .where('target', '=', call.id)
      .where('action', '=', 'protect-identity')
      .execute();
    expect(audited).toHaveLength(1);
    expect(JSON.stringify(audited)).not.toMatch(/Соколов|Витя|Вити/);
  });
});
