import { sql, type Kysely } from 'kysely';

// Analysis of transcripts: code words, entities, casualty counts and triage, one run per analysis
// of one transcript version. Runs, matches and entities are write-once like the transcripts they
// were read from: a new transcript version, lexicon or analyser adds a run, nothing is changed.
//
// analysis_current is the one table here that changes. It is a cache of "the latest run of the
// recording's latest transcript version", one row per analysed recording, so that the recordings
// list can filter and sort on categories, places and triage with indexes at 100k+ recordings. It
// is never written directly: analysis_current_refresh() recomputes a recording's row from the
// write-once tables, and deferred triggers call it at commit whenever a run or a transcript
// version is added (deferred, because a run's entities are inserted after the run itself). So it
// can be dropped and rebuilt from the record at any time and never disagrees with it.
//
// It also carries what the trend charts add up, as plain columns: the call start (copied from the
// recording, and kept in step when ingest fills in missing metadata later), casualty counts, and
// mentions per category beside the categories. So a monthly chart reads analysis_current alone
// instead of joining 100k recordings and unpacking jsonb per call (400+ ms → tens of ms).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE analysis_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- Order of insertion: "latest run" must not depend on clock resolution.
      seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      recording_id uuid NOT NULL REFERENCES recordings(id),
      -- NULL when the recording had no transcript at all (an empty analysis).
      transcript_id uuid REFERENCES transcripts(id),
      -- What translation the analysis saw: target language, rows, newest row id, models.
      translation jsonb NOT NULL DEFAULT '{}',
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      lexicon_version text NOT NULL,
      analyser_version text NOT NULL,
      segments integer NOT NULL CHECK (segments >= 0),
      language jsonb NOT NULL,
      counts jsonb NOT NULL,
      casualties jsonb NOT NULL,
      triage_score real NOT NULL CHECK (triage_score BETWEEN 0 AND 100),
      triage_reasons jsonb NOT NULL
    );
    CREATE INDEX analysis_runs_recording_idx ON analysis_runs (recording_id, transcript_id, seq);

    CREATE TABLE analysis_matches (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      run_id uuid NOT NULL REFERENCES analysis_runs(id),
      transcript_segment_id bigint NOT NULL REFERENCES transcript_segments(id),
      -- UTF-16 code unit offsets into the segment's text, [start, end).
      start_offset integer NOT NULL CHECK (start_offset >= 0),
      end_offset integer NOT NULL,
      surface text NOT NULL,
      term_id text NOT NULL,
      term text NOT NULL,
      category text NOT NULL,
      gloss text NOT NULL,
      confidence real NOT NULL CHECK (confidence BETWEEN 0 AND 1),
      rule text NOT NULL,
      count integer CHECK (count IS NULL OR count >= 0),
      CHECK (end_offset > start_offset)
    );
    CREATE INDEX analysis_matches_run_idx ON analysis_matches (run_id, transcript_segment_id, start_offset);

    CREATE TABLE analysis_entities (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      run_id uuid NOT NULL REFERENCES analysis_runs(id),
      transcript_segment_id bigint NOT NULL REFERENCES transcript_segments(id),
      kind text NOT NULL CHECK (kind IN ('person', 'place', 'unit', 'phone', 'call_sign')),
      start_offset integer NOT NULL CHECK (start_offset >= 0),
      end_offset integer NOT NULL,
      surface text NOT NULL,
      value text NOT NULL,
      confidence real NOT NULL CHECK (confidence BETWEEN 0 AND 1),
      rule text NOT NULL,
      -- Places: the gazetteer entry (GeoNames id) as it was when the run was made.
      place_id text,
      place_name_en text,
      place_name_ru text,
      place_name_uk text,
      place_admin1 text,
      place_population integer,
      lat double precision,
      lon double precision,
      country text,
      CHECK (end_offset > start_offset),
      CHECK (kind <> 'place' OR place_id IS NULL OR (lat IS NOT NULL AND lon IS NOT NULL))
    );
    CREATE INDEX analysis_entities_run_idx ON analysis_entities (run_id, transcript_segment_id, start_offset);
    CREATE INDEX analysis_entities_place_name_idx ON analysis_entities (lower(place_name_en))
      WHERE place_id IS NOT NULL;

    CREATE TRIGGER analysis_runs_no_change BEFORE UPDATE OR DELETE ON analysis_runs
      FOR EACH ROW EXECUTE FUNCTION transcripts_write_once();
    CREATE TRIGGER analysis_runs_no_truncate BEFORE TRUNCATE ON analysis_runs
      FOR EACH STATEMENT EXECUTE FUNCTION transcripts_write_once();
    CREATE TRIGGER analysis_matches_no_change BEFORE UPDATE OR DELETE ON analysis_matches
      FOR EACH ROW EXECUTE FUNCTION transcripts_write_once();
    CREATE TRIGGER analysis_matches_no_truncate BEFORE TRUNCATE ON analysis_matches
      FOR EACH STATEMENT EXECUTE FUNCTION transcripts_write_once();
    CREATE TRIGGER analysis_entities_no_change BEFORE UPDATE OR DELETE ON analysis_entities
      FOR EACH ROW EXECUTE FUNCTION transcripts_write_once();
    CREATE TRIGGER analysis_entities_no_truncate BEFORE TRUNCATE ON analysis_entities
      FOR EACH STATEMENT EXECUTE FUNCTION transcripts_write_once();

    CREATE TABLE analysis_current (
      recording_id uuid PRIMARY KEY REFERENCES recordings(id),
      run_id uuid NOT NULL REFERENCES analysis_runs(id),
      triage_score real NOT NULL,
      -- Categories with at least one confident match, and GeoNames ids of places mentioned.
      categories text[] NOT NULL,
      place_ids text[] NOT NULL,
      counts jsonb NOT NULL,
      casualties jsonb NOT NULL,
      -- Confident matches per category, in the order of categories (derived from counts).
      category_mentions integer[] NOT NULL,
      -- Stated casualty counts (derived from casualties; NULL: no count stated).
      killed integer,
      wounded integer,
      missing integer,
      -- recordings.call_started_at, so that trends group by month without a join.
      call_started_at timestamptz
    );
    CREATE INDEX analysis_current_triage_idx ON analysis_current (triage_score DESC, recording_id DESC);
    CREATE INDEX analysis_current_categories_idx ON analysis_current USING gin (categories);
    CREATE INDEX analysis_current_places_idx ON analysis_current USING gin (place_ids);
    -- Monthly trends read one month at a time, index-only: what they add up is included.
    CREATE INDEX analysis_current_call_start_idx ON analysis_current (call_started_at)
      INCLUDE (categories, category_mentions, killed, wounded, missing);
    -- The call graph counts calls per number on each side: these walk the numbers in order with
    -- the scope columns at hand (index-only), so the two sides merge without hashing or sorting.
    CREATE INDEX recordings_caller_callee_idx ON recordings (caller_number, callee_number)
      INCLUDE (collection_id, call_started_at);
    CREATE INDEX recordings_callee_caller_idx ON recordings (callee_number, caller_number)
      INCLUDE (collection_id, call_started_at);

    CREATE FUNCTION analysis_casualty(casualties jsonb, kind text) RETURNS integer
      LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN jsonb_typeof(casualties -> kind) = 'number'
          THEN round((casualties ->> kind)::numeric)::int END
      $$;

    CREATE FUNCTION analysis_current_refresh(rec uuid) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      latest uuid;
      started timestamptz;
      run analysis_runs%ROWTYPE;
    BEGIN
      -- Concurrent commits for one recording (a run and a new transcript version) take turns,
      -- so the last one to commit sees the other's rows. A row lock, not an advisory lock: those
      -- fill the shared lock table when one transaction adds runs for many recordings.
      SELECT call_started_at INTO started FROM recordings WHERE id = rec FOR NO KEY UPDATE;
      SELECT id INTO latest FROM transcripts WHERE recording_id = rec ORDER BY version DESC LIMIT 1;
      SELECT * INTO run FROM analysis_runs
        WHERE recording_id = rec AND transcript_id IS NOT DISTINCT FROM latest
        ORDER BY seq DESC LIMIT 1;
      IF NOT FOUND THEN
        DELETE FROM analysis_current WHERE recording_id = rec;
        RETURN;
      END IF;
      INSERT INTO analysis_current AS c
        (recording_id, run_id, triage_score, categories, place_ids, counts, casualties,
         category_mentions, killed, wounded, missing, call_started_at)
      VALUES (
        rec, run.id, run.triage_score,
        ARRAY(SELECT key FROM jsonb_each(run.counts)
              WHERE jsonb_typeof(value) = 'number' AND value::numeric > 0 ORDER BY key),
        ARRAY(SELECT DISTINCT place_id FROM analysis_entities
              WHERE run_id = run.id AND place_id IS NOT NULL ORDER BY place_id),
        run.counts, run.casualties,
        ARRAY(SELECT round(value::numeric)::int FROM jsonb_each(run.counts)
              WHERE jsonb_typeof(value) = 'number' AND value::numeric > 0 ORDER BY key),
        analysis_casualty(run.casualties, 'killed'), analysis_casualty(run.casualties, 'wounded'),
        analysis_casualty(run.casualties, 'missing'), started)
      ON CONFLICT (recording_id) DO UPDATE SET
        run_id = excluded.run_id, triage_score = excluded.triage_score,
        categories = excluded.categories, place_ids = excluded.place_ids,
        counts = excluded.counts, casualties = excluded.casualties,
        category_mentions = excluded.category_mentions, killed = excluded.killed,
        wounded = excluded.wounded, missing = excluded.missing,
        call_started_at = excluded.call_started_at;
    END $$;

    CREATE FUNCTION analysis_current_refresh_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM analysis_current_refresh(NEW.recording_id);
      RETURN NULL;
    END $$;
    CREATE CONSTRAINT TRIGGER analysis_runs_refresh_current AFTER INSERT ON analysis_runs
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION analysis_current_refresh_row();
    -- A new transcript version has no analysis yet: the recording's current analysis goes away
    -- until analyse runs on it (showing the old one would flag words that may no longer be there).
    CREATE CONSTRAINT TRIGGER transcripts_refresh_analysis AFTER INSERT ON transcripts
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION analysis_current_refresh_row();
    -- Ingest may fill in a recording's missing call metadata later; the copied start follows.
    CREATE FUNCTION analysis_current_follow_call_start() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE analysis_current SET call_started_at = NEW.call_started_at WHERE recording_id = NEW.id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER recordings_call_start_to_analysis AFTER UPDATE OF call_started_at ON recordings
      FOR EACH ROW WHEN (OLD.call_started_at IS DISTINCT FROM NEW.call_started_at)
      EXECUTE FUNCTION analysis_current_follow_call_start();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TRIGGER recordings_call_start_to_analysis ON recordings;
    DROP FUNCTION analysis_current_follow_call_start();
    DROP TRIGGER transcripts_refresh_analysis ON transcripts;
    DROP INDEX recordings_callee_caller_idx;
    DROP INDEX recordings_caller_callee_idx;
    DROP TABLE analysis_current;
    DROP TABLE analysis_entities;
    DROP TABLE analysis_matches;
    DROP TABLE analysis_runs;
    DROP FUNCTION analysis_current_refresh_row();
    DROP FUNCTION analysis_current_refresh(uuid);
    DROP FUNCTION analysis_casualty(jsonb, text);
  `.execute(db);
}
