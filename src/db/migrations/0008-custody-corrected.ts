import { sql, type Kysely } from 'kysely';

// A human correction gets its own custody action, 'corrected', instead of the generic 'derived'
// that machine stages write: the log then says plainly which versions a person made.
//
// Postgres named the inline CHECK of 0001 custody_events_action_check. Re-adding the constraint
// only reads the rows to validate them; the append-only triggers fire on no row.
const MACHINE_ACTIONS = sql`'received', 'hashed', 'stored', 'duplicate', 'probed', 'metadata', 'rejected', 'derived'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE custody_events DROP CONSTRAINT custody_events_action_check;
    ALTER TABLE custody_events ADD CONSTRAINT custody_events_action_check
      CHECK (action IN (${MACHINE_ACTIONS}, 'corrected'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The custody log is append-only: 'corrected' rows cannot be rewritten or removed, and the old
  // constraint would reject them. Going down would have to lose evidence, so it refuses.
  const corrected = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM custody_events WHERE action = 'corrected'`.execute(db);
  const n = corrected.rows[0]?.n ?? 0;
  if (n > 0) {
    throw new Error(
      `cannot undo migration 0008-custody-corrected: custody_events holds ${n} 'corrected' events, ` +
        'and the append-only custody log cannot be rewritten to fit the older action list',
    );
  }
  await sql`
    ALTER TABLE custody_events DROP CONSTRAINT custody_events_action_check;
    ALTER TABLE custody_events ADD CONSTRAINT custody_events_action_check CHECK (action IN (${MACHINE_ACTIONS}));
  `.execute(db);
}
