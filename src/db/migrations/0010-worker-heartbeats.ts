import { sql, type Kysely } from 'kysely';

// While a worker holds a run it refreshes heartbeat_at every few seconds. A run whose heartbeat
// is older than a couple of minutes belongs to a worker that is gone (kill -9, lost machine): it
// is released to the other workers then, not after the job's 30-minute expiry, and `earshot
// status` names the silent worker. Runs from before this migration have no heartbeat and keep
// the expiry rule.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE stage_runs ADD COLUMN heartbeat_at timestamptz`.execute(db);
  // Every worker refreshes its own running runs every few seconds: find them without a scan.
  await sql`CREATE INDEX stage_runs_running_by_worker ON stage_runs (worker) WHERE status = 'running'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX stage_runs_running_by_worker`.execute(db);
  await sql`ALTER TABLE stage_runs DROP COLUMN heartbeat_at`.execute(db);
}
