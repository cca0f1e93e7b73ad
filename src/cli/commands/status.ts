import type { Command } from 'commander';
import { STAGE_ORDER } from '../../jobs/stages.ts';
import {
  formatQuarantineLines,
  formatStatusTable,
  formatStoreVerificationLine,
} from '../../jobs/status-report.ts';
import type { CommandContext } from '../command-context.ts';

export function registerStatusCommand(program: Command, context: CommandContext): void {
  program
    .command('status')
    .description('Show per-stage counts (pending, running, done, failed, missing) and failures with reasons')
    .option('--json', 'print machine-readable JSON instead of a table')
    .action(async (options: { json?: boolean }) => {
      // The stage list, not the stage handlers: status loads no engine.
      const [{ getPipelineStatus }, { latestStoreVerification }, { openQuarantines }] = await Promise.all([
        import('../../jobs/operations.ts'),
        import('../../ingest/store-verification.ts'),
        import('../../ingest/store-quarantine.ts'),
      ]);
      const connection = await context.openDatabase();
      try {
        const status = await getPipelineStatus(connection.db, { order: STAGE_ORDER });
        const store = await latestStoreVerification(connection.db);
        const quarantined = await openQuarantines(connection.db);
        context.out.write(
          options.json
            ? JSON.stringify({ ...status, storeVerification: store ?? null, quarantined }, null, 2) + '\n'
            : formatStatusTable(status) +
                formatStoreVerificationLine(store) +
                formatQuarantineLines(quarantined),
        );
      } finally {
        await connection.close();
      }
    });
}
