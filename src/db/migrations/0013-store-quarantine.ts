import { sql, type Kysely } from 'kysely';

// Two custody actions for files of the store that were found changed: 'quarantined' (the bad
// bytes were moved, kept, out of the store) and 'restored' (a copy whose SHA-256 equals the
// recorded one was put back). Which files are quarantined now is read from these events alone,
// through the partial index, so the custody log stays the one record of what happened to a file.
//
// Re-adding the constraint only reads the rows to validate them; the append-only triggers fire
// on no row.
const EARLIER_ACTIONS = sql`'received', 'hashed', 'stored', 'duplicate', 'probed', 'metadata', 'rejected', 'derived', 'corrected'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE custody_events DROP CONSTRAINT custody_events_action_check;
    ALTER TABLE custody_events ADD CONSTRAINT custody_events_action_check
      CHECK (action IN (${EARLIER_ACTIONS}, 'quarantined', 'restored'));
    CREATE INDEX custody_events_store_repair_idx ON custody_events (recording_id, id)
      WHERE action IN ('quarantined', 'restored');
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The custody log is append-only: these events cannot be removed, and the older constraint
  // would reject them. Going down would have to lose evidence, so it refuses.
  const logged = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM custody_events WHERE action IN ('quarantined', 'restored')`.execute(db);
  const n = logged.rows[0]?.n ?? 0;
  if (n > 0) {
    throw new Error(
      `cannot undo migration 0013-store-quarantine: custody_events holds ${n} 'quarantined' or 'restored' ` +
        'events, and the append-only custody log cannot be rewritten to fit the older action list',
    );
  }
  await sql`
    DROP INDEX custody_events_store_repair_idx;
    ALTER TABLE custody_events DROP CONSTRAINT custody_events_action_check;
    ALTER TABLE custody_events ADD CONSTRAINT custody_events_action_check CHECK (action IN (${EARLIER_ACTIONS}));
  `.execute(db);
}
