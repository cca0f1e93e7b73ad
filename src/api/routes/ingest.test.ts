import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { createTestDataDir, makeAudioFile, type TestDataDir } from '../../../test/helpers/recordings.ts';
import { loadConfig, type EarshotConfig } from '../../config/config.ts';
import { pipelineRegistry } from '../../jobs/handlers.ts';
import { startJobQueue, type JobQueue } from '../../jobs/queue.ts';
import { scheduleStage } from '../../jobs/scheduling.ts';
import { buildApiServer } from '../server.ts';
import { signedInApi, type SignedInApi } from '../../../test/helpers/signed-in-api.ts';

// Uploads from the desk against the real database: the files are streamed to a temporary folder
// in the data dir, ingested exactly as `earshot ingest` does, queued on the pipeline, and the
// temporary folder is removed.

interface IngestBody {
  batchId: string;
  status: string;
  collection: { id: string; name: string };
  ingested: number;
  duplicates: number;
  alreadyKnown: number;
  rejected: number;
  rejections: { path: string; code: string; reason: string }[];
  metadataWarnings: string[];
  newRecordingIds: string[];
  queued: boolean;
  uploaded: { files: number; bytes: number };
}

const LIMIT = 400_000;
let t: TestDatabase;
let store: TestDataDir;
let config: EarshotConfig;
let queue: JobQueue<string>;
let app: FastifyInstance;
let api: SignedInApi;
let scratch: string;

beforeAll(async () => {
  t = await createTestDatabase('api_ingest');
  store = createTestDataDir('api-ingest');
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-upload-src-'));
  config = loadConfig({
    EARSHOT_DATA_DIR: store.dataDir,
    EARSHOT_LOG_LEVEL: 'silent',
    EARSHOT_ACTOR: 'desk-tester',
    EARSHOT_UPLOAD_MAX_BYTES: String(LIMIT),
    EARSHOT_UPLOAD_MAX_FILES: '5',
  });
  queue = await startJobQueue({ connectionString: t.connectionString, registry: pipelineRegistry() });
  app = await buildApiServer({
    db: t.db,
    config,
    scheduleStage: (stage, ids, options) => scheduleStage(queue, t.db, stage, ids, options),
  });
  api = await signedInApi(app, t.db, { name: 'desk-uploader' });
});

afterAll(async () => {
  await app?.close();
  await queue?.stop({ graceful: false });
  await t?.drop();
  store?.remove();
  fs.rmSync(scratch, { recursive: true, force: true });
});

function audio(name: string, seconds = 1): Buffer {
  const file = path.join(scratch, name);
  makeAudioFile(file, 'mono', seconds);
  return fs.readFileSync(file);
}

function zipOf(entries: Record<string, Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of Object.entries(entries)) zip.addBuffer(bytes, name);
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

interface Part {
  name: string;
  bytes: Buffer;
  field?: 'files' | 'metadata';
}

/** The request a browser sends: text fields first, then each file under its relative path. */
async function upload(collection: string | null, parts: Part[], fileCount?: number) {
  const form = new FormData();
  if (collection !== null) form.append('collection', collection);
  form.append('fileCount', String(fileCount ?? parts.filter((p) => p.field !== 'metadata').length));
  for (const p of parts) form.append(p.field ?? 'files', new Blob([p.bytes]), p.name);
  const request = new Request('http://localhost/api/ingest', { method: 'POST', body: form });
  return api.inject({
    method: 'POST',
    url: '/api/ingest',
    headers: { 'content-type': request.headers.get('content-type')! },
    payload: Buffer.from(await request.arrayBuffer()),
  });
}

/** Recordings stored so far: a refused upload must leave this number as it was. */
async function recordingCount(): Promise<number> {
  const row = await t.db
    .selectFrom('recordings')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function uploadsLeft(): string[] {
  return fs.existsSync(config.uploadsDir) ? fs.readdirSync(config.uploadsDir) : [];
}

describe('POST /api/ingest', () => {
  it('ingests a folder, a file and a zip with call records, queues them, and keeps custody', async () => {
    const csv = 'file,caller,callee,start_time\nзвонок.wav,+79161234567,+380501234567,2022-03-14T15:30:12Z\n';
    const response = await upload('Leak from desk', [
      { name: 'calls.csv', bytes: Buffer.from(csv), field: 'metadata' },
      { name: 'leak/звонок.wav', bytes: audio('a.wav') },
      { name: 'leak/night/b.wav', bytes: audio('b.wav') },
      { name: 'loose.wav', bytes: audio('c.wav') },
      { name: 'more.zip', bytes: await zipOf({ 'inner/d.wav': audio('d.wav') }) },
    ]);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<IngestBody>();
    expect(body).toMatchObject({ ingested: 4, duplicates: 0, rejected: 0, queued: true, status: 'finished' });
    expect(body.uploaded.files).toBe(4);
    expect(body.collection.name).toBe('Leak from desk');

    const sources = await t.db
      .selectFrom('recording_sources')
      .select('source_path')
      .where('batch_id', '=', body.batchId)
      .execute();
    // Recorded as the user chose them, not under the temporary upload folder.
    expect(sources.map((s) => s.source_path).sort()).toEqual(
      [
        'desk-upload:leak/night/b.wav',
        'desk-upload:loose.wav',
        'desk-upload:more.zip!/inner/d.wav',
        'desk-upload:leak/звонок.wav',
      ].sort(),
    );
    // The call record matched the file dropped inside the folder.
    const withCall = await t.db
      .selectFrom('recordings')
      .select(['original_filename', 'caller_number'])
      .where('original_filename', '=', 'звонок.wav')
      .executeTakeFirstOrThrow();
    expect(withCall.caller_number).toBe('+79161234567');
    // Custody: the signed-in user, not the server's configured (OS) actor.
    const batch = await t.db
      .selectFrom('ingest_batches')
      .select(['actor', 'status', 'inputs'])
      .where('id', '=', body.batchId)
      .executeTakeFirstOrThrow();
    expect(batch).toEqual({
      actor: 'desk-uploader',
      status: 'finished',
      inputs: ['desk-upload:leak', 'desk-upload:loose.wav', 'desk-upload:more.zip'],
    });
    const custody = await t.db
      .selectFrom('custody_events')
      .select(['actor'])
      .where('batch_id', '=', body.batchId)
      .execute();
    expect(custody.length).toBeGreaterThanOrEqual(4);
    expect(new Set(custody.map((c) => c.actor))).toEqual(new Set(['desk-uploader']));
    // Queued on the pipeline's first stage.
    const runs = await t.db
      .selectFrom('stage_runs')
      .select(['recording_id', 'stage', 'status'])
      .where('recording_id', 'in', body.newRecordingIds)
      .execute();
    expect(runs).toHaveLength(4);
    expect(new Set(runs.map((r) => `${r.stage}:${r.status}`))).toEqual(new Set(['decode:pending']));
    // The temporary upload is gone; the originals store holds the files.
    expect(uploadsLeft()).toEqual([]);
  });

  it('lists a non-audio file and an empty file with their reasons, and counts a duplicate', async () => {
    const known = audio('e.wav');
    const first = await upload('Leak from desk', [{ name: 'e.wav', bytes: known }]);
    expect(first.json<IngestBody>().ingested).toBe(1);
    const response = await upload('Leak from desk', [
      { name: 'notes/readme.txt', bytes: Buffer.from('not a phone call, just text\n'.repeat(20)) },
      { name: 'notes/empty.wav', bytes: Buffer.alloc(0) },
      { name: 'copy-of-e.wav', bytes: known },
      { name: 'e.wav', bytes: known },
    ]);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<IngestBody>();
    // The same file under the same path again is already known, as a re-run of `earshot ingest`.
    expect(body).toMatchObject({
      ingested: 0,
      duplicates: 1,
      alreadyKnown: 1,
      rejected: 2,
      status: 'finished_with_rejections',
    });
    const byPath = Object.fromEntries(body.rejections.map((r) => [r.path, r]));
    expect(byPath['notes/readme.txt']?.code).toBe('not-audio');
    expect(byPath['notes/readme.txt']?.reason).toMatch(/audio/i);
    expect(byPath['notes/empty.wav']?.code).toBe('empty-file');
    // Paths are shown as dropped, never under the temporary folder.
    expect(JSON.stringify(body)).not.toContain(config.uploadsDir);
    expect(uploadsLeft()).toEqual([]);
  });

  it.each([
    ['../evil.wav', /Refused file name "\.\.\/evil\.wav"/],
    ['leak/../../evil.wav', /Refused file name/],
    ['/etc/evil.wav', /absolute path: not accepted/],
    ['C:/evil.wav', /drive-qualified path: not accepted/],
    ['leak//evil.wav', /empty path parts/],
    ['leak\\..\\..\\evil.wav', /path climbs out with "\.\."/],
    ['\\etc\\evil.wav', /absolute path/],
    ['bad\u001b[31mname.wav', /control characters/],
  ])('refuses the whole upload for the file name %j, writing nothing', async (name, message) => {
    const before = await recordingCount();
    const response = await upload('Leak from desk', [
      { name: 'fine.wav', bytes: audio('f.wav') },
      { name, bytes: audio('g.wav') },
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toMatch(message);
    const after = await recordingCount();
    expect(after).toBe(before);
    expect(uploadsLeft()).toEqual([]);
    expect(fs.existsSync(path.join(store.dataDir, 'evil.wav'))).toBe(false);
    expect(fs.existsSync(path.join(config.uploadsDir, 'evil.wav'))).toBe(false);
  });

  it('reads a backslash in an uploaded path as a folder separator, as in zip entries', async () => {
    const response = await upload('Leak from desk', [
      { name: 'calls\\2022\\win.wav', bytes: audio('w.wav', 2) },
    ]);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<IngestBody>();
    expect(body).toMatchObject({ ingested: 1, rejected: 0, status: 'finished' });
    const source = await t.db
      .selectFrom('recording_sources')
      .select('source_path')
      .where('batch_id', '=', body.batchId)
      .executeTakeFirstOrThrow();
    expect(source.source_path).toBe('desk-upload:calls/2022/win.wav');
  });

  it('answers 413 naming the limit when the files together are too large, keeping nothing', async () => {
    const response = await upload('Leak from desk', [
      { name: 'a.wav', bytes: audio('h.wav', 20) },
      { name: 'b.wav', bytes: audio('i.wav', 20) },
    ]);
    expect(response.statusCode).toBe(413);
    expect(response.json<{ message: string }>().message).toMatch(
      /limit of 400\.0 KB \(400000 bytes\) .*EARSHOT_UPLOAD_MAX_BYTES/,
    );
    expect(response.json<{ error: string }>().error).toBe('payload_too_large');
    expect(uploadsLeft()).toEqual([]);
  });

  it('answers 413 at once when the declared length is over the limit', async () => {
    const response = await api.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: Buffer.alloc(LIMIT + 2 * 1024 * 1024),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json<{ message: string }>().message).toMatch(/limit of/);
  });

  it("refuses a user's files into the demo collection, storing nothing", async () => {
    await t.db.insertInto('collections').values({ name: 'Demo corpus', model_profile: 'demo' }).execute();
    const before = await recordingCount();
    const response = await upload('Demo corpus', [{ name: 'k.wav', bytes: audio('k.wav') }]);
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: string; message: string }>();
    expect(body.error).toBe('bad_request');
    expect(body.message).toMatch(/"Demo corpus" is the demo collection/);
    const after = await recordingCount();
    expect(after).toBe(before);
    expect(uploadsLeft()).toEqual([]);
  });

  it('answers 413 for more files than allowed, and 400 without a collection or files', async () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ name: `m${i}.wav`, bytes: Buffer.from(`x${i}`) }));
    const tooMany = await upload('Leak from desk', many);
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json<{ message: string }>().message).toMatch(/more than 5 files/);

    const noCollection = await upload(null, [{ name: 'j.wav', bytes: audio('j.wav') }]);
    expect(noCollection.statusCode).toBe(400);
    expect(noCollection.json<{ message: string }>().message).toMatch(/Choose a collection/);

    const noFiles = await upload('Leak from desk', []);
    expect(noFiles.statusCode).toBe(400);
    expect(noFiles.json<{ message: string }>().message).toMatch(/no files/);

    const twice = await upload('Leak from desk', [
      { name: 'same/k.wav', bytes: Buffer.from('one') },
      { name: 'same/k.wav', bytes: Buffer.from('two') },
    ]);
    expect(twice.statusCode).toBe(400);
    expect(twice.json<{ message: string }>().message).toMatch(/"same\/k\.wav" was sent twice/);
    const fileAndFolder = await upload('Leak from desk', [
      { name: 'same', bytes: Buffer.from('one') },
      { name: 'same/k.wav', bytes: Buffer.from('two') },
    ]);
    expect(fileAndFolder.statusCode).toBe(400);

    const lost = await upload('Leak from desk', [{ name: 'k.wav', bytes: audio('k.wav') }], 2);
    expect(lost.statusCode).toBe(400);
    expect(lost.json<{ message: string }>().message).toMatch(/announced 2 files but 1 arrived/);
    expect(uploadsLeft()).toEqual([]);
  });

  it('states its limits', async () => {
    const response = await api.inject({ url: '/api/ingest/limits' });
    expect(response.json()).toEqual({ maxBytes: LIMIT, maxFiles: 5, schedules: true });
  });
});
