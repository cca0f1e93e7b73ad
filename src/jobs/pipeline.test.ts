import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../test/helpers/database.ts';
import { openTestPipeline, type TestPipeline } from '../../test/helpers/pipeline.ts';
import { addRecording, type StoredRecording, type TestDataDir } from '../../test/helpers/recordings.ts';
import { getPipelineStatus, redoStage, retryFailed } from './operations.ts';
import type { Pipeline } from './pipeline.ts';
import { runPipelineUntilIdle } from './run-until-idle.ts';
import { workerName } from './workers.ts';
import { speechTestEnv } from '../../test/helpers/speech-models.ts';

// The decode stage end to end on real Postgres and pg-boss: transitions, derived files, custody,
// failures with reasons, redo/backfill/force and retry of failed runs. The default chain runs
// (decode → fingerprint → vad → transcribe → translate → analyse): good recordings go all the way, a corrupt one stops at decode.

let database: TestDatabase;
let store: TestDataDir;
let pipeline: Pipeline;
let testPipeline: TestPipeline | undefined;
let stereo: StoredRecording;
let mono: StoredRecording;
let corrupt: StoredRecording;

beforeAll(async () => {
  testPipeline = await openTestPipeline('pipeline', { EARSHOT_WORKER_CONCURRENCY: '2', ...speechTestEnv() });
  ({ database, store, pipeline } = testPipeline);
  stereo = await addRecording(database.db, store, 'stereo');
  mono = await addRecording(database.db, store, 'mono');
  corrupt = await addRecording(database.db, store, 'corrupt');
});

afterAll(async () => {
  await testPipeline?.close();
});

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

async function runOf(recordingId: string) {
  return database.db
    .selectFrom('stage_runs')
    .selectAll()
    .where('recording_id', '=', recordingId)
    .where('stage', '=', 'decode')
    .executeTakeFirstOrThrow();
}

async function derivedOf(recordingId: string) {
  return database.db
    .selectFrom('derived_files')
    .selectAll()
    .where('recording_id', '=', recordingId)
    .orderBy('channel')
    .execute();
}

/** The decode stage's custody events (vad and transcribe add their own). */
async function custodyOf(recordingId: string, stage = 'decode') {
  return database.db
    .selectFrom('custody_events')
    .selectAll()
    .where('recording_id', '=', recordingId)
    .where('action', '=', 'derived')
    .where(sql<string>`details->>'stage'`, '=', stage)
    .orderBy('id')
    .execute();
}

async function stageRunsOf(recordingId: string) {
  const rows = await database.db
    .selectFrom('stage_runs')
    .select(['stage', 'status'])
    .where('recording_id', '=', recordingId)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.stage, r.status]));
}

describe('decode stage', () => {
  it('schedules recordings as pending, then decodes them to one working copy per channel', async () => {
    const originalBefore = fs.readFileSync(stereo.originalPath);
    expect(await pipeline.schedulePipeline([stereo.id, mono.id, corrupt.id])).toBe(3);
    expect((await runOf(stereo.id)).status).toBe('pending');

    const status = await runPipelineUntilIdle(pipeline);
    expect(status.stages).toEqual([
      { stage: 'decode', pending: 0, running: 0, done: 2, failed: 1, waiting: 0, missing: 0 },
      { stage: 'fingerprint', pending: 0, running: 0, done: 2, failed: 0, waiting: 0, missing: 1 },
      { stage: 'vad', pending: 0, running: 0, done: 2, failed: 0, waiting: 0, missing: 1 },
      { stage: 'transcribe', pending: 0, running: 0, done: 2, failed: 0, waiting: 0, missing: 1 },
      { stage: 'translate', pending: 0, running: 0, done: 2, failed: 0, waiting: 0, missing: 1 },
      { stage: 'analyse', pending: 0, running: 0, done: 2, failed: 0, waiting: 0, missing: 1 },
    ]);
    // The whole default chain ran on the good recordings.
    for (const recording of [stereo, mono])
      expect(await stageRunsOf(recording.id)).toEqual({
        decode: 'done',
        fingerprint: 'done',
        vad: 'done',
        transcribe: 'done',
        translate: 'done',
        analyse: 'done',
      });
    expect(await custodyOf(stereo.id, 'vad')).toHaveLength(1);
    expect(await custodyOf(stereo.id, 'transcribe')).toHaveLength(1);
    expect(await custodyOf(stereo.id, 'translate')).toHaveLength(1);

    const run = await runOf(stereo.id);
    expect(run).toMatchObject({ status: 'done', attempts: 1, error: null, worker: workerName() });
    expect(run.started_at).toBeInstanceOf(Date);
    expect(run.finished_at!.getTime()).toBeGreaterThanOrEqual(run.started_at!.getTime());
    expect(run.result).toMatchObject({ channels: 2 });

    const files = await derivedOf(stereo.id);
    expect(files.map((f) => [f.channel, f.path, f.kind, f.sample_rate])).toEqual([
      [0, path.join(stereo.sha256, 'decode', 'ch0.wav'), 'working_audio', 16000],
      [1, path.join(stereo.sha256, 'decode', 'ch1.wav'), 'working_audio', 16000],
    ]);
    for (const file of files) {
      const onDisk = path.join(store.derivedDir, file.path);
      expect(sha256(onDisk)).toBe(file.sha256);
      expect(Number(file.size_bytes)).toBe(fs.statSync(onDisk).size);
      expect(file.duration_seconds).toBeCloseTo(2, 1);
    }
    expect(await derivedOf(mono.id)).toHaveLength(1);

    const [event, ...more] = await custodyOf(stereo.id);
    expect(more).toHaveLength(0);
    expect(event!.sha256).toBe(stereo.sha256);
    expect(event!.tool_versions).toHaveProperty('ffmpeg');
    const details = event!.details as {
      input: { sha256: string };
      outputs: { sha256: string }[];
      ffmpegArgs: string[];
    };
    expect(details.input.sha256).toBe(stereo.sha256);
    expect(details.outputs.map((o) => o.sha256)).toEqual(files.map((f) => f.sha256));
    expect(details.ffmpegArgs).toContain('-filter_complex');

    // The evidentiary original is only read.
    expect(fs.readFileSync(stereo.originalPath).equals(originalBefore)).toBe(true);
    expect(fs.statSync(stereo.originalPath).mode & 0o777).toBe(0o444);
  });

  it('fails corrupt input at once with the reason, without retries or files', async () => {
    const run = await runOf(corrupt.id);
    expect(run.status).toBe('failed');
    expect(run.attempts).toBe(1);
    expect(run.error).toMatch(/ffprobe could not read the file|no audio stream|could not decode/);
    expect(await derivedOf(corrupt.id)).toHaveLength(0);
    // The stages after decode are never scheduled for it.
    expect(await stageRunsOf(corrupt.id)).toEqual({ decode: 'failed' });
    const status = await getPipelineStatus(database.db, pipeline.queue.registry);
    expect(status.failures).toEqual([
      expect.objectContaining({ recordingId: corrupt.id, stage: 'decode', attempts: 1, error: run.error }),
    ]);
  });

  it('retry --failed schedules failed runs again and counts the attempt', async () => {
    expect(await retryFailed(pipeline.queue, database.db)).toEqual([
      { stage: 'decode', scheduled: 1 },
      { stage: 'fingerprint', scheduled: 0 },
      { stage: 'vad', scheduled: 0 },
      { stage: 'transcribe', scheduled: 0 },
      { stage: 'translate', scheduled: 0 },
      { stage: 'analyse', scheduled: 0 },
    ]);
    expect((await runOf(corrupt.id)).status).toBe('pending');
    await runPipelineUntilIdle(pipeline);
    expect(await runOf(corrupt.id)).toMatchObject({ status: 'failed', attempts: 2 });
    expect(await stageRunsOf(corrupt.id)).toEqual({ decode: 'failed' });
  });

  it('redo backfills only recordings where the stage is missing or not done', async () => {
    const late = await addRecording(database.db, store, 'mono');
    const before = await getPipelineStatus(database.db, pipeline.queue.registry);
    expect(before.stages[0]).toMatchObject({ missing: 1, done: 2, failed: 1 });

    const report = await redoStage(pipeline.queue, database.db, 'decode');
    expect(report).toEqual({ stage: 'decode', scheduled: 2, waitingForPreviousStage: 0 });
    await runPipelineUntilIdle(pipeline);
    expect((await runOf(late.id)).status).toBe('done');
    expect((await runOf(stereo.id)).attempts).toBe(1);
    expect(await custodyOf(stereo.id)).toHaveLength(1);
  });

  it('redo --force replaces working copies, keeping one row per channel', async () => {
    const [ch0] = await derivedOf(stereo.id);
    const workingCopy = path.join(store.derivedDir, ch0!.path);
    fs.writeFileSync(workingCopy, 'damaged');

    const report = await redoStage(pipeline.queue, database.db, 'decode', { force: true });
    expect(report.scheduled).toBe(4);
    await runPipelineUntilIdle(pipeline);

    expect(await runOf(stereo.id)).toMatchObject({ status: 'done', attempts: 2 });
    const files = await derivedOf(stereo.id);
    expect(files).toHaveLength(2);
    expect(sha256(workingCopy)).toBe(ch0!.sha256);
    expect(files[0]!.sha256).toBe(ch0!.sha256);
    expect(await custodyOf(stereo.id)).toHaveLength(2);
    expect(fs.readdirSync(path.dirname(workingCopy)).sort()).toEqual(['ch0.wav', 'ch1.wav']);
  });
});
