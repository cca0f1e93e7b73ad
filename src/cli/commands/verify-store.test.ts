import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEarshot, type CliResult } from '../../../test/helpers/cli-in-process.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import {
  addRecording,
  createTestDataDir,
  insertRecording,
  makeAudioFile,
  type StoredRecording,
  type TestDataDir,
} from '../../../test/helpers/recordings.ts';
import { ExitCode } from '../exit-codes.ts';

// `earshot verify-store`: the store hashed again, a changed or vanished file named, the run
// recorded and reported by `earshot status`; nothing stored is changed by the check.

let database: TestDatabase;
let store: TestDataDir;
let env: NodeJS.ProcessEnv;
let first: StoredRecording;
let second: StoredRecording;

beforeAll(async () => {
  database = await createTestDatabase('cli_verify_store');
  store = createTestDataDir('cli-verify-store');
  env = { DATABASE_URL: database.connectionString, EARSHOT_DATA_DIR: store.dataDir };
  first = await addRecording(database.db, store, 'stereo', { name: 'call-1.wav' });
  const leakFile = path.join(store.dataDir, 'call-2.wav');
  makeAudioFile(leakFile, 'mono');
  second = await insertRecording(database.db, store, leakFile, { collection: 'Leak' });
});

afterAll(async () => {
  await database?.drop();
  store?.remove();
});

function earshot(...args: string[]): Promise<CliResult> {
  return runEarshot(env, ...args);
}

describe('earshot verify-store', () => {
  it('says the store was never verified, then that every file matches', async () => {
    expect((await earshot('status')).out).toContain('Store: never verified');
    const clean = await earshot('verify-store');
    expect(clean.code).toBe(ExitCode.Ok);
    expect(clean.out).toContain('2 originals and 0 working copies hashed again. Every file matches');
    expect((await earshot('status')).out).toMatch(/Store last verified .*: every file matched \(2 originals/);
  });

  it('names a changed original and a missing one, exits 1, and changes nothing', async () => {
    const bytes = fs.readFileSync(first.originalPath);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
    fs.chmodSync(first.originalPath, 0o644);
    fs.writeFileSync(first.originalPath, bytes);
    const moved = `${second.originalPath}.moved`;
    fs.renameSync(second.originalPath, moved);
    try {
      const damaged = await earshot('verify-store');
      expect(damaged.code).toBe(ExitCode.SomeRejected);
      expect(damaged.out).toContain('2 do not match:');
      expect(damaged.out).toContain(
        `original ${first.storePath} (recording ${first.id}): changed: SHA-256 is `,
      );
      expect(damaged.out).toContain(`recorded ${first.sha256}`);
      expect(damaged.out).toContain(`original ${second.storePath} (recording ${second.id}): missing`);
      expect(fs.readFileSync(first.originalPath)).toEqual(bytes);
      expect((await earshot('status')).out).toContain(
        '2 files changed, missing or quarantined: `earshot verify-store` names them',
      );
      const json = JSON.parse((await earshot('verify-store', '--json')).out) as {
        ok: boolean;
        problems: unknown[];
      };
      expect(json.ok).toBe(false);
      expect(json.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ problem: 'changed', recordingId: first.id }),
          expect.objectContaining({ problem: 'missing', recordingId: second.id }),
        ]),
      );
    } finally {
      fs.renameSync(moved, second.originalPath);
    }
  });

  it('verifies one collection, and names an unknown one', async () => {
    const leak = await earshot('verify-store', '--collection', 'Leak');
    expect(leak.code).toBe(ExitCode.Ok);
    expect(leak.out).toContain('Store verification of collection "Leak": 1 originals');
    const unknown = await earshot('verify-store', '--collection', 'Nope');
    expect(unknown.code).toBe(ExitCode.Fatal);
    expect(unknown.err).toContain('there is no collection named "Nope"');
  });
});
