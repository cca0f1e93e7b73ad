import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/config.ts';
import { commandRegistrations } from './commands/index.ts';
import { createCommandContext } from './command-context.ts';
import { ExitCode, UserError } from './exit-codes.ts';

const EXIT_CODE_HELP = `
Exit codes:
  0  all done
  1  some inputs were rejected (the summary lists them with reasons)
  2  usage error or fatal error

Environment:
  EARSHOT_DATA_DIR   data folder (default ./earshot-data): originals, working copies, embedded Postgres
  DATABASE_URL       use this PostgreSQL server instead of the embedded one
  EARSHOT_PORT       HTTP port for \`earshot start\`/\`earshot serve\` (default 8750)`;

export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<ExitCode> {
  let exitCode: ExitCode = ExitCode.Ok;
  const context = createCommandContext(env, out, err, (code) => {
    exitCode = Math.max(exitCode, code) as ExitCode;
  });
  const program = new Command('earshot')
    .description('Earshot: offline investigation desk for intercepted and leaked phone-call audio')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_CODE_HELP)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => out.write(s),
      writeErr: (s) => err.write(s),
    });
  for (const register of commandRegistrations) register(program, context);

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Fatal;
    }
    if (error instanceof UserError) {
      err.write(`earshot: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof ConfigError) {
      err.write(`earshot: ${error.message}\n`);
      return ExitCode.Fatal;
    }
    err.write(
      `earshot: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return ExitCode.Fatal;
  }
}
