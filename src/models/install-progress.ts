import cliProgress from 'cli-progress';
import { formatBytes } from '../ingest/progress-reporter.ts';

/** Byte progress of one file being downloaded, copied or hashed. */
export interface ByteProgress {
  start(label: string, totalBytes: number | null, alreadyDone: number): void;
  update(bytesDone: number): void;
  stop(): void;
}

/** A live bar with bytes and ETA on a terminal; plain lines (every 10 % or 5 s) in logs and pipes. */
export function createByteProgress(stream: NodeJS.WritableStream): ByteProgress {
  return (stream as NodeJS.WriteStream).isTTY ? barProgress(stream) : lineProgress(stream);
}

export const silentProgress: ByteProgress = { start() {}, update() {}, stop() {} };

function barProgress(stream: NodeJS.WritableStream): ByteProgress {
  let bar: cliProgress.SingleBar | null = null;
  return {
    start(label, totalBytes, alreadyDone) {
      bar = new cliProgress.SingleBar(
        {
          stream,
          format:
            totalBytes === null
              ? `${label} {done} of unknown size`
              : `${label} {bar} {percentage}% | {done}/${sizeText(totalBytes)} | ETA {eta_formatted}`,
          hideCursor: true,
          etaBuffer: 100,
        },
        cliProgress.Presets.shades_classic,
      );
      const total = totalBytes ?? 0;
      bar.start(Math.max(1, total), alreadyDone, { done: formatBytes(alreadyDone) });
    },
    update(bytesDone) {
      bar?.update(bytesDone, { done: formatBytes(bytesDone) });
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

function lineProgress(stream: NodeJS.WritableStream): ByteProgress {
  let label = '';
  let total: number | null = null;
  let startedAt = 0;
  let startBytes = 0;
  let lastAt = 0;
  let lastStep = -1;
  let lastBytes = 0;
  const write = (bytes: number): void => {
    const elapsed = (Date.now() - startedAt) / 1000;
    const rate = elapsed > 0 ? (bytes - startBytes) / elapsed : 0;
    const eta =
      total !== null && rate > 0 && bytes < total ? `, ETA ${formatSeconds((total - bytes) / rate)}` : '';
    const percent = total ? ` (${Math.floor((bytes / total) * 100)} %)` : '';
    stream.write(`${label}: ${formatBytes(bytes)} of ${sizeText(total)}${percent}${eta}\n`);
  };
  return {
    start(newLabel, totalBytes, alreadyDone) {
      label = newLabel;
      total = totalBytes;
      startedAt = Date.now();
      startBytes = alreadyDone;
      lastAt = startedAt;
      lastStep = 0;
      lastBytes = alreadyDone;
      if (alreadyDone > 0) stream.write(`${label}: resuming at ${formatBytes(alreadyDone)}\n`);
    },
    update(bytesDone) {
      lastBytes = bytesDone;
      const now = Date.now();
      // Quarter steps or every 10 s keep logs short even for gigabyte downloads.
      const step = total ? Math.floor((bytesDone / total) * 4) : 0;
      if (step === lastStep && now - lastAt < 10_000) return;
      lastStep = step;
      lastAt = now;
      write(bytesDone);
    },
    stop() {
      if (label && lastStep < 4) write(lastBytes);
      label = '';
    },
  };
}

function sizeText(bytes: number | null): string {
  return bytes === null ? 'unknown size' : formatBytes(bytes);
}

function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * One bar for several files (`models install --defaults`): each file's progress is added to the
 * bytes of the files before it, against the total of them all, so the ETA covers the whole set.
 */
export function combinedProgress(
  inner: ByteProgress,
  label: string,
  totalBytes: number | null,
): ByteProgress & {
  finish(): void;
} {
  let started = false;
  let finished = 0;
  let current = 0;
  return {
    start(_fileLabel, _fileTotal, alreadyDone) {
      if (!started) inner.start(label, totalBytes, finished + alreadyDone);
      started = true;
      current = alreadyDone;
      inner.update(finished + current);
    },
    update(bytesDone) {
      current = bytesDone;
      inner.update(finished + current);
    },
    stop() {
      finished += current;
      current = 0;
    },
    finish() {
      if (started) inner.stop();
    },
  };
}
