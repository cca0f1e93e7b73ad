import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPipeline, type TestPipeline } from '../../test/helpers/pipeline.ts';
import { insertRecording, type StoredRecording } from '../../test/helpers/recordings.ts';
import { demoDir } from '../../test/helpers/speech-models.ts';
import { presentPipelineStatus } from '../api/presenters/pipeline.ts';
import type { PipelineEta } from './pipeline-eta.ts';
import { runPipelineUntilIdle } from './run-until-idle.ts';
import { describeMissingTools } from './tool-waits.ts';
import { formatStatusTable } from './status-report.ts';

// A machine without fpcalc: the fingerprint stage waits for it, naming the fix, while the stages
// after it go on (here vad, which then waits for its own model: no model is installed). Once
// fpcalc can be found the waiting run goes on by itself. The real pipeline and stages throughout;
// only EARSHOT_FPCALC points at a program that is not there, then at the real one.

/** The installed fpcalc, found the way a shell would (locateFpcalc would remember it for the process). */
const realFpcalc = (process.env.PATH ?? '')
  .split(path.delimiter)
  .map((dir) => path.join(dir, 'fpcalc'))
  .find((file) => fs.existsSync(file));
const NO_ETA: PipelineEta = {
  seconds: null,
  lowerBound: false,
  basis: 'not estimated here',
  remainingRuns: 0,
};
let t: TestPipeline;
let noModels: string;
let call: StoredRecording;

beforeAll(async () => {
  if (!realFpcalc) throw new Error('this test needs fpcalc: apt install libchromaprint-tools');
  process.env.EARSHOT_FPCALC = '/nonexistent/fpcalc';
  noModels = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-no-models-'));
  t = await openTestPipeline('tool-waits', { EARSHOT_MODELS_DIR: noModels });
  const name = fs.readdirSync(path.join(demoDir, 'calls')).sort()[1]!;
  call = await insertRecording(t.database.db, t.store, path.join(demoDir, 'calls', name));
}, 120_000);

afterAll(async () => {
  delete process.env.EARSHOT_FPCALC;
  await t?.close();
  if (noModels) fs.rmSync(noModels, { recursive: true, force: true });
});

const runs = async () =>
  Object.fromEntries(
    (
      await t.database.db
        .selectFrom('stage_runs')
        .select(['stage', 'status', 'waiting_for_model'])
        .where('recording_id', '=', call.id)
        .execute()
    ).map((r) => [r.stage, `${r.status}${r.waiting_for_model ? ` for ${r.waiting_for_model}` : ''}`]),
  );

describe('waiting for fpcalc', () => {
  it('waits, naming the fix, and does not hold back the stages after it', async () => {
    await t.pipeline.schedulePipeline([call.id]);
    const status = await runPipelineUntilIdle(t.pipeline);
    expect(await runs()).toEqual({
      decode: 'done',
      fingerprint: 'waiting for fpcalc',
      vad: 'waiting for silero-vad-v6.2',
    });
    // The desk's Pipeline page gives the same fix as a command.
    expect(presentPipelineStatus(status, NO_ETA, { canRetry: false, lastFinishedAt: null }).waits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          stage: 'fingerprint',
          model: 'fpcalc',
          command: 'apt install libchromaprint-tools',
        }),
      ]),
    );
    expect(describeMissingTools()).toEqual([
      expect.stringMatching(
        /^fpcalc \(Chromaprint\) is not installed: run `apt install libchromaprint-tools`.*the fingerprint stage waits/,
      ),
    ]);
    const table = formatStatusTable(status);
    expect(table).toContain(
      'fingerprint: 1 recording waiting for fpcalc — fpcalc (Chromaprint) is not installed: run `apt install libchromaprint-tools`, or set EARSHOT_FPCALC=/path/to/fpcalc',
    );
  });

  it('goes on by itself once fpcalc is there', async () => {
    process.env.EARSHOT_FPCALC = realFpcalc!;
    expect(describeMissingTools()).toEqual([]);
    const resumed = await t.pipeline.resumeModelWaits();
    expect(resumed).toEqual([{ stage: 'fingerprint', model: 'fpcalc', scheduled: 1 }]);
    await runPipelineUntilIdle(t.pipeline);
    expect((await runs()).fingerprint).toBe('done');
    const fingerprints = await t.database.db
      .selectFrom('recording_fingerprints')
      .select('channel')
      .where('recording_id', '=', call.id)
      .orderBy('channel')
      .execute();
    expect(fingerprints.map((f) => f.channel)).toEqual(['0', '1', 'mix']);
  });
});
