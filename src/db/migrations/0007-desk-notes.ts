import { sql, type Kysely } from 'kysely';

// The desk: notes people write on a call or on one segment, and where each segment of a human
// correction came from.
//
// Notes are append-only (a note that was wrong is answered by another note), like transcripts.
// source_segment_id links a corrected segment to the segment of the version it was edited from:
// the diff and the stale-translation check follow it instead of guessing by time overlap.
// Adding a nullable column without a default rewrites nothing and fires no row trigger, so the
// write-once segments stay as they were.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE transcript_segments
      ADD COLUMN source_segment_id bigint REFERENCES transcript_segments(id);

    CREATE TABLE desk_notes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      recording_id uuid NOT NULL REFERENCES recordings(id),
      transcript_segment_id bigint REFERENCES transcript_segments(id),
      text text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 10000),
      author text NOT NULL CHECK (length(author) BETWEEN 1 AND 200),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp()
    );
    CREATE INDEX desk_notes_recording_idx ON desk_notes (recording_id, id);

    CREATE TRIGGER desk_notes_no_change BEFORE UPDATE OR DELETE ON desk_notes
      FOR EACH ROW EXECUTE FUNCTION transcripts_write_once();
    CREATE TRIGGER desk_notes_no_truncate BEFORE TRUNCATE ON desk_notes
      FOR EACH STATEMENT EXECUTE FUNCTION transcripts_write_once();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE desk_notes;
    ALTER TABLE transcript_segments DROP COLUMN source_segment_id;
  `.execute(db);
}
