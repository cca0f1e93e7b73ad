import { sql, type Kysely } from 'kysely';

// Full-text search over transcripts and their English translations, kept by the database.
//
// Vectors: segments and translations are write-once, so each carries a generated STORED tsvector.
// A segment's vector holds its exact word forms (the 'simple' configuration: numbers such as
// 200/300/500, names, short words the stemmer drops) at weight A and its Russian stems at weight
// B, so a search matches any inflection and ranks the exact form higher. Translations likewise
// with English stems.
//
// Latest only: search must see each recording's latest transcript version and, per segment, its
// newest translation, without scanning older versions at query time. Two small side tables say
// which rows are current; triggers on the append-only tables keep them right, so nothing outside
// the database has to remember to. At 5M segments the search joins a GIN hit list to a
// primary-key lookup instead of grouping versions.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE transcript_segments ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('simple'::regconfig, text), 'A') ||
      setweight(to_tsvector('russian'::regconfig, text), 'B')
    ) STORED;
    CREATE INDEX transcript_segments_search_idx ON transcript_segments USING gin (search_vector);

    ALTER TABLE segment_translations ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('simple'::regconfig, coalesce(text, '')), 'A') ||
      setweight(to_tsvector('english'::regconfig, coalesce(text, '')), 'B')
    ) STORED;
    CREATE INDEX segment_translations_search_idx ON segment_translations USING gin (search_vector);

    -- The latest transcript version of each recording, and the versions a newer one replaced.
    -- Search filters candidates against the replaced ones: a handful of rows (one per correction)
    -- that hash in memory, where a lookup per candidate in a table per recording would not.
    CREATE TABLE latest_transcripts (
      recording_id uuid PRIMARY KEY REFERENCES recordings(id),
      transcript_id uuid NOT NULL UNIQUE REFERENCES transcripts(id),
      version integer NOT NULL
    );
    CREATE TABLE superseded_transcripts (transcript_id uuid PRIMARY KEY REFERENCES transcripts(id));

    CREATE FUNCTION latest_transcripts_track() RETURNS trigger LANGUAGE plpgsql AS $$
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
    CREATE TRIGGER transcripts_track_latest AFTER INSERT ON transcripts
      FOR EACH ROW EXECUTE FUNCTION latest_transcripts_track();

    -- The newest translation of each segment into each language, and the translations replaced.
    CREATE TABLE latest_segment_translations (
      transcript_segment_id bigint NOT NULL REFERENCES transcript_segments(id),
      target_language text NOT NULL,
      translation_id bigint NOT NULL UNIQUE REFERENCES segment_translations(id),
      PRIMARY KEY (transcript_segment_id, target_language)
    );
    CREATE TABLE superseded_segment_translations (
      translation_id bigint PRIMARY KEY REFERENCES segment_translations(id)
    );

    CREATE FUNCTION latest_segment_translations_track() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- Every statement below sees the tables as they were before this trigger ran.
      WITH batch AS (
        SELECT DISTINCT ON (transcript_segment_id, target_language) transcript_segment_id, target_language, id
        FROM new_rows ORDER BY transcript_segment_id, target_language, id DESC
      ),
      replaced AS (
        SELECT n.id FROM new_rows n JOIN batch b USING (transcript_segment_id, target_language)
        WHERE n.id <> b.id
        UNION ALL
        SELECT CASE WHEN l.translation_id < b.id THEN l.translation_id ELSE b.id END
        FROM latest_segment_translations l JOIN batch b USING (transcript_segment_id, target_language)
      ),
      superseded AS (
        INSERT INTO superseded_segment_translations (translation_id)
        SELECT id FROM replaced ON CONFLICT DO NOTHING
      )
      INSERT INTO latest_segment_translations (transcript_segment_id, target_language, translation_id)
      SELECT transcript_segment_id, target_language, id FROM batch
      ON CONFLICT (transcript_segment_id, target_language) DO UPDATE
        SET translation_id = EXCLUDED.translation_id
        WHERE latest_segment_translations.translation_id < EXCLUDED.translation_id;
      RETURN NULL;
    END $$;
    -- Per statement: the translate stage inserts a transcript's rows in a few large statements.
    CREATE TRIGGER segment_translations_track_latest AFTER INSERT ON segment_translations
      REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION latest_segment_translations_track();

    -- Rows written before this migration.
    INSERT INTO latest_transcripts (recording_id, transcript_id, version)
    SELECT DISTINCT ON (recording_id) recording_id, id, version
    FROM transcripts ORDER BY recording_id, version DESC;
    INSERT INTO latest_segment_translations (transcript_segment_id, target_language, translation_id)
    SELECT DISTINCT ON (transcript_segment_id, target_language) transcript_segment_id, target_language, id
    FROM segment_translations ORDER BY transcript_segment_id, target_language, id DESC;
    INSERT INTO superseded_transcripts (transcript_id)
    SELECT t.id FROM transcripts t
    WHERE NOT EXISTS (SELECT 1 FROM latest_transcripts l WHERE l.transcript_id = t.id);
    INSERT INTO superseded_segment_translations (translation_id)
    SELECT t.id FROM segment_translations t
    WHERE NOT EXISTS (SELECT 1 FROM latest_segment_translations l WHERE l.translation_id = t.id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE superseded_segment_translations;
    DROP TABLE latest_segment_translations;
    DROP TRIGGER segment_translations_track_latest ON segment_translations;
    DROP FUNCTION latest_segment_translations_track();
    DROP TABLE superseded_transcripts;
    DROP TABLE latest_transcripts;
    DROP TRIGGER transcripts_track_latest ON transcripts;
    DROP FUNCTION latest_transcripts_track();
    ALTER TABLE segment_translations DROP COLUMN search_vector;
    ALTER TABLE transcript_segments DROP COLUMN search_vector;
  `.execute(db);
}
