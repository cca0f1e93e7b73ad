import { sql, type Kysely } from 'kysely';

// The protected-identity register of a collection (issue 14): the people, numbers, call signs,
// units, places, cell ids and voices that an export for publication must withhold, each under a
// pseudonym that stays the same everywhere in the collection.
//
// protected_identities is mutable in two ways only, both checked by a trigger: the pseudonym may
// be renamed, and an entry may be retired once (retired_at, retired_by and the reason are set
// together and never cleared). Nothing else changes and no row is ever deleted: an export made
// while an entry was protected must still be explained by the register (its audit-log entry names
// the entry id). Every pseudonym an entry has had is kept in the append-only
// protected_identity_pseudonyms, so a name once used stays with its entry: no other entry of the
// collection may take it, retired or not (a reader who saw "Soldier A" in an earlier excerpt
// must never meet a different person under that name).
//
// label_key is the label folded for comparison (lower case, ё as е, single spaces): adding the
// same person, number or place twice finds the live entry instead of making a second one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE protected_identities (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      collection_id uuid NOT NULL REFERENCES collections(id),
      kind text NOT NULL
        CHECK (kind IN ('person', 'call_sign', 'phone', 'unit', 'place', 'cell_id', 'voice')),
      label text NOT NULL CHECK (length(btrim(label)) BETWEEN 1 AND 500),
      label_key text GENERATED ALWAYS AS (
        btrim(regexp_replace(lower(translate(label, 'Ёё', 'Ее')), '\\s+', ' ', 'g'))
      ) STORED,
      pseudonym text NOT NULL CHECK (length(btrim(pseudonym)) BETWEEN 1 AND 200),
      first_name text,
      patronymic text,
      surname text,
      gender text CHECK (gender IN ('male', 'female')),
      -- Other names and spellings of any kind: a person's nicknames, a place's English name.
      other_names text[] NOT NULL DEFAULT '{}',
      voice_recording_id uuid REFERENCES recordings(id),
      voice_lane text,
      source text NOT NULL CHECK (source IN ('hand', 'analysis')),
      source_recording_id uuid REFERENCES recordings(id),
      source_entity_id bigint REFERENCES analysis_entities(id),
      added_by_user_id uuid REFERENCES users(id),
      added_by text NOT NULL CHECK (length(added_by) BETWEEN 1 AND 200),
      added_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      retired_at timestamptz,
      retired_by_user_id uuid REFERENCES users(id),
      retired_by text,
      retired_reason text,
      UNIQUE (id, collection_id),
      CHECK (kind <> 'phone' OR label ~ '^\\+[1-9][0-9]{5,14}$'),
      CHECK ((kind = 'voice') = (voice_recording_id IS NOT NULL AND voice_lane IS NOT NULL)),
      CHECK (kind = 'voice' OR (voice_recording_id IS NULL AND voice_lane IS NULL)),
      CHECK (kind = 'person' OR (first_name IS NULL AND patronymic IS NULL AND surname IS NULL
        AND gender IS NULL)),
      CHECK ((source = 'analysis') = (source_entity_id IS NOT NULL AND source_recording_id IS NOT NULL)),
      CHECK ((retired_at IS NULL) = (retired_by IS NULL)),
      CHECK ((retired_at IS NULL) = (retired_reason IS NULL)),
      CHECK (retired_reason IS NULL OR length(btrim(retired_reason)) BETWEEN 1 AND 2000)
    );
    -- One live entry per identity; a retired entry may be protected again as a new entry.
    CREATE UNIQUE INDEX protected_identities_live_label_idx
      ON protected_identities (collection_id, kind, label_key) WHERE retired_at IS NULL;
    CREATE UNIQUE INDEX protected_identities_pseudonym_idx
      ON protected_identities (collection_id, lower(pseudonym));
    CREATE UNIQUE INDEX protected_identities_voice_idx
      ON protected_identities (collection_id, voice_recording_id, voice_lane)
      WHERE kind = 'voice' AND retired_at IS NULL;

    CREATE TABLE protected_identity_pseudonyms (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      identity_id bigint NOT NULL,
      collection_id uuid NOT NULL,
      pseudonym text NOT NULL CHECK (length(btrim(pseudonym)) BETWEEN 1 AND 200),
      set_by_user_id uuid REFERENCES users(id),
      set_by text NOT NULL CHECK (length(set_by) BETWEEN 1 AND 200),
      set_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      FOREIGN KEY (identity_id, collection_id) REFERENCES protected_identities (id, collection_id)
    );
    CREATE INDEX protected_identity_pseudonyms_name_idx
      ON protected_identity_pseudonyms (collection_id, lower(pseudonym), identity_id);

    CREATE FUNCTION protected_identities_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'UPDATE' THEN
        RAISE EXCEPTION 'protected_identities keeps every entry (retire it instead): % is not allowed', TG_OP;
      END IF;
      IF OLD.retired_at IS NOT NULL AND NEW IS DISTINCT FROM OLD THEN
        RAISE EXCEPTION 'protected identity % is retired and no longer changes', OLD.id;
      END IF;
      IF (NEW.id, NEW.collection_id, NEW.kind, NEW.label, NEW.first_name, NEW.patronymic, NEW.surname,
          NEW.gender, NEW.other_names, NEW.voice_recording_id, NEW.voice_lane, NEW.source,
          NEW.source_recording_id, NEW.source_entity_id, NEW.added_by_user_id, NEW.added_by, NEW.added_at)
         IS DISTINCT FROM
         (OLD.id, OLD.collection_id, OLD.kind, OLD.label, OLD.first_name, OLD.patronymic, OLD.surname,
          OLD.gender, OLD.other_names, OLD.voice_recording_id, OLD.voice_lane, OLD.source,
          OLD.source_recording_id, OLD.source_entity_id, OLD.added_by_user_id, OLD.added_by, OLD.added_at)
      THEN
        RAISE EXCEPTION 'protected identity %: only the pseudonym may change, and the entry be retired', OLD.id;
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER protected_identities_no_change BEFORE UPDATE OR DELETE ON protected_identities
      FOR EACH ROW EXECUTE FUNCTION protected_identities_guard();
    CREATE TRIGGER protected_identities_no_truncate BEFORE TRUNCATE ON protected_identities
      FOR EACH STATEMENT EXECUTE FUNCTION protected_identities_guard();

    CREATE FUNCTION protected_identity_pseudonyms_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'protected_identity_pseudonyms is append-only: % is not allowed', TG_OP;
    END $$;
    CREATE TRIGGER protected_identity_pseudonyms_no_change BEFORE UPDATE OR DELETE ON protected_identity_pseudonyms
      FOR EACH ROW EXECUTE FUNCTION protected_identity_pseudonyms_append_only();
    CREATE TRIGGER protected_identity_pseudonyms_no_truncate BEFORE TRUNCATE ON protected_identity_pseudonyms
      FOR EACH STATEMENT EXECUTE FUNCTION protected_identity_pseudonyms_append_only();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const stored = await sql<{ n: number }>`SELECT count(*)::int AS n FROM protected_identities`.execute(db);
  const n = stored.rows[0]?.n ?? 0;
  if (n > 0) {
    throw new Error(
      `cannot undo migration 0026-protected-identities: the register holds ${n} entries, ` +
        'which are kept for the exports made under them and would be lost',
    );
  }
  await sql`
    DROP TABLE protected_identity_pseudonyms;
    DROP TABLE protected_identities;
    DROP FUNCTION protected_identity_pseudonyms_append_only();
    DROP FUNCTION protected_identities_guard();
  `.execute(db);
}
