import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.ts';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `earshot ARGS...` in this process through main(), capturing stdout and stderr. */
export function runEarshot(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  return runEarshotWithInput(env, '', ...args);
}

/** The same, with `stdin` as the command's standard input (not a terminal). */
export async function runEarshotWithInput(
  env: NodeJS.ProcessEnv,
  stdin: string,
  ...args: string[]
): Promise<CliResult> {
  const input = new PassThrough();
  input.end(stdin);
  const out = new PassThrough();
  const err = new PassThrough();
  let outText = '';
  let errText = '';
  out.on('data', (c: Buffer) => (outText += c.toString()));
  err.on('data', (c: Buffer) => (errText += c.toString()));
  const code = await main(['node', 'earshot', ...args], env, out, err, input);
  return { code, out: outText, err: errText };
}
