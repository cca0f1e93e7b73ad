import type { AuditLogRow } from '../../db/schema.ts';

/** One audit entry as the API and `earshot audit list --json` show it. */
export function presentAuditEntry(row: AuditLogRow) {
  return {
    seq: row.seq,
    occurredAt: row.occurred_at.toISOString(),
    actor: row.actor,
    userId: row.user_id,
    action: row.action,
    target: row.target,
    address: row.address,
    details: row.details,
    hash: row.hash,
  };
}
