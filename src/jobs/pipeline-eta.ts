import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { StageCounts } from './operations.ts';

/** How many of a stage's latest finished runs give its typical duration. */
const TIMED_RUNS_PER_STAGE = 50;
/** Fewer timed runs than this for a stage with work left: no estimate. */
export const MIN_TIMED_RUNS = 3;
/** Runs finished this recently show how many run at once (workers, cores). */
const PARALLELISM_WINDOW_SECONDS = 600;

export interface StageTiming {
  stage: string;
  /** Durations (seconds) of the stage's latest finished runs. */
  seconds: number[];
}

export interface RecentRuns {
  timings: StageTiming[];
  /** Runs at once lately: busy seconds over the wall-clock span of recent runs; null when too few. */
  parallelism: number | null;
}

export interface PipelineEta {
  /** Seconds until nothing is pending or running; null when there is too little data. */
  seconds: number | null;
  /** The seconds leave out stages with too few timed runs: the real time is longer. */
  lowerBound: boolean;
  /** What the estimate rests on, or why there is none, in words. */
  basis: string;
  /** Stage runs still to do (pending or running, and the later stages of those calls). */
  remainingRuns: number;
}

/** Durations of each stage's latest finished runs, and how many ran at once in the last minutes. */
export async function recentStageRuns(db: Db): Promise<RecentRuns> {
  const rows = await sql<{ stage: string; seconds: number; started: Date; finished: Date; recent: boolean }>`
    SELECT stage, extract(epoch FROM finished_at - started_at)::float8 AS seconds,
           started_at AS started, finished_at AS finished,
           finished_at > now() - make_interval(secs => ${PARALLELISM_WINDOW_SECONDS}) AS recent
      FROM (SELECT stage, started_at, finished_at,
                   row_number() OVER (PARTITION BY stage ORDER BY finished_at DESC) AS n
              FROM stage_runs
             WHERE status = 'done' AND started_at IS NOT NULL AND finished_at IS NOT NULL
               AND finished_at >= started_at) latest
     WHERE n <= ${TIMED_RUNS_PER_STAGE}`.execute(db);
  const byStage = new Map<string, number[]>();
  for (const row of rows.rows) byStage.set(row.stage, [...(byStage.get(row.stage) ?? []), row.seconds]);
  const recent = rows.rows.filter((r) => r.recent);
  let parallelism: number | null = null;
  if (recent.length >= MIN_TIMED_RUNS) {
    const start = Math.min(...recent.map((r) => r.started.getTime()));
    const end = Math.max(...recent.map((r) => r.finished.getTime()));
    const busy = recent.reduce((sum, r) => sum + r.seconds, 0);
    if (end > start) parallelism = Math.max(1, busy / ((end - start) / 1000));
  }
  return { timings: [...byStage].map(([stage, seconds]) => ({ stage, seconds })), parallelism };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Time left: every call still in the pipeline goes through the stage it is at and every stage
 * after it, each taking the median of that stage's latest runs; divided by how many ran at once
 * lately (one when unknown). A stage with work left but fewer than MIN_TIMED_RUNS timed runs is
 * left out and the estimate is marked as a lower bound; with no timed stage at all there is no
 * estimate. The basis says which.
 */
export function estimateEta(stages: readonly StageCounts[], recent: RecentRuns): PipelineEta {
  let active = 0;
  let remainingRuns = 0;
  let workSeconds = 0;
  const untimed: string[] = [];
  for (const counts of stages) {
    // Calls pending or running at this stage or an earlier one will all pass through this one.
    active += counts.pending + counts.running;
    if (active === 0) continue;
    remainingRuns += active;
    const seconds = recent.timings.find((t) => t.stage === counts.stage)?.seconds ?? [];
    if (seconds.length < MIN_TIMED_RUNS) untimed.push(`${counts.stage} (${seconds.length})`);
    else workSeconds += active * median(seconds);
  }
  if (remainingRuns === 0)
    return { seconds: 0, lowerBound: false, basis: 'Nothing is pending or running.', remainingRuns };
  const missing =
    `at least ${MIN_TIMED_RUNS} finished runs of a stage are needed to time it; ` +
    `finished so far: ${untimed.join(', ')}`;
  if (workSeconds === 0) {
    return {
      seconds: null,
      lowerBound: false,
      basis: `Too little data for an estimate: ${missing}.`,
      remainingRuns,
    };
  }
  const parallelism = recent.parallelism ?? 1;
  const speed =
    recent.parallelism === null
      ? 'assuming one run at a time (too few runs in the last 10 minutes to tell)'
      : `with ${parallelism.toFixed(1)} runs at a time as in the last 10 minutes`;
  return {
    seconds: Math.round(workSeconds / parallelism),
    lowerBound: untimed.length > 0,
    basis:
      `Median duration of each stage's latest ${TIMED_RUNS_PER_STAGE} runs at most, ${speed}.` +
      (untimed.length > 0 ? ` A lower bound: ${missing}; their runs are not counted.` : ''),
    remainingRuns,
  };
}
