import { sql, type Kysely } from 'kysely';

// Verification case files (issue 13). One case per call, created on its first step; a call
// without a row is 'unverified'. The case row is the current state (what the Calls list filters
// on); verification_case_events is the append-only history of every step, with its reason, note
// and links; case_attachments are the evidence files, stored write-once in DATA/attachments by
// SHA-256 like originals, each logged as an 'attached' custody event of the call.
//
// collection_id is copied from the recording so collection scope needs no join (as migration 0020
// did for the analysis cache).
const EARLIER_ACTIONS = sql`'received', 'hashed', 'stored', 'duplicate', 'probed', 'metadata', 'rejected', 'derived', 'corrected', 'quarantined', 'restored'`;
const STATUSES = sql`'unverified', 'number_attributed', 'identity_corroborated', 'context_confirmed', 'verified', 'disputed', 'rejected'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE verification_cases (
      recording_id uuid PRIMARY KEY REFERENCES recordings(id),
      collection_id uuid NOT NULL REFERENCES collections(id),
      status text NOT NULL CHECK (status IN (${STATUSES})),
      -- Set while 'verified' is proposed and waits for a second person's sign-off.
      proposed_by uuid REFERENCES users(id),
      proposed_at timestamptz,
      -- The step a disputed or rejected case held before, so that reopening returns to it.
      held_status text CHECK (held_status IN (${STATUSES})),
      updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_by uuid REFERENCES users(id),
      CHECK ((proposed_by IS NULL) = (proposed_at IS NULL))
    );
    CREATE INDEX verification_cases_status_idx ON verification_cases (collection_id, status, recording_id);

    CREATE TABLE verification_case_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      recording_id uuid NOT NULL REFERENCES recordings(id),
      kind text NOT NULL CHECK (kind IN ('advance', 'propose_verified', 'sign_off', 'withdraw_proposal',
        'dispute', 'reject', 'reopen', 'evidence')),
      from_status text NOT NULL CHECK (from_status IN (${STATUSES})),
      to_status text NOT NULL CHECK (to_status IN (${STATUSES})),
      -- The step this event's evidence supports (for 'evidence': the step being worked on).
      step text NOT NULL CHECK (step IN (${STATUSES})),
      reason text CHECK (reason IS NULL OR length(btrim(reason)) BETWEEN 1 AND 10000),
      note text CHECK (note IS NULL OR length(note) <= 20000),
      links jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(links) = 'array'),
      user_id uuid NOT NULL REFERENCES users(id),
      actor text NOT NULL CHECK (length(actor) BETWEEN 1 AND 200),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp()
    );
    CREATE INDEX verification_case_events_recording_idx ON verification_case_events (recording_id, id);

    CREATE TABLE case_attachments (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      recording_id uuid NOT NULL REFERENCES recordings(id),
      event_id bigint NOT NULL REFERENCES verification_case_events(id),
      sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size_bytes bigint NOT NULL CHECK (size_bytes > 0),
      -- The name as the user gave it, made printable; the stored file is named by its SHA-256.
      file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
      media_type text NOT NULL,
      -- Relative to the data directory's attachments store.
      store_path text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp()
    );
    CREATE INDEX case_attachments_recording_idx ON case_attachments (recording_id, id);

    CREATE TRIGGER verification_case_events_no_change BEFORE UPDATE OR DELETE ON verification_case_events
      FOR EACH ROW EXECUTE FUNCTION transcripts_write_once();
    CREATE TRIGGER verification_case_events_no_truncate BEFORE TRUNCATE ON verification_case_events
      FOR EACH STATEMENT EXECUTE FUNCTION transcripts_write_once();
    CREATE TRIGGER case_attachments_no_change BEFORE UPDATE OR DELETE ON case_attachments
      FOR EACH ROW EXECUTE FUNCTION transcripts_write_once();
    CREATE TRIGGER case_attachments_no_truncate BEFORE TRUNCATE ON case_attachments
      FOR EACH STATEMENT EXECUTE FUNCTION transcripts_write_once();

    ALTER TABLE custody_events DROP CONSTRAINT custody_events_action_check;
    ALTER TABLE custody_events ADD CONSTRAINT custody_events_action_check
      CHECK (action IN (${EARLIER_ACTIONS}, 'attached'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const logged = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM custody_events WHERE action = 'attached'`.execute(db);
  const n = logged.rows[0]?.n ?? 0;
  if (n > 0) {
    throw new Error(
      `cannot undo migration 0021-verification-cases: custody_events holds ${n} 'attached' events, ` +
        'and the append-only custody log cannot be rewritten to fit the older action list',
    );
  }
  await sql`
    ALTER TABLE custody_events DROP CONSTRAINT custody_events_action_check;
    ALTER TABLE custody_events ADD CONSTRAINT custody_events_action_check CHECK (action IN (${EARLIER_ACTIONS}));
    DROP TABLE case_attachments;
    DROP TABLE verification_case_events;
    DROP TABLE verification_cases;
  `.execute(db);
}
