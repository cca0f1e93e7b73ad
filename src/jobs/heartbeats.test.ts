import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { addRecording, createTestDataDir, type TestDataDir } from '../../test/helpers/recordings.ts';
import { openPipeline, type Pipeline } from './pipeline.ts';
import { releaseStaleRuns } from './recovery.ts';
import { createStageRegistry } from './registry.ts';
import { runPipelineUntilIdle } from './run-until-idle.ts';
import { markDone, recordHeartbeat } from './stage-runs.ts';
import { formatStatusTable } from './status-report.ts';
import { startStageWorkers, workerName } from './workers.ts';
import { speechTestEnv } from '../../test/helpers/speech-models.ts';

// A worker that dies while holding a run (kill -9, a lost machine) stops heart-beating; its runs
// go back to other workers after SILENT_WORKER_SECONDS instead of the job's 30-minute expiry, and
// `earshot status` names it. A dead worker is played by setting its heartbeat in the past in SQL.

type TestStage = 'alpha';
const handled: string[] = [];
const registry = createStageRegistry<TestStage>(
  ['alpha'],
  [
    {
      stage: 'alpha',
      run: ({ recordingId }) => {
        handled.push(recordingId);
        return Promise.resolve({ result: { ok: true } });
      },
    },
  ],
);

let database: TestDatabase;
let store: TestDataDir;
let pipeline: Pipeline<TestStage>;

beforeAll(async () => {
  database = await createTestDatabase('heartbeats');
  store = createTestDataDir('heartbeats');
  pipeline = await openPipeline({
    // No embedded server of this process: other workers may share the database (not exclusive).
    connection: { db: database.db, connectionString: database.connectionString, embedded: undefined },
    config: loadConfig({ EARSHOT_DATA_DIR: store.dataDir, ...speechTestEnv() }),
    registry,
  });
});

afterAll(async () => {
  await pipeline?.stop();
  await database?.drop();
  store?.remove();
});

async function run(recordingId: string) {
  return database.db
    .selectFrom('stage_runs')
    .selectAll()
    .where('recording_id', '=', recordingId)
    .where('stage', '=', 'alpha')
    .executeTakeFirstOrThrow();
}

/** Schedules a recording and plays a worker that takes its job: the job is active, the run running. */
async function heldBy(worker: string, heartbeatAgo: string): Promise<{ recordingId: string; jobId: string }> {
  const recording = await addRecording(database.db, store, 'mono');
  await pipeline.schedulePipeline([recording.id]);
  const [job] = await pipeline.queue.boss.fetch(pipeline.queue.queueName('alpha'));
  expect(job).toBeDefined();
  await database.db
    .updateTable('stage_runs')
    .set({
      status: 'running',
      job_id: job!.id,
      worker,
      attempts: 1,
      heartbeat_at: sql<Date>`now() - ${heartbeatAgo}::interval`,
    })
    .where('recording_id', '=', recording.id)
    .where('stage', '=', 'alpha')
    .execute();
  return { recordingId: recording.id, jobId: job!.id };
}

/** The played worker finishes its run, so that the pipeline can become idle. */
async function finish(held: { recordingId: string; jobId: string }): Promise<void> {
  expect(await markDone(database.db, { stage: 'alpha', ...held, result: {} })).toBe(true);
  await pipeline.queue.boss.complete(pipeline.queue.queueName('alpha'), held.jobId);
}

async function jobState(jobId: string): Promise<string | undefined> {
  const result = await sql<{ state: string }>`SELECT state FROM pgboss.job WHERE id = ${jobId}::uuid`.execute(
    database.db,
  );
  return result.rows[0]?.state;
}

describe('worker heartbeats', () => {
  it('a silent worker is named by status, its run released to others and done once', async () => {
    const dead = await heldBy('dead-host:4242', '10 minutes');
    const alive = await heldBy('live-host:7', '5 seconds');

    const status = await pipeline.status();
    expect(status.silentWorkers).toEqual([
      { worker: 'dead-host:4242', lastHeartbeat: expect.any(Date) as Date, runs: 1 },
    ]);
    expect(formatStatusTable(status)).toMatch(/1 running run: worker dead-host:4242 silent since \d{4}-/);

    expect(await releaseStaleRuns(pipeline.queue, database.db)).toEqual({ released: 1, abandoned: 0 });
    expect(await run(dead.recordingId)).toMatchObject({
      status: 'pending',
      error: expect.stringMatching(
        /worker dead-host:4242 silent since .*released to other workers/,
      ) as string,
    });
    // The dead worker's job is cancelled; the live worker keeps its run and its job.
    expect(await jobState(dead.jobId)).toBe('cancelled');
    expect(await run(alive.recordingId)).toMatchObject({ status: 'running', worker: 'live-host:7' });
    expect(await jobState(alive.jobId)).toBe('active');
    expect((await pipeline.status()).silentWorkers).toEqual([]);

    // Should the dead worker come back after all, its result is dropped: it no longer holds the run.
    const late = { stage: 'alpha', recordingId: dead.recordingId, jobId: dead.jobId, result: {} };
    expect(await markDone(database.db, late)).toBe(false);

    // A worker here takes the released run over through a fresh job.
    await finish(alive);
    await runPipelineUntilIdle(pipeline);
    expect(await run(dead.recordingId)).toMatchObject({ status: 'done', attempts: 2, error: null });
    expect(handled.filter((id) => id === dead.recordingId)).toHaveLength(1);
  });

  it('a worker that beats keeps its runs; the beat refreshes only its own running runs', async () => {
    const mine = await heldBy('this-host:1', '10 minutes');
    const other = await heldBy('other-host:2', '10 minutes');
    await recordHeartbeat(database.db, 'this-host:1');

    const fresh = await sql<{ recording_id: string; silent: boolean }>`
      SELECT recording_id, heartbeat_at < now() - interval '1 minute' AS silent
      FROM stage_runs WHERE recording_id IN (${mine.recordingId}::uuid, ${other.recordingId}::uuid)`.execute(
      database.db,
    );
    expect(Object.fromEntries(fresh.rows.map((r) => [r.recording_id, r.silent]))).toEqual({
      [mine.recordingId]: false,
      [other.recordingId]: true,
    });
    expect(await releaseStaleRuns(pipeline.queue, database.db)).toEqual({ released: 1, abandoned: 0 });
    expect(await run(mine.recordingId)).toMatchObject({ status: 'running', worker: 'this-host:1' });
    expect(await run(other.recordingId)).toMatchObject({ status: 'pending' });
    await finish(mine);
  });

  it('a run claimed by a worker starts with a fresh heartbeat', async () => {
    const recording = await addRecording(database.db, store, 'mono');
    await pipeline.schedulePipeline([recording.id]);
    await runPipelineUntilIdle(pipeline);
    const claimed = await sql<{ beat: boolean }>`
      SELECT heartbeat_at >= started_at AS beat FROM stage_runs
      WHERE recording_id = ${recording.id}::uuid AND stage = 'alpha'`.execute(database.db);
    expect(claimed.rows[0]?.beat).toBe(true);
  });

  it('running workers beat for the runs they hold', async () => {
    const held = await heldBy(workerName(), '10 minutes');
    const workers = await startStageWorkers({
      queue: pipeline.queue,
      db: database.db,
      config: loadConfig({ EARSHOT_DATA_DIR: store.dataDir, ...speechTestEnv() }),
      heartbeatMs: 20,
    });
    try {
      // Waits for the condition (a beat), not for a time: the interval is only shortened.
      await vi.waitFor(
        async () => {
          const beat = await sql<{ fresh: boolean }>`
            SELECT heartbeat_at > now() - interval '1 minute' AS fresh FROM stage_runs
            WHERE recording_id = ${held.recordingId}::uuid AND stage = 'alpha'`.execute(database.db);
          expect(beat.rows[0]?.fresh).toBe(true);
        },
        { timeout: 30_000, interval: 50 },
      );
    } finally {
      await workers.stop();
    }
    expect(await releaseStaleRuns(pipeline.queue, database.db)).toEqual({ released: 0, abandoned: 0 });
    await finish(held);
  });
});
