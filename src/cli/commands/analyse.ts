import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import { UserError } from '../exit-codes.ts';

/** Refuse absurd inputs before analysing them: a call transcript is a few hundred kilobytes at most. */
const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/*
 * `earshot analyse --text`: the analyser alone, for scripts and evaluations. Each non-empty line
 * of stdin is one segment (key "line N", offsets within that line); the whole input is one call.
 */
export function registerAnalyseCommand(program: Command, context: CommandContext): void {
  program
    .command('analyse')
    .description('Decode code words and score plain Russian text read from stdin (prints JSON)')
    .option('--text', 'read plain text on stdin: one segment per line, the whole input one call')
    .action(async (options: { text?: boolean }) => {
      if (!options.text) {
        throw new UserError('nothing to analyse: pass --text and pipe the text on stdin');
      }
      const stdin = process.stdin;
      if (stdin.isTTY)
        throw new UserError('--text reads stdin: pipe the text in (echo … | earshot analyse --text)');
      const text = await readAll(stdin);
      const segments = text
        .split(/\r?\n/)
        .map((line, index) => ({ key: `line ${index + 1}`, text: line }))
        .filter((s) => s.text.trim() !== '');
      if (segments.length === 0) throw new UserError('no text on stdin: nothing to analyse');
      const { analyseCall } = await import('../../analysis/analyse-text.ts');
      context.out.write(JSON.stringify(analyseCall(segments), null, 2) + '\n');
    });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += buffer.length;
    if (size > MAX_INPUT_BYTES)
      throw new UserError(`stdin is larger than ${MAX_INPUT_BYTES} bytes: split the text`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
