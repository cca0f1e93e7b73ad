import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import { UserError } from '../exit-codes.ts';

// Placeholder: filled in by the work on `earshot start`.
export function registerStartCommand(program: Command, _context: CommandContext): void {
  program
    .command('start')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('earshot start is not built yet');
    });
}
