import type { Command } from 'commander';
import { pipelineRegistry } from '../../jobs/handlers.ts';
import { redoStage } from '../../jobs/operations.ts';
import { openPipeline } from '../../jobs/pipeline.ts';
import { runPipelineUntilIdle } from '../../jobs/run-until-idle.ts';
import type { StageName } from '../../jobs/stages.ts';
import type { CommandContext } from '../command-context.ts';
import { ExitCode, UserError } from '../exit-codes.ts';

export function registerRedoCommand(program: Command, context: CommandContext): void {
  program
    .command('redo')
    .description('Run a stage for every recording where it is missing or not done; --force redoes all')
    .argument('<stage>', `stage to run (${pipelineRegistry().order.join(', ')})`)
    .option('--force', 'redo it for every recording, replacing what was done')
    .option('--wait', 'process the work in this process and wait until it is done')
    .action(async (stage: string, options: { force?: boolean; wait?: boolean }) => {
      const registry = pipelineRegistry();
      if (!registry.has(stage)) {
        throw new UserError(`unknown stage "${stage}"; stages are: ${registry.order.join(', ')}`);
      }
      const connection = await context.openDatabase();
      try {
        const pipeline = await openPipeline<StageName>({
          connection,
          config: context.config(),
          recover: options.wait === true,
        });
        try {
          const report = await redoStage(pipeline.queue, connection.db, stage, {
            force: options.force === true,
          });
          context.out.write(
            `Scheduled ${stage} for ${report.scheduled} recording${report.scheduled === 1 ? '' : 's'}` +
              (options.force ? ' (forced: done work is redone)' : '') +
              (report.waitingForPreviousStage > 0
                ? `; ${report.waitingForPreviousStage} wait for the previous stage`
                : '') +
              '.\n',
          );
          if (options.wait) {
            const status = await runPipelineUntilIdle(pipeline, { out: context.out });
            context.out.write(`Finished: ${status.failures.length} failed (see \`earshot status\`).\n`);
            if (status.failures.length > 0) context.setExitCode(ExitCode.SomeRejected);
          } else if (report.scheduled > 0) {
            context.out.write('Workers pick them up: `earshot worker` or `earshot start`.\n');
          }
        } finally {
          await pipeline.stop();
        }
      } finally {
        await connection.close();
      }
    });
}
