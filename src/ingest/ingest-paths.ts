import { assertMediaToolsInstalled } from '../media/ffmpeg-binaries.ts';
import fs from 'node:fs';
import { isSupportedCountry } from 'libphonenumber-js';
import type { EarshotConfig } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import type { ModelProfile } from '../db/schema.ts';
import { ensureCollection, finishBatch, markInterruptedBatches, startBatch } from './batch.ts';
import { cleanStaleTempFiles } from './content-store.ts';
import { IngestUsageError } from './errors.ts';
import { ingestSource, rejectUnread, type FileContext, type FileOutcome } from './ingest-file.ts';
import { assertInputsExist, walkInputs } from './input-walker.ts';
import { isKnownZone } from './metadata/call-time.ts';
import type { ColumnMap } from './metadata/column-map.ts';
import { compileNamePattern, DEFAULT_NAME_PATTERN } from './metadata/name-pattern.ts';
import { DEFAULT_PHONE_REGION } from './metadata/phone-number.ts';
import { createMetadataResolver } from './metadata/resolve.ts';
import { loadSidecar } from './metadata/sidecar.ts';
import { storeSidecar } from './metadata/sidecar-store.ts';
import { IngestSummary } from './summary.ts';
import { defaultLimits, type IngestLimits, type WalkItem } from './types.ts';

export interface IngestProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  summary: IngestSummary;
}

export interface IngestOptions {
  paths: string[];
  collection: string;
  /** `demo` only for the bundled demo corpus (earshot start): its collection uses the demo models. */
  modelProfile?: ModelProfile;
  metadataFile?: string;
  namePattern?: string;
  columnMap?: ColumnMap;
  /** Region for phone numbers written without a country code (default RU). */
  region?: string;
  /** Zone for call times that carry none (default UTC); recorded with every such time. */
  timeZone?: string;
  actor: string;
  /**
   * Paths under `dir` are recorded (sources, rejections, custody, the batch's inputs) as `prefix`
   * plus the rest: an upload from the desk lands in a temporary folder, but what the user chose
   * was "leak/a.wav", and a second upload of the same file under the same path is already known.
   */
  recordPathsAs?: { dir: string; prefix: string };
  limits?: Partial<IngestLimits>;
  /** Files in flight at once (default 4): hashing and fsync of one overlap probing of another. */
  concurrency?: number;
  onProgress?: (progress: IngestProgress) => void;
}

export interface IngestResult {
  batchId: string;
  /** How the batch closed: 'finished_with_rejections' when any input was refused. */
  status: ReturnType<IngestSummary['closingStatus']>;
  collectionId: string;
  /** Recordings created by this run (for scheduling the pipeline stages). */
  newRecordingIds: string[];
  summary: IngestSummary;
}

/**
 * Ingests files, folders and zip archives into a collection. Everything about the request is
 * checked first (inputs exist, sidecar parses, pattern compiles): a usage error ingests nothing.
 * Then each file is handled on its own, in its own transaction, so a run killed half way leaves
 * only complete files behind and a re-run picks up the rest.
 */
export async function ingestPaths(
  db: Db,
  config: EarshotConfig,
  options: IngestOptions,
): Promise<IngestResult> {
  if (options.paths.length === 0) throw new IngestUsageError('no input paths given');
  const region = (options.region ?? DEFAULT_PHONE_REGION).toUpperCase();
  if (!isSupportedCountry(region))
    throw new IngestUsageError(`--region "${options.region}" is not a known country code (e.g. RU, UA)`);
  const timeZone = options.timeZone ?? 'UTC';
  if (!isKnownZone(timeZone))
    throw new IngestUsageError(`time zone "${timeZone}" is not known (use e.g. Europe/Moscow or +03:00)`);
  assertInputsExist(options.paths);
  // Every file is checked with ffprobe and ffmpeg: without them nothing can be ingested.
  assertMediaToolsInstalled();
  const pattern = compileNamePattern(options.namePattern ?? DEFAULT_NAME_PATTERN);
  const sidecar = options.metadataFile ? loadSidecar(options.metadataFile, options.columnMap ?? {}) : null;
  const limits: IngestLimits = { ...defaultLimits, ...options.limits };
  const recorded = pathRecorder(options.recordPathsAs);

  fs.mkdirSync(config.originalsDir, { recursive: true });
  cleanStaleTempFiles(config.originalsDir);
  await markInterruptedBatches(db);
  const collectionId = await ensureCollection(db, options.collection, options.modelProfile);
  const batchId = await startBatch(db, {
    collectionId,
    actor: options.actor,
    inputs: options.paths.map(recorded),
    options: {
      metadataFile: options.metadataFile ?? null,
      metadataEncoding: sidecar?.encoding ?? null,
      namePattern: pattern.source,
      columnMap: options.columnMap ?? {},
      region,
      timeZone,
    },
  });

  // Kept in the batch's summary: which sidecar bytes (by SHA-256) the metadata was read from.
  const sidecarStored = sidecar
    ? await storeSidecar(
        db,
        config.originalsDir,
        { batchId, actor: options.actor, sourcePath: recorded(sidecar.file) },
        sidecar,
      )
    : null;
  const metadataFile = sidecarStored && {
    sha256: sidecarStored.sha256,
    storePath: sidecarStored.storePath,
    encoding: sidecar!.encoding,
  };

  const ctx: FileContext = {
    db,
    originalsDir: config.originalsDir,
    collectionId,
    batchId,
    actor: options.actor,
    limits,
    metadataFor: createMetadataResolver(sidecar, pattern, {
      region,
      defaultTimeZone: timeZone,
    }),
  };
  const summary = new IngestSummary();
  summary.metadataWarnings.push(...(sidecar?.warnings ?? []));
  const totals = await countInputs(options.paths, limits);
  const progress: IngestProgress = {
    filesDone: 0,
    filesTotal: totals.files,
    bytesDone: 0,
    bytesTotal: totals.bytes,
    summary,
  };
  options.onProgress?.(progress);

  try {
    const items = recordedAs(walkInputs(options.paths, limits), recorded);
    await runConcurrently(items, options.concurrency ?? 4, async (item) => {
      const outcome =
        item.kind === 'source'
          ? await ingestSource(ctx, item.source)
          : await rejectUnread(ctx, item.rejected);
      const path = item.kind === 'source' ? item.source.sourcePath : item.rejected.sourcePath;
      // A file seen again (already known, or a duplicate whose metadata was recorded the first
      // time) never asks the sidecar for its row; the row still matches a file of this ingest, and
      // must not be reported as matching none (each restart re-ingests the demo corpus).
      if (item.kind === 'source' && outcome.kind !== 'rejected')
        sidecar?.lookup(item.source.relativePath, item.source.basename);
      countOutcome(summary, path, outcome);
      progress.filesDone += 1;
      progress.bytesDone += item.kind === 'source' ? item.source.diskBytes : item.rejected.diskBytes;
      options.onProgress?.(progress);
    });
  } catch (error) {
    await finishBatch(db, batchId, 'interrupted', {
      ...summary.toJson(),
      metadataFile,
      error: String(error),
    }).catch(() => undefined);
    throw error;
  }
  for (const row of sidecar?.unmatchedRows() ?? [])
    summary.metadataWarnings.push(`${row}: no ingested file matches this row`);
  const status = summary.closingStatus();
  await finishBatch(db, batchId, status, { ...summary.toJson(), metadataFile });
  return { batchId, status, collectionId, newRecordingIds: summary.newRecordingIds, summary };
}

function countOutcome(summary: IngestSummary, sourcePath: string, outcome: FileOutcome): void {
  switch (outcome.kind) {
    case 'ingested':
      summary.ingested += 1;
      summary.bytesIngested += outcome.sizeBytes;
      summary.newRecordingIds.push(outcome.recordingId);
      summary.metadataWarnings.push(...outcome.metadataProblems);
      break;
    case 'duplicate':
      summary.duplicates += 1;
      break;
    case 'already-known':
      summary.alreadyKnown += 1;
      break;
    case 'rejected':
      summary.rejections.push({
        sourcePath,
        code: outcome.code,
        reason: outcome.reason,
        recordedBefore: outcome.recordedBefore,
      });
      break;
  }
}

function pathRecorder(as: IngestOptions['recordPathsAs']): (path: string) => string {
  if (!as) return (p) => p;
  const root = as.dir.replace(/\/+$/, '');
  return (p) => (p.startsWith(`${root}/`) ? `${as.prefix}${p.slice(root.length + 1)}` : p);
}

/** The walk with each path as it is recorded; files are still opened where they are. */
async function* recordedAs(items: AsyncIterable<WalkItem>, recorded: (path: string) => string) {
  for await (const item of items) {
    if (item.kind === 'rejected') {
      yield { ...item, rejected: { ...item.rejected, sourcePath: recorded(item.rejected.sourcePath) } };
    } else {
      const { source } = item;
      const archivePath = source.archivePath === null ? null : recorded(source.archivePath);
      yield { ...item, source: { ...source, sourcePath: recorded(source.sourcePath), archivePath } };
    }
  }
}

/** A first pass that only lists (archives by their directory): totals for the progress bar. */
async function countInputs(paths: string[], limits: IngestLimits): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for await (const item of walkInputs(paths, limits)) {
    files += 1;
    bytes += item.kind === 'source' ? item.source.diskBytes : item.rejected.diskBytes;
  }
  return { files, bytes };
}

/** Runs `work` on the items with at most `limit` in flight; the first failure stops the rest. */
async function runConcurrently<T>(
  items: AsyncIterable<T>,
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const iterator = items[Symbol.asyncIterator]();
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed) {
      const next = await iterator.next();
      if (next.done) return;
      try {
        await work(next.value);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.max(1, limit) }, lane));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}

export type { WalkItem };
