import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, repositoryRoot } from '../helpers/cli-process.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { speechTestEnv } from '../helpers/speech-models.ts';

// The multi-process path on an external server (DATABASE_URL): `earshot ingest` stores and
// queues, a separate `earshot worker` processes, `earshot status` reports.

let t: TestDatabase;
let dataDir: string;
let env: NodeJS.ProcessEnv;
const demoCalls = path.join(repositoryRoot, 'demo', 'calls');
const picked = fs
  .readdirSync(demoCalls)
  .filter((f) => /\.(ogg|wav|amr)$/.test(f))
  .slice(0, 4);

interface StatusJson {
  recordings: number;
  stages: { stage: string; pending: number; done: number; failed: number }[];
}

beforeAll(async () => {
  t = await createTestDatabase('e2e_ingest_worker');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-e2e-worker-'));
  const inputs = path.join(dataDir, 'inputs');
  fs.mkdirSync(inputs);
  for (const f of picked) fs.copyFileSync(path.join(demoCalls, f), path.join(inputs, f));
  fs.writeFileSync(path.join(inputs, 'notes.wav'), 'this is not audio');
  env = {
    DATABASE_URL: t.connectionString,
    EARSHOT_DATA_DIR: path.join(dataDir, 'data'),
    ...speechTestEnv(),
  };
});
afterAll(async () => {
  await t.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('ingest, then a separate worker, on DATABASE_URL', () => {
  it('ingest stores, rejects the bad file with exit code 1, and queues the rest', async () => {
    const ingest = await runCli(['ingest', path.join(dataDir, 'inputs'), '--collection', 'Leak A'], env);
    expect(ingest.code, ingest.output).toBe(1);
    expect(ingest.output).toContain(`Ingest: ${picked.length} new`);
    expect(ingest.output).toMatch(/notes\.wav/);
    expect(ingest.output).toContain(`${picked.length} new recordings queued for the pipeline`);

    const status = await runCli(['status', '--json'], env);
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.output) as StatusJson;
    expect(parsed.recordings).toBe(picked.length);
    expect(parsed.stages.find((s) => s.stage === 'decode')?.pending).toBe(picked.length);
  }, 180_000);

  it('a worker run until idle decodes and transcribes everything, and status says so', async () => {
    const worker = await runCli(['worker', '--exit-when-idle'], env);
    expect(worker.code, worker.output).toBe(0);
    const status = JSON.parse((await runCli(['status', '--json'], env)).output) as StatusJson;
    expect(status.stages.map((s) => s.stage)).toEqual([
      'decode',
      'fingerprint',
      'vad',
      'transcribe',
      'translate',
      'analyse',
    ]);
    for (const stage of status.stages)
      expect(stage, stage.stage).toMatchObject({ done: picked.length, failed: 0 });
    const transcripts = await t.db.selectFrom('transcripts').select(['recording_id', 'version']).execute();
    expect(transcripts.length).toBe(picked.length);
    const copies = await t.db.selectFrom('derived_files').select(['recording_id', 'channel']).execute();
    expect(copies.length).toBeGreaterThanOrEqual(picked.length);
  }, 180_000);

  it('running the same ingest again changes nothing', async () => {
    const before = await t.db.selectFrom('recordings').select('id').execute();
    const again = await runCli(['ingest', path.join(dataDir, 'inputs'), '--collection', 'Leak A'], env);
    expect(again.output).toContain(`Ingest: 0 new, 0 duplicates, ${picked.length} already known`);
    const after = await t.db.selectFrom('recordings').select('id').execute();
    expect(after.length).toBe(before.length);
  }, 180_000);
});
