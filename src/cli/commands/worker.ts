import type { Command } from 'commander';
import { formatPipelineEvent } from '../../jobs/status-report.ts';
import type { StageName } from '../../jobs/stages.ts';
import type { CommandContext } from '../command-context.ts';
import { ExitCode, UserError } from '../exit-codes.ts';
import { waitForShutdownSignal } from '../shutdown.ts';

export function registerWorkerCommand(program: Command, context: CommandContext): void {
  program
    .command('worker')
    .description(
      'Run stage handlers only (no HTTP). Stops cleanly on Ctrl-C/SIGTERM; more workers can join ' +
        'from other machines with the same DATABASE_URL',
    )
    .option(
      '--concurrency <n>',
      'jobs at once per stage (default EARSHOT_WORKER_CONCURRENCY)',
      parseConcurrency,
    )
    .option('--exit-when-idle', 'exit once nothing is pending or running')
    .option(
      '--sole-worker',
      'no other worker uses this database: retry work left running by a crashed worker at once ' +
        '(implied with the embedded database)',
    )
    .action(async (options: { concurrency?: number; exitWhenIdle?: boolean; soleWorker?: boolean }) => {
      const [{ pipelineRegistry }, { openPipeline }, { runPipelineUntilIdle }] = await Promise.all([
        import('../../jobs/handlers.ts'),
        import('../../jobs/pipeline.ts'),
        import('../../jobs/run-until-idle.ts'),
      ]);
      const registry = pipelineRegistry();
      const config = context.config();
      const concurrency = options.concurrency ?? config.workerConcurrency;
      const connection = await context.openDatabase();
      try {
        const pipeline = await openPipeline<StageName>({
          connection,
          config,
          ...(options.soleWorker ? { exclusive: true } : {}),
        });
        const r = pipeline.recovery;
        if (r.interruptedRuns + r.orphanedJobs + r.abandonedRuns + r.requeuedRuns > 0) {
          context.out.write(
            `Recovered: ${r.interruptedRuns} interrupted runs, ${r.orphanedJobs} orphaned jobs, ` +
              `${r.abandonedRuns} abandoned runs, ${r.requeuedRuns} runs requeued.\n`,
          );
        }
        try {
          const ready = `Worker ready: stages ${registry.order.join(', ')}, concurrency ${concurrency}.\n`;
          if (options.exitWhenIdle) {
            context.out.write(ready);
            const status = await runPipelineUntilIdle(pipeline, { out: context.out, concurrency });
            context.out.write(`Idle: ${status.failures.length} failed (see \`earshot status\`).\n`);
            if (status.failures.length > 0) context.setExitCode(ExitCode.SomeRejected);
            return;
          }
          // Listen for signals before saying "ready": whoever reads that line may stop us at once.
          const shutdown = waitForShutdownSignal();
          await pipeline.startWorkers({
            concurrency,
            onEvent: (event) => context.out.write(formatPipelineEvent(event) + '\n'),
          });
          context.out.write(ready);
          const signal = await shutdown;
          context.out.write(`${signal}: finishing jobs in hand, then stopping (again to stop at once).\n`);
        } finally {
          await pipeline.stop();
        }
        context.out.write('Worker stopped.\n');
      } finally {
        await connection.close();
      }
    });
}

function parseConcurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new UserError(`--concurrency must be 1 to 64, got "${value}"`);
  return n;
}
