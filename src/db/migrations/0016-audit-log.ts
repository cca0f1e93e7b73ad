import { sql, type Kysely } from 'kysely';

// The audit log (issue 12): who read or changed what, when and from where. Append-only like the
// custody log, and hash-chained by src/audit/audit-log.ts: each row carries the hash of the row
// before it (prev_hash) and its own hash over prev_hash and its canonical content, so a row that is
// changed, removed or moved by someone with direct database access breaks the chain and
// `earshot audit verify` names it. seq is assigned by the writer under a lock, gap-free: a gap is
// a removed entry. The action list is the TypeScript union AuditAction (no CHECK: a new kind of
// event needs no migration, and verify reads every row whatever its action).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE audit_log (
      seq bigint PRIMARY KEY CHECK (seq > 0),
      occurred_at timestamptz NOT NULL,
      actor text,
      user_id uuid,
      action text NOT NULL CHECK (action ~ '^[a-z][a-z-]*$'),
      target text,
      address text,
      details jsonb NOT NULL DEFAULT '{}',
      prev_hash char(64) NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
      hash char(64) NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
    );
    CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at);
    CREATE INDEX audit_log_actor_idx ON audit_log (lower(actor), seq);
    CREATE INDEX audit_log_action_idx ON audit_log (action, seq);

    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
    END $$;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE audit_log;
    DROP FUNCTION audit_log_append_only();
  `.execute(db);
}
