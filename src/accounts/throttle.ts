import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/**
 * Sign-in throttling, from the sign_in_attempts table (so it holds across restarts and for every
 * server process on one database). Failures are counted in a sliding window, per account name
 * (since its last successful sign-in) and per address; past a threshold each further attempt has
 * to wait, and the wait doubles with every failure, up to a cap.
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  /** Failures for one account name before it must wait. */
  accountFailures: 5,
  /** Failures from one address (over any names) before it must wait: guessing names is failing too. */
  addressFailures: 20,
  firstWaitMs: 30_000,
  maxWaitMs: 15 * 60_000,
} as const;

export interface AttemptCounts {
  failures: number;
  lastFailureAt: Date | null;
}

/** How long to wait after `failures` failures, the last at lastFailureAt; 0 when no wait. */
function waitAfter(counts: AttemptCounts, threshold: number, now: Date): number {
  if (counts.failures < threshold || !counts.lastFailureAt) return 0;
  const wait = Math.min(THROTTLE.firstWaitMs * 2 ** (counts.failures - threshold), THROTTLE.maxWaitMs);
  return Math.max(0, counts.lastFailureAt.getTime() + wait - now.getTime());
}

async function accountFailures(db: Db, userName: string, windowStart: Date): Promise<AttemptCounts> {
  const name = sql<string>`lower(user_name)`;
  const lastSuccess = await db
    .selectFrom('sign_in_attempts')
    .select(sql<Date | null>`max(attempted_at)`.as('at'))
    .where(name, '=', userName.toLowerCase())
    .where('succeeded', '=', true)
    .executeTakeFirstOrThrow();
  const since = lastSuccess.at && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;
  const row = await db
    .selectFrom('sign_in_attempts')
    .select([sql<string>`count(*)`.as('failures'), sql<Date | null>`max(attempted_at)`.as('last_failure_at')])
    .where(name, '=', userName.toLowerCase())
    .where('succeeded', '=', false)
    .where('attempted_at', '>', since)
    .executeTakeFirstOrThrow();
  return { failures: Number(row.failures), lastFailureAt: row.last_failure_at };
}

async function addressFailures(db: Db, address: string, since: Date): Promise<AttemptCounts> {
  const row = await db
    .selectFrom('sign_in_attempts')
    .select([sql<string>`count(*)`.as('failures'), sql<Date | null>`max(attempted_at)`.as('last_failure_at')])
    .where('address', '=', address)
    .where('succeeded', '=', false)
    .where('attempted_at', '>', since)
    .executeTakeFirstOrThrow();
  return { failures: Number(row.failures), lastFailureAt: row.last_failure_at };
}

/** Milliseconds this name, from this address, must still wait before trying again (0: go ahead). */
export async function signInWaitMs(
  db: Db,
  attempt: { userName: string; address: string | null },
  now: Date,
): Promise<number> {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const byAccount = waitAfter(
    await accountFailures(db, attempt.userName, since),
    THROTTLE.accountFailures,
    now,
  );
  const byAddress = attempt.address
    ? waitAfter(await addressFailures(db, attempt.address, since), THROTTLE.addressFailures, now)
    : 0;
  return Math.max(byAccount, byAddress);
}

export async function recordSignInAttempt(
  db: Db,
  attempt: { userName: string; address: string | null; succeeded: boolean },
  now: Date,
): Promise<void> {
  await db
    .insertInto('sign_in_attempts')
    .values({
      user_name: attempt.userName.slice(0, 200),
      address: attempt.address,
      succeeded: attempt.succeeded,
      attempted_at: now,
    })
    .execute();
}
