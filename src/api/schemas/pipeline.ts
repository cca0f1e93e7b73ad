import { z } from 'zod';
import { STAGE_ORDER } from '../../jobs/stages.ts';
import { isoDateTime, nullableIsoDateTime } from './common.ts';

const stageCountsSchema = z
  .object({
    stage: z.string().describe('Pipeline stage, in pipeline order'),
    done: z.number().int(),
    running: z.number().int().describe('Held by a worker right now'),
    pending: z.number().int().describe('Queued to run'),
    waiting: z.number().int().describe('Waiting for a model to be installed (not failed)'),
    failed: z.number().int().describe('Failed after every attempt; see failures for reasons'),
    missing: z.number().int().describe('Calls that have not reached this stage yet'),
  })
  .describe('How many calls are in each state at one stage');

const reasonCallSchema = z.object({
  id: z.string().describe('Recording id'),
  originalFilename: z.string().describe('File name as ingested'),
});

const failureGroupSchema = z
  .object({
    stage: z.string(),
    reason: z.string().describe('The error of the last attempt, shared by every call in the group'),
    count: z.number().int().describe('Calls that failed for this reason'),
    calls: z.array(reasonCallSchema).describe('The calls (at most 100; count says how many in all)'),
  })
  .describe('Failed runs of one stage that share a reason');

const waitGroupSchema = z
  .object({
    stage: z.string(),
    model: z.string().describe('The model the runs wait for'),
    command: z.string().describe('The command that installs it; the runs then go on by themselves'),
    count: z.number().int(),
    calls: z.array(reasonCallSchema).describe('The calls (at most 100; count says how many in all)'),
  })
  .describe('Runs of one stage that wait for the same model');

const silentWorkerSchema = z
  .object({
    worker: z.string().describe('hostname:pid of the worker'),
    lastHeartbeat: isoDateTime.describe('Its last heartbeat'),
    runs: z.number().int().describe('Runs it still holds as running'),
  })
  .describe(
    'A worker gone silent (killed or lost) while holding runs: another worker takes them over within two minutes',
  );

export const pipelineStatusSchema = z
  .object({
    recordings: z.number().int().describe('Calls in the archive'),
    active: z.boolean().describe('Whether anything is pending or running (poll again while true)'),
    stages: z.array(stageCountsSchema),
    failures: z.array(failureGroupSchema).describe('Failed runs grouped by stage and reason'),
    waits: z.array(waitGroupSchema).describe('Waiting runs grouped by stage and model'),
    silentWorkers: z
      .array(silentWorkerSchema)
      .describe('Workers that stopped heart-beating while holding runs (as `earshot status` lists them)'),
    eta: z
      .object({
        seconds: z
          .number()
          .int()
          .nullable()
          .describe('Estimated seconds until nothing is pending or running; null: too little data'),
        lowerBound: z
          .boolean()
          .describe('The seconds leave out stages not yet timed (too few finished runs): it takes longer'),
        basis: z.string().describe('What the estimate rests on, or why there is none'),
        remainingRuns: z.number().int().describe('Stage runs still to do'),
      })
      .describe('Estimate from the durations of recent stage runs and the work left'),
    canRetry: z
      .boolean()
      .describe('Whether this server runs a job queue, so that POST /api/pipeline/retry can queue work'),
    lastFinishedAt: nullableIsoDateTime.describe('When a stage run last finished'),
  })
  .describe('Pipeline progress over all calls');

export const retryBodySchema = z
  .object({
    stage: z
      .enum(STAGE_ORDER)
      .optional()
      .describe('Retry the failed runs of this stage only (default: every stage)'),
  })
  .describe('Which failed runs to schedule again');

export const retryResponseSchema = z
  .object({
    scheduled: z.number().int().describe('Failed runs scheduled again'),
    stages: z.array(z.object({ stage: z.string(), scheduled: z.number().int() })),
  })
  .describe('What was scheduled again');
