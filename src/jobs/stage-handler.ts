import type { EarshotConfig } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import type { JsonObject } from '../db/schema.ts';
import type { RecordingStagePayload } from './stages.ts';

/** What a handler gets besides its payload. */
export interface StageContext {
  db: Db;
  config: EarshotConfig;
  /** hostname:pid of the worker running the job, recorded in stage_runs and custody events. */
  worker: string;
  jobId: string;
}

/** How a stage's jobs are retried and timed out; defaults in ./queue.ts. */
export interface StageJobOptions {
  retryLimit?: number;
  /** Seconds before the first retry; doubled each time (exponential backoff). */
  retryDelaySeconds?: number;
  /** A job running longer is failed and retried (covers workers that vanished). */
  expireInSeconds?: number;
}

/**
 * One stage's work on one recording.
 * Throw PermanentStageError when retrying cannot help (corrupt input); other errors are retried.
 */
export interface StageHandler<N extends string = string> {
  stage: N;
  jobOptions?: StageJobOptions;
  run(payload: RecordingStagePayload, context: StageContext): Promise<StageOutcome>;
}

export interface StageOutcome {
  /** Small JSON summary stored in stage_runs.result. */
  result: JsonObject;
  /** Database writes that must commit in the same transaction as the stage's 'done' status. */
  record?: (trx: Db) => Promise<void>;
}

/** A failure that the same input will always reproduce: the stage fails at once, no retries. */
export class PermanentStageError extends Error {}

/**
 * The stage's model is not installed. Not a failure: the run waits for the model (status
 * 'waiting', naming it) and runs again, without a manual retry, once the model is installed.
 */
export class WaitingForModelError extends Error {
  constructor(
    readonly modelName: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The stage needs a system program that is not installed (e.g. fpcalc). The run waits for it
 * like for a model and goes on by itself once it is installed (./tool-waits.ts); the stages after
 * it run meanwhile.
 */
export class WaitingForToolError extends WaitingForModelError {}
