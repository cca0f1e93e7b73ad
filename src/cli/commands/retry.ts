import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import { UserError } from '../exit-codes.ts';

// Placeholder: filled in by the work on `earshot retry`.
export function registerRetryCommand(program: Command, _context: CommandContext): void {
  program
    .command('retry')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('earshot retry is not built yet');
    });
}
