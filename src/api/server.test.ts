import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  type ApiFixture,
} from '../../test/helpers/api-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { createDb } from '../db/database.ts';
import { buildApiServer } from './server.ts';
import { precompressDesk } from '../../web/tools/precompress-desk.ts';
import { signedInApi, type SignedInApi } from '../../test/helpers/signed-in-api.ts';

interface OpenApiDocument {
  openapi: string;
  paths: Record<
    string,
    Record<string, { parameters?: { name: string; in: string; description?: string }[] }>
  >;
}

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let api: SignedInApi;

beforeAll(async () => {
  t = await createTestDatabase('api_server');
  fixture = createApiFixture(t.db);
  const leak = await insertCollection(t.db, 'Leak A', 'first');
  await insertCollection(t.db, 'Empty');
  await insertRecording(fixture, { collection_id: leak });
  await insertRecording(fixture, { collection_id: leak });
  app = await buildApiServer({
    db: t.db,
    config: fixture.config,
    deskDir: path.join(fixture.config.dataDir, 'no-desk'),
  });
  api = await signedInApi(app, t.db);
});

afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

describe('GET /api/health', () => {
  it('reports the database, versions, migrations and counts', async () => {
    const response = await api.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ database: { migrations: string[] }; versions: Record<string, string> }>();
    expect(body).toMatchObject({
      status: 'ok',
      database: { reachable: true },
      versions: { node: process.versions.node },
      counts: { collections: 2, recordings: 2, custodyEvents: 0 },
    });
    expect(body.database.migrations.slice(0, 2)).toEqual(['0001-spine', '0002-api-indexes']);
    expect(response.json<{ database: { serverVersion: string } }>().database.serverVersion).toMatch(/^\d+/);
    expect(body.versions.earshot).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('leaves out what is stored for a caller who is not signed in', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', counts: null, store: null });
  });

  it('answers 503 when the database is unreachable', async () => {
    const deadDb = createDb('postgres://nobody:nothing@127.0.0.1:1/none', 1);
    const deadApp = await buildApiServer({ db: deadDb, config: fixture.config });
    try {
      const health = await deadApp.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ status: 'unavailable', database: { reachable: false } });
      // Any other route fails with a bare 500 (the session cannot even be looked up): no stack
      // trace, no connection details.
      const list = await deadApp.inject({
        method: 'GET',
        url: '/api/recordings',
        headers: { cookie: api.cookie },
      });
      expect(list.statusCode).toBe(500);
      expect(list.json()).toEqual({
        error: 'internal_error',
        message: 'Internal error: the server log has details.',
      });
      expect(list.body).not.toMatch(/ECONNREFUSED|at .*\.ts|127\.0\.0\.1/);
    } finally {
      await deadApp.close();
      await deadDb.destroy();
    }
  });
});

describe('GET /api/collections', () => {
  it('lists collections by name with recording counts', async () => {
    const response = await api.inject({ method: 'GET', url: '/api/collections' });
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: { name: string; recordingCount: number }[] }>().items;
    expect(items.map((c) => [c.name, c.recordingCount])).toEqual([
      ['Empty', 0],
      ['Leak A', 2],
    ]);
  });
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3 document listing every route with its parameters', async () => {
    const response = await api.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = JSON.parse(response.body) as OpenApiDocument;
    expect(doc.openapi).toMatch(/^3\./);
    const expected = [
      '/api/session',
      '/api/health',
      '/api/collections',
      '/api/recordings',
      '/api/recordings/{id}',
      '/api/recordings/{id}/custody',
      '/api/recordings/{id}/audio/original',
      '/api/recordings/{id}/audio/working',
      '/api/recordings/{id}/audio/working/peaks',
      '/api/recordings/{id}/analysis',
      '/api/trends/monthly',
      '/api/trends/places',
      '/api/trends/call-graph',
      '/api/lexicon',
      '/api/recordings/{id}/transcripts',
      '/api/recordings/{id}/transcript',
      '/api/recordings/{id}/transcripts/diff',
      '/api/recordings/{id}/segments/{segmentId}/translations',
      '/api/recordings/{id}/notes',
      '/api/recordings/{id}/duplicates',
      '/api/numbers/{number}',
      '/api/exports/{id}/download',
      '/api/exports/excerpts/{id}/download',
      '/api/recordings/{id}/excerpt-previews/{previewId}/audio',
      '/api/recordings/{id}/case',
      '/api/recordings/{id}/case/attachments/{attachmentId}',
      '/api/collections/{collectionId}/register',
      '/api/collections/{collectionId}/register/{entryId}/forms',
      '/api/search',
      '/api/pipeline',
      '/api/ingest/limits',
      '/api/audit',
      '/api/audit/verify',
      '/api/openapi.json',
      '/api/tags',
      '/api/triage',
      '/api/saved-searches',
      '/api/csv/calls',
      '/api/csv/search',
    ];
    const postOnly = [
      '/api/pipeline/retry',
      '/api/ingest',
      '/api/recordings/{id}/case/steps',
      '/api/sign-in',
      '/api/sign-out',
      '/api/sign-out-everywhere',
      '/api/recordings/{id}/duplicates/{leadId}',
      '/api/numbers/{number}/notes',
      '/api/exports/evidence',
      '/api/exports/excerpt',
      '/api/recordings/{id}/excerpt-preview',
      '/api/recordings/{id}/register',
      '/api/collections/{collectionId}/register/{entryId}/pseudonym',
      '/api/collections/{collectionId}/register/{entryId}/retire',
      '/api/recordings/{id}/tags',
      '/api/triage/tag',
      '/api/triage/untag',
      '/api/triage/rerun',
      '/api/search/batch',
      '/api/recordings/{id}/transcripts/machine-offer',
    ];
    const usersRoutes = [
      '/api/users',
      '/api/users/{userId}/role',
      '/api/users/{userId}/grants/{collectionId}',
      // Triage: PUT and DELETE only (a star), DELETE only (a saved search).
      '/api/recordings/{id}/star',
      '/api/saved-searches/{savedSearchId}',
    ];
    expect(Object.keys(doc.paths).sort()).toEqual([...expected, ...postOnly, ...usersRoutes].sort());
    for (const route of expected) expect(doc.paths[route]?.get, route).toBeDefined();
    for (const route of postOnly) expect(doc.paths[route]?.post, route).toBeDefined();
    // The upload is described as the multipart form it is, with its file parts as binary.
    const upload = doc.paths['/api/ingest']?.post as {
      requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> };
    };
    expect(upload.requestBody?.content['multipart/form-data']?.schema.properties).toMatchObject({
      collection: { type: 'string' },
      files: { type: 'array', items: { type: 'string', format: 'binary' } },
    });

    const listParameters = doc.paths['/api/recordings']?.get?.parameters ?? [];
    const names = listParameters.map((p) => p.name);
    for (const name of [
      'collectionId',
      'collection',
      'from',
      'to',
      'phone',
      'stage',
      'status',
      'limit',
      'offset',
    ]) {
      expect(names, name).toContain(name);
    }
    expect(listParameters.every((p) => p.in === 'query' && (p.description ?? '').length > 0)).toBe(true);
    const detailParameters = doc.paths['/api/recordings/{id}']?.get?.parameters ?? [];
    expect(detailParameters).toMatchObject([{ name: 'id', in: 'path' }]);
    const workingParameters = doc.paths['/api/recordings/{id}/audio/working']?.get?.parameters ?? [];
    const pathAndQuery = workingParameters.filter((p) => p.in !== 'header');
    expect(pathAndQuery.map((p) => p.name).sort()).toEqual(['channel', 'id']);
    // The range and caching request headers the audio routes honour are parameters too.
    const headerNames = workingParameters.filter((p) => p.in === 'header').map((p) => p.name);
    expect(headerNames.sort()).toEqual(['if-none-match', 'if-range', 'range']);
    expect(doc.paths['/api/recordings/{id}/audio/original']?.head).toBeDefined();
    const working = doc.paths['/api/recordings/{id}/audio/working']?.get as {
      responses: Record<string, unknown>;
    };
    expect(working.responses['206']).toMatchObject({
      content: { 'audio/wav': { schema: { format: 'binary' } } },
    });
  });
});

describe('unknown routes and the desk', () => {
  it('answers unknown routes with 404 JSON', async () => {
    const response = await api.inject({ method: 'GET', url: '/api/nothing-here?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'not_found', message: 'No route for GET /api/nothing-here' });
    const post = await api.inject({ method: 'POST', url: '/api/recordings', payload: {} });
    expect(post.statusCode).toBe(404);
  });

  it('answers malformed URLs with 400 JSON', async () => {
    for (const url of ['/api/recordings/%E0%A4%A', `/api/recordings/${'a'.repeat(300)}`]) {
      const response = await api.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json<{ error: string }>().error).toBe('bad_request');
    }
  });

  it('serves a page saying the desk is not built, linking the API description', async () => {
    const response = await api.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('not built');
    expect(response.body).toContain('href="/api/openapi.json"');
  });

  it('sends the desk build compressed (Brotli, gzip) to a browser that accepts it, plain otherwise', async () => {
    const deskDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-desk-'));
    const script = `${'export const words = ["груз", "двести"];\n'.repeat(2000)}`;
    fs.writeFileSync(path.join(deskDir, 'index.html'), '<!doctype html><title>Desk</title>');
    fs.mkdirSync(path.join(deskDir, 'assets'));
    fs.writeFileSync(path.join(deskDir, 'assets', 'trends.js'), script);
    expect(precompressDesk(deskDir)).toMatchObject({ files: 1, bytes: Buffer.byteLength(script) });
    const deskApp = await buildApiServer({ db: t.db, config: fixture.config, deskDir });
    try {
      const get = (encoding: string) =>
        deskApp.inject({ method: 'GET', url: '/assets/trends.js', headers: { 'accept-encoding': encoding } });
      const br = await get('gzip, deflate, br');
      expect(br.statusCode).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toMatch(/javascript/);
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 10);
      expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);
      const gzip = await get('gzip');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(script);
      const plain = await get('identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(script);
    } finally {
      await deskApp.close();
      fs.rmSync(deskDir, { recursive: true, force: true });
    }
  });

  it('serves the built desk from its folder when index.html exists', async () => {
    const deskDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-desk-'));
    fs.writeFileSync(path.join(deskDir, 'index.html'), '<!doctype html><title>Desk</title>');
    fs.writeFileSync(path.join(deskDir, 'app.js'), 'console.log(1)');
    const deskApp = await buildApiServer({ db: t.db, config: fixture.config, deskDir });
    try {
      const index = await deskApp.inject({ method: 'GET', url: '/' });
      expect(index.statusCode).toBe(200);
      expect(index.body).toContain('<title>Desk</title>');
      expect((await deskApp.inject({ method: 'GET', url: '/app.js' })).body).toBe('console.log(1)');
      const health = await deskApp.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      const unknown = await deskApp.inject({
        method: 'GET',
        url: '/api/unknown',
        headers: { cookie: api.cookie },
      });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ error: 'not_found' });
      expect((await deskApp.inject({ method: 'GET', url: '/../../etc/passwd' })).statusCode).toBe(404);
    } finally {
      await deskApp.close();
      fs.rmSync(deskDir, { recursive: true, force: true });
    }
  });
});
