import { sql, type Kysely } from 'kysely';

// A stage whose model is not installed is not a failure: the run waits for the model
// ('waiting', naming it in waiting_for_model) and runs once the model is installed.
//
// The demo collection is transcribed and translated by the small demo models committed in the
// repository; a user's own collections never are. Which models a collection uses is a property of
// the collection (model_profile), not of the process, so a worker serving both picks per job.
//
// Postgres named the inline CHECK of 0001 stage_runs_status_check.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE stage_runs DROP CONSTRAINT stage_runs_status_check;
    ALTER TABLE stage_runs ADD CONSTRAINT stage_runs_status_check
      CHECK (status IN ('pending', 'running', 'done', 'failed', 'waiting'));
    ALTER TABLE stage_runs ADD COLUMN waiting_for_model text;
    ALTER TABLE stage_runs ADD CONSTRAINT stage_runs_waiting_names_model
      CHECK ((status = 'waiting') = (waiting_for_model IS NOT NULL));
    ALTER TABLE collections ADD COLUMN model_profile text NOT NULL DEFAULT 'configured'
      CHECK (model_profile IN ('configured', 'demo'));
  `.execute(db);
  // Before this migration only \`earshot start\` made the collection of this name, for the
  // bundled demo corpus (ingest into it is refused from now on).
  await sql`UPDATE collections SET model_profile = 'demo' WHERE name = 'Demo corpus'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Waiting runs go back to what the older schema called them: failed, with the reason kept.
  await sql`
    ALTER TABLE collections DROP COLUMN model_profile;
    ALTER TABLE stage_runs DROP CONSTRAINT stage_runs_waiting_names_model;
    UPDATE stage_runs
       SET status = 'failed',
           error = coalesce(error, 'waiting for model ' || waiting_for_model)
     WHERE status = 'waiting';
    ALTER TABLE stage_runs DROP COLUMN waiting_for_model;
    ALTER TABLE stage_runs DROP CONSTRAINT stage_runs_status_check;
    ALTER TABLE stage_runs ADD CONSTRAINT stage_runs_status_check
      CHECK (status IN ('pending', 'running', 'done', 'failed'));
  `.execute(db);
}
