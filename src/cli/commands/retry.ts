import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import { UserError } from '../exit-codes.ts';
import { assertKnownStage, scheduleWork } from '../pipeline-work.ts';

export function registerRetryCommand(program: Command, context: CommandContext): void {
  program
    .command('retry')
    .description('Schedule failed stage runs again (see `earshot status` for the reasons)')
    .option('--failed', 'retry every failed run')
    .option('--stage <stage>', 'only this stage')
    .option('--wait', 'process the work in this process and wait until it is done')
    .action(async (options: { failed?: boolean; stage?: string; wait?: boolean }) => {
      if (!options.failed) throw new UserError('say what to retry: `earshot retry --failed`');
      const { retryFailed } = await import('../../jobs/operations.ts');
      const stage = options.stage;
      if (stage !== undefined) assertKnownStage(stage);
      await scheduleWork(context, options.wait === true, async (pipeline) => {
        const report = await retryFailed(pipeline.queue, pipeline.db, stage ? { stage } : {});
        const total = report.reduce((sum, r) => sum + r.scheduled, 0);
        const detail = report.map((r) => `${r.stage}: ${r.scheduled}`).join(', ');
        context.out.write(`Scheduled ${total} failed run${total === 1 ? '' : 's'} again (${detail}).\n`);
        return total;
      });
    });
}
