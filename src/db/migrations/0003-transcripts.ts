import { sql, type Kysely } from 'kysely';

// Speech: VAD runs with their speech regions, and versioned transcripts with their segments.
// A transcript version is never changed once written: a redo of the machine transcript and every
// human correction add a new version, so what the machine said stays on record beside the fix.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE vad_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      recording_id uuid NOT NULL REFERENCES recordings(id),
      model text NOT NULL,
      model_files jsonb NOT NULL,
      params jsonb NOT NULL,
      -- SHA-256 of each channel's working copy the regions were found in.
      inputs jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX vad_runs_recording_idx ON vad_runs (recording_id, created_at);

    CREATE TABLE speech_regions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      vad_run_id uuid NOT NULL REFERENCES vad_runs(id),
      recording_id uuid NOT NULL REFERENCES recordings(id),
      channel integer NOT NULL CHECK (channel >= 0),
      start_seconds double precision NOT NULL CHECK (start_seconds >= 0),
      end_seconds double precision NOT NULL,
      CHECK (end_seconds > start_seconds)
    );
    CREATE INDEX speech_regions_run_idx ON speech_regions (vad_run_id, channel, start_seconds);

    CREATE TABLE transcripts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      recording_id uuid NOT NULL REFERENCES recordings(id),
      version integer NOT NULL CHECK (version >= 1),
      kind text NOT NULL CHECK (kind IN ('machine', 'human')),
      -- The version a human correction started from.
      based_on_id uuid REFERENCES transcripts(id),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      -- Machine transcripts: recogniser name, file checksums, decoding and VAD settings.
      model text,
      model_files jsonb NOT NULL DEFAULT '{}',
      decoding jsonb NOT NULL DEFAULT '{}',
      vad_run_id uuid REFERENCES vad_runs(id),
      language text,
      UNIQUE (recording_id, version),
      CHECK (kind = 'human' OR model IS NOT NULL)
    );

    CREATE TABLE transcript_segments (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      transcript_id uuid NOT NULL REFERENCES transcripts(id),
      position integer NOT NULL,
      channel integer NOT NULL CHECK (channel >= 0),
      lane text NOT NULL,
      speaker text,
      start_seconds double precision NOT NULL CHECK (start_seconds >= 0),
      end_seconds double precision NOT NULL,
      text text NOT NULL,
      language text,
      confidence real CHECK (confidence IS NULL OR confidence BETWEEN 0 AND 1),
      -- [{w, start, end, conf}] with times in seconds from the start of the recording.
      words jsonb NOT NULL DEFAULT '[]',
      UNIQUE (transcript_id, position),
      CHECK (end_seconds >= start_seconds)
    );

    CREATE FUNCTION transcripts_write_once() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is write-once (add a new transcript version instead): % is not allowed',
        TG_TABLE_NAME, TG_OP;
    END $$;
    CREATE TRIGGER transcripts_no_change BEFORE UPDATE OR DELETE ON transcripts
      FOR EACH ROW EXECUTE FUNCTION transcripts_write_once();
    CREATE TRIGGER transcripts_no_truncate BEFORE TRUNCATE ON transcripts
      FOR EACH STATEMENT EXECUTE FUNCTION transcripts_write_once();
    CREATE TRIGGER transcript_segments_no_change BEFORE UPDATE OR DELETE ON transcript_segments
      FOR EACH ROW EXECUTE FUNCTION transcripts_write_once();
    CREATE TRIGGER transcript_segments_no_truncate BEFORE TRUNCATE ON transcript_segments
      FOR EACH STATEMENT EXECUTE FUNCTION transcripts_write_once();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE transcript_segments;
    DROP TABLE transcripts;
    DROP FUNCTION transcripts_write_once();
    DROP TABLE speech_regions;
    DROP TABLE vad_runs;
  `.execute(db);
}
