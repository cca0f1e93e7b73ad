import cliProgress from 'cli-progress';
import type { IngestProgress } from './ingest-paths.ts';

export interface ProgressReporter {
  update(progress: IngestProgress): void;
  stop(): void;
}

/**
 * Shows ingest progress on `stream`: a live bar (files, bytes, ETA) on a terminal, and plain lines
 * every few seconds or 10 % otherwise, so logs and pipes stay readable.
 */
export function createProgressReporter(stream: NodeJS.WritableStream): ProgressReporter {
  return (stream as NodeJS.WriteStream).isTTY ? barReporter(stream) : lineReporter(stream);
}

function barReporter(stream: NodeJS.WritableStream): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format:
        'ingest {bar} {percentage}% | {files} files | {bytes} | {new} new, {dups} dup, {rejected} rejected | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const payload = payloadOf(p);
      if (!started) {
        bar.start(Math.max(1, p.bytesTotal), p.bytesDone, payload);
        started = true;
      } else {
        bar.update(p.bytesDone, payload);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

function lineReporter(stream: NodeJS.WritableStream): ProgressReporter {
  const startedAt = Date.now();
  let lastAt = 0;
  let lastStep = 0;
  return {
    update(p) {
      const now = Date.now();
      const fraction =
        p.bytesTotal > 0 ? p.bytesDone / p.bytesTotal : p.filesTotal > 0 ? p.filesDone / p.filesTotal : 0;
      const step = Math.floor(fraction * 10);
      if (p.filesDone === 0 || (now - lastAt < 2000 && step === lastStep)) return;
      lastAt = now;
      lastStep = step;
      const elapsed = (now - startedAt) / 1000;
      const eta =
        fraction > 0 && fraction < 1 ? ` ETA ${formatSeconds((elapsed / fraction) * (1 - fraction))}` : '';
      const q = payloadOf(p);
      stream.write(
        `ingest: ${q.files} files, ${q.bytes}, ${q.new} new, ${q.dups} duplicates, ${q.rejected} rejected${eta}\n`,
      );
    },
    stop() {},
  };
}

function payloadOf(p: IngestProgress): Record<string, string | number> {
  return {
    files: `${p.filesDone}/${p.filesTotal}`,
    bytes: `${formatBytes(p.bytesDone)}/${formatBytes(p.bytesTotal)}`,
    new: p.summary.ingested,
    dups: p.summary.duplicates + p.summary.alreadyKnown,
    rejected: p.summary.rejected,
  };
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}
