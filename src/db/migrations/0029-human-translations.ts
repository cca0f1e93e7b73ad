import { sql, type Kysely } from 'kysely';

// Human translations (issue 15): a person's correction of a segment's English is a row of
// segment_translations like a machine one, kind 'human', with its author and the translation it
// was edited from. The table stays append-only: a correction adds a row, nothing is changed.
//
// A human translation wins: the row that is current for a segment (latest_segment_translations,
// which search and the desk read) is the newest human row when there is one, else the newest
// machine row. A machine re-translation after a correction is kept (and listed among the
// segment's versions) but does not replace the person's English.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE segment_translations
      ADD COLUMN kind text NOT NULL DEFAULT 'machine' CHECK (kind IN ('machine', 'human')),
      ADD COLUMN created_by text,
      ADD COLUMN based_on_id bigint REFERENCES segment_translations(id);
    -- A machine translation names its model; a human one names its author instead.
    ALTER TABLE segment_translations DROP CONSTRAINT segment_translations_check;
    ALTER TABLE segment_translations ADD CONSTRAINT segment_translations_provenance CHECK (
      status <> 'translated' OR (
        text IS NOT NULL AND (
          (kind = 'machine' AND model IS NOT NULL AND model_sha256 IS NOT NULL)
          OR (kind = 'human' AND created_by IS NOT NULL)
        )
      )
    );
    ALTER TABLE segment_translations ADD CONSTRAINT segment_translations_human_text
      CHECK (kind = 'machine' OR (status = 'translated' AND created_by IS NOT NULL));

    CREATE OR REPLACE FUNCTION latest_segment_translations_track() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- Rank: a human row before a machine row, then the newer before the older.
      WITH batch AS (
        SELECT DISTINCT ON (transcript_segment_id, target_language)
          transcript_segment_id, target_language, id, kind = 'human' AS human
        FROM new_rows ORDER BY transcript_segment_id, target_language, kind = 'human' DESC, id DESC
      ),
      current_rows AS (
        SELECT l.transcript_segment_id, l.target_language, l.translation_id AS id, t.kind = 'human' AS human
        FROM latest_segment_translations l
        JOIN batch b USING (transcript_segment_id, target_language)
        JOIN segment_translations t ON t.id = l.translation_id
      ),
      decided AS (
        SELECT b.transcript_segment_id, b.target_language, b.id AS new_id, c.id AS old_id,
          (c.id IS NULL OR (b.human, b.id) > (c.human, c.id)) AS new_wins
        FROM batch b LEFT JOIN current_rows c USING (transcript_segment_id, target_language)
      ),
      replaced AS (
        SELECT n.id FROM new_rows n JOIN batch b USING (transcript_segment_id, target_language)
        WHERE n.id <> b.id
        UNION ALL
        SELECT CASE WHEN new_wins THEN old_id ELSE new_id END FROM decided WHERE old_id IS NOT NULL
      ),
      superseded AS (
        INSERT INTO superseded_segment_translations (translation_id)
        SELECT id FROM replaced ON CONFLICT DO NOTHING
      )
      INSERT INTO latest_segment_translations (transcript_segment_id, target_language, translation_id)
      SELECT transcript_segment_id, target_language, new_id FROM decided WHERE new_wins
      ON CONFLICT (transcript_segment_id, target_language) DO UPDATE
        SET translation_id = EXCLUDED.translation_id;
      RETURN NULL;
    END $$;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION latest_segment_translations_track() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
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
    ALTER TABLE segment_translations DROP CONSTRAINT segment_translations_human_text;
    ALTER TABLE segment_translations DROP CONSTRAINT segment_translations_provenance;
    ALTER TABLE segment_translations ADD CONSTRAINT segment_translations_check CHECK (
      status <> 'translated' OR (text IS NOT NULL AND model IS NOT NULL AND model_sha256 IS NOT NULL)
    );
    ALTER TABLE segment_translations DROP COLUMN based_on_id, DROP COLUMN created_by, DROP COLUMN kind;
  `.execute(db);
}
