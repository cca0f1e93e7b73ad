import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import { UserError } from '../exit-codes.ts';

// Placeholder: filled in by the work on `earshot worker`.
export function registerWorkerCommand(program: Command, _context: CommandContext): void {
  program
    .command('worker')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('earshot worker is not built yet');
    });
}
