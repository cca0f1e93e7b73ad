import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  insertWorkingCopy,
  type ApiFixture,
} from '../../../test/helpers/api-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { buildApiServer } from '../server.ts';
import { signedInApi, type SignedInApi } from '../../../test/helpers/signed-in-api.ts';

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let api: SignedInApi;
let original: { id: string; sha256: string; content: Buffer };
let opus: { id: string; sha256: string; content: Buffer };
let missingFile: { id: string };
let cyrillic: { id: string };
let working: { sha256: string };
const workingBytes = randomBytes(3000);
const ORIGINAL_SIZE = 1000;
let collectionId: string;

beforeAll(async () => {
  t = await createTestDatabase('api_audio');
  fixture = createApiFixture(t.db);
  collectionId = await insertCollection(t.db, 'Audio');
  original = await insertRecording(fixture, {
    collection_id: collectionId,
    content: randomBytes(ORIGINAL_SIZE),
    container: 'mp3',
    codec: 'mp3',
    original_filename: 'call.mp3',
  });
  opus = await insertRecording(fixture, {
    collection_id: collectionId,
    content: randomBytes(10),
    container: 'ogg',
    codec: 'opus',
    original_filename: 'call.ogg',
  });
  missingFile = await insertRecording(fixture, { collection_id: collectionId, writeFile: false });
  cyrillic = await insertRecording(fixture, {
    collection_id: collectionId,
    content: randomBytes(10),
    original_filename: 'звонок Пете.ogg',
  });
  working = await insertWorkingCopy(fixture, { recordingId: original.id, channel: 0, content: workingBytes });
  app = await buildApiServer({ db: t.db, config: fixture.config });
  api = await signedInApi(app, t.db);
});

afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

const originalUrl = (): string => `/api/recordings/${original.id}/audio/original`;

async function get(url: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') {
  return api.inject({ method, url, headers });
}

describe('GET /api/recordings/:id/audio/original', () => {
  it('sends the whole original with type, length, ETag and Accept-Ranges', async () => {
    const response = await get(originalUrl());
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('audio/mpeg');
    expect(response.headers['content-length']).toBe(String(ORIGINAL_SIZE));
    expect(response.headers['accept-ranges']).toBe('bytes');
    expect(response.headers.etag).toBe(`"${original.sha256}"`);
    expect(response.rawPayload.equals(original.content)).toBe(true);
  });

  it('downloads under the name it was received with, in ASCII and in UTF-8 (RFC 6266/8187)', async () => {
    expect((await get(originalUrl())).headers['content-disposition']).toBe(
      `attachment; filename="call.mp3"; filename*=UTF-8''call.mp3`,
    );
    const head = await get(`/api/recordings/${cyrillic.id}/audio/original`, {}, 'HEAD');
    expect(head.headers['content-disposition']).toBe(
      `attachment; filename="______ ____.ogg"; filename*=UTF-8''${encodeURIComponent('звонок Пете.ogg')}`,
    );
  });

  it('sends the first bytes of a range with 206 and Content-Range', async () => {
    const response = await get(originalUrl(), { range: 'bytes=0-99' });
    expect(response.statusCode).toBe(206);
    expect(response.headers['content-range']).toBe(`bytes 0-99/${ORIGINAL_SIZE}`);
    expect(response.headers['content-length']).toBe('100');
    expect(response.rawPayload.equals(original.content.subarray(0, 100))).toBe(true);
  });

  it('sends a suffix range (the last N bytes)', async () => {
    const response = await get(originalUrl(), { range: 'bytes=-10' });
    expect(response.statusCode).toBe(206);
    expect(response.headers['content-range']).toBe(`bytes 990-999/${ORIGINAL_SIZE}`);
    expect(response.rawPayload.equals(original.content.subarray(990))).toBe(true);
  });

  it('sends an open-ended range to the end of the file', async () => {
    const response = await get(originalUrl(), { range: 'bytes=500-' });
    expect(response.statusCode).toBe(206);
    expect(response.headers['content-range']).toBe(`bytes 500-999/${ORIGINAL_SIZE}`);
    expect(response.rawPayload.equals(original.content.subarray(500))).toBe(true);
  });

  it('answers 416 with Content-Range */size when the range starts past the end', async () => {
    const response = await get(originalUrl(), { range: `bytes=${ORIGINAL_SIZE}-` });
    expect(response.statusCode).toBe(416);
    expect(response.headers['content-range']).toBe(`bytes */${ORIGINAL_SIZE}`);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toMatchObject({ error: 'range_not_satisfiable' });
  });

  it('sends the whole file for multiple ranges (documented choice) and for a stale If-Range', async () => {
    const multiple = await get(originalUrl(), { range: 'bytes=0-9,20-29' });
    expect(multiple.statusCode).toBe(200);
    expect(multiple.rawPayload.length).toBe(ORIGINAL_SIZE);
    const stale = await get(originalUrl(), { range: 'bytes=0-9', 'if-range': '"0000"' });
    expect(stale.statusCode).toBe(200);
    const fresh = await get(originalUrl(), { range: 'bytes=0-9', 'if-range': `"${original.sha256}"` });
    expect(fresh.statusCode).toBe(206);
  });

  it('answers 304 when If-None-Match carries the ETag', async () => {
    const response = await get(originalUrl(), { 'if-none-match': `"${original.sha256}"` });
    expect(response.statusCode).toBe(304);
    expect(response.rawPayload.length).toBe(0);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const whole = await get(originalUrl(), {}, 'HEAD');
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-length']).toBe(String(ORIGINAL_SIZE));
    expect(whole.headers.etag).toBe(`"${original.sha256}"`);
    expect(whole.rawPayload.length).toBe(0);
    const part = await get(originalUrl(), { range: 'bytes=10-19' }, 'HEAD');
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 10-19/${ORIGINAL_SIZE}`);
    expect(part.headers['content-length']).toBe('10');
  });

  it('uses the probed container and codec for the Content-Type', async () => {
    const response = await get(`/api/recordings/${opus.id}/audio/original`);
    expect(response.headers['content-type']).toBe('audio/ogg; codecs=opus');
    expect(response.rawPayload.equals(opus.content)).toBe(true);
  });

  it('answers 404 for an unknown recording, a file missing from the store, and 400 for a bad id', async () => {
    expect(
      (await get('/api/recordings/00000000-0000-4000-8000-000000000000/audio/original')).statusCode,
    ).toBe(404);
    const missing = await get(`/api/recordings/${missingFile.id}/audio/original`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ message: string }>().message).toMatch(/missing from the store/);
    expect((await get('/api/recordings/abc/audio/original')).statusCode).toBe(400);
  });

  it('refuses an original whose bytes changed on disk, even after serving it before, naming the fix', async () => {
    const content = randomBytes(500);
    const changed = await insertRecording(fixture, { collection_id: collectionId, content });
    const url = `/api/recordings/${changed.id}/audio/original`;
    expect((await get(url)).statusCode).toBe(200);
    // One byte changed, same size: only the bytes can tell.
    const file = path.join(fixture.config.originalsDir, changed.sha256.slice(0, 2), changed.sha256);
    const bytes = Buffer.from(content);
    bytes[100] = (bytes[100] ?? 0) ^ 1;
    fs.writeFileSync(file, bytes);
    for (const headers of [{}, { range: 'bytes=0-9' }] as Record<string, string>[]) {
      const refused = await get(url, headers);
      expect(refused.statusCode).toBe(503);
      expect(refused.headers.etag).toBeUndefined();
      expect(refused.json<{ error: string; message: string }>()).toEqual({
        error: 'unavailable',
        message: expect.stringMatching(
          /original on disk does not match its recorded SHA-256.*earshot verify-store/,
        ) as string,
      });
    }
    // Put back as it was stored: served again.
    fs.writeFileSync(file, content);
    expect((await get(url)).statusCode).toBe(200);
  });
});

describe('GET /api/recordings/:id/audio/working', () => {
  const workingUrl = (channel?: number): string =>
    `/api/recordings/${original.id}/audio/working${channel === undefined ? '' : `?channel=${channel}`}`;

  it('sends the working copy of a channel as WAV, with ranges', async () => {
    const whole = await get(workingUrl(0));
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-type']).toBe('audio/wav');
    expect(whole.headers.etag).toBe(`"${working.sha256}"`);
    expect(whole.rawPayload.equals(workingBytes)).toBe(true);
    const part = await get(workingUrl(), { range: 'bytes=44-' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 44-2999/3000`);
    expect(part.rawPayload.equals(workingBytes.subarray(44))).toBe(true);
  });

  it('answers 404 for a channel without a working copy and 400 for a bad channel', async () => {
    const none = await get(workingUrl(1));
    expect(none.statusCode).toBe(404);
    expect(none.json<{ message: string }>().message).toMatch(/no working copy of channel 1/);
    const bad = await get(`/api/recordings/${original.id}/audio/working?channel=left`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ issues: { path: string }[] }>().issues[0]?.path).toBe('querystring.channel');
  });
});
