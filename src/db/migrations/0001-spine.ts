import { sql, type Kysely } from 'kysely';

// The spine: collections, ingest batches, recordings with their provenance, rejections, the
// append-only custody log, per-recording stage status and derived working copies.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE collections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
      description text,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE ingest_batches (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      collection_id uuid NOT NULL REFERENCES collections(id),
      actor text NOT NULL,
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      status text NOT NULL CHECK (status IN ('running', 'finished', 'interrupted')),
      inputs jsonb NOT NULL,
      options jsonb NOT NULL DEFAULT '{}',
      summary jsonb,
      tool_versions jsonb NOT NULL DEFAULT '{}'
    );

    CREATE TABLE recordings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      sha256 char(64) NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size_bytes bigint NOT NULL CHECK (size_bytes > 0),
      collection_id uuid NOT NULL REFERENCES collections(id),
      original_filename text NOT NULL,
      store_path text NOT NULL,
      container text,
      codec text,
      sample_rate integer,
      channels integer,
      duration_seconds double precision,
      bit_rate integer,
      probe jsonb,
      caller_raw text,
      caller_number text,
      callee_raw text,
      callee_number text,
      call_started_at timestamptz,
      call_timezone text,
      call_duration_seconds double precision,
      cell_id text,
      location_text text,
      call_source text,
      call_batch text,
      metadata_origin text CHECK (metadata_origin IN ('sidecar', 'filename')),
      metadata_extra jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX recordings_collection_idx ON recordings (collection_id, created_at);
    CREATE INDEX recordings_call_started_idx ON recordings (call_started_at);
    CREATE INDEX recordings_caller_idx ON recordings (caller_number);
    CREATE INDEX recordings_callee_idx ON recordings (callee_number);

    CREATE TABLE recording_sources (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      recording_id uuid NOT NULL REFERENCES recordings(id),
      batch_id uuid NOT NULL REFERENCES ingest_batches(id),
      collection_id uuid NOT NULL REFERENCES collections(id),
      source_path text NOT NULL,
      archive_path text,
      archive_entry text,
      size_bytes bigint NOT NULL,
      modified_at timestamptz,
      received_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (recording_id, collection_id, source_path)
    );
    CREATE INDEX recording_sources_collection_idx ON recording_sources (collection_id, recording_id);

    CREATE TABLE rejections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      batch_id uuid NOT NULL REFERENCES ingest_batches(id),
      collection_id uuid NOT NULL REFERENCES collections(id),
      source_path text NOT NULL,
      reason_code text NOT NULL,
      reason text NOT NULL,
      sha256 char(64),
      size_bytes bigint,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX rejections_batch_idx ON rejections (batch_id);
    CREATE INDEX rejections_source_idx ON rejections (collection_id, source_path);

    CREATE TABLE custody_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      recording_id uuid REFERENCES recordings(id),
      batch_id uuid REFERENCES ingest_batches(id),
      action text NOT NULL CHECK (action IN
        ('received', 'hashed', 'stored', 'duplicate', 'probed', 'metadata', 'rejected', 'derived')),
      actor text NOT NULL,
      occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      source_path text,
      sha256 char(64),
      tool_versions jsonb NOT NULL DEFAULT '{}',
      details jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX custody_events_recording_idx ON custody_events (recording_id, id);

    -- The custody log is evidence: rows can be added, never changed or removed.
    CREATE FUNCTION custody_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'custody_events is append-only: % is not allowed', TG_OP;
    END $$;
    CREATE TRIGGER custody_events_no_update BEFORE UPDATE OR DELETE ON custody_events
      FOR EACH ROW EXECUTE FUNCTION custody_events_append_only();
    CREATE TRIGGER custody_events_no_truncate BEFORE TRUNCATE ON custody_events
      FOR EACH STATEMENT EXECUTE FUNCTION custody_events_append_only();

    CREATE TABLE stage_runs (
      recording_id uuid NOT NULL REFERENCES recordings(id),
      stage text NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      error text,
      worker text,
      job_id text,
      started_at timestamptz,
      finished_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now(),
      result jsonb,
      PRIMARY KEY (recording_id, stage)
    );
    CREATE INDEX stage_runs_status_idx ON stage_runs (stage, status);

    CREATE TABLE derived_files (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      recording_id uuid NOT NULL REFERENCES recordings(id),
      stage text NOT NULL,
      kind text NOT NULL,
      channel integer NOT NULL,
      path text NOT NULL,
      sha256 char(64) NOT NULL,
      size_bytes bigint NOT NULL,
      sample_rate integer NOT NULL,
      duration_seconds double precision,
      tool_versions jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (recording_id, kind, channel)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE derived_files;
    DROP TABLE stage_runs;
    DROP TABLE custody_events;
    DROP FUNCTION custody_events_append_only();
    DROP TABLE rejections;
    DROP TABLE recording_sources;
    DROP TABLE recordings;
    DROP TABLE ingest_batches;
    DROP TABLE collections;
  `.execute(db);
}
