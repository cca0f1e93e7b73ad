import type { EarshotConfig } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import type { StageScheduler } from '../../transcripts/rerun.ts';

/** What route modules need: the database and the parsed config (for file locations). */
export interface RouteContext {
  db: Db;
  config: EarshotConfig;
  /** Queues pipeline jobs, when this process runs the job queue (`earshot start`). */
  scheduleStage?: StageScheduler;
  /** The time sessions and sign-in throttling are checked against (tests move it). */
  clock: () => Date;
}
