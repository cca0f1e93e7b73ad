import type { Command } from 'commander';
import { pipelineRegistry } from '../../jobs/handlers.ts';
import { retryFailed } from '../../jobs/operations.ts';
import { openPipeline } from '../../jobs/pipeline.ts';
import { runPipelineUntilIdle } from '../../jobs/run-until-idle.ts';
import type { StageName } from '../../jobs/stages.ts';
import type { CommandContext } from '../command-context.ts';
import { ExitCode, UserError } from '../exit-codes.ts';

export function registerRetryCommand(program: Command, context: CommandContext): void {
  program
    .command('retry')
    .description('Schedule failed stage runs again (see `earshot status` for the reasons)')
    .option('--failed', 'retry every failed run')
    .option('--stage <stage>', 'only this stage')
    .option('--wait', 'process the work in this process and wait until it is done')
    .action(async (options: { failed?: boolean; stage?: string; wait?: boolean }) => {
      if (!options.failed) throw new UserError('say what to retry: `earshot retry --failed`');
      const registry = pipelineRegistry();
      const stage = options.stage;
      if (stage !== undefined && !registry.has(stage)) {
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
          const report = await retryFailed(pipeline.queue, connection.db, stage ? { stage } : {});
          const total = report.reduce((sum, r) => sum + r.scheduled, 0);
          const detail = report.map((r) => `${r.stage}: ${r.scheduled}`).join(', ');
          context.out.write(`Scheduled ${total} failed run${total === 1 ? '' : 's'} again (${detail}).\n`);
          if (options.wait) {
            const status = await runPipelineUntilIdle(pipeline, { out: context.out });
            context.out.write(`Finished: ${status.failures.length} failed (see \`earshot status\`).\n`);
            if (status.failures.length > 0) context.setExitCode(ExitCode.SomeRejected);
          } else if (total > 0) {
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
