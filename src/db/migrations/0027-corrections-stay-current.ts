import { sql, type Kysely } from 'kysely';
import { refreshFunction } from './0020-analysis-collection.ts';

// Corrections win (issue 15). Until now the newest transcript version was the current one, so a
// forced machine re-run (a better model installed) replaced every human correction: the analysis
// went back to the machine's figures and search lost the corrected words.
//
// latest_transcripts (0006) becomes the recording's *current* version. A machine version added
// while a person's version is current does not replace it: it is stored as usual, marked
// superseded (search skips it), and offered to the desk as a newer machine transcript until a
// person decides. machine_transcript_decisions records that decision (append-only): 'adopted'
// (the machine version becomes current) or 'kept' (the correction stays; the offer goes away).
// analysis_current follows the current version, and follows it again when a decision moves it.
//
// Recordings whose correction a forced re-run has already hidden get their newest human version
// back as the current one, with the machine version offered.
export async function up(db: Kysely<unknown>): Promise<void> {
  // First, so that the analysis refreshed for the recordings fixed below is the current version's.
  await refreshFunction(db, true, true);
  await sql`
    CREATE OR REPLACE FUNCTION latest_transcripts_track() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      previous latest_transcripts%ROWTYPE;
      previous_kind text;
    BEGIN
      INSERT INTO latest_transcripts (recording_id, transcript_id, version)
      VALUES (NEW.recording_id, NEW.id, NEW.version)
      ON CONFLICT (recording_id) DO NOTHING;
      IF FOUND THEN
        RETURN NULL;
      END IF;
      SELECT * INTO previous FROM latest_transcripts WHERE recording_id = NEW.recording_id FOR UPDATE;
      SELECT kind INTO previous_kind FROM transcripts WHERE id = previous.transcript_id;
      -- A machine version never replaces a person's: it waits for a person to adopt it.
      IF previous.version < NEW.version AND NOT (NEW.kind = 'machine' AND previous_kind = 'human') THEN
        UPDATE latest_transcripts SET transcript_id = NEW.id, version = NEW.version
          WHERE recording_id = NEW.recording_id;
        INSERT INTO superseded_transcripts VALUES (previous.transcript_id) ON CONFLICT DO NOTHING;
      ELSE
        INSERT INTO superseded_transcripts VALUES (NEW.id) ON CONFLICT DO NOTHING;
      END IF;
      RETURN NULL;
    END $$;

    CREATE TABLE machine_transcript_decisions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      recording_id uuid NOT NULL REFERENCES recordings(id),
      -- The machine version offered; one decision each.
      transcript_id uuid NOT NULL UNIQUE REFERENCES transcripts(id),
      -- The version that was current when the person decided.
      current_transcript_id uuid NOT NULL REFERENCES transcripts(id),
      decision text NOT NULL CHECK (decision IN ('adopted', 'kept')),
      decided_by text NOT NULL,
      decided_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX machine_transcript_decisions_recording_idx ON machine_transcript_decisions (recording_id);
    CREATE FUNCTION machine_transcript_decisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'machine_transcript_decisions is append-only: % is not allowed', TG_OP;
    END $$;
    CREATE TRIGGER machine_transcript_decisions_no_change BEFORE UPDATE OR DELETE ON machine_transcript_decisions
      FOR EACH ROW EXECUTE FUNCTION machine_transcript_decisions_append_only();
    CREATE TRIGGER machine_transcript_decisions_no_truncate BEFORE TRUNCATE ON machine_transcript_decisions
      FOR EACH STATEMENT EXECUTE FUNCTION machine_transcript_decisions_append_only();

    -- A decision that moves the current version moves the analysis with it (at commit, as 0005).
    CREATE CONSTRAINT TRIGGER latest_transcripts_refresh_analysis AFTER UPDATE ON latest_transcripts
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION analysis_current_refresh_row();

    -- Corrections already hidden by a machine re-run: the newest human version is current again.
    CREATE TEMPORARY TABLE hidden_corrections AS
      SELECT l.recording_id, l.transcript_id AS machine_id, h.id AS human_id, h.version AS human_version
      FROM latest_transcripts l
      JOIN transcripts m ON m.id = l.transcript_id AND m.kind = 'machine'
      JOIN LATERAL (
        SELECT id, version FROM transcripts
        WHERE recording_id = l.recording_id AND kind = 'human' ORDER BY version DESC LIMIT 1
      ) h ON true;
    UPDATE latest_transcripts l SET transcript_id = x.human_id, version = x.human_version
      FROM hidden_corrections x WHERE l.recording_id = x.recording_id;
    DELETE FROM superseded_transcripts s USING hidden_corrections x WHERE s.transcript_id = x.human_id;
    INSERT INTO superseded_transcripts (transcript_id) SELECT machine_id FROM hidden_corrections
      ON CONFLICT DO NOTHING;
    DROP TABLE hidden_corrections;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const decided = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM machine_transcript_decisions`.execute(db);
  const n = decided.rows[0]?.n ?? 0;
  if (n > 0) {
    throw new Error(
      `cannot undo migration 0027-corrections-stay-current: machine_transcript_decisions holds ${n} ` +
        'decisions, and the append-only record cannot be dropped without losing who chose which version',
    );
  }
  await refreshFunction(db, true, false);
  await sql`
    DROP TRIGGER latest_transcripts_refresh_analysis ON latest_transcripts;
    DROP TABLE machine_transcript_decisions;
    DROP FUNCTION machine_transcript_decisions_append_only();
    CREATE OR REPLACE FUNCTION latest_transcripts_track() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      previous latest_transcripts%ROWTYPE;
    BEGIN
      INSERT INTO latest_transcripts (recording_id, transcript_id, version)
      VALUES (NEW.recording_id, NEW.id, NEW.version)
      ON CONFLICT (recording_id) DO NOTHING;
      IF FOUND THEN
        RETURN NULL;
      END IF;
      SELECT * INTO previous FROM latest_transcripts WHERE recording_id = NEW.recording_id FOR UPDATE;
      IF previous.version < NEW.version THEN
        UPDATE latest_transcripts SET transcript_id = NEW.id, version = NEW.version
          WHERE recording_id = NEW.recording_id;
        INSERT INTO superseded_transcripts VALUES (previous.transcript_id) ON CONFLICT DO NOTHING;
      ELSE
        INSERT INTO superseded_transcripts VALUES (NEW.id) ON CONFLICT DO NOTHING;
      END IF;
      RETURN NULL;
    END $$;
  `.execute(db);
}
