import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  type ApiFixture,
} from '../../../test/helpers/api-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { buildApiServerAsUsers } from '../../../test/helpers/as-principal.ts';

/*
 * Local-web hardening through inject(): what a page of another site (or one that reached the
 * server through DNS rebinding) sends, and what it gets. inject() sends Host: localhost:80 unless
 * told otherwise. A real listening server and a real browser are tested in
 * http-hardening.test.ts and test/e2e/desk/web-hardening.test.ts.
 */

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let recordingId = '';

beforeAll(async () => {
  t = await createTestDatabase('web_hardening');
  fixture = createApiFixture(t.db);
  const collection = await insertCollection(t.db, 'Intercepts');
  recordingId = (
    await insertRecording(fixture, { collection_id: collection, caller_number: '+380441234567' })
  ).id;
  const deskDir = path.join(fixture.config.dataDir, 'desk');
  fs.mkdirSync(path.join(deskDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(deskDir, 'index.html'), '<!doctype html><title>desk</title>');
  fs.writeFileSync(path.join(deskDir, 'assets', 'app.js'), 'console.log(1);');
  app = await buildApiServerAsUsers({
    db: t.db,
    config: { ...fixture.config, allowedHosts: ['desk.example.org'] },
    deskDir,
  });
});

afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

const notesUrl = (): string => `/api/recordings/${recordingId}/notes`;

async function noteCount(): Promise<number> {
  const row = await t.db
    .selectFrom('desk_notes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A refusal carries the error and its message, and nothing of what the route would have said. */
function expectRefused(response: LightMyRequestResponse, status: number, code: string): void {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json<Record<string, unknown>>();
  expect(Object.keys(body).sort()).toEqual(['error', 'message']);
  expect(body.error).toBe(code);
  expect(response.body).not.toContain('+380441234567');
  expect(response.body).not.toContain(recordingId);
}

describe('Host allow-list', () => {
  it('refuses a foreign Host (DNS rebinding) with 421 and no data, on the API and the desk', async () => {
    for (const url of ['/api/recordings', `/api/recordings/${recordingId}`, '/', '/assets/app.js']) {
      const response = await app.inject({ method: 'GET', url, headers: { host: 'evil.example:8750' } });
      expectRefused(response, 421, 'host_not_allowed');
      expect(response.json<{ message: string }>().message).toMatch(/"evil\.example".*EARSHOT_ALLOWED_HOSTS/);
      expect(response.body).not.toContain('desk');
    }
  });

  it('refuses a malformed Host', async () => {
    for (const host of ['user@127.0.0.1', '127.0.0.1/x', 'localhost:port']) {
      const response = await app.inject({ method: 'GET', url: '/api/recordings', headers: { host } });
      expectRefused(response, 421, 'host_not_allowed');
    }
  });

  it('answers loopback names with or without a port, and configured names', async () => {
    const hosts = [
      '127.0.0.1',
      '127.0.0.1:8750',
      'localhost',
      'LocalHost.:8750',
      '[::1]:8750',
      'desk.example.org',
    ];
    for (const host of hosts) {
      const response = await app.inject({ method: 'GET', url: '/api/recordings', headers: { host } });
      expect(response.statusCode, host).toBe(200);
    }
  });

  it('believes X-Forwarded-Host only from a configured proxy', async () => {
    const forged = await app.inject({
      method: 'GET',
      url: '/api/recordings',
      headers: { host: '127.0.0.1:8750', 'x-forwarded-host': 'evil.example' },
    });
    // Not a trusted proxy: the Host header is what counts, and it is loopback.
    expect(forged.statusCode).toBe(200);

    const proxied = await buildApiServerAsUsers({
      db: t.db,
      config: { ...fixture.config, trustProxy: ['127.0.0.1'], allowedHosts: ['desk.example.org'] },
      deskDir: path.join(fixture.config.dataDir, 'no-desk'),
    });
    try {
      const viaProxy = (forwardedHost: string) =>
        proxied.inject({
          method: 'GET',
          url: '/api/recordings',
          remoteAddress: '127.0.0.1',
          headers: { host: '127.0.0.1:8750', 'x-forwarded-host': forwardedHost },
        });
      expect((await viaProxy('desk.example.org')).statusCode).toBe(200);
      expectRefused(await viaProxy('evil.example'), 421, 'host_not_allowed');
    } finally {
      await proxied.close();
    }
  });
});

describe('cross-site writes', () => {
  it('refuses a text/plain, form or multipart body on a JSON route (what a cross-site form sends)', async () => {
    const before = await noteCount();
    const bodies = [
      { type: 'text/plain', payload: JSON.stringify({ text: 'planted' }) },
      { type: 'text/plain;charset=UTF-8', payload: '{"text":"planted"}' },
      { type: 'application/x-www-form-urlencoded', payload: 'text=planted' },
      {
        type: 'multipart/form-data; boundary=x',
        payload: '--x\r\nContent-Disposition: form-data; name="text"\r\n\r\nplanted\r\n--x--\r\n',
      },
    ];
    for (const { type, payload } of bodies) {
      const response = await app.inject({
        method: 'POST',
        url: notesUrl(),
        headers: { 'content-type': type },
        payload,
      });
      expectRefused(response, 415, 'unsupported_media_type');
      expect(response.json<{ message: string }>().message).toMatch(/application\/json/);
    }
    const xml = await app.inject({
      method: 'POST',
      url: notesUrl(),
      headers: { 'content-type': 'application/xml' },
      payload: '<note>planted</note>',
    });
    expectRefused(xml, 415, 'unsupported_media_type');
    expect(await noteCount()).toBe(before);
  });

  it('refuses a write from a foreign Origin, or from "null"', async () => {
    const before = await noteCount();
    for (const origin of [
      'http://evil.example',
      'http://localhost:5555',
      'https://localhost',
      'null',
      'file://',
    ]) {
      const response = await app.inject({
        method: 'POST',
        url: notesUrl(),
        headers: { origin, 'content-type': 'application/json' },
        payload: { text: 'planted' },
      });
      expectRefused(response, 403, 'cross_site_refused');
    }
    expect(await noteCount()).toBe(before);
  });

  it('refuses a write whose Sec-Fetch-Site is cross-site or same-site, uploads included', async () => {
    const before = await noteCount();
    for (const site of ['cross-site', 'same-site']) {
      const response = await app.inject({
        method: 'POST',
        url: notesUrl(),
        headers: { 'sec-fetch-site': site, 'content-type': 'application/json' },
        payload: { text: 'planted' },
      });
      expectRefused(response, 403, 'cross_site_refused');
      const upload = await app.inject({
        method: 'POST',
        url: '/api/ingest',
        headers: { 'sec-fetch-site': site, 'content-type': 'multipart/form-data; boundary=x' },
        payload: '--x\r\nContent-Disposition: form-data; name="collection"\r\n\r\nPlanted\r\n--x--\r\n',
      });
      expectRefused(upload, 403, 'cross_site_refused');
    }
    const foreignUpload = await app.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: { origin: 'http://evil.example', 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="collection"\r\n\r\nPlanted\r\n--x--\r\n',
    });
    expectRefused(foreignUpload, 403, 'cross_site_refused');
    expect(await noteCount()).toBe(before);
  });

  it('accepts a write from the desk’s own origin, and a multipart upload on the upload route', async () => {
    const before = await noteCount();
    const sameOrigin = await app.inject({
      method: 'POST',
      url: notesUrl(),
      headers: {
        host: '127.0.0.1:8750',
        origin: 'http://127.0.0.1:8750',
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
      },
      payload: { text: 'from the desk' },
    });
    expect(sameOrigin.statusCode, sameOrigin.body).toBe(201);
    // inject's Host is localhost:80, which an Origin writes without its default port.
    const defaultPort = await app.inject({
      method: 'POST',
      url: notesUrl(),
      headers: { origin: 'http://localhost', 'content-type': 'application/json' },
      payload: { text: 'from the desk, port 80' },
    });
    expect(defaultPort.statusCode, defaultPort.body).toBe(201);
    expect(await noteCount()).toBe(before + 2);

    // The upload route takes multipart: the guard lets it through to the route's own checks.
    const upload = await app.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: { origin: 'http://localhost', 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="collection"\r\n\r\nLeak\r\n--x--\r\n',
    });
    expect(upload.statusCode, upload.body).toBe(400);
    expect(upload.json<{ message: string }>().message).toMatch(/no files/);
  });

  it('leaves reads from another origin alone, but never grants them with CORS headers', async () => {
    const read = await app.inject({
      method: 'GET',
      url: '/api/recordings',
      headers: { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(read.statusCode).toBe(200);
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: notesUrl(),
      headers: {
        origin: 'http://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.statusCode).toBe(404);
    for (const response of [read, preflight]) {
      expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });
});

describe('request body size', () => {
  it('answers a JSON body over 1 MiB with 413 in the API’s JSON shape, and stores nothing', async () => {
    const before = await noteCount();
    const response = await app.inject({
      method: 'POST',
      url: notesUrl(),
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ text: 'x'.repeat(1024 ** 2) }),
    });
    expectRefused(response, 413, 'payload_too_large');
    expect(response.json<{ message: string }>().message).toMatch(/EARSHOT_BODY_MAX_BYTES/);
    expect(await noteCount()).toBe(before);
  });
});

describe('security headers', () => {
  const expected = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };

  it('are on every answer: API, errors, refusals and the desk', async () => {
    const answers = await Promise.all([
      app.inject({ method: 'GET', url: '/api/recordings' }),
      app.inject({ method: 'GET', url: '/api/no-such-route' }),
      app.inject({ method: 'GET', url: '/api/recordings', headers: { host: 'evil.example' } }),
      app.inject({ method: 'GET', url: '/' }),
      app.inject({ method: 'GET', url: '/assets/app.js' }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 404, 421, 200, 200]);
    for (const answer of answers) {
      expect(answer.headers).toMatchObject(expected);
      const csp = String(answer.headers['content-security-policy']);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
      ]) {
        expect(csp).toContain(directive);
      }
      expect(csp).toMatch(/script-src 'self';/);
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(answer.headers['x-powered-by']).toBeUndefined();
    }
  });
});
