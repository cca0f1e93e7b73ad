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
import { renderSignal } from '../../../test/helpers/test-signals.ts';
import { peaksCachePath } from '../../media/waveform-peaks-cache.ts';
import type { WorkingPeaksResponse } from '../schemas/peaks.ts';
import { buildApiServer } from '../server.ts';
import { signedInApi, type SignedInApi } from '../../../test/helpers/signed-in-api.ts';

// Channel 0: 3 s of digital silence, then 3 s of a 0.7 sine. Channel 1: quiet noise throughout.
const SECONDS = 6;
let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let api: SignedInApi;
let call: { id: string };
let noWorkingCopy: { id: string };
let copies: { sha256: string; file: string }[];

function renderWav(name: string, filter: string): Buffer {
  return fs.readFileSync(renderSignal(path.join(fixture.config.dataDir, name), filter));
}

beforeAll(async () => {
  t = await createTestDatabase('api_audio_peaks');
  fixture = createApiFixture(t.db);
  const collectionId = await insertCollection(t.db, 'Peaks');
  call = await insertRecording(fixture, { collection_id: collectionId });
  noWorkingCopy = await insertRecording(fixture, { collection_id: collectionId });
  const channels = [
    renderWav('ch0.wav', `aevalsrc='if(lt(t,3),0,0.7*sin(2*PI*300*t))':s=16000:d=${SECONDS}`),
    renderWav('ch1.wav', `anoisesrc=color=white:amplitude=0.05:sample_rate=16000:seed=3:duration=${SECONDS}`),
  ];
  copies = [];
  for (const [channel, content] of channels.entries()) {
    const { sha256 } = await insertWorkingCopy(fixture, { recordingId: call.id, channel, content });
    copies.push({ sha256, file: path.join(fixture.config.derivedDir, call.id, `channel-${channel}.wav`) });
  }
  app = await buildApiServer({ db: t.db, config: fixture.config });
  api = await signedInApi(app, t.db);
});

afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

const peaksUrl = (id: string, query = 'channel=0'): string =>
  `/api/recordings/${id}/audio/working/peaks${query ? `?${query}` : ''}`;

async function getPeaks(url: string, headers: Record<string, string> = {}) {
  const response = await api.inject({ method: 'GET', url, headers });
  return { response, body: response.json<WorkingPeaksResponse>() };
}

const loudest = (values: number[]): number => Math.max(...values.map(Math.abs));

describe('GET /api/recordings/:id/audio/working/peaks', () => {
  it('answers min/max pairs at 100 per second, in [-1, 1], loud where the audio is loud', async () => {
    const { response, body } = await getPeaks(peaksUrl(call.id));
    expect(response.statusCode).toBe(200);
    expect(body).toMatchObject({
      recordingId: call.id,
      channel: 0,
      sha256: copies[0]!.sha256,
      sampleRate: 16_000,
      samplesPerPeak: 160,
      peaksPerSecond: 100,
    });
    expect(body.durationSeconds).toBeCloseTo(SECONDS, 2);
    expect(body.min.length).toBe(Math.ceil(body.durationSeconds * body.peaksPerSecond));
    expect(body.max.length).toBe(body.min.length);
    for (const value of [...body.min, ...body.max]) {
      expect(value).toBeGreaterThanOrEqual(-1);
      expect(value).toBeLessThanOrEqual(1);
    }
    body.min.forEach((low, i) => expect(low).toBeLessThanOrEqual(body.max[i]!));
    const silentHalf = [...body.min.slice(0, 290), ...body.max.slice(0, 290)];
    const loudHalf = [...body.min.slice(310), ...body.max.slice(310)];
    expect(loudest(silentHalf)).toBe(0);
    expect(loudest(loudHalf)).toBeCloseTo(0.7, 2);
    expect(Math.min(...body.max.slice(310))).toBeGreaterThan(0.5);
  });

  it('gives each channel its own waveform', async () => {
    const { response, body } = await getPeaks(peaksUrl(call.id, 'channel=1'));
    expect(response.statusCode).toBe(200);
    expect(body.channel).toBe(1);
    expect(body.sha256).toBe(copies[1]!.sha256);
    // Quiet noise: never silent, never near full scale.
    expect(Math.min(...body.max)).toBeGreaterThan(0);
    expect(loudest([...body.min, ...body.max])).toBeLessThan(0.1);
  });

  it('caches the peaks beside the working copy and reuses the cache file on the next request', async () => {
    const cacheFile = peaksCachePath(copies[0]!.file);
    expect(fs.existsSync(cacheFile)).toBe(true);
    const first = fs.statSync(cacheFile);
    const firstBody = (await getPeaks(peaksUrl(call.id))).body;
    const second = fs.statSync(cacheFile);
    expect(second.ino).toBe(first.ino);
    expect(second.mtimeMs).toBe(first.mtimeMs);
    expect(firstBody.max.length).toBe(Math.ceil(SECONDS * 100));
    // No temporary file is left behind.
    const folder = fs.readdirSync(path.dirname(cacheFile));
    expect(folder.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('recomputes when the cached peaks were made from other bytes, and when the cache is damaged', async () => {
    const cacheFile = peaksCachePath(copies[0]!.file);
    const stored = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as {
      source: { sha256: string };
      peaks: { max: number[] };
    };
    stored.source.sha256 = '0'.repeat(64);
    stored.peaks.max = stored.peaks.max.map(() => 0.99);
    fs.writeFileSync(cacheFile, JSON.stringify(stored));
    const afterForeign = (await getPeaks(peaksUrl(call.id))).body;
    expect(loudest(afterForeign.max.slice(0, 290))).toBe(0);
    expect(JSON.parse(fs.readFileSync(cacheFile, 'utf8'))).toMatchObject({
      source: { sha256: copies[0]!.sha256 },
    });

    fs.writeFileSync(cacheFile, '{"format": 1, "peaks": [tru');
    const afterDamage = await getPeaks(peaksUrl(call.id));
    expect(afterDamage.response.statusCode).toBe(200);
    expect(afterDamage.body.max).toEqual(afterForeign.max);
  });

  it('sends ETag and Cache-Control, and 304 when If-None-Match matches', async () => {
    const { response } = await getPeaks(peaksUrl(call.id));
    const etag = response.headers.etag;
    expect(etag).toContain(copies[0]!.sha256);
    expect(response.headers['cache-control']).toBe('private, max-age=3600');
    const again = await api.inject({
      method: 'GET',
      url: peaksUrl(call.id),
      headers: { 'if-none-match': String(etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const otherChannel = await getPeaks(peaksUrl(call.id, 'channel=1'));
    expect(otherChannel.response.headers.etag).not.toBe(etag);
  });

  it('answers 404 for an unknown recording, a channel without a working copy, and a copy gone from disk', async () => {
    const cases: [url: string, message: string][] = [
      [peaksUrl('00000000-0000-4000-8000-000000000000'), 'No recording with id'],
      [peaksUrl(call.id, 'channel=5'), 'no working copy of channel 5'],
      [peaksUrl(noWorkingCopy.id), 'no working copy of channel 0'],
    ];
    for (const [url, message] of cases) {
      const response = await api.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json<{ error: string; message: string }>()).toMatchObject({ error: 'not_found' });
      expect(response.json<{ message: string }>().message).toContain(message);
    }

    await insertWorkingCopy(fixture, {
      recordingId: noWorkingCopy.id,
      channel: 0,
      content: fs.readFileSync(copies[1]!.file),
    });
    fs.rmSync(path.join(fixture.config.derivedDir, noWorkingCopy.id, 'channel-0.wav'));
    const missing = await api.inject({ method: 'GET', url: peaksUrl(noWorkingCopy.id) });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ message: string }>().message).toContain('missing from the store');
  });

  it('answers 422 naming the problem when the working copy cannot be decoded, and caches nothing', async () => {
    const damaged = await insertRecording(fixture, {
      collection_id: await insertCollection(t.db, 'Damaged'),
    });
    await insertWorkingCopy(fixture, {
      recordingId: damaged.id,
      channel: 0,
      content: Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVEnot really audio'),
    });
    const response = await api.inject({ method: 'GET', url: peaksUrl(damaged.id) });
    expect(response.statusCode).toBe(422);
    const body = response.json<{ error: string; message: string }>();
    expect(body.error).toBe('undecodable_media');
    expect(body.message).toContain('could not be decoded');
    expect(body.message).toContain('redo decode --force');
    const file = path.join(fixture.config.derivedDir, damaged.id, 'channel-0.wav');
    expect(fs.existsSync(peaksCachePath(file))).toBe(false);
  });

  it('answers 400 naming the bad value for a malformed id, channel or extra parameter', async () => {
    const cases: [url: string, path: string][] = [
      [peaksUrl('not-a-uuid'), 'params.id'],
      [peaksUrl(call.id, 'channel=left'), 'querystring.channel'],
      [peaksUrl(call.id, 'channel=-1'), 'querystring.channel'],
      [peaksUrl(call.id, 'channel=1.5'), 'querystring.channel'],
      [peaksUrl(call.id, 'channel=0&resolution=9'), 'querystring'],
    ];
    for (const [url, where] of cases) {
      const response = await api.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      const body = response.json<{ error: string; message: string }>();
      expect(body.error).toBe('bad_request');
      expect(body.message).toContain(where);
    }
    // Bad requests change nothing stored.
    const cacheFile = peaksCachePath(copies[0]!.file);
    expect(JSON.parse(fs.readFileSync(cacheFile, 'utf8'))).toMatchObject({
      source: { sha256: copies[0]!.sha256 },
    });
  });

  it('is described in the OpenAPI document', async () => {
    const response = await api.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = response.json<{ paths: Record<string, { get?: { responses: Record<string, unknown> } }> }>();
    const operation = doc.paths['/api/recordings/{id}/audio/working/peaks']?.get;
    expect(operation).toBeDefined();
    // 401 and 421 are the session and request guards' answers, added to every operation.
    expect(Object.keys(operation!.responses).sort()).toEqual([
      '200',
      '304',
      '400',
      '401',
      '404',
      '421',
      '422',
    ]);
  });
});
