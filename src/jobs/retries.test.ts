import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { addRecording, createTestDataDir, type TestDataDir } from '../../test/helpers/recordings.ts';
import { redoStage } from './operations.ts';
import { openPipeline, type Pipeline } from './pipeline.ts';
import { recoverInterruptedWork, releaseStaleRuns } from './recovery.ts';
import { createStageRegistry } from './registry.ts';
import { runPipelineUntilIdle } from './run-until-idle.ts';
import type { StageHandler } from './stage-handler.ts';
import { speechTestEnv } from '../../test/helpers/speech-models.ts';

// The job machinery with two small test stages: chaining to the next stage, retries with
// exponential backoff, final failure, force cascading, and recovery of runs a crash left behind.

type TestStage = 'alpha' | 'beta';
const calls: Record<TestStage, { recordingId: string; at: number; force: boolean }[]> = {
  alpha: [],
  beta: [],
};
/** How many times beta fails for a recording before it succeeds (Infinity: always). */
const betaFailures = new Map<string, number>();

function stage(
  name: TestStage,
  fail: (recordingId: string, attempt: number) => boolean,
): StageHandler<TestStage> {
  return {
    stage: name,
    run: ({ recordingId, force }) => {
      calls[name].push({ recordingId, at: Date.now(), force: force === true });
      const attempt = calls[name].filter((c) => c.recordingId === recordingId).length;
      if (fail(recordingId, attempt))
        return Promise.reject(new Error(`${name} failed on attempt ${attempt}`));
      return Promise.resolve({ result: { attempt } });
    },
  };
}

const registry = createStageRegistry<TestStage>(
  ['alpha', 'beta'],
  [stage('alpha', () => false), stage('beta', (id, attempt) => attempt <= (betaFailures.get(id) ?? 0))],
);

let database: TestDatabase;
let store: TestDataDir;
let pipeline: Pipeline<TestStage>;

beforeAll(async () => {
  database = await createTestDatabase('retries');
  store = createTestDataDir('retries');
  pipeline = await openPipeline({
    connection: { db: database.db, connectionString: database.connectionString, embedded: undefined },
    config: loadConfig({ EARSHOT_DATA_DIR: store.dataDir, ...speechTestEnv() }),
    registry,
    jobOptions: { retryLimit: 2, retryDelaySeconds: 1, expireInSeconds: 60 },
  });
});

afterAll(async () => {
  await pipeline?.stop();
  await database?.drop();
  store?.remove();
});

async function run(recordingId: string, stageName: TestStage) {
  return database.db
    .selectFrom('stage_runs')
    .selectAll()
    .where('recording_id', '=', recordingId)
    .where('stage', '=', stageName)
    .executeTakeFirst();
}

describe('stage jobs', () => {
  it('chains to the next stage and retries failures with growing delays', async () => {
    const flaky = await addRecording(database.db, store, 'mono');
    const broken = await addRecording(database.db, store, 'mono');
    betaFailures.set(flaky.id, 2);
    betaFailures.set(broken.id, Infinity);
    await pipeline.schedulePipeline([flaky.id, broken.id]);

    const workers = await pipeline.startWorkers({ concurrency: 2 });
    // While waiting for a retry, the run is pending and shows why.
    let sawPendingWithReason = false;
    for (let i = 0; i < 100 && !sawPendingWithReason; i++) {
      const r = await run(broken.id, 'beta');
      sawPendingWithReason = r?.status === 'pending' && /beta failed on attempt 1/.test(r.error ?? '');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(sawPendingWithReason).toBe(true);
    await pipeline.waitUntilIdle({ timeoutMs: 60_000 });
    await workers.stop();

    expect(await run(flaky.id, 'alpha')).toMatchObject({ status: 'done', attempts: 1 });
    expect(await run(flaky.id, 'beta')).toMatchObject({ status: 'done', attempts: 3, error: null });
    expect(await run(broken.id, 'beta')).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: 'beta failed on attempt 3',
    });

    const times = calls.beta.filter((c) => c.recordingId === flaky.id).map((c) => c.at);
    expect(times).toHaveLength(3);
    // retryDelay 1 s with backoff: first retry after 1–2 s, second after 2–4 s.
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(900);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(1900);
  });

  it('a forced redo also redoes the stages after it', async () => {
    const recording = await addRecording(database.db, store, 'mono');
    await pipeline.schedulePipeline([recording.id]);
    await runPipelineUntilIdle(pipeline);
    expect(await run(recording.id, 'beta')).toMatchObject({ status: 'done', attempts: 1 });

    const report = await redoStage(pipeline.queue, database.db, 'alpha', { force: true });
    expect(report.scheduled).toBe(3);
    await runPipelineUntilIdle(pipeline);
    expect(await run(recording.id, 'alpha')).toMatchObject({ status: 'done', attempts: 2 });
    expect(await run(recording.id, 'beta')).toMatchObject({ status: 'done', attempts: 2 });
    expect(calls.beta.filter((c) => c.recordingId === recording.id).at(-1)?.force).toBe(true);
  });

  it('redo without force schedules a later stage only where the earlier one is done', async () => {
    const fresh = await addRecording(database.db, store, 'mono');
    const report = await redoStage(pipeline.queue, database.db, 'beta');
    // The broken recording's beta failed (alpha done): scheduled. The fresh one has no alpha.
    expect(report).toMatchObject({ scheduled: 1, waitingForPreviousStage: 1 });
    expect(await run(fresh.id, 'beta')).toBeUndefined();
  });

  it('recovers a run left running by a dead worker in an exclusive database', async () => {
    const recording = await addRecording(database.db, store, 'mono');
    await pipeline.schedulePipeline([recording.id]);
    // Play a worker that takes the job and dies: the job is active, the run is running.
    const [job] = await pipeline.queue.boss.fetch(pipeline.queue.queueName('alpha'));
    expect(job).toBeDefined();
    await database.db
      .updateTable('stage_runs')
      .set({ status: 'running', job_id: job!.id, worker: 'dead-host:1', attempts: 1 })
      .where('recording_id', '=', recording.id)
      .where('stage', '=', 'alpha')
      .execute();

    const report = await recoverInterruptedWork(pipeline.queue, database.db, { exclusive: true });
    expect(report).toMatchObject({ interruptedRuns: 1, orphanedJobs: 1 });
    expect(await run(recording.id, 'alpha')).toMatchObject({ status: 'pending' });

    await runPipelineUntilIdle(pipeline);
    expect(await run(recording.id, 'alpha')).toMatchObject({ status: 'done', attempts: 2 });
    expect(await run(recording.id, 'beta')).toMatchObject({ status: 'done' });
    expect(calls.alpha.filter((c) => c.recordingId === recording.id)).toHaveLength(1);
  });

  it('with shared databases, only runs held past their expiry are released', async () => {
    const recording = await addRecording(database.db, store, 'mono');
    await pipeline.schedulePipeline([recording.id]);
    const [job] = await pipeline.queue.boss.fetch(pipeline.queue.queueName('alpha'));
    await database.db
      .updateTable('stage_runs')
      .set({ status: 'running', job_id: job!.id, worker: 'other-host:2' })
      .where('recording_id', '=', recording.id)
      .where('stage', '=', 'alpha')
      .execute();
    // A live worker on another machine: left alone.
    expect(await releaseStaleRuns(pipeline.queue, database.db)).toEqual({ released: 0, abandoned: 0 });
    // Its job expired and was failed for good, and the run has been 'running' for hours.
    await pipeline.queue.boss.fail(pipeline.queue.queueName('alpha'), job!.id);
    await sql`UPDATE pgboss.job SET state = 'failed' WHERE id = ${job!.id}::uuid`.execute(database.db);
    await sql`UPDATE stage_runs SET updated_at = now() - interval '2 hours'
      WHERE recording_id = ${recording.id}::uuid AND stage = 'alpha'`.execute(database.db);
    expect(await releaseStaleRuns(pipeline.queue, database.db)).toEqual({ released: 0, abandoned: 1 });
    expect(await run(recording.id, 'alpha')).toMatchObject({ status: 'failed' });
    expect((await run(recording.id, 'alpha'))?.error).toMatch(/stopped responding/);
  });
});
