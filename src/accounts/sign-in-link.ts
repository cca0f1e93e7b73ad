import type { EarshotConfig, SessionSettings } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { AccountProblem } from './account-errors.ts';
import { newToken, tokenDigest } from './tokens.ts';
import { anyUserExists, createUser, requireUser } from './users.ts';

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

/** The address a browser on this machine reaches the server at (loopback for a wildcard listen). */
export function localServerUrl(config: Pick<EarshotConfig, 'host' | 'port'>, port = config.port): string {
  const wildcard = config.host === '0.0.0.0' || config.host === '::' || config.host === '';
  const host = wildcard ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
}

/** `earshot sign-in-link [--user NAME]`: a fresh link for that user, or for the first admin. */
export async function printableSignInLink(
  db: Db,
  config: EarshotConfig,
  userName: string | undefined,
): Promise<string> {
  const user = userName ? await requireUser(db, userName) : await firstAdmin(db);
  if (user.disabled_at) throw new AccountProblem(`${user.name} is disabled: no sign-in link for them`);
  const token = await createSignInToken(db, user.id, config.sessions);
  const minutes = Math.round(config.sessions.signInLinkMs / 60_000);
  return (
    `One-time sign-in link for ${user.name} (valid ${minutes} minutes, once; the server must be running ` +
    `at ${localServerUrl(config)}):\n  ${signInLink(localServerUrl(config), token)}`
  );
}

async function firstAdmin(db: Db) {
  const admin = await db
    .selectFrom('users')
    .selectAll()
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  if (!admin) {
    throw new AccountProblem(
      'there is no admin yet: `earshot start` creates one, or `earshot user add NAME --role admin`',
    );
  }
  return admin;
}

/**
 * What `earshot start` and `earshot serve` print under the desk's address: on a first start (no
 * user yet) the admin they just created and a one-time link that signs it in; while nobody can
 * sign in with a password, a fresh link at every start; otherwise how to get one.
 */
export async function signInLinesAtStart(
  db: Db,
  config: EarshotConfig,
  serverUrl: string,
): Promise<string[]> {
  const admin = await adminNeedingLink(db);
  if (!admin) {
    return [
      `Sign in at ${serverUrl} (an admin can print a one-time link: \`earshot sign-in-link --user NAME\`).`,
    ];
  }
  const token = await createSignInToken(db, admin.id, config.sessions);
  const minutes = Math.round(config.sessions.signInLinkMs / 60_000);
  return [
    ...(admin.created
      ? [
          `First start: created the admin user "${admin.name}" (no password yet: \`earshot user passwd ${admin.name}\`).`,
        ]
      : []),
    `Open this link to sign in as ${admin.name} (works once, for ${minutes} minutes; \`earshot sign-in-link\` prints another):`,
    '',
    `    ${signInLink(serverUrl, token)}`,
    '',
  ];
}
