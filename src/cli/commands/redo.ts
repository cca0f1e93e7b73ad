import type { Command } from 'commander';
import { STAGE_ORDER } from '../../jobs/stages.ts';
import type { CommandContext } from '../command-context.ts';
import { assertKnownStage, scheduleWork } from '../pipeline-work.ts';

export function registerRedoCommand(program: Command, context: CommandContext): void {
  program
    .command('redo')
    .description('Run a stage for every recording where it is missing or not done; --force redoes all')
    .argument('<stage>', `stage to run (${STAGE_ORDER.join(', ')})`)
    .option('--force', 'redo it for every recording, replacing what was done')
    .option('--wait', 'process the work in this process and wait until it is done')
    .action(async (stage: string, options: { force?: boolean; wait?: boolean }) => {
      const { redoStage } = await import('../../jobs/operations.ts');
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
