import type { EarshotConfig } from '../config/config.ts';
import { loadConfig } from '../config/config.ts';
import type { DatabaseConnection } from '../runtime/database-connection.ts';
import type { ExitCode } from './exit-codes.ts';

/** What every CLI command gets: the parsed config, a way to open the database, an output sink. */
export interface CommandContext {
  config(): EarshotConfig;
  openDatabase(): Promise<DatabaseConnection>;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  /** Standard input (a password read with --password-stdin, or typed at a prompt when a TTY). */
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Commands set this to report partial success; main() returns it. */
  setExitCode(code: ExitCode): void;
}

export function createCommandContext(
  env: NodeJS.ProcessEnv,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  onExitCode: (code: ExitCode) => void,
  input: CommandContext['input'] = process.stdin,
): CommandContext {
  let config: EarshotConfig | undefined;
  const getConfig = (): EarshotConfig => (config ??= loadConfig(env));
  return {
    config: getConfig,
    // PostgreSQL, Kysely and the migrations load only for the commands that open the database.
    openDatabase: async () =>
      (await import('../runtime/database-connection.ts')).connectDatabase(getConfig()),
    out,
    err,
    input,
    setExitCode: onExitCode,
  };
}
