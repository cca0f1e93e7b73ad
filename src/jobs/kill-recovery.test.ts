import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { runCli, startCli } from '../../test/helpers/cli-process.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import {
  addRecording,
  createTestDataDir,
  type StoredRecording,
  type TestDataDir,
} from '../../test/helpers/recordings.ts';
import { openPipeline } from './pipeline.ts';
import { speechTestEnv } from '../../test/helpers/speech-models.ts';

// kill -9 of a worker in the middle of a decode, then recovery: every recording is decoded
// exactly once in the database (one row per channel, one custody event), nothing half-written,
// and the stages after decode (vad, transcribe) run once too.

let database: TestDatabase;
let store: TestDataDir;
let env: NodeJS.ProcessEnv;
let recordings: StoredRecording[];

beforeAll(async () => {
  database = await createTestDatabase('kill_recovery');
  store = createTestDataDir('kill-recovery');
  env = {
    DATABASE_URL: database.connectionString,
    EARSHOT_DATA_DIR: store.dataDir,
    ...speechTestEnv(),
    EARSHOT_WORKER_CONCURRENCY: '1',
  };
  // Long enough (15 min at 8 kHz) that a decode takes a noticeable fraction of a second, short
  // enough that vad and transcribe after it stay cheap on two cores.
  recordings = [];
  for (let i = 0; i < 3; i++)
    recordings.push(await addRecording(database.db, store, 'mono', { seconds: 900 }));
  const pipeline = await openPipeline({
    connection: { db: database.db, connectionString: database.connectionString, embedded: undefined },
    config: loadConfig(env),
    recover: false,
  });
  await pipeline.schedulePipeline(recordings.map((r) => r.id));
  await pipeline.stop();
});

afterAll(async () => {
  await database?.drop();
  store?.remove();
});

async function runs() {
  return database.db.selectFrom('stage_runs').selectAll().where('stage', '=', 'decode').execute();
}

describe('a worker killed mid-flight', () => {
  it('leaves work that recovery finishes exactly once', async () => {
    const worker = startCli(['worker'], env);
    let running: string | undefined;
    try {
      await worker.waitFor(/Worker ready/);
      for (let i = 0; i < 3000 && !running; i++) {
        running = (await runs()).find((r) => r.status === 'running')?.recording_id;
        if (!running) await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } finally {
      worker.child.kill('SIGKILL');
    }
    const { signal } = await worker.exited;
    expect(signal).toBe('SIGKILL');
    expect(running).toBeDefined();
    // Mid-flight: the run is still marked running by a process that no longer exists.
    const afterKill = await runs();
    expect(afterKill.some((r) => r.status === 'running')).toBe(true);
    expect(afterKill.filter((r) => r.status === 'done').length).toBeLessThan(3);

    // Here the worker was the only one (as with the embedded database), so it takes over at once.
    const rerun = await runCli(['worker', '--sole-worker', '--exit-when-idle'], env);
    expect(rerun.output).toMatch(/Recovered: 1 interrupted runs, 1 orphaned jobs/);
    expect(rerun.code).toBe(0);

    const final = await runs();
    expect(final.map((r) => r.status)).toEqual(['done', 'done', 'done']);
    expect(final.find((r) => r.recording_id === running)?.attempts).toBe(2);
    for (const recording of recordings) {
      const files = await database.db
        .selectFrom('derived_files')
        .selectAll()
        .where('recording_id', '=', recording.id)
        .execute();
      expect(files).toHaveLength(1);
      const workingCopy = path.join(store.derivedDir, files[0]!.path);
      expect(createHash('sha256').update(fs.readFileSync(workingCopy)).digest('hex')).toBe(files[0]!.sha256);
      expect(fs.readdirSync(path.dirname(workingCopy))).toEqual(['ch0.wav']);
      const events = await database.db
        .selectFrom('custody_events')
        .select('id')
        .where('recording_id', '=', recording.id)
        .where('action', '=', 'derived')
        .where(sql<string>`details->>'stage'`, '=', 'decode')
        .execute();
      expect(events).toHaveLength(1);
      // The stages after decode ran once too: one machine transcript version, one custody event each.
      const speechRuns = await database.db
        .selectFrom('stage_runs')
        .select(['stage', 'status'])
        .where('recording_id', '=', recording.id)
        .where('stage', '<>', 'decode')
        .orderBy('stage')
        .execute();
      expect(speechRuns).toEqual([
        { stage: 'analyse', status: 'done' },
        { stage: 'fingerprint', status: 'done' },
        { stage: 'transcribe', status: 'done' },
        { stage: 'translate', status: 'done' },
        { stage: 'vad', status: 'done' },
      ]);
      const transcripts = await database.db
        .selectFrom('transcripts')
        .select(['version', 'kind'])
        .where('recording_id', '=', recording.id)
        .execute();
      expect(transcripts).toEqual([{ version: 1, kind: 'machine' }]);
      for (const stage of ['fingerprint', 'vad', 'transcribe', 'translate', 'analyse']) {
        const speechEvents = await database.db
          .selectFrom('custody_events')
          .select('id')
          .where('recording_id', '=', recording.id)
          .where(sql<string>`details->>'stage'`, '=', stage)
          .execute();
        expect(speechEvents).toHaveLength(1);
      }
    }
    // vad and transcribe over 45 min of audio on two shared cores, after the decodes.
  }, 120_000);
});
