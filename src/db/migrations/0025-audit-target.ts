import { sql, type Kysely } from 'kysely';

// An evidence bundle carries, per call, the audit entries whose target is that call (every read
// of it is one): without an index each call of an export read the whole log, which grows with
// every request (a collection of a thousand calls, a thousand full scans).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX audit_log_target_idx ON audit_log (target, seq)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX audit_log_target_idx`.execute(db);
}
