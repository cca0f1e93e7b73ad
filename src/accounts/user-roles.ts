import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { UserRole } from '../db/schema.ts';
import { UserNotFound } from './grants.ts';

/** Changing this role would leave no enabled admin: nobody could manage users any more. */
export class LastAdminRole extends Error {
  constructor(readonly userName: string) {
    super(`${userName} is the last enabled admin: make another user admin first`);
  }
}

/**
 * Gives the user a new role; it applies from their next request (the principal is loaded per
 * request). The last enabled admin keeps the role. Locked against concurrent changes so that two
 * admins demoting each other at once cannot both succeed.
 */
export async function changeUserRole(db: Db, userId: string, role: UserRole): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('earshot.user-roles'))`.execute(trx);
    const user = await trx
      .selectFrom('users')
      .select(['id', 'name', 'role', 'disabled_at'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw new UserNotFound(userId);
    if (user.role === 'admin' && role !== 'admin' && user.disabled_at === null) {
      const admins = await trx
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('role', '=', 'admin')
        .where('disabled_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(admins.n) <= 1) throw new LastAdminRole(user.name);
    }
    await trx.updateTable('users').set({ role }).where('id', '=', userId).execute();
  });
}
