import { sql, type Kysely } from 'kysely';

// Notes and attributions on a phone number (issue 13, the number page). An entry belongs to a
// collection and a number (E.164): everyone who may read that collection sees it. Entries are
// append-only like desk notes: a correction is a new entry whose supersedes_id names the entry it
// replaces, with its own author and time. The composite foreign key makes the database refuse a
// correction of another collection's or another number's entry, and the unique index lets an
// entry be superseded once (a later correction supersedes the correction).
//
// The partial index on analysis_entities finds the calls in which a number is spoken without
// reading every entity of every run.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE number_notes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      collection_id uuid NOT NULL REFERENCES collections(id),
      number text NOT NULL CHECK (number ~ '^\\+[1-9][0-9]{5,14}$'),
      kind text NOT NULL CHECK (kind IN ('note', 'attribution')),
      -- The note, or for an attribution what the attribution rests on, in words.
      text text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 10000),
      -- Attributions only: who the subscriber is believed to be, from what source, how sure.
      subscriber text CHECK (subscriber IS NULL OR length(btrim(subscriber)) BETWEEN 1 AND 500),
      source text CHECK (source IS NULL OR length(btrim(source)) BETWEEN 1 AND 1000),
      confidence text CHECK (confidence IN ('low', 'medium', 'high')),
      supersedes_id bigint,
      user_id uuid REFERENCES users(id),
      author text NOT NULL CHECK (length(author) BETWEEN 1 AND 200),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      UNIQUE (id, collection_id, number),
      FOREIGN KEY (supersedes_id, collection_id, number) REFERENCES number_notes (id, collection_id, number),
      CHECK (
        (kind = 'attribution') = (subscriber IS NOT NULL AND source IS NOT NULL AND confidence IS NOT NULL)
      ),
      CHECK (kind = 'attribution' OR (subscriber IS NULL AND source IS NULL AND confidence IS NULL))
    );
    CREATE INDEX number_notes_number_idx ON number_notes (number, collection_id, id);
    CREATE UNIQUE INDEX number_notes_supersedes_idx ON number_notes (supersedes_id)
      WHERE supersedes_id IS NOT NULL;

    CREATE FUNCTION number_notes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'number_notes is append-only (a correction is a new entry that supersedes): % is not allowed',
        TG_OP;
    END $$;
    CREATE TRIGGER number_notes_no_change BEFORE UPDATE OR DELETE ON number_notes
      FOR EACH ROW EXECUTE FUNCTION number_notes_append_only();
    CREATE TRIGGER number_notes_no_truncate BEFORE TRUNCATE ON number_notes
      FOR EACH STATEMENT EXECUTE FUNCTION number_notes_append_only();

    CREATE INDEX analysis_entities_phone_idx ON analysis_entities (value, run_id) WHERE kind = 'phone';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const stored = await sql<{ n: number }>`SELECT count(*)::int AS n FROM number_notes`.execute(db);
  const n = stored.rows[0]?.n ?? 0;
  if (n > 0) {
    throw new Error(
      `cannot undo migration 0022-number-notes: number_notes holds ${n} entries, ` +
        'which are append-only and would be lost',
    );
  }
  await sql`
    DROP INDEX analysis_entities_phone_idx;
    DROP TABLE number_notes;
    DROP FUNCTION number_notes_append_only();
  `.execute(db);
}
