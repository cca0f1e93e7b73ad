import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiServerAsUsers } from '../../../test/helpers/as-principal.ts';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  insertWorkingCopy,
  sha256Of,
  type ApiFixture,
} from '../../../test/helpers/api-fixtures.ts';
import { runEarshot, type CliResult } from '../../../test/helpers/cli-in-process.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { ExitCode } from '../exit-codes.ts';

// A changed original or working copy is moved, bytes kept, into the quarantine folder by
// `verify-store --quarantine`, logged in custody, reported by status, /api/health and the
// recording's API answer, and refused by the audio routes; `restore-original` puts back only a
// copy whose SHA-256 is the recorded one. Nothing is ever deleted or overwritten.

let database: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let env: NodeJS.ProcessEnv;
let recording: { id: string; sha256: string; content: Buffer };
let workingPath: string;
const workingBytes = Buffer.alloc(3000, 7);

beforeAll(async () => {
  database = await createTestDatabase('cli_quarantine');
  fixture = createApiFixture(database.db);
  env = { DATABASE_URL: database.connectionString, EARSHOT_DATA_DIR: fixture.config.dataDir };
  const collectionId = await insertCollection(database.db, 'Leak');
  recording = await insertRecording(fixture, { collection_id: collectionId, content: Buffer.alloc(1000, 1) });
  await insertWorkingCopy(fixture, { recordingId: recording.id, channel: 0, content: workingBytes });
  workingPath = path.join(fixture.config.derivedDir, recording.id, 'channel-0.wav');
  app = await buildApiServerAsUsers({ db: database.db, config: fixture.config });
});

afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await database?.drop();
});

const earshot = (...args: string[]): Promise<CliResult> => runEarshot(env, ...args);
const originalPath = (): string =>
  path.join(fixture.config.originalsDir, recording.sha256.slice(0, 2), recording.sha256);

/** Changes one byte, as a careless operator or an attacker with write access would. */
function tamper(file: string): Buffer {
  const bytes = fs.readFileSync(file);
  bytes[10] = (bytes[10] ?? 0) ^ 0xff;
  fs.chmodSync(file, 0o644);
  fs.writeFileSync(file, bytes);
  return bytes;
}

async function custodyActions(): Promise<{ action: string; details: Record<string, unknown> }[]> {
  return database.db
    .selectFrom('custody_events')
    .select(['action', 'details'])
    .where('recording_id', '=', recording.id)
    .orderBy('id')
    .execute();
}

interface Health {
  store: { quarantined: { recordingId: string; kind: string; quarantinePath: string }[] } | null;
}

describe('quarantine and restore', () => {
  it('reports a changed original without moving it, and quarantines it when asked, bytes kept', async () => {
    const changed = tamper(originalPath());
    const changedSha = sha256Of(changed);

    const report = await earshot('verify-store');
    expect(report.code).toBe(ExitCode.SomeRejected);
    expect(report.out).toContain('Nothing was moved or repaired (report only)');
    expect(fs.readFileSync(originalPath())).toEqual(changed);

    const moved = await earshot('verify-store', '--quarantine');
    expect(moved.code).toBe(ExitCode.SomeRejected);
    const quarantinePath = path.join(
      'quarantine',
      new Date().toISOString().slice(0, 10),
      recording.id,
      `original-${changedSha}`,
    );
    expect(moved.out).toContain(
      `changed: SHA-256 is ${changedSha}, recorded ${recording.sha256}; moved to ${quarantinePath}`,
    );
    expect(fs.existsSync(originalPath())).toBe(false);
    const kept = path.join(fixture.config.dataDir, quarantinePath);
    expect(fs.readFileSync(kept)).toEqual(changed);
    expect(fs.statSync(kept).mode & 0o777).toBe(0o444);

    const events = await custodyActions();
    expect(events.at(-1)).toEqual({
      action: 'quarantined',
      details: {
        kind: 'original',
        storePath: path.join(recording.sha256.slice(0, 2), recording.sha256),
        expectedSha256: recording.sha256,
        foundSha256: changedSha,
        sizeBytes: changed.length,
        quarantinePath,
      },
    });

    // Reported as quarantined from now on, not as merely missing.
    const again = await earshot('verify-store');
    expect(again.out).toContain(`quarantined earlier, kept in ${quarantinePath}, not restored`);
    const status = await earshot('status');
    expect(status.out).toContain(`original of recording ${recording.id}, quarantined `);
    expect(status.out).toContain('earshot restore-original');
  });

  it('refuses the quarantined original over HTTP, names the command, and reports it in health and detail', async () => {
    const audio = await app.inject({ method: 'GET', url: `/api/recordings/${recording.id}/audio/original` });
    expect(audio.statusCode).toBe(503);
    const body = audio.json<{ error: string; message: string }>();
    expect(body.error).toBe('unavailable');
    expect(body.message).toContain('was quarantined');
    expect(body.message).toContain(`earshot restore-original --recording ${recording.id} FILE`);

    const health = (await app.inject({ method: 'GET', url: '/api/health' })).json<Health>();
    expect(health.store?.quarantined).toEqual([
      expect.objectContaining({ recordingId: recording.id, kind: 'original' }),
    ]);
    const detail = (await app.inject({ method: 'GET', url: `/api/recordings/${recording.id}` })).json<{
      quarantined: { kind: string; message: string }[];
    }>();
    expect(detail.quarantined).toEqual([expect.objectContaining({ kind: 'original' })]);
  });

  it('quarantines a changed working copy, and the working audio route refuses it', async () => {
    const changed = tamper(workingPath);
    const moved = await earshot('verify-store', '--quarantine');
    expect(moved.code).toBe(ExitCode.SomeRejected);
    expect(fs.existsSync(workingPath)).toBe(false);
    const kept = path.join(
      fixture.config.dataDir,
      'quarantine',
      new Date().toISOString().slice(0, 10),
      recording.id,
      `working-channel-0.wav-${sha256Of(changed)}`,
    );
    expect(fs.readFileSync(kept)).toEqual(changed);
    const audio = await app.inject({ method: 'GET', url: `/api/recordings/${recording.id}/audio/working` });
    expect(audio.statusCode).toBe(503);
    expect(audio.json<{ message: string }>().message).toContain('earshot redo decode --force');
  });

  it('refuses a restore from a file with other bytes, and changes nothing', async () => {
    const wrong = path.join(fixture.config.dataDir, 'wrong.wav');
    fs.writeFileSync(wrong, Buffer.alloc(1000, 2));
    const before = (await custodyActions()).length;
    const refused = await earshot('restore-original', '--recording', recording.id, wrong);
    expect(refused.code).toBe(ExitCode.Fatal);
    expect(refused.err).toContain(`is not the original of recording ${recording.id}`);
    expect(refused.err).toContain(`the recorded one is ${recording.sha256}`);
    expect(fs.existsSync(originalPath())).toBe(false);
    expect(fs.readdirSync(path.join(fixture.config.originalsDir, '.incoming'))).toEqual([]);
    expect(await custodyActions()).toHaveLength(before);

    const notAnId = await earshot('restore-original', '--recording', 'nope', wrong);
    expect(notAnId.code).toBe(ExitCode.Fatal);
    expect(notAnId.err).toContain('"nope" is not a recording id');
  });

  it('restores the original from a copy with the recorded SHA-256, read-only, and serves it again', async () => {
    const backup = path.join(fixture.config.dataDir, 'backup.wav');
    fs.writeFileSync(backup, recording.content);
    const restored = await earshot('restore-original', '--recording', recording.id, backup);
    expect(restored.code).toBe(ExitCode.Ok);
    expect(restored.out).toContain(`Restored the original of recording ${recording.id}`);
    expect(fs.readFileSync(originalPath())).toEqual(recording.content);
    expect(fs.statSync(originalPath()).mode & 0o777).toBe(0o444);
    expect((await custodyActions()).at(-1)).toMatchObject({
      action: 'restored',
      details: { kind: 'original', sourcePath: backup, alreadyInStore: false },
    });

    const audio = await app.inject({ method: 'GET', url: `/api/recordings/${recording.id}/audio/original` });
    expect(audio.statusCode).toBe(200);
    expect(audio.rawPayload).toEqual(recording.content);
    // The working copy stays quarantined until it is made again.
    const health = (await app.inject({ method: 'GET', url: '/api/health' })).json<Health>();
    expect(health.store?.quarantined).toEqual([expect.objectContaining({ kind: 'working copy' })]);
    expect((await earshot('status')).out).not.toContain(`original of recording ${recording.id}, quarantined`);
  });

  it('never overwrites other bytes still in the store', async () => {
    tamper(originalPath());
    const backup = path.join(fixture.config.dataDir, 'backup.wav');
    const refused = await earshot('restore-original', '--recording', recording.id, backup);
    expect(refused.code).toBe(ExitCode.Fatal);
    expect(refused.err).toContain('run `earshot verify-store --quarantine` to move them out first');
    expect(fs.readFileSync(originalPath())).not.toEqual(recording.content);
  });
});
