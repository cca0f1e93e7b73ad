import type { Command } from 'commander';
import { pipelineRegistry } from '../../jobs/handlers.ts';
import { redoStage } from '../../jobs/operations.ts';
import type { CommandContext } from '../command-context.ts';
import { assertKnownStage, scheduleWork } from '../pipeline-work.ts';

export function registerRedoCommand(program: Command, context: CommandContext): void {
  program
    .command('redo')
    .description('Run a stage for every recording where it is missing or not done; --force redoes all')
    .argument('<stage>', `stage to run (${pipelineRegistry().order.join(', ')})`)
    .option('--force', 'redo it for every recording, replacing what was done')
    .option('--wait', 'process the work in this process and wait until it is done')
    .action(async (stage: string, options: { force?: boolean; wait?: boolean }) => {
      assertKnownStage(stage);
      await scheduleWork(context, options.wait === true, async (pipeline) => {
        const report = await redoStage(pipeline.queue, pipeline.db, stage, { force: options.force === true });
        context.out.write(
          `Scheduled ${stage} for ${report.scheduled} recording${report.scheduled === 1 ? '' : 's'}` +
            (options.force ? ' (forced: done work is redone)' : '') +
            (report.waitingForPreviousStage > 0
              ? `; ${report.waitingForPreviousStage} wait for the previous stage`
              : '') +
            '.\n',
        );
        return report.scheduled;
      });
    });
}
