import type { Db } from '../db/database.ts';
import type { AuditLogRow } from '../db/schema.ts';

/** Filters of `earshot audit list` and GET /api/audit; every one optional. */
export interface AuditListFilters {
  /** User name, case-insensitive. */
  actor?: string;
  action?: string;
  /** Entries at or after this instant. */
  since?: Date;
  /** Entries before this instant. */
  until?: Date;
  /** Part of the target (a recording id, a query), case-insensitive. */
  target?: string;
  limit: number;
  offset: number;
}

/** Audit entries, newest first, with the number that match the filters. */
export async function listAuditEntries(
  db: Db,
  filters: AuditListFilters,
): Promise<{ rows: AuditLogRow[]; total: number }> {
  let query = db.selectFrom('audit_log');
  if (filters.actor !== undefined) {
    query = query.where((eb) => eb(eb.fn('lower', ['actor']), '=', filters.actor!.toLowerCase()));
  }
  if (filters.action !== undefined) query = query.where('action', '=', filters.action);
  if (filters.since !== undefined) query = query.where('occurred_at', '>=', filters.since);
  if (filters.until !== undefined) query = query.where('occurred_at', '<', filters.until);
  if (filters.target !== undefined) {
    query = query.where('target', 'ilike', `%${escapeLike(filters.target)}%`);
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('seq', 'desc').limit(filters.limit).offset(filters.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
