import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import type { StoreProblem } from '../../db/schema.ts';
import { ExitCode, UserError } from '../exit-codes.ts';

export function registerVerifyStoreCommand(program: Command, context: CommandContext): void {
  program
    .command('verify-store')
    .description(
      'Hash every original and working copy again and compare with what was recorded (exit 1 when any differs or is gone)',
    )
    .option('-c, --collection <name>', 'only this collection')
    .option(
      '--quarantine',
      'move each changed file, bytes kept, into <data>/quarantine and log it (without: report only)',
    )
    .option('--json', 'print machine-readable JSON')
    .action(async (options: { collection?: string; quarantine?: boolean; json?: boolean }) => {
      const [{ StoreVerificationError, verifyStore }, { QuarantineError }] = await Promise.all([
        import('../../ingest/store-verification.ts'),
        import('../../ingest/store-quarantine.ts'),
      ]);
      const config = context.config();
      const connection = await context.openDatabase();
      try {
        let lastShown = 0;
        const result = await verifyStore(connection.db, config, {
          collection: options.collection,
          actor: config.actor,
          quarantine: options.quarantine === true,
          onFile: (done, total) => {
            if (options.json || (done !== total && Date.now() - lastShown < 5000)) return;
            lastShown = Date.now();
            context.err.write(`Verified ${done} of ${total} files\n`);
          },
        }).catch((error: unknown) => {
          const known = error instanceof StoreVerificationError || error instanceof QuarantineError;
          throw known ? new UserError(error.message) : error;
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
        for (const p of result.problems) context.out.write(`  ${describeProblem(p)}\n`);
        if (!result.ok) context.out.write(adviceFor(result.problems, options.quarantine === true));
      } finally {
        await connection.close();
      }
    });
}

function describeProblem(p: StoreProblem): string {
  const what = `${p.kind} ${p.path} (recording ${p.recordingId})`;
  switch (p.problem) {
    case 'missing':
      return `${what}: missing`;
    case 'quarantined':
      return `${what}: quarantined earlier, kept in ${p.quarantinePath ?? '?'}, not restored`;
    case 'changed': {
      const moved = p.quarantinePath ? `; moved to ${p.quarantinePath}` : '';
      return `${what}: changed: SHA-256 is ${p.foundSha256}, recorded ${p.expectedSha256}${moved}`;
    }
  }
}

/** What to do next; a changed original is never repaired here, only moved when asked. */
function adviceFor(problems: StoreProblem[], quarantined: boolean): string {
  const changed = problems.some((p) => p.problem === 'changed');
  const moved = quarantined
    ? 'Each changed file was moved, bytes kept, into the quarantine folder and logged in custody; ' +
      'the API refuses it instead of serving it.'
    : changed
      ? 'Nothing was moved or repaired (report only): `earshot verify-store --quarantine` moves each ' +
        'changed file, bytes kept, into the quarantine folder.'
      : 'Nothing was moved or repaired.';
  return (
    `${moved} A changed original is not what was received: restore it from a known-good copy with ` +
    '`earshot restore-original --recording ID FILE` (accepted only if its SHA-256 is the recorded one); ' +
    'a working copy can be made again with `earshot redo decode --force`.\n'
  );
}
