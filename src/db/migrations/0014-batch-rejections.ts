import { sql, type Kysely } from 'kysely';

// An ingest batch that stored files but refused some ends 'finished_with_rejections', so that the
// record says at a glance that something was left out (issue 11). Existing rows keep their status:
// the check only gains a value.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE ingest_batches DROP CONSTRAINT ingest_batches_status_check;
    ALTER TABLE ingest_batches ADD CONSTRAINT ingest_batches_status_check
      CHECK (status IN ('running', 'finished', 'finished_with_rejections', 'interrupted'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE ingest_batches SET status = 'finished' WHERE status = 'finished_with_rejections';
    ALTER TABLE ingest_batches DROP CONSTRAINT ingest_batches_status_check;
    ALTER TABLE ingest_batches ADD CONSTRAINT ingest_batches_status_check
      CHECK (status IN ('running', 'finished', 'interrupted'));
  `.execute(db);
}
