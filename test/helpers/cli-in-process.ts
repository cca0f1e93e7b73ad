import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.ts';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `earshot ARGS...` in this process through main(), capturing stdout and stderr. */
export async function runEarshot(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  const out = new PassThrough();
  const err = new PassThrough();
  let outText = '';
  let errText = '';
  out.on('data', (c: Buffer) => (outText += c.toString()));
  err.on('data', (c: Buffer) => (errText += c.toString()));
  const code = await main(['node', 'earshot', ...args], env, out, err);
  return { code, out: outText, err: errText };
}
