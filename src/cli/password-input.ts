import readline from 'node:readline';
import { Writable } from 'node:stream';
import type { CommandContext } from './command-context.ts';
import { UserError } from './exit-codes.ts';

const MAX_STDIN_BYTES = 10_000;

/** The first line of stdin (`printf '%s' "$PW" | earshot user add … --password-stdin`). */
async function passwordFromStdin(input: CommandContext['input']): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (text.length > MAX_STDIN_BYTES) throw new UserError('--password-stdin: the input is too long');
  }
  const password = text.split(/\r?\n/, 1)[0] ?? '';
  if (!password) throw new UserError('--password-stdin: no password on stdin');
  return password;
}

/** Asks at the terminal without echoing what is typed. */
function ask(context: CommandContext, question: string): Promise<string> {
  context.err.write(question);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const prompt = readline.createInterface({ input: context.input, output: silent, terminal: true });
  return new Promise((resolve) => {
    prompt.question('', (answer) => {
      prompt.close();
      context.err.write('\n');
      resolve(answer);
    });
  });
}

/**
 * A new password: from stdin with --password-stdin, typed twice at a terminal otherwise; undefined
 * when neither (a script without --password-stdin: the user signs in with a one-time link).
 */
export async function readNewPassword(
  context: CommandContext,
  options: { fromStdin: boolean; required: boolean },
): Promise<string | undefined> {
  if (options.fromStdin) return passwordFromStdin(context.input);
  if (!context.input.isTTY) {
    if (!options.required) return undefined;
    throw new UserError('no terminal to type the password at: pipe it in with --password-stdin');
  }
  const first = await ask(context, 'New password: ');
  const second = await ask(context, 'Once more: ');
  if (first !== second) throw new UserError('the two passwords differ: nothing was changed');
  return first;
}
