import { grantCollection, revokeCollection } from './grants.ts';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { User, UserRole } from '../db/schema.ts';
import { AccountProblem } from './account-errors.ts';
import { checkNewPassword, hashPassword } from './passwords.ts';
import { endAllSessions } from './sessions.ts';

export const USER_ROLES = [
  'admin',
  'editor',
  'reviewer',
  'transcriber',
  'viewer',
] as const satisfies readonly UserRole[];

const NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,63}$/u;

export function parseRole(value: string): UserRole {
  const role = USER_ROLES.find((r) => r === value.toLowerCase());
  if (!role) throw new AccountProblem(`unknown role "${value}": use one of ${USER_ROLES.join(', ')}`);
  return role;
}

function checkUserName(name: string): void {
  if (!NAME_PATTERN.test(name)) {
    throw new AccountProblem(
      `"${name}" cannot be a user name: use 1 to 64 letters, digits, dots, dashes, underscores or @, ` +
        'starting with a letter or digit',
    );
  }
}

/** Whether any user exists at all (the first start creates an admin when none does). */
export async function anyUserExists(db: Db): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Names compare without case: "Olena" and "olena" are one user (users_name_idx). */
export function findUser(db: Db, name: string): Promise<User | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

export async function requireUser(db: Db, name: string): Promise<User> {
  const user = await findUser(db, name);
  if (!user) throw new AccountProblem(`there is no user "${name}" (\`earshot user list\` lists them)`);
  return user;
}

export async function createUser(
  db: Db,
  input: { name: string; role: UserRole; password?: string; createdBy: string },
): Promise<User> {
  checkUserName(input.name);
  if (input.password !== undefined) checkNewPassword(input.password);
  if (await findUser(db, input.name)) throw new AccountProblem(`a user "${input.name}" already exists`);
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return db
    .insertInto('users')
    .values({
      name: input.name,
      role: input.role,
      password_hash: passwordHash,
      password_changed_at: passwordHash ? new Date() : null,
      created_by: input.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface UserListing {
  name: string;
  role: UserRole;
  hasPassword: boolean;
  disabledAt: Date | null;
  createdAt: Date;
  /** Names of the collections granted (admins see every collection whatever is granted). */
  collections: string[];
}

export async function listUsers(db: Db): Promise<UserListing[]> {
  const users = await db.selectFrom('users').selectAll().orderBy('created_at').orderBy('name').execute();
  const grants = await db
    .selectFrom('collection_grants as g')
    .innerJoin('collections as c', 'c.id', 'g.collection_id')
    .select(['g.user_id', 'c.name'])
    .orderBy('c.name')
    .execute();
  return users.map((u) => ({
    name: u.name,
    role: u.role,
    hasPassword: u.password_hash !== null,
    disabledAt: u.disabled_at,
    createdAt: u.created_at,
    collections: grants.filter((g) => g.user_id === u.id).map((g) => g.name),
  }));
}

/** Sets a new password; every session signed in with the old one ends. */
export async function setPassword(db: Db, name: string, password: string): Promise<void> {
  checkNewPassword(password);
  const user = await requireUser(db, name);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: new Date() })
      .where('id', '=', user.id)
      .execute();
    await endAllSessions(trx, user.id);
  });
}

/** Disables the user and ends their live sessions at once; nothing of theirs is removed. */
export async function disableUser(db: Db, name: string): Promise<{ alreadyDisabled: boolean }> {
  const user = await requireUser(db, name);
  if (user.disabled_at) return { alreadyDisabled: true };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', user.id).execute();
    await endAllSessions(trx, user.id);
    await trx
      .updateTable('sign_in_tokens')
      .set({ used_at: new Date() })
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .execute();
  });
  return { alreadyDisabled: false };
}

async function requireCollection(db: Db, nameOrId: string): Promise<{ id: string; name: string }> {
  const byName = await db
    .selectFrom('collections')
    .select(['id', 'name'])
    .where('name', '=', nameOrId)
    .executeTakeFirst();
  if (byName) return byName;
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(nameOrId);
  const byId = isUuid
    ? await db.selectFrom('collections').select(['id', 'name']).where('id', '=', nameOrId).executeTakeFirst()
    : undefined;
  if (!byId) throw new AccountProblem(`there is no collection "${nameOrId}"`);
  return byId;
}

/** Lets a user see a collection (admins see every one already); the CLI names both by name. */
export async function grantCollectionByName(
  db: Db,
  input: { userName: string; collection: string; grantedBy: string },
): Promise<{ collection: string; alreadyGranted: boolean }> {
  const user = await requireUser(db, input.userName);
  const collection = await requireCollection(db, input.collection);
  const granted = await grantCollection(db, {
    userId: user.id,
    collectionId: collection.id,
    grantedBy: input.grantedBy,
  });
  return { collection: collection.name, alreadyGranted: !granted };
}

export async function revokeCollectionByName(
  db: Db,
  input: { userName: string; collection: string },
): Promise<{ collection: string; wasGranted: boolean }> {
  const user = await requireUser(db, input.userName);
  const collection = await requireCollection(db, input.collection);
  const wasGranted = await revokeCollection(db, { userId: user.id, collectionId: collection.id });
  return { collection: collection.name, wasGranted };
}
