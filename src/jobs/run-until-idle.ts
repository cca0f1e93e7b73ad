import type { PipelineStatus } from './operations.ts';
import type { Pipeline } from './pipeline.ts';
import { formatPipelineEvent, formatProgressLine } from './status-report.ts';

export interface RunUntilIdleOptions {
  /** Where per-job lines and progress go (omit for silence). */
  out?: NodeJS.WritableStream;
  concurrency?: number;
  /** Print a progress line at most this often (default 5 s). */
  progressEveryMs?: number;
}

/**
 * Runs the stage workers in this process until no run is pending or running, printing each job's
 * outcome and a progress line now and then; then stops the workers and returns the final status.
 */
export async function runPipelineUntilIdle(
  pipeline: Pipeline,
  options: RunUntilIdleOptions = {},
): Promise<PipelineStatus> {
  const { out } = options;
  const workers = await pipeline.startWorkers({
    concurrency: options.concurrency,
    onEvent: out ? (event) => out.write(formatPipelineEvent(event) + '\n') : undefined,
  });
  let lastProgress = 0;
  try {
    return await pipeline.waitUntilIdle({
      onProgress: (status) => {
        if (!out || Date.now() - lastProgress < (options.progressEveryMs ?? 5000)) return;
        lastProgress = Date.now();
        out.write(formatProgressLine(status) + '\n');
      },
    });
  } finally {
    await workers.stop();
  }
}
