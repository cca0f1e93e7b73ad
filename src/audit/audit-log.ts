import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { AuditLogRow, JsonObject } from '../db/schema.ts';
import type { AuditAction } from './audit-actions.ts';

export { AUDIT_ACTIONS, type AuditAction } from './audit-actions.ts';

/**
 * The one owner of audit entries (migration 0019): who read or changed what, when, from where.
 *
 * The log is a hash chain. Entry n stores prev_hash = hash of entry n-1 (GENESIS_HASH for entry 1)
 * and hash = SHA-256 of `prev_hash + "\n" + canonical content`, where the canonical content is the
 * RFC 8785 (JCS) serialisation of { seq, occurredAt, actor, userId, action, target, address,
 * details } with occurredAt as an ISO 8601 UTC string with milliseconds (Date#toISOString). seq
 * is gap-free and assigned by the database function audit_append under a transaction-scoped
 * advisory lock, so two writers can never both append after the same head and fork the chain.
 * auditHash below is the reference the verifier uses; audit_append computes the same bytes.
 */

export interface AuditEntry {
  /** The user's name, or null when nobody is signed in (a failed sign-in: its target is the name tried). */
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
 * Appends one entry to the chain and returns it. One round trip: the database function
 * audit_append (migration 0019) takes the lock, reads the head, stamps the time and seq and
 * hashes the canonical text this side prepared around them. Given a transaction, the entry
 * commits or rolls back with it. Throws when the entry cannot be written: callers decide whether
 * that fails their request.
 *
 * On its own (not in a caller's transaction) the entry is committed without waiting for the WAL
 * flush: an fsync per audited read would cost more than most reads (10–30 ms on a laptop disk).
 * Visibility and the chain's order are unchanged; a crash of the machine or of PostgreSQL itself
 * (not of Earshot) can lose the entries of its last fraction of a second (at most 3 ×
 * wal_writer_delay, 0.6 s by default), a cut tail, never an entry in the middle.
 */
export async function recordAudit(db: Db, given: AuditEntry): Promise<AuditLogRow> {
  // Through JSON once, as jsonb will give it back: undefined values gone, dates as strings.
  const details = JSON.parse(JSON.stringify(given.details ?? {})) as JsonObject;
  // Every field as the row will give it back: an undefined one (request.ip is undefined once the
  // client has dropped the connection) would be left out of the hashed JSON but stored as NULL,
  // and the entry would then read as changed.
  const entry: AuditEntry & { details: JsonObject } = {
    actor: given.actor ?? null,
    userId: given.userId ?? null,
    action: given.action,
    target: given.target ?? null,
    address: given.address ?? null,
    details,
  };
  const { prefix, suffix } = canonicalTemplate(entry);
  const result = await sql<AuditLogRow>`
    SELECT * FROM audit_append(${prefix}, ${suffix}, ${entry.actor}, ${entry.userId}, ${entry.action},
      ${entry.target}, ${entry.address}, ${JSON.stringify(details)}::jsonb, ${!db.isTransaction})`.execute(
    db,
  );
  return result.rows[0]!;
}

const TIME_AND_SEQ = '"occurredAt":"","seq":0';

/**
 * The entry's canonical JSON with occurredAt and seq left out, as the text before and after them
 * (keys sort as action, actor, address, details, occurredAt, seq, target, userId). The last match
 * is the top-level one: only target and userId follow it, and a string holds no bare quote.
 */
function canonicalTemplate(entry: AuditEntry & { details: JsonObject }): { prefix: string; suffix: string } {
  const text = canonicalize({
    seq: 0,
    occurredAt: '',
    actor: entry.actor,
    userId: entry.userId,
    action: entry.action,
    target: entry.target,
    address: entry.address,
    details: entry.details,
  } satisfies AuditContent);
  const at = text?.lastIndexOf(TIME_AND_SEQ) ?? -1;
  if (!text || at < 0) throw new Error('audit entry has no canonical JSON form');
  return {
    prefix: text.slice(0, at + '"occurredAt":"'.length),
    suffix: text.slice(at + TIME_AND_SEQ.length),
  };
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
