import type { SessionSettings } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { passwordMatches } from './passwords.ts';
import type { Principal } from './principal.ts';
import { principalOfUser } from './load-principal.ts';
import { createSession, type NewSession, type SessionOrigin } from './sessions.ts';
import { recordSignInAttempt, signInWaitMs } from './throttle.ts';
import { tokenDigest } from './tokens.ts';
import { findUser } from './users.ts';

/** Wrong name or password, or a disabled user: one answer for all, so names cannot be probed. */
export class SignInFailed extends Error {
  constructor() {
    super('Wrong name or password.');
  }
}

/** Too many failures for this name or from this address: try again after retryAfterSeconds. */
export class SignInThrottled extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(
      `Too many failed sign-ins: wait ${retryAfterSeconds} seconds before trying again ` +
        '(an admin can set a new password with `earshot user passwd NAME`).',
    );
  }
}

export interface SignedIn extends NewSession {
  principal: Principal;
}

/** Name and password against the stored argon2id hash, throttled, every attempt recorded. */
export async function signInWithPassword(
  db: Db,
  input: { name: string; password: string; origin: SessionOrigin },
  settings: SessionSettings,
  now: Date,
): Promise<SignedIn> {
  const address = input.origin.address ?? null;
  const waitMs = await signInWaitMs(db, { userName: input.name, address }, now);
  if (waitMs > 0) throw new SignInThrottled(Math.ceil(waitMs / 1000));
  const user = await findUser(db, input.name);
  const matches = await passwordMatches(user?.password_hash ?? null, input.password);
  const succeeded = matches && user !== undefined && user.disabled_at === null;
  await recordSignInAttempt(db, { userName: input.name, address, succeeded }, now);
  if (!succeeded) throw new SignInFailed();
  const session = await createSession(db, user.id, input.origin, settings, now);
  return { ...session, principal: await principalOfUser(db, user) };
}

/** Uses a one-time token: a session for its user, or null when unknown, used, expired or disabled. */
export async function signInWithToken(
  db: Db,
  input: { token: string; origin: SessionOrigin },
  settings: SessionSettings,
  now: Date,
): Promise<SignedIn | null> {
  const used = await db
    .updateTable('sign_in_tokens')
    .set({ used_at: now })
    .where('token_sha256', '=', tokenDigest(input.token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  if (!used) return null;
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', used.user_id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user) return null;
  await recordSignInAttempt(
    db,
    { userName: user.name, address: input.origin.address ?? null, succeeded: true },
    now,
  );
  const session = await createSession(db, user.id, input.origin, settings, now);
  return { ...session, principal: await principalOfUser(db, user) };
}
