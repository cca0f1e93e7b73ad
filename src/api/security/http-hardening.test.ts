import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  type ApiFixture,
} from '../../../test/helpers/api-fixtures.ts';
import { runEarshot } from '../../../test/helpers/cli-in-process.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { createTestSession } from '../../../test/helpers/signed-in-api.ts';
import { createUser, setPassword } from '../../accounts/users.ts';
import { startHttpServer, type RunningHttpServer } from '../http-server.ts';
import { assertRemoteListeningAllowed, RemoteListeningRefused } from './remote-listening.ts';

/*
 * The hardening as a client on the network meets it: a real listening server, raw HTTP/1.1
 * requests with whatever Host they like, and the refusal to listen beyond loopback.
 */

let t: TestDatabase;
let fixture: ApiFixture;
let server: RunningHttpServer;

beforeAll(async () => {
  t = await createTestDatabase('http_hardening');
  fixture = createApiFixture(t.db);
  const collection = await insertCollection(t.db, 'Intercepts');
  await insertRecording(fixture, { collection_id: collection, caller_number: '+380441234567' });
  server = await startHttpServer(t.db, fixture.config, { host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await server?.close();
  fixture?.cleanup();
  await t?.drop();
});

/** Sends one request as written (fetch would set its own Host) and returns the whole answer. */
function rawRequest(head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () => socket.end(`${head}\r\n\r\n`));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('a listening server', () => {
  it('answers a foreign Host with 421 and no data (what DNS rebinding sends)', async () => {
    const answer = await rawRequest(
      `GET /api/recordings HTTP/1.1\r\nHost: evil.example:${server.port}\r\nConnection: close`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 421 /);
    expect(answer).toMatch(/\r\nx-frame-options: DENY\r\n/i);
    expect(answer).toContain('"error":"host_not_allowed"');
    expect(answer).not.toContain('+380441234567');
  });

  it('answers a request without Host (HTTP/1.0) with 421', async () => {
    const answer = await rawRequest('GET /api/recordings HTTP/1.0');
    expect(answer).toMatch(/^HTTP\/1\.[01] 421 /);
    expect(answer).not.toContain('+380441234567');
  });

  it('serves its own URL with the security headers and no CORS headers', async () => {
    const session = await createTestSession(t.db);
    const response = await fetch(`${server.url}api/recordings`, {
      headers: { origin: 'http://evil.example', cookie: session.cookie },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('+380441234567');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('refuses a cross-site form POST over the wire', async () => {
    const before = await t.db.selectFrom('desk_notes').select('id').execute();
    const recording = await t.db.selectFrom('recordings').select('id').executeTakeFirstOrThrow();
    const response = await fetch(`${server.url}api/recordings/${recording.id}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' },
      body: 'text=planted',
    });
    expect(response.status).toBe(403);
    expect(await t.db.selectFrom('desk_notes').select('id').execute()).toEqual(before);
  });
});

describe('listening beyond loopback', () => {
  it('is refused without --allow-remote, before anything listens', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20']) {
      const config = { ...fixture.config, host };
      await expect(startHttpServer(t.db, config, { port: 0 })).rejects.toThrow(RemoteListeningRefused);
      await expect(assertRemoteListeningAllowed(config, t.db)).rejects.toThrow(
        /Refusing to listen on .*--allow-remote.*EARSHOT_ALLOW_REMOTE=1/,
      );
    }
  });

  it('is allowed with the flag once an account has a password, and loopback never needs it', async () => {
    await expect(assertRemoteListeningAllowed({ host: '0.0.0.0', allowRemote: true }, t.db)).rejects.toThrow(
      /no account has a password yet.*earshot user passwd/,
    );
    const user = await createUser(t.db, { name: 'chief', role: 'admin', createdBy: 'test' });
    await setPassword(t.db, user.name, 'a long enough password');
    await expect(
      assertRemoteListeningAllowed({ host: '0.0.0.0', allowRemote: true }, t.db),
    ).resolves.toBeUndefined();
    for (const host of ['127.0.0.1', '127.0.1.1', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) {
      await expect(assertRemoteListeningAllowed({ host, allowRemote: false }, t.db)).resolves.toBeUndefined();
    }
  });

  it('is one line from `earshot serve --host 0.0.0.0`, naming the flag', async () => {
    const result = await runEarshot(
      {
        DATABASE_URL: t.connectionString,
        EARSHOT_DATA_DIR: fixture.config.dataDir,
        EARSHOT_LOG_LEVEL: 'silent',
      },
      'serve',
      '--host',
      '0.0.0.0',
      '--port',
      '0',
    );
    expect(result.code).toBe(2);
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toMatch(/--allow-remote/);
  });

  it('stops `earshot start --host 0.0.0.0` before the demo corpus and the workers', async () => {
    const result = await runEarshot(
      {
        DATABASE_URL: t.connectionString,
        EARSHOT_DATA_DIR: fixture.config.dataDir,
        EARSHOT_LOG_LEVEL: 'silent',
      },
      'start',
      '--host',
      '0.0.0.0',
      '--port',
      '0',
    );
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^earshot: Refusing to listen on 0\.0\.0\.0.*--allow-remote/);
    expect(result.out).not.toMatch(/Ingesting|Pipeline|ready/);
  });
});
