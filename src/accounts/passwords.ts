import { hash, verify } from '@node-rs/argon2';
import { AccountProblem } from './account-errors.ts';

/** Long enough that the throttled sign-in cannot guess it; no other rule (length beats symbols). */
export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 1000;

/** A password that cannot be set: the message says why, for the CLI and the API alike. */
export class PasswordRejected extends AccountProblem {}

export function checkNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new PasswordRejected(`the password must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new PasswordRejected(`the password must be at most ${MAX_PASSWORD_LENGTH} characters long`);
  }
}

/** argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 passes), as a PHC string. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/**
 * Hash of a password nobody has: checked against when the name is unknown or has no password, so
 * that a wrong name takes as long to refuse as a wrong password and names cannot be probed.
 */
let decoyHash: Promise<string> | undefined;

export async function passwordMatches(storedHash: string | null, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  const target = storedHash ?? (await (decoyHash ??= hash('no user has this password')));
  const matches = await verify(target, password).catch(() => false);
  return storedHash !== null && matches;
}
