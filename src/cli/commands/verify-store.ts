import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import { ExitCode, UserError } from '../exit-codes.ts';

export function registerVerifyStoreCommand(program: Command, context: CommandContext): void {
  program
    .command('verify-store')
    .description(
      'Hash every original and working copy again and compare with what was recorded (exit 1 when any differs or is gone)',
    )
    .option('-c, --collection <name>', 'only this collection')
    .option('--json', 'print machine-readable JSON')
    .action(async (options: { collection?: string; json?: boolean }) => {
      const { StoreVerificationError, verifyStore } = await import('../../ingest/store-verification.ts');
      const config = context.config();
      const connection = await context.openDatabase();
      try {
        let lastShown = 0;
        const result = await verifyStore(connection.db, config, {
          collection: options.collection,
          actor: config.actor,
          onFile: (done, total) => {
            if (options.json || (done !== total && Date.now() - lastShown < 5000)) return;
            lastShown = Date.now();
            context.err.write(`Verified ${done} of ${total} files\n`);
          },
        }).catch((error: unknown) => {
          throw error instanceof StoreVerificationError ? new UserError(error.message) : error;
        });
        if (!result.ok) context.setExitCode(ExitCode.SomeRejected);
        if (options.json) {
          context.out.write(JSON.stringify(result, null, 2) + '\n');
          return;
        }
        const scope = result.collection ? `collection "${result.collection}"` : 'the whole store';
        context.out.write(
          `Store verification of ${scope}: ${result.originalsChecked} originals and ${result.derivedChecked} ` +
            `working copies hashed again. ${result.ok ? 'Every file matches its recorded SHA-256.' : `${result.problems.length} do not match:`}\n`,
        );
        for (const p of result.problems) {
          context.out.write(
            `  ${p.kind} ${p.path} (recording ${p.recordingId}): ` +
              (p.problem === 'missing'
                ? 'missing'
                : `changed: SHA-256 is ${p.foundSha256}, recorded ${p.expectedSha256}`) +
              '\n',
          );
        }
        if (!result.ok) {
          context.out.write(
            'Nothing was changed or repaired. A changed original is not what was received: keep the file ' +
              'for examination and restore the original from a backup; a working copy can be made again ' +
              'with `earshot redo decode --force`.\n',
          );
        }
      } finally {
        await connection.close();
      }
    });
}
