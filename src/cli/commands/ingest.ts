import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import { UserError } from '../exit-codes.ts';

// Placeholder: filled in by the work on `earshot ingest`.
export function registerIngestCommand(program: Command, _context: CommandContext): void {
  program
    .command('ingest')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('earshot ingest is not built yet');
    });
}
