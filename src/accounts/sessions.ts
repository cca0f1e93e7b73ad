import { principalOfUser } from './load-principal.ts';
import type { SessionSettings } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import type { Principal } from './principal.ts';
import { newToken, tokenDigest } from './tokens.ts';

/** The cookie that carries the session token (HttpOnly, SameSite=Strict, Path=/). */
export const SESSION_COOKIE = 'earshot_session';

/** last_seen_at is written at most this often, not on every request of a busy desk. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

export interface NewSession {
  /** The cookie's value; only its SHA-256 is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface LiveSession {
  principal: Principal;
  csrfToken: string;
  tokenSha256: string;
}

/** What the browser tells about itself when signing in: kept with the session for the user. */
export interface SessionOrigin {
  address?: string | null;
  userAgent?: string | null;
}

export async function createSession(
  db: Db,
  userId: string,
  origin: SessionOrigin,
  settings: SessionSettings,
  now: Date,
): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + settings.maxAgeMs);
  await db
    .insertInto('user_sessions')
    .values({
      token_sha256: tokenDigest(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      address: origin.address ?? null,
      user_agent: origin.userAgent?.slice(0, 500) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/**
 * The live session a cookie's token names, or null when it is unknown (forged), signed out,
 * past its absolute or idle expiry, or its user is disabled.
 */
export async function findLiveSession(
  db: Db,
  token: string,
  settings: SessionSettings,
  now: Date,
): Promise<LiveSession | null> {
  const tokenSha256 = tokenDigest(token);
  const row = await db
    .selectFrom('user_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.csrf_token', 's.last_seen_at', 'u.id', 'u.name', 'u.role'])
    .where('s.token_sha256', '=', tokenSha256)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', new Date(now.getTime() - settings.idleMs))
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  if (now.getTime() - row.last_seen_at.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db
      .updateTable('user_sessions')
      .set({ last_seen_at: now })
      .where('token_sha256', '=', tokenSha256)
      .execute();
  }
  return { principal: await principalOfUser(db, row), csrfToken: row.csrf_token, tokenSha256 };
}

/** Signs this session out. */
export async function endSession(db: Db, tokenSha256: string, now = new Date()): Promise<void> {
  await db
    .updateTable('user_sessions')
    .set({ revoked_at: now })
    .where('token_sha256', '=', tokenSha256)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Signs the user out everywhere (also on disabling and on a new password). */
export async function endAllSessions(db: Db, userId: string, now = new Date()): Promise<number> {
  const result = await db
    .updateTable('user_sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
