import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import { UserError } from '../exit-codes.ts';

// Placeholder: filled in by the work on `earshot serve`.
export function registerServeCommand(program: Command, _context: CommandContext): void {
  program
    .command('serve')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('earshot serve is not built yet');
    });
}
