import { spawn } from 'node:child_process';

export interface MediaToolRun {
  code: number | null;
  stdout: string;
  /** The tail of stderr (see stderrLimit): ffmpeg prints its reports last. */
  stderr: string;
}

export interface MediaToolOptions {
  /** Kills the tool after this long; none when undefined. */
  timeoutMs?: number;
  /** Characters of stderr kept, from the end (a corrupt file can make ffmpeg print megabytes). */
  stderrLimit?: number;
  /** Characters of stdout kept, from the start; all when undefined. */
  stdoutLimit?: number;
}

/**
 * Runs ffmpeg or ffprobe with arguments (never through a shell) and collects its output. Paths
 * given to the tools should carry the `file:` prefix so a hostile name is never read as an option
 * or a protocol.
 */
export function runMediaTool(
  binary: string,
  args: string[],
  options: MediaToolOptions = {},
): Promise<MediaToolRun> {
  const stderrLimit = options.stderrLimit ?? 64 * 1024;
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const stdoutLimit = options.stdoutLimit ?? Infinity;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < stdoutLimit) stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-stderrLimit);
    });
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The last lines of a tool's stderr, for an error message. */
export function lastToolLines(text: string, count = 3): string {
  return text.trim().split('\n').slice(-count).join(' | ').trim();
}
