import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import { UserError } from '../exit-codes.ts';

// Placeholder: filled in by the work on `earshot status`.
export function registerStatusCommand(program: Command, _context: CommandContext): void {
  program
    .command('status')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('earshot status is not built yet');
    });
}
