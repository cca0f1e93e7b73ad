import { sql, type Kysely } from 'kysely';

// Per-collection access (issue 12) limits every list, count and chart to the principal's
// collections. analysis_current, the cache the triage sort and the trend charts read, had no
// collection: a scoped query joined 100k recordings to it and sorted or hashed the lot (the
// monthly chart spilled to disk, a deep triage page took 7x the admin's time). It now carries the
// recording's collection, copied by analysis_current_refresh() like the call start, so a scope is
// a condition on the cache itself, served by the indexes below.
//
// The indexes the unscoped paths walk (triage order, months by call start) include the
// collection, so a scope covering most collections filters inside the index-only scan; the
// (collection_id, ...) ones serve a scope of one or a few collections, read collection by
// collection.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE analysis_current ADD COLUMN collection_id uuid REFERENCES collections(id);
    UPDATE analysis_current ac SET collection_id = r.collection_id FROM recordings r WHERE r.id = ac.recording_id;
    ALTER TABLE analysis_current ALTER COLUMN collection_id SET NOT NULL;

    DROP INDEX analysis_current_triage_idx;
    CREATE INDEX analysis_current_triage_idx ON analysis_current (triage_score DESC, recording_id DESC)
      INCLUDE (collection_id);
    CREATE INDEX analysis_current_collection_triage_idx
      ON analysis_current (collection_id, triage_score DESC, recording_id DESC);
    DROP INDEX analysis_current_call_start_idx;
    CREATE INDEX analysis_current_call_start_idx ON analysis_current (call_started_at)
      INCLUDE (collection_id, categories, category_mentions, killed, wounded, missing);
    CREATE INDEX analysis_current_collection_call_start_idx ON analysis_current (collection_id, call_started_at)
      INCLUDE (categories, category_mentions, killed, wounded, missing);

    -- Totals of a scoped list read the collection beside what they filter on, index-only: a
    -- filter on a joined table (stage runs, analyses) probes the recording's collection by id,
    -- and the origin filter and the call start (monthly counts) carry it (35-40 ms of heap
    -- reads per total at 100k otherwise).
    DROP INDEX recordings_call_started_idx;
    CREATE INDEX recordings_call_started_idx ON recordings (call_started_at) INCLUDE (collection_id);
    CREATE INDEX recordings_id_collection_idx ON recordings (id) INCLUDE (collection_id);
    DROP INDEX recordings_metadata_origin_idx;
    CREATE INDEX recordings_metadata_origin_idx ON recordings (metadata_origin) INCLUDE (collection_id);
  `.execute(db);
  await refreshFunction(db, true);
  // Recordings do not move between collections today; if one ever does, its analysis follows.
  await sql`
    CREATE FUNCTION analysis_current_follow_collection() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE analysis_current SET collection_id = NEW.collection_id WHERE recording_id = NEW.id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER recordings_collection_to_analysis AFTER UPDATE OF collection_id ON recordings
      FOR EACH ROW WHEN (OLD.collection_id IS DISTINCT FROM NEW.collection_id)
      EXECUTE FUNCTION analysis_current_follow_collection();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TRIGGER recordings_collection_to_analysis ON recordings;
    DROP FUNCTION analysis_current_follow_collection();
  `.execute(db);
  await refreshFunction(db, false);
  await sql`
    DROP INDEX recordings_metadata_origin_idx;
    CREATE INDEX recordings_metadata_origin_idx ON recordings (metadata_origin);
    DROP INDEX recordings_id_collection_idx;
    DROP INDEX recordings_call_started_idx;
    CREATE INDEX recordings_call_started_idx ON recordings (call_started_at);
    DROP INDEX analysis_current_collection_call_start_idx;
    DROP INDEX analysis_current_call_start_idx;
    CREATE INDEX analysis_current_call_start_idx ON analysis_current (call_started_at)
      INCLUDE (categories, category_mentions, killed, wounded, missing);
    DROP INDEX analysis_current_collection_triage_idx;
    DROP INDEX analysis_current_triage_idx;
    CREATE INDEX analysis_current_triage_idx ON analysis_current (triage_score DESC, recording_id DESC);
    ALTER TABLE analysis_current DROP COLUMN collection_id;
  `.execute(db);
}

/**
 * analysis_current_refresh() as 0005 wrote it, with (up) or without (down) the collection copied
 * from the recording: one body, so the two versions differ only in that column. From 0027 the
 * analysed version is the recording's current one (latest_transcripts), not its newest: a machine
 * re-run does not replace a person's correction until a person adopts it. From 0032 the categories
 * and mentions add the segments the meaning classifier flags where the lexicon does not
 * (run.meaning_counts), and the row carries those counts beside the lexicon's.
 */
export async function refreshFunction(
  db: Kysely<unknown>,
  withCollection: boolean,
  analyseCurrent = false,
  withMeaning = false,
): Promise<void> {
  const latestOf = analyseCurrent
    ? sql`SELECT transcript_id INTO latest FROM latest_transcripts WHERE recording_id = rec;`
    : sql`SELECT id INTO latest FROM transcripts WHERE recording_id = rec ORDER BY version DESC LIMIT 1;`;
  const copied = withCollection ? sql`, collection_id` : sql``;
  const value = withCollection ? sql`, collection` : sql``;
  const declare = withCollection ? sql`collection uuid;` : sql``;
  const into = withCollection ? sql`started, collection` : sql`started`;
  const select = withCollection ? sql`call_started_at, collection_id` : sql`call_started_at`;
  const update = withCollection ? sql`, collection_id = excluded.collection_id` : sql``;
  // Flags per category: the lexicon's matches, plus (0032) the meaning classifier's segments.
  const flags = withMeaning
    ? sql`(SELECT key, sum(value::numeric) AS n FROM (
             SELECT * FROM jsonb_each(run.counts) UNION ALL SELECT * FROM jsonb_each(run.meaning_counts)) f
           WHERE jsonb_typeof(value) = 'number' AND value::numeric > 0 GROUP BY key) flags`
    : sql`(SELECT key, value::numeric AS n FROM jsonb_each(run.counts)
           WHERE jsonb_typeof(value) = 'number' AND value::numeric > 0) flags`;
  const meaningColumn = withMeaning ? sql`, meaning_counts` : sql``;
  const meaningValue = withMeaning ? sql`, run.meaning_counts` : sql``;
  const meaningUpdate = withMeaning ? sql`, meaning_counts = excluded.meaning_counts` : sql``;
  await sql`
    CREATE OR REPLACE FUNCTION analysis_current_refresh(rec uuid) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      latest uuid;
      started timestamptz;
      ${declare}
      run analysis_runs%ROWTYPE;
    BEGIN
      -- Concurrent commits for one recording take turns on the recording's row (see 0005).
      SELECT ${select} INTO ${into} FROM recordings WHERE id = rec FOR NO KEY UPDATE;
      ${latestOf}
      SELECT * INTO run FROM analysis_runs
        WHERE recording_id = rec AND transcript_id IS NOT DISTINCT FROM latest
        ORDER BY seq DESC LIMIT 1;
      IF NOT FOUND THEN
        DELETE FROM analysis_current WHERE recording_id = rec;
        RETURN;
      END IF;
      INSERT INTO analysis_current AS c
        (recording_id, run_id, triage_score, categories, place_ids, counts, casualties,
         category_mentions, killed, wounded, missing, call_started_at ${copied} ${meaningColumn})
      VALUES (
        rec, run.id, run.triage_score,
        ARRAY(SELECT key FROM ${flags} ORDER BY key),
        ARRAY(SELECT DISTINCT place_id FROM analysis_entities
              WHERE run_id = run.id AND place_id IS NOT NULL ORDER BY place_id),
        run.counts, run.casualties,
        ARRAY(SELECT round(n)::int FROM ${flags} ORDER BY key),
        analysis_casualty(run.casualties, 'killed'), analysis_casualty(run.casualties, 'wounded'),
        analysis_casualty(run.casualties, 'missing'), started ${value} ${meaningValue})
      ON CONFLICT (recording_id) DO UPDATE SET
        run_id = excluded.run_id, triage_score = excluded.triage_score,
        categories = excluded.categories, place_ids = excluded.place_ids,
        counts = excluded.counts, casualties = excluded.casualties,
        category_mentions = excluded.category_mentions, killed = excluded.killed,
        wounded = excluded.wounded, missing = excluded.missing,
        call_started_at = excluded.call_started_at ${update} ${meaningUpdate};
    END $$;
  `.execute(db);
}
