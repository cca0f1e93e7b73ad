import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestPipeline, type TestPipeline } from '../../test/helpers/pipeline.ts';
import { addRecording } from '../../test/helpers/recordings.ts';
import { speechTestEnv } from '../../test/helpers/speech-models.ts';
import { PipelineStoppedError } from './pipeline.ts';

// `earshot start` waits for the pipeline to go idle while it serves the desk; Ctrl-C stops the
// pipeline and closes the database under that wait. The wait must end there, not poll a closed
// database (an unhandled "driver has already been destroyed" after "Stopped.").

let testPipeline: TestPipeline;
let closed = false;

beforeAll(async () => {
  testPipeline = await openTestPipeline('pipeline-stop', speechTestEnv());
});

afterAll(async () => {
  if (!closed) await testPipeline.close();
});

it('ends a wait for idle with PipelineStoppedError when the pipeline is stopped first', async () => {
  const { pipeline, database, store } = testPipeline;
  // Work is scheduled but no worker runs it, so the wait would go on for ever. Polling with no
  // pause means the close almost surely lands while a status query is in flight.
  const recording = await addRecording(database.db, store, 'mono');
  await pipeline.schedulePipeline([recording.id]);
  const waiting = pipeline.waitUntilIdle({ intervalMs: 0 });
  const outcome = waiting.then(
    () => 'idle',
    (error: unknown) => error,
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  await testPipeline.close(); // stop(), then the database is dropped
  closed = true;
  const result = await Promise.race([
    outcome,
    new Promise((resolve) => setTimeout(() => resolve('still waiting'), 2000)),
  ]);
  expect(result).toBeInstanceOf(PipelineStoppedError);
});
