import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import { UserError } from '../exit-codes.ts';

export function registerRestoreOriginalCommand(program: Command, context: CommandContext): void {
  program
    .command('restore-original')
    .description(
      "Put back a recording's original (quarantined or missing) from a copy whose SHA-256 is the recorded one",
    )
    .requiredOption('-r, --recording <id>', 'the recording whose original to restore')
    .argument('<file>', 'a known-good copy: a backup, or the file from the leak')
    .addHelpText(
      'after',
      `
The copy is hashed while it is copied into the store; any other bytes are refused and nothing
changes. A file still in the store is never replaced: \`earshot verify-store --quarantine\` moves a
changed one out first. The restore is logged in custody.`,
    )
    .action(async (file: string, options: { recording: string }) => {
      const { RestoreRefused, restoreOriginal } = await import('../../ingest/restore-original.ts');
      const config = context.config();
      const connection = await context.openDatabase();
      try {
        const restored = await restoreOriginal(connection.db, config, {
          recordingId: options.recording,
          file,
          actor: config.actor,
        }).catch((error: unknown) => {
          throw error instanceof RestoreRefused ? new UserError(error.message) : error;
        });
        context.out.write(
          restored.alreadyInStore
            ? `The store already holds the original of recording ${restored.recordingId} with its recorded ` +
                `SHA-256 ${restored.sha256}; nothing was copied, the restore was logged.\n`
            : `Restored the original of recording ${restored.recordingId} (${restored.sizeBytes} bytes, ` +
                `SHA-256 ${restored.sha256}) to ${restored.storePath}, read-only; logged in custody.\n`,
        );
      } finally {
        await connection.close();
      }
    });
}
