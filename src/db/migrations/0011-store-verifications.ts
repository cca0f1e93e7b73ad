import { sql, type Kysely } from 'kysely';

// Each run of `earshot verify-store`: what it re-hashed and what did not match, so that
// `earshot status` and /api/health can say when the store last proved itself, and with what result.
// Rows are only ever added: a verification is evidence of the store's state at a time.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE store_verifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      started_at timestamptz NOT NULL,
      finished_at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL,
      collection_id uuid REFERENCES collections(id),
      originals_checked integer NOT NULL,
      derived_checked integer NOT NULL,
      problems jsonb NOT NULL DEFAULT '[]',
      ok boolean NOT NULL
    );
    CREATE INDEX store_verifications_finished_idx ON store_verifications (finished_at DESC);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE store_verifications`.execute(db);
}
