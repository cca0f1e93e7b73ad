import { sql, type Kysely } from 'kysely';

// Triage (issue 15): tags on calls and segments, stars, saved searches.
//
// A tag belongs to the collection of its call (collection_id is the call's, copied so that a
// collection scope needs no join, and checked by the composite foreign key): everyone who may
// read the collection sees it; whoever may annotate the collection adds or removes it. A tag on
// a segment names the segment of the transcript version it was put on, as notes do. Tags are
// compared without case: «Груз» and «груз» are one tag.
//
// Stars and saved searches are a person's own: nobody else sees them. A star on a call has no
// segment. A saved search keeps the Search page's parameters as the page holds them (the query,
// language, transliteration and the list filters), so that opening it gives the same search.
//
// Every change a person makes here is in the audit log (tag, untag, star, save...), so a tag or
// star removed is deleted, not kept: the log says who put it there and who took it away.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE recordings ADD CONSTRAINT recordings_id_collection_key UNIQUE (id, collection_id);

    CREATE TABLE call_tags (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      recording_id uuid NOT NULL,
      collection_id uuid NOT NULL,
      segment_id bigint REFERENCES transcript_segments(id),
      tag text NOT NULL CHECK (tag = btrim(tag) AND length(tag) BETWEEN 1 AND 60),
      user_id uuid REFERENCES users(id),
      author text NOT NULL CHECK (length(author) BETWEEN 1 AND 200),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      FOREIGN KEY (recording_id, collection_id) REFERENCES recordings (id, collection_id)
    );
    CREATE UNIQUE INDEX call_tags_once_idx ON call_tags (recording_id, coalesce(segment_id, 0), lower(tag));
    CREATE INDEX call_tags_collection_idx ON call_tags (collection_id, lower(tag));

    CREATE TABLE stars (
      user_id uuid NOT NULL REFERENCES users(id),
      recording_id uuid NOT NULL REFERENCES recordings(id),
      segment_id bigint REFERENCES transcript_segments(id),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp()
    );
    CREATE UNIQUE INDEX stars_once_idx ON stars (user_id, recording_id, coalesce(segment_id, 0));
    CREATE INDEX stars_recording_idx ON stars (recording_id);

    CREATE TABLE saved_searches (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      name text NOT NULL CHECK (name = btrim(name) AND length(name) BETWEEN 1 AND 200),
      params jsonb NOT NULL CHECK (jsonb_typeof(params) = 'object'),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      UNIQUE (user_id, name)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE saved_searches;
    DROP TABLE stars;
    DROP TABLE call_tags;
    ALTER TABLE recordings DROP CONSTRAINT recordings_id_collection_key;
  `.execute(db);
}
