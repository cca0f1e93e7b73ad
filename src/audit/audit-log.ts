import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { AuditLogRow, JsonObject } from '../db/schema.ts';
import type { AuditAction } from './audit-actions.ts';

export { AUDIT_ACTIONS, type AuditAction } from './audit-actions.ts';

/**
 * The one owner of audit entries (migration 0016): who read or changed what, when, from where.
 *
 * The log is a hash chain. Entry n stores prev_hash = hash of entry n-1 (GENESIS_HASH for entry 1)
 * and hash = SHA-256 of `prev_hash + "\n" + canonical content`, where the canonical content is the
 * RFC 8785 (JCS) serialisation of { seq, occurredAt, actor, userId, action, target, address,
 * details } with occurredAt as an ISO 8601 UTC string with milliseconds (Date#toISOString). seq
 * is gap-free and assigned under a transaction-scoped advisory lock, so two writers can never both
 * append after the same head and fork the chain.
 */

export interface AuditEntry {
  /** The user's name, or null when nobody is signed in (a failed sign-in names the tried name in details). */
  actor: string | null;
  userId: string | null;
  action: AuditAction;
  /** What was acted on: a recording id, a search query, a user name. */
  target: string | null;
  /** The client's address (request.ip). */
  address: string | null;
  details?: JsonObject;
}

/** prev_hash of the first entry: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** Arbitrary constant naming the audit log's advisory lock (pg_advisory_xact_lock takes a bigint). */
const AUDIT_LOCK_KEY = 7_351_012_016;

/** The content an entry's hash covers, as stored. */
export interface AuditContent {
  seq: number;
  occurredAt: string;
  actor: string | null;
  userId: string | null;
  action: string;
  target: string | null;
  address: string | null;
  details: JsonObject;
}

export function auditContentOf(row: AuditLogRow): AuditContent {
  return {
    seq: Number(row.seq),
    occurredAt: row.occurred_at.toISOString(),
    actor: row.actor,
    userId: row.user_id,
    action: row.action,
    target: row.target,
    address: row.address,
    details: row.details,
  };
}

/** SHA-256 (hex) of the previous hash and the entry's canonical content. */
export function auditHash(prevHash: string, content: AuditContent): string {
  const canonical = canonicalize(content);
  if (canonical === undefined) throw new Error('audit entry has no JSON form');
  return createHash('sha256').update(`${prevHash}\n${canonical}`, 'utf8').digest('hex');
}

export interface AuditHead {
  /** bigint as a string; "0" for an empty log. */
  seq: string;
  hash: string;
}

/**
 * Appends one entry to the chain and returns it. Runs its own short transaction (or joins the
 * caller's, so that an entry can commit together with the change it records). Throws when the
 * entry cannot be written: callers decide whether that fails their request.
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<AuditLogRow> {
  if (db.isTransaction) return appendEntry(db, entry);
  return db.transaction().execute((trx) => appendEntry(trx, entry));
}

async function appendEntry(trx: Db, entry: AuditEntry): Promise<AuditLogRow> {
  await sql`SELECT pg_advisory_xact_lock(${sql.lit(AUDIT_LOCK_KEY)})`.execute(trx);
  const head = await auditHead(trx);
  // Through JSON once, as jsonb will give it back: undefined values gone, dates as strings.
  const details = JSON.parse(JSON.stringify(entry.details ?? {})) as JsonObject;
  const content: AuditContent = {
    seq: Number(head.seq) + 1,
    // Taken under the lock, so time never runs backwards along the chain on one clock.
    occurredAt: new Date().toISOString(),
    actor: entry.actor,
    userId: entry.userId,
    action: entry.action,
    target: entry.target,
    address: entry.address,
    details,
  };
  return trx
    .insertInto('audit_log')
    .values({
      seq: String(content.seq),
      occurred_at: new Date(content.occurredAt),
      actor: content.actor,
      user_id: content.userId,
      action: content.action,
      target: content.target,
      address: content.address,
      details: JSON.stringify(details),
      prev_hash: head.hash,
      hash: auditHash(head.hash, content),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The newest entry's seq and hash: what to write down elsewhere to detect a cut tail later. */
export async function auditHead(db: Db): Promise<AuditHead> {
  const row = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { seq: String(row.seq), hash: row.hash } : { seq: '0', hash: GENESIS_HASH };
}

/** The line the long-running processes print at start and every day. */
export function formatAuditHead(head: AuditHead): string {
  return `audit chain head: seq ${head.seq} sha256 ${head.hash}`;
}
