import type { SessionSettings } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { passwordMatches } from './passwords.ts';
import type { Principal } from './principal.ts';
import { createSession, principalOf, type NewSession, type SessionOrigin } from './sessions.ts';
import { recordSignInAttempt, signInWaitMs } from './throttle.ts';
import { newToken, tokenDigest } from './tokens.ts';
import { anyUserExists, createUser, findUser } from './users.ts';

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
  return { ...session, principal: await principalOf(db, user) };
}

/** A one-time sign-in link's token (stored as SHA-256, single use, short-lived). */
export async function createSignInToken(
  db: Db,
  userId: string,
  settings: SessionSettings,
  now = new Date(),
): Promise<string> {
  const token = newToken();
  await db
    .insertInto('sign_in_tokens')
    .values({
      token_sha256: tokenDigest(token),
      user_id: userId,
      created_at: now,
      expires_at: new Date(now.getTime() + settings.signInLinkMs),
    })
    .execute();
  return token;
}

/** Where a one-time token signs in: the server's /sign-in, which sets the cookie and opens the desk. */
export function signInLink(serverUrl: string, token: string): string {
  return new URL(`sign-in?token=${encodeURIComponent(token)}`, serverUrl).toString();
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
  return { ...session, principal: await principalOf(db, user) };
}

export const FIRST_ADMIN = 'admin';

/**
 * The first start of a database with no user: an admin without a password, reached through the
 * one-time link the start prints. Returns the admin to print a link for, or null when users exist
 * and one of them can sign in with a password (then `earshot sign-in-link` prints one on demand).
 */
export async function adminNeedingLink(
  db: Db,
): Promise<{ id: string; name: string; created: boolean } | null> {
  if (!(await anyUserExists(db))) {
    const admin = await createUser(db, { name: FIRST_ADMIN, role: 'admin', createdBy: 'first start' });
    return { id: admin.id, name: admin.name, created: true };
  }
  // Nobody has a password yet (the demo as first started): only a link can get anyone in.
  const withPassword = await db
    .selectFrom('users')
    .select('id')
    .where('password_hash', 'is not', null)
    .where('disabled_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  if (withPassword) return null;
  const admin = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return admin ? { ...admin, created: false } : null;
}
