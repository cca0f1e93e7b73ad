import { sql, type Kysely } from 'kysely';

// Machine translations of transcript segments, one row per source segment and target language.
// Append-only like the transcripts they translate: a redo adds rows, nothing is changed. A
// translation is stale when its transcript is no longer the recording's latest version (the
// segments themselves never change; a new version replaces them).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE segment_translations (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      transcript_segment_id bigint NOT NULL REFERENCES transcript_segments(id),
      transcript_id uuid NOT NULL REFERENCES transcripts(id),
      target_language text NOT NULL,
      -- NULL when the source language is not covered by the installed models.
      text text,
      status text NOT NULL CHECK (status IN ('translated', 'empty-source', 'unsupported-language')),
      engine text NOT NULL,
      model text,
      model_sha256 text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status <> 'translated' OR (text IS NOT NULL AND model IS NOT NULL AND model_sha256 IS NOT NULL))
    );
    CREATE INDEX segment_translations_transcript_idx
      ON segment_translations (transcript_id, target_language, transcript_segment_id);

    CREATE TRIGGER segment_translations_no_change BEFORE UPDATE OR DELETE ON segment_translations
      FOR EACH ROW EXECUTE FUNCTION transcripts_write_once();
    CREATE TRIGGER segment_translations_no_truncate BEFORE TRUNCATE ON segment_translations
      FOR EACH STATEMENT EXECUTE FUNCTION transcripts_write_once();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE segment_translations;`.execute(db);
}
