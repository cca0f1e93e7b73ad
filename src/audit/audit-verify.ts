import type { Db } from '../db/database.ts';
import type { AuditLogRow } from '../db/schema.ts';
import { auditContentOf, auditHash, auditHead, GENESIS_HASH, type AuditHead } from './audit-log.ts';

/**
 * Recomputes the audit chain (src/audit/audit-log.ts) and names the first entry that breaks it:
 * - removed: a gap in seq, or an entry that links to a hash no entry has;
 * - changed: an entry whose content no longer hashes to its stored hash;
 * - reordered: an entry that links to one that comes after it (rows swapped or moved);
 * - inserted: an entry that links past the one before it (a forged entry stands between).
 * Cutting off the newest entries leaves a valid, shorter chain: that is only seen against a head
 * written down earlier (the daily "audit chain head" line), passed as expectedHead. Forged entries
 * appended after that head, with their hashes computed, cannot be told from real ones by a chain
 * that anyone with database access can extend: the written-down head fixes the past only.
 */

export type AuditProblemKind = 'removed' | 'changed' | 'reordered' | 'inserted';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The first entry named (bigint as a string). */
  seq: string;
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Entries checked before the first problem (all of them when ok). */
  checked: number;
  head: AuditHead;
  /** The written-down head the log was checked against, if one was given. */
  expectedHead: AuditHead | null;
  problem: AuditProblem | null;
}

const BATCH = 5000;

export async function verifyAuditChain(
  db: Db,
  options: { expectedHead?: AuditHead } = {},
): Promise<AuditVerification> {
  const head = await auditHead(db);
  const expectedHead = options.expectedHead ?? null;
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let hashAtExpectedHead: string | null = null;
  const result = (problem: AuditProblem | null): AuditVerification => ({
    ok: problem === null,
    checked,
    head,
    expectedHead,
    problem,
  });
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', String(expectedSeq))
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      const problem = await checkEntry(db, row, expectedSeq, prevHash);
      if (problem) return result(problem);
      checked++;
      if (expectedHead && row.seq === expectedHead.seq) hashAtExpectedHead = row.hash;
      expectedSeq++;
      prevHash = row.hash;
    }
    if (rows.length < BATCH) break;
  }
  return result(expectedHead ? checkAgainstHead(expectedHead, expectedSeq - 1n, hashAtExpectedHead) : null);
}

async function checkEntry(
  db: Db,
  row: AuditLogRow,
  expectedSeq: bigint,
  prevHash: string,
): Promise<AuditProblem | null> {
  const seq = BigInt(row.seq);
  if (seq !== expectedSeq) {
    const last = seq - 1n;
    const range = last === expectedSeq ? `entry ${expectedSeq} was` : `entries ${expectedSeq}–${last} were`;
    return {
      kind: 'removed',
      seq: String(expectedSeq),
      message: `${range} removed: the log goes from seq ${expectedSeq - 1n} to seq ${seq}`,
    };
  }
  if (row.prev_hash !== prevHash) return brokenLink(db, row, seq);
  if (auditHash(row.prev_hash, auditContentOf(row)) !== row.hash) {
    return {
      kind: 'changed',
      seq: String(seq),
      message:
        `entry ${seq} was changed: its content (${describe(row)}) no longer matches its hash ` +
        `(a forged entry written without the right hash reads the same)`,
    };
  }
  return null;
}

/** An entry whose prev_hash is not its predecessor's hash: where it links to says what happened. */
async function brokenLink(db: Db, row: AuditLogRow, seq: bigint): Promise<AuditProblem> {
  const linked = await db
    .selectFrom('audit_log')
    .select('seq')
    .where('hash', '=', row.prev_hash)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  const target = linked ? BigInt(linked.seq) : null;
  if (target !== null && target >= seq) {
    return {
      kind: 'reordered',
      seq: String(seq),
      message:
        `entry ${seq} is out of order: it was written after entry ${target}, which now comes after ` +
        `it (entries were swapped or moved)`,
    };
  }
  if (target !== null) {
    const first = target + 1n;
    const range = first === seq - 1n ? `entry ${first} was` : `entries ${first}–${seq - 1n} were`;
    return {
      kind: 'inserted',
      seq: String(first),
      message: `${range} inserted: entry ${seq} was written right after entry ${target}`,
    };
  }
  return {
    kind: 'removed',
    seq: String(seq),
    message:
      `entry ${seq} links to an entry that is not in the log: the entry written before it was ` +
      `removed (and later ones renumbered), or entry ${seq - 1n} was replaced with a recomputed hash`,
  };
}

function checkAgainstHead(
  expected: AuditHead,
  lastSeq: bigint,
  hashThere: string | null,
): AuditProblem | null {
  const seq = BigInt(expected.seq);
  if (lastSeq < seq) {
    const first = lastSeq + 1n;
    const range = first === seq ? `entry ${seq} was` : `entries ${first}–${seq} were`;
    return {
      kind: 'removed',
      seq: String(first),
      message: `${range} removed: the log ends at seq ${lastSeq}, but the head written down is seq ${seq}`,
    };
  }
  if (hashThere === expected.hash) return null;
  return {
    kind: 'changed',
    seq: expected.seq,
    message:
      `entry ${seq} does not have the hash written down (${expected.hash}): the log up to it was ` +
      `rewritten with recomputed hashes`,
  };
}

function describe(row: AuditLogRow): string {
  const parts = [row.occurred_at.toISOString(), row.action, row.actor ?? 'no actor'];
  if (row.target) parts.push(row.target);
  return parts.join(', ');
}
