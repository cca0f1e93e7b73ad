import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  insertStageRun,
  type ApiFixture,
} from '../../../test/helpers/api-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { pipelineRegistry } from '../../jobs/handlers.ts';
import { PGBOSS_SCHEMA, startJobQueue, type JobQueue } from '../../jobs/queue.ts';
import { scheduleStage } from '../../jobs/scheduling.ts';
import { buildApiServer } from '../server.ts';
import { signedInApi, type SignedInApi } from '../../../test/helpers/signed-in-api.ts';

// Pipeline progress as the desk's status view reads it, on runs written as the workers write them.

interface PipelineBody {
  recordings: number;
  active: boolean;
  stages: {
    stage: string;
    done: number;
    running: number;
    pending: number;
    waiting: number;
    failed: number;
    missing: number;
  }[];
  failures: {
    stage: string;
    reason: string;
    count: number;
    calls: { id: string; originalFilename: string }[];
  }[];
  waits: { stage: string; model: string; command: string; count: number; calls: { id: string }[] }[];
  eta: { seconds: number | null; basis: string; remainingRuns: number };
  silentWorkers: { worker: string; lastHeartbeat: string; runs: number }[];
  canRetry: boolean;
  lastFinishedAt: string | null;
}

let t: TestDatabase;
let fixture: ApiFixture;
let queue: JobQueue<string>;
let app: FastifyInstance;
let api: SignedInApi;
let alone: FastifyInstance;
let aloneApi: SignedInApi;
const ids: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase('api_pipeline');
  fixture = createApiFixture(t.db);
  const collection = await insertCollection(t.db, 'Leak');
  for (let i = 0; i < 6; i++) ids.push((await insertRecording(fixture, { collection_id: collection })).id);
  // decode and fingerprint done for all; vad: 3 fail for one reason, 1 for another, 1 waits for
  // its model, 1 pending.
  for (const id of ids) {
    await insertStageRun(t.db, { recordingId: id, stage: 'decode', status: 'done' });
    await insertStageRun(t.db, { recordingId: id, stage: 'fingerprint', status: 'done' });
  }
  for (const id of ids.slice(0, 3))
    await insertStageRun(t.db, {
      recordingId: id,
      stage: 'vad',
      status: 'failed',
      error: 'vad model broken',
    });
  await insertStageRun(t.db, { recordingId: ids[3]!, stage: 'vad', status: 'failed', error: 'disk full' });
  await t.db
    .insertInto('stage_runs')
    .values({
      recording_id: ids[4]!,
      stage: 'vad',
      status: 'waiting',
      waiting_for_model: 'silero-vad-v6.2',
      attempts: 0,
    })
    .execute();
  await insertStageRun(t.db, { recordingId: ids[5]!, stage: 'vad', status: 'pending' });
  queue = await startJobQueue({ connectionString: t.connectionString, registry: pipelineRegistry() });
  app = await buildApiServer({
    db: t.db,
    config: fixture.config,
    scheduleStage: (stage, recordingIds, options) => scheduleStage(queue, t.db, stage, recordingIds, options),
  });
  api = await signedInApi(app, t.db);
  alone = await buildApiServer({ db: t.db, config: fixture.config });
  aloneApi = await signedInApi(alone, t.db);
});

afterAll(async () => {
  await app?.close();
  await alone?.close();
  await queue?.stop({ graceful: false });
  fixture?.cleanup();
  await t?.drop();
});

const status = async (server = api) => (await server.inject({ url: '/api/pipeline' })).json<PipelineBody>();

describe('GET /api/pipeline', () => {
  it('counts each stage, groups failures and waits by reason, and has no ETA without timed runs', async () => {
    const body = await status();
    expect(body.recordings).toBe(6);
    expect(body.active).toBe(true);
    expect(body.stages.find((s) => s.stage === 'decode')).toMatchObject({ done: 6, missing: 0 });
    expect(body.stages.find((s) => s.stage === 'vad')).toMatchObject({
      failed: 4,
      waiting: 1,
      pending: 1,
      done: 0,
    });
    expect(body.stages.find((s) => s.stage === 'transcribe')).toMatchObject({ missing: 6 });
    expect(body.failures.map((f) => [f.stage, f.reason, f.count])).toEqual([
      ['vad', 'vad model broken', 3],
      ['vad', 'disk full', 1],
    ]);
    expect(body.failures[0]!.calls.map((c) => c.id).sort()).toEqual(ids.slice(0, 3).sort());
    expect(body.waits).toEqual([
      {
        stage: 'vad',
        model: 'silero-vad-v6.2',
        command: 'earshot models install silero-vad-v6.2',
        count: 1,
        calls: [expect.objectContaining({ id: ids[4] })],
      },
    ]);
    // decode runs have no start and end times here: nothing to estimate from.
    expect(body.eta.seconds).toBeNull();
    expect(body.eta.basis).toMatch(/Too little data/);
    expect(body.eta.remainingRuns).toBe(4);
    expect(body.canRetry).toBe(true);
    expect(body.silentWorkers).toEqual([]);
  });

  it('estimates from the durations of finished runs', async () => {
    // Three more calls went through every stage an hour ago, each run taking 10 s.
    const collection = await insertCollection(t.db, 'Earlier');
    for (let i = 0; i < 3; i++) {
      const { id } = await insertRecording(fixture, { collection_id: collection });
      await sql`
        INSERT INTO stage_runs (recording_id, stage, status, attempts, started_at, finished_at)
        SELECT ${id}, stage, 'done', 1, now() - interval '1 hour', now() - interval '1 hour' + interval '10 seconds'
          FROM unnest(${['decode', 'fingerprint', 'vad', 'transcribe', 'translate', 'analyse']}::text[]) AS stage`.execute(
        t.db,
      );
    }
    const body = await status();
    // One call pending at vad goes through vad, transcribe, translate and analyse: 4 × 10 s.
    expect(body.eta).toMatchObject({ seconds: 40, remainingRuns: 4 });
    expect(body.lastFinishedAt).not.toBeNull();
  });
});

describe('GET /api/pipeline: silent workers', () => {
  it('lists a worker that stopped heart-beating while holding a run, as `earshot status` does', async () => {
    const collection = await insertCollection(t.db, 'Held');
    const { id } = await insertRecording(fixture, { collection_id: collection });
    await sql`
      INSERT INTO stage_runs (recording_id, stage, status, attempts, started_at, worker, heartbeat_at)
      VALUES (${id}, 'decode', 'running', 1, now() - interval '11 minutes', 'dead-host:4242',
              now() - interval '10 minutes')`.execute(t.db);
    try {
      const body = await status();
      expect(body.silentWorkers).toEqual([
        {
          worker: 'dead-host:4242',
          lastHeartbeat: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string,
          runs: 1,
        },
      ]);
      expect(Date.now() - Date.parse(body.silentWorkers[0]!.lastHeartbeat)).toBeGreaterThan(9 * 60_000);
    } finally {
      await t.db.deleteFrom('stage_runs').where('recording_id', '=', id).execute();
      await t.db.deleteFrom('recordings').where('id', '=', id).execute();
    }
  });
});

describe('POST /api/pipeline/retry', () => {
  it('schedules the failed runs of one stage again; a bad stage is a 400', async () => {
    const bad = await api.inject({ method: 'POST', url: '/api/pipeline/retry', payload: { stage: 'nope' } });
    expect(bad.statusCode).toBe(400);
    const response = await api.inject({
      method: 'POST',
      url: '/api/pipeline/retry',
      payload: { stage: 'vad' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ scheduled: 4, stages: [{ stage: 'vad', scheduled: 4 }] });
    const body = await status();
    expect(body.failures).toEqual([]);
    expect(body.stages.find((s) => s.stage === 'vad')).toMatchObject({ failed: 0, pending: 5, waiting: 1 });
    const jobs = await sql<{ id: string }>`
      SELECT data->>'recordingId' AS id FROM ${sql.table(`${PGBOSS_SCHEMA}.job`)} WHERE name = 'stage.vad'`.execute(
      t.db,
    );
    expect(jobs.rows.map((j) => j.id).sort()).toEqual(ids.slice(0, 4).sort());
  });

  it('is unavailable on a server without a job queue', async () => {
    const response = await aloneApi.inject({ method: 'POST', url: '/api/pipeline/retry', payload: {} });
    expect(response.statusCode).toBe(503);
    expect(response.json<{ message: string }>().message).toMatch(/earshot retry --failed/);
    expect((await status(aloneApi)).canRetry).toBe(false);
  });
});
