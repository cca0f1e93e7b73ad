import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/config.ts';
import { commandRegistrations } from './commands/index.ts';
import { createCommandContext } from './command-context.ts';
import { EnvironmentError, fileSystemFix, fileSystemProblem } from '../runtime/environment-error.ts';
import { ExitCode, UserError } from './exit-codes.ts';

const EXIT_CODE_HELP = `
Exit codes:
  0  all done
  1  some inputs were rejected (the summary lists them with reasons)
  2  usage error or fatal error

Environment:
  EARSHOT_DATA_DIR   data folder (default ./earshot-data): originals, working copies, embedded Postgres
  DATABASE_URL       use this PostgreSQL server instead of the embedded one
  EARSHOT_PORT       HTTP port for \`earshot start\`/\`earshot serve\` (default 8750)
  EARSHOT_PG_PORT    port of the embedded PostgreSQL on 127.0.0.1 (default 54329)`;

export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
  input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
): Promise<ExitCode> {
  let exitCode: ExitCode = ExitCode.Ok;
  const context = createCommandContext(
    env,
    out,
    err,
    (code) => {
      exitCode = Math.max(exitCode, code) as ExitCode;
    },
    input,
  );
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
    const message = messageForUser(error);
    if (message) {
      err.write(`earshot: ${message.text}\n`);
      return message.exitCode;
    }
    err.write(
      `earshot: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return ExitCode.Fatal;
  }
}

/**
 * The one table from errors to what the person at the terminal reads. Expected conditions get
 * their message alone (no stack trace); anything else is an unexpected error and keeps its stack.
 */
function messageForUser(error: unknown): { text: string; exitCode: ExitCode } | undefined {
  if (error instanceof UserError) return { text: error.message, exitCode: error.exitCode };
  // Accounts' own refusals (unknown user, short password): by name, as this module loads lazily.
  if (error instanceof Error && error.name === 'AccountProblem') {
    return { text: error.message, exitCode: ExitCode.Fatal };
  }
  if (error instanceof ConfigError || error instanceof EnvironmentError) {
    return { text: error.message, exitCode: ExitCode.Fatal };
  }
  const systemError = error as (NodeJS.ErrnoException & { severity?: unknown }) | undefined;
  // PostgreSQL's disk_full (SQLSTATE 53100): the database could not extend a file.
  if (systemError?.code === '53100' && systemError.severity !== undefined) {
    return {
      text:
        `the database server ran out of disk space (${systemError.message}). Free some space on the ` +
        'disk that holds the database (the data folder, EARSHOT_DATA_DIR, unless DATABASE_URL is set), ' +
        'then run the command again.',
      exitCode: ExitCode.Fatal,
    };
  }
  const problem = fileSystemProblem(error);
  if (problem && systemError?.path) {
    return {
      text: `cannot use ${systemError.path}: ${problem}. ${fileSystemFix(error)}; then run the command again.`,
      exitCode: ExitCode.Fatal,
    };
  }
  return undefined;
}
