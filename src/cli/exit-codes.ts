/** Exit codes scripts can rely on (documented in the README and in `earshot --help`). */
export const ExitCode = {
  /** Everything asked for was done. */
  Ok: 0,
  /** The command ran, but some inputs were rejected (see the summary and `earshot status`). */
  SomeRejected: 1,
  /** Usage error or fatal error: nothing, or not everything, could be attempted. */
  Fatal: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error meant for the person at the terminal: the message says what went wrong and what to do. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.Fatal,
  ) {
    super(message);
  }
}
