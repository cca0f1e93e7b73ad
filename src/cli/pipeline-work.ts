import type { Pipeline } from '../jobs/pipeline.ts';
import { isStageName, STAGE_ORDER, type StageName } from '../jobs/stages.ts';
import type { CommandContext } from './command-context.ts';
import { ExitCode, UserError } from './exit-codes.ts';

/** Refuses a stage name the pipeline does not have, listing the ones it has. */
export function assertKnownStage(stage: string): asserts stage is StageName {
  if (!isStageName(stage)) {
    throw new UserError(`unknown stage "${stage}"; stages are: ${STAGE_ORDER.join(', ')}`);
  }
}

/**
 * What `retry` and `redo` share: open the pipeline, let `schedule` queue work (it says what it
 * did and returns how many runs it queued), then either process it here until idle (`--wait`;
 * exit code 1 when some runs fail) or leave it to the workers.
 */
export async function scheduleWork(
  context: CommandContext,
  wait: boolean,
  schedule: (pipeline: Pipeline<StageName>) => Promise<number>,
): Promise<void> {
  const [{ openPipeline }, { runPipelineUntilIdle }] = await Promise.all([
    import('../jobs/pipeline.ts'),
    import('../jobs/run-until-idle.ts'),
  ]);
  const connection = await context.openDatabase();
  try {
    // Recovery only when this process is about to work the queue itself.
    const pipeline = await openPipeline<StageName>({ connection, config: context.config(), recover: wait });
    try {
      const scheduled = await schedule(pipeline);
      if (wait) {
        const status = await runPipelineUntilIdle(pipeline, { out: context.out });
        context.out.write(`Finished: ${status.failures.length} failed (see \`earshot status\`).\n`);
        if (status.failures.length > 0) context.setExitCode(ExitCode.SomeRejected);
      } else if (scheduled > 0) {
        context.out.write('Workers pick them up: `earshot worker` or `earshot start`.\n');
      }
    } finally {
      await pipeline.stop();
    }
  } finally {
    await connection.close();
  }
}
