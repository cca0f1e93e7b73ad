import { sql, type Kysely } from 'kysely';

// Near-duplicate calls (issue 13): Chromaprint fingerprints per recording and channel, an inverted
// index of their terms for finding candidates without comparing every pair, and duplicate leads,
// one row per pair of recordings, which a person confirms or rejects. Nothing is ever merged.
//
// Fingerprints are derived data like the working copies: a forced redo replaces them (upsert), and
// the custody log says which fpcalc made each. A lead keeps its decision when its measurements are
// refreshed; who decided, and why, is also in the audit log.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE recording_fingerprints (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      recording_id uuid NOT NULL REFERENCES recordings(id),
      -- A channel's index ('0', '1', …) or 'mix', the mono mix of all channels.
      channel text NOT NULL CHECK (channel ~ '^(mix|[0-9]{1,3})$'),
      -- Chromaprint's raw 32-bit items, stored as signed int4 (the bits unchanged).
      items int4[] NOT NULL,
      duration_seconds double precision NOT NULL CHECK (duration_seconds >= 0),
      fpcalc_version text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      UNIQUE (recording_id, channel)
    );

    -- Inverted index: each fingerprint's distinct terms (an item's top bits, silence left out).
    CREATE TABLE fingerprint_terms (
      term int4 NOT NULL,
      fingerprint_id bigint NOT NULL REFERENCES recording_fingerprints(id) ON DELETE CASCADE,
      recording_id uuid NOT NULL REFERENCES recordings(id),
      PRIMARY KEY (term, fingerprint_id)
    );
    CREATE INDEX fingerprint_terms_fingerprint_idx ON fingerprint_terms (fingerprint_id);

    CREATE TABLE duplicate_leads (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      -- One row per pair, in a fixed order, whichever call came first.
      recording_a uuid NOT NULL REFERENCES recordings(id),
      recording_b uuid NOT NULL REFERENCES recordings(id),
      channel_a text NOT NULL CHECK (channel_a ~ '^(mix|[0-9]{1,3})$'),
      channel_b text NOT NULL CHECK (channel_b ~ '^(mix|[0-9]{1,3})$'),
      overlap_seconds double precision NOT NULL CHECK (overlap_seconds > 0),
      -- Where b's start lies in a (negative: b starts before a).
      offset_seconds double precision NOT NULL,
      score real NOT NULL CHECK (score BETWEEN 0 AND 1),
      bit_error_rate real NOT NULL CHECK (bit_error_rate BETWEEN 0 AND 1),
      status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'rejected')),
      decided_by uuid REFERENCES users(id),
      decided_at timestamptz,
      reason text CHECK (reason IS NULL OR length(btrim(reason)) BETWEEN 1 AND 2000),
      found_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      CHECK (recording_a < recording_b),
      CHECK ((status = 'proposed') = (decided_by IS NULL)),
      CHECK ((decided_by IS NULL) = (decided_at IS NULL)),
      UNIQUE (recording_a, recording_b)
    );
    CREATE INDEX duplicate_leads_b_idx ON duplicate_leads (recording_b);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE duplicate_leads;
    DROP TABLE fingerprint_terms;
    DROP TABLE recording_fingerprints;
  `.execute(db);
}
