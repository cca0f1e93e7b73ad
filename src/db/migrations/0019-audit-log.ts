import { sql, type Kysely } from 'kysely';

// The audit log (issue 12): who read or changed what, when and from where. Append-only like the
// custody log, and hash-chained by src/audit/audit-log.ts: each row carries the hash of the row
// before it (prev_hash) and its own hash over prev_hash and its canonical content, so a row that is
// changed, removed or moved by someone with direct database access breaks the chain and
// `earshot audit verify` names it. seq is assigned by audit_append under a lock, gap-free: a gap
// is a removed entry. The action list is the TypeScript union AuditAction (no CHECK: a new kind of
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

    -- The one way entries are appended (src/audit/audit-log.ts): lock, read the head, hash, insert,
    -- in one call so an audited request pays one round trip. The caller sends the entry's canonical
    -- JSON (RFC 8785) in two parts around "occurredAt" and "seq", which only this function knows;
    -- the hash is SHA-256 of prev_hash, a newline and the whole canonical text. The lock is held
    -- until the transaction ends, so no two appends can read the same head.
    CREATE FUNCTION audit_append(p_prefix text, p_suffix text, p_actor text, p_user_id uuid,
      p_action text, p_target text, p_address text, p_details jsonb, p_async_commit boolean)
    RETURNS audit_log LANGUAGE plpgsql AS $$
    DECLARE
      head_seq bigint;
      head_hash text;
      at timestamptz;
      entry audit_log;
    BEGIN
      IF p_async_commit THEN
        PERFORM set_config('synchronous_commit', 'off', true);
      END IF;
      PERFORM pg_advisory_xact_lock(7351012016);
      SELECT seq, hash INTO head_seq, head_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
      head_seq := coalesce(head_seq, 0);
      head_hash := coalesce(head_hash, repeat('0', 64));
      at := date_trunc('milliseconds', clock_timestamp());
      INSERT INTO audit_log (seq, occurred_at, actor, user_id, action, target, address, details,
        prev_hash, hash)
      VALUES (head_seq + 1, at, p_actor, p_user_id, p_action, p_target, p_address, p_details,
        head_hash,
        encode(sha256(convert_to(head_hash || E'\n' || p_prefix
          || to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
          || '","seq":' || (head_seq + 1)::text || p_suffix, 'UTF8')), 'hex'))
      RETURNING * INTO entry;
      RETURN entry;
    END $$;

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
    DROP FUNCTION audit_append(text, text, text, uuid, text, text, text, jsonb, boolean);
    DROP TABLE audit_log;
    DROP FUNCTION audit_log_append_only();
  `.execute(db);
}
