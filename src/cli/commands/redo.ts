import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import { UserError } from '../exit-codes.ts';

// Placeholder: filled in by the work on `earshot redo`.
export function registerRedoCommand(program: Command, _context: CommandContext): void {
  program
    .command('redo')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('earshot redo is not built yet');
    });
}
