import { sql, type Kysely } from 'kysely';

// A custody event keeps the time its action happened (`occurred_at`, given by the writer: an
// ingest records when each file was received). The app's database role can write that column,
// so it could also backdate an event. `recorded_at` is stamped by the server on insert, by a
// trigger the runtime role cannot switch off (it owns no table): a backdated event shows as an
// `occurred_at` far before its `recorded_at`. Events logged before this migration have none.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE custody_events ADD COLUMN recorded_at timestamptz;
    CREATE FUNCTION custody_events_stamp_recorded_at() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.recorded_at := clock_timestamp();
      RETURN NEW;
    END $$;
    CREATE TRIGGER custody_events_recorded_at BEFORE INSERT ON custody_events
      FOR EACH ROW EXECUTE FUNCTION custody_events_stamp_recorded_at();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TRIGGER custody_events_recorded_at ON custody_events;
    DROP FUNCTION custody_events_stamp_recorded_at();
    ALTER TABLE custody_events DROP COLUMN recorded_at;
  `.execute(db);
}
