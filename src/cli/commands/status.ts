import type { Command } from 'commander';
import { pipelineRegistry } from '../../jobs/handlers.ts';
import { getPipelineStatus } from '../../jobs/operations.ts';
import { formatStatusTable } from '../../jobs/status-report.ts';
import type { CommandContext } from '../command-context.ts';

export function registerStatusCommand(program: Command, context: CommandContext): void {
  program
    .command('status')
    .description('Show per-stage counts (pending, running, done, failed, missing) and failures with reasons')
    .option('--json', 'print machine-readable JSON instead of a table')
    .action(async (options: { json?: boolean }) => {
      const registry = pipelineRegistry();
      const connection = await context.openDatabase();
      try {
        const status = await getPipelineStatus(connection.db, registry);
        context.out.write(options.json ? JSON.stringify(status, null, 2) + '\n' : formatStatusTable(status));
      } finally {
        await connection.close();
      }
    });
}
