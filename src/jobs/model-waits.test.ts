import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPipeline, type TestPipeline } from '../../test/helpers/pipeline.ts';
import { demoDir, pipelineTestModelsDir, TEST_ASR_MODEL } from '../../test/helpers/speech-models.ts';
import { ingestPaths } from '../ingest/ingest-paths.ts';
import { DEMO_MODELS } from '../models/model-profile.ts';
import { getPipelineStatus } from './operations.ts';
import { formatStatusTable } from './status-report.ts';

// The demo collection runs on the committed demo models while a user's collection, whose models
// are not installed, waits for them (never failed, never read by the demo models); installing
// the models is all it takes for the waiting stages to run.

let t: TestPipeline | undefined;
let scratch: string;
let userModelsDir: string;

const DEMO_CALL = '20220306_194211_+380501734482_+79161234567.ogg';
const USER_CALL = '20220321_221047_+380672205916_+79203316845.mp3';

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-model-waits-'));
  userModelsDir = path.join(scratch, 'models');
  fs.mkdirSync(userModelsDir);
  for (const [folder, call] of [
    ['demo-calls', DEMO_CALL],
    ['user-calls', USER_CALL],
  ] as const) {
    fs.mkdirSync(path.join(scratch, folder));
    fs.copyFileSync(path.join(demoDir, 'calls', call), path.join(scratch, folder, call));
  }
  t = await openTestPipeline('model-waits', {
    EARSHOT_WORKER_CONCURRENCY: '1',
    EARSHOT_MODELS_DIR: userModelsDir,
    EARSHOT_ASR_MODEL: TEST_ASR_MODEL,
    EARSHOT_TRANSLATION_MODEL: DEMO_MODELS.translation,
  });
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

async function stagesOf(collection: string) {
  return t!.database.db
    .selectFrom('stage_runs as s')
    .innerJoin('recordings as r', 'r.id', 's.recording_id')
    .innerJoin('collections as c', 'c.id', 'r.collection_id')
    .select(['s.stage', 's.status', 's.waiting_for_model', 's.error'])
    .where('c.name', '=', collection)
    .orderBy('s.stage')
    .execute();
}

async function transcriptModels(collection: string): Promise<string[]> {
  const rows = await t!.database.db
    .selectFrom('transcripts as tr')
    .innerJoin('recordings as r', 'r.id', 'tr.recording_id')
    .innerJoin('collections as c', 'c.id', 'r.collection_id')
    .select('tr.model')
    .where('c.name', '=', collection)
    .execute();
  return rows.map((r) => r.model ?? '');
}

describe('models per collection, and stages that wait for a model', () => {
  it('runs the demo collection on the demo models while the user collection waits for its own', async () => {
    const { database, config, pipeline } = t!;
    const ingest = async (folder: string, collection: string, profile?: 'demo') => {
      const result = await ingestPaths(database.db, config, {
        paths: [path.join(scratch, folder)],
        collection,
        ...(profile ? { modelProfile: profile } : {}),
        actor: 'tester',
      });
      await pipeline.schedulePipeline(result.newRecordingIds);
    };
    await ingest('demo-calls', 'Demo corpus', 'demo');
    await ingest('user-calls', 'Leak');

    const workers = await pipeline.startWorkers();
    try {
      await pipeline.waitUntilIdle({ intervalMs: 200 });
      expect(await transcriptModels('Demo corpus')).toEqual([DEMO_MODELS.asr]);
      expect((await stagesOf('Demo corpus')).every((s) => s.status === 'done')).toBe(true);
      // The user's call is decoded, then waits for the VAD: not failed, and nothing of the demo
      // models touched it.
      const leak = await stagesOf('Leak');
      expect(leak.find((s) => s.stage === 'decode')?.status).toBe('done');
      expect(leak.find((s) => s.stage === 'vad')).toMatchObject({
        status: 'waiting',
        waiting_for_model: 'silero-vad-v6.2',
      });
      expect(leak.find((s) => s.stage === 'vad')?.error).toContain('earshot models install silero-vad-v6.2');
      expect(await transcriptModels('Leak')).toEqual([]);
      const status = await getPipelineStatus(database.db, pipeline.queue.registry);
      expect(status.failures).toEqual([]);
      expect(status.waits).toEqual([
        expect.objectContaining({ stage: 'vad', model: 'silero-vad-v6.2', originalFilename: USER_CALL }),
      ]);
      expect(status.demoRecordings).toBe(1);
      const table = formatStatusTable(status);
      expect(table).toContain(
        'vad: 1 recording waiting for model silero-vad-v6.2 — install it with `earshot models install silero-vad-v6.2`',
      );
      expect(table).toMatch(/1 recordings of the demo collection: demo models: .*synthetic voices only/);

      // Installing the models (as `earshot models install` does, in another process) is all it
      // takes: the workers notice and the waiting stages run on, with no retry command.
      for (const name of ['silero-vad-v6.2', TEST_ASR_MODEL, DEMO_MODELS.translation]) {
        fs.cpSync(path.join(pipelineTestModelsDir(), name), path.join(userModelsDir, name), {
          recursive: true,
        });
      }
      for (let i = 0; i < 600; i++) {
        const runs = await stagesOf('Leak');
        if (runs.length === 6 && runs.every((s) => s.status === 'done')) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect((await stagesOf('Leak')).map((s) => [s.stage, s.status])).toEqual([
        ['analyse', 'done'],
        ['decode', 'done'],
        ['fingerprint', 'done'],
        ['transcribe', 'done'],
        ['translate', 'done'],
        ['vad', 'done'],
      ]);
      expect(await transcriptModels('Leak')).toEqual([TEST_ASR_MODEL]);
    } finally {
      await workers.stop();
    }
  });

  it("refuses a user's calls into the demo collection and the demo corpus into a user's collection", async () => {
    const { database, config } = t!;
    await expect(
      ingestPaths(database.db, config, {
        paths: [path.join(scratch, 'user-calls')],
        collection: 'Demo corpus',
        actor: 'tester',
      }),
    ).rejects.toThrow(/"Demo corpus" is the demo collection.*collection of your own/);
    await expect(
      ingestPaths(database.db, config, {
        paths: [path.join(scratch, 'demo-calls')],
        collection: 'Leak',
        modelProfile: 'demo',
        actor: 'tester',
      }),
    ).rejects.toThrow(/"Leak" is a collection of your own/);
  });
});
