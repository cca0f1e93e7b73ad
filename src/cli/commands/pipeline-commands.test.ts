import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from '../../../test/helpers/cli-process.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import {
  addRecording,
  createTestDataDir,
  type StoredRecording,
  type TestDataDir,
} from '../../../test/helpers/recordings.ts';
import type { PipelineStatus } from '../../jobs/operations.ts';
import { ExitCode } from '../exit-codes.ts';
import { speechTestEnv } from '../../../test/helpers/speech-models.ts';
import { runEarshot, type CliResult } from '../../../test/helpers/cli-in-process.ts';

// `earshot status | retry | redo | worker` through main(), as scripts use them.

let database: TestDatabase;
let store: TestDataDir;
let env: NodeJS.ProcessEnv;
let stereo: StoredRecording;
let corrupt: StoredRecording;

beforeAll(async () => {
  database = await createTestDatabase('cli_pipeline');
  store = createTestDataDir('cli-pipeline');
  env = { DATABASE_URL: database.connectionString, EARSHOT_DATA_DIR: store.dataDir, ...speechTestEnv() };
  stereo = await addRecording(database.db, store, 'stereo', { name: 'call-1.wav' });
  corrupt = await addRecording(database.db, store, 'corrupt', { name: 'broken.wav' });
});

afterAll(async () => {
  await database?.drop();
  store?.remove();
});

function earshot(...args: string[]): Promise<CliResult> {
  return runEarshot(env, ...args);
}

async function statusJson(): Promise<PipelineStatus> {
  const { code, out } = await earshot('status', '--json');
  expect(code).toBe(ExitCode.Ok);
  return JSON.parse(out) as PipelineStatus;
}

describe('pipeline commands', () => {
  it('status shows recordings not yet on the pipeline as missing', async () => {
    expect((await statusJson()).stages).toEqual([
      { stage: 'decode', pending: 0, running: 0, done: 0, failed: 0, waiting: 0, missing: 2 },
      { stage: 'fingerprint', pending: 0, running: 0, done: 0, failed: 0, waiting: 0, missing: 2 },
      { stage: 'vad', pending: 0, running: 0, done: 0, failed: 0, waiting: 0, missing: 2 },
      { stage: 'transcribe', pending: 0, running: 0, done: 0, failed: 0, waiting: 0, missing: 2 },
      { stage: 'translate', pending: 0, running: 0, done: 0, failed: 0, waiting: 0, missing: 2 },
      { stage: 'analyse', pending: 0, running: 0, done: 0, failed: 0, waiting: 0, missing: 2 },
    ]);
    const table = await earshot('status');
    expect(table.out).toMatch(/stage\s+pending\s+running\s+waiting\s+done\s+failed\s+missing/);
    expect(table.out).toMatch(/decode\s+0\s+0\s+0\s+0\s+0\s+2/);
  });

  it('redo backfills, and --wait processes it; failures make exit code 1', async () => {
    const redo = await earshot('redo', 'decode', '--wait');
    expect(redo.out).toContain('Scheduled decode for 2 recordings');
    expect(redo.code).toBe(ExitCode.SomeRejected);
    const status = await statusJson();
    expect(status.stages[0]).toMatchObject({ done: 1, failed: 1, missing: 0 });
    // The good call went on through every stage; the broken one stopped at decode.
    expect(status.stages.slice(1)).toEqual([
      { stage: 'fingerprint', pending: 0, running: 0, done: 1, failed: 0, waiting: 0, missing: 1 },
      { stage: 'vad', pending: 0, running: 0, done: 1, failed: 0, waiting: 0, missing: 1 },
      { stage: 'transcribe', pending: 0, running: 0, done: 1, failed: 0, waiting: 0, missing: 1 },
      { stage: 'translate', pending: 0, running: 0, done: 1, failed: 0, waiting: 0, missing: 1 },
      { stage: 'analyse', pending: 0, running: 0, done: 1, failed: 0, waiting: 0, missing: 1 },
    ]);
    expect(status.failures).toEqual([
      expect.objectContaining({ recordingId: corrupt.id, originalFilename: 'broken.wav', attempts: 1 }),
    ]);
    const table = await earshot('status');
    expect(table.out).toContain('Failures (1)');
    expect(table.out).toMatch(/decode {2}broken\.wav .*attempts 1: /);
  });

  it('retry --failed schedules the failed run again', async () => {
    const retry = await earshot('retry', '--failed', '--wait');
    expect(retry.out).toContain(
      'Scheduled 1 failed run again (decode: 1, fingerprint: 0, vad: 0, transcribe: 0, translate: 0, analyse: 0)',
    );
    expect(retry.code).toBe(ExitCode.SomeRejected);
    expect((await statusJson()).failures[0]).toMatchObject({ attempts: 2 });
  });

  it('redo --force schedules every recording; without --wait it only queues', async () => {
    const redo = await earshot('redo', 'decode', '--force');
    expect(redo.code).toBe(ExitCode.Ok);
    expect(redo.out).toContain('Scheduled decode for 2 recordings (forced');
    expect((await statusJson()).stages[0]).toMatchObject({ pending: 2, done: 0 });

    const worker = await earshot('worker', '--exit-when-idle', '--concurrency', '1');
    expect(worker.out).toContain(
      'Worker ready: stages decode, fingerprint, vad, transcribe, translate, analyse, concurrency 1',
    );
    expect(worker.out).toContain(`decode done ${stereo.id}`);
    expect(worker.out).toContain(`decode failed ${corrupt.id}`);
    expect(worker.code).toBe(ExitCode.SomeRejected);
    expect((await statusJson()).stages[0]).toMatchObject({ done: 1, failed: 1, pending: 0 });
  });

  it('usage errors say what to do and exit 2', async () => {
    const retry = await earshot('retry');
    expect(retry.code).toBe(ExitCode.Fatal);
    expect(retry.err).toContain('earshot retry --failed');
    const redo = await earshot('redo', 'transcode-everything');
    expect(redo.code).toBe(ExitCode.Fatal);
    expect(redo.err).toContain(
      'unknown stage "transcode-everything"; stages are: decode, fingerprint, vad, transcribe, translate, analyse',
    );
    const worker = await earshot('worker', '--concurrency', 'lots');
    expect(worker.code).toBe(ExitCode.Fatal);
    expect(worker.err).toContain('--concurrency must be 1 to 64');
  });

  it('worker stops cleanly on SIGTERM', async () => {
    const cli = startCli(['worker'], env);
    await cli.waitFor(/Worker ready/);
    cli.child.kill('SIGTERM');
    await cli.waitFor(/Worker stopped/, 30_000);
    const { code } = await cli.exited;
    expect(cli.output()).toContain('SIGTERM: finishing jobs in hand');
    expect(cli.output()).toContain('Worker stopped.');
    expect(code).toBe(0);
  });
});
