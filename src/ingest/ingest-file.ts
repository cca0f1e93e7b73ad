import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { EnvironmentError } from '../runtime/environment-error.ts';
import { validateAudio } from './audio-validation.ts';
import {
  StoreConflictError,
  blobRelativePath,
  commitStaged,
  discardStaged,
  stageStream,
  type StagedFile,
} from './content-store.ts';
import { CustodyTrail, type CustodyDetails } from '../custody/custody-log.ts';
import { SourceRejection } from './errors.ts';
import { emptyCallMetadata, type CallMetadata } from './metadata/call-metadata.ts';
import { describeFsError } from './source-file.ts';
import { RejectionCode, type IngestLimits, type IngestSource } from './types.ts';
import { entryReadRejection, type ArchiveEntryFacts } from './zip-entry-checks.ts';

export interface FileContext {
  db: Db;
  originalsDir: string;
  collectionId: string;
  batchId: string;
  actor: string;
  limits: IngestLimits;
  metadataFor(source: IngestSource): CallMetadata | null;
}

export type FileOutcome =
  | { kind: 'ingested'; recordingId: string; sizeBytes: number; metadataProblems: string[] }
  | { kind: 'duplicate'; recordingId: string }
  | { kind: 'already-known'; recordingId: string }
  | { kind: 'rejected'; code: RejectionCode; reason: string; recordedBefore: boolean };

interface Rejection {
  code: RejectionCode;
  reason: string;
  sha256: string | null;
  sizeBytes: number | null;
}

/**
 * Ingests one source: stream it into the store while hashing, then either link it to the
 * recording that already has this content, or check that it is real audio, read its call
 * metadata and record it. Every database change for the file happens in one transaction.
 */
export async function ingestSource(ctx: FileContext, source: IngestSource): Promise<FileOutcome> {
  try {
    return await stageAndPlace(ctx, source);
  } finally {
    // Only now is the source's temp file gone: the next entry of its archive may inflate.
    source.release?.();
  }
}

async function stageAndPlace(ctx: FileContext, source: IngestSource): Promise<FileOutcome> {
  const trail = new CustodyTrail({ batchId: ctx.batchId, actor: ctx.actor, sourcePath: source.sourcePath });
  trail.add('received', {
    sourcePath: source.sourcePath,
    archivePath: source.archivePath,
    archiveEntry: source.archiveEntry,
    announcedSizeBytes: source.expectedSize,
    modifiedAt: source.modifiedAt?.toISOString() ?? null,
    ...archiveDetails(source.archiveFacts),
  });
  let staged: StagedFile;
  try {
    staged = await stageStream(ctx.originalsDir, await source.open());
  } catch (error) {
    // The store cannot be written: stop the whole ingest rather than reject every file.
    if (error instanceof EnvironmentError) throw error;
    return recordRejection(ctx, source, trail, readFailure(source, error));
  }
  trail.add('hashed', { algorithm: 'sha256', sha256: staged.sha256, sizeBytes: staged.sizeBytes });
  try {
    return await placeStaged(ctx, source, trail, staged);
  } finally {
    discardStaged(staged);
  }
}

async function placeStaged(
  ctx: FileContext,
  source: IngestSource,
  trail: CustodyTrail,
  staged: StagedFile,
): Promise<FileOutcome> {
  const reject = (code: RejectionCode, reason: string): Promise<FileOutcome> =>
    recordRejection(ctx, source, trail, { code, reason, sha256: staged.sha256, sizeBytes: staged.sizeBytes });
  if (staged.sizeBytes === 0) return reject(RejectionCode.EmptyFile, 'the file is empty (0 bytes)');

  const existing = await findRecording(ctx.db, staged.sha256);
  if (existing) return recordDuplicate(ctx, source, trail, staged, existing);

  const verdict = await validateAudio(staged.tempPath, ctx.limits.decodeCheckSeconds);
  if (!verdict.ok) return reject(verdict.code, verdict.reason);
  const { probe } = verdict;
  trail.add('probed', {
    container: probe.container,
    codec: probe.codec,
    sampleRate: probe.sampleRate,
    channels: probe.channels,
    durationSeconds: probe.durationSeconds,
    bitRate: probe.bitRate,
    decodedHeadSeconds: verdict.decode.headSeconds,
    decodedTailSeconds: verdict.decode.tailSeconds,
    decodeCheck: verdict.decode.method,
  });
  const metadata = ctx.metadataFor(source);
  if (metadata) {
    trail.add('metadata', metadataDetails(metadata));
  }

  let stored;
  try {
    stored = commitStaged(ctx.originalsDir, staged);
  } catch (error) {
    if (error instanceof StoreConflictError) return reject(RejectionCode.StoreConflict, error.message);
    throw error;
  }
  trail.add('stored', { storePath: stored.storePath, alreadyInStore: stored.existed, mode: '0444' });

  const columns = metadata?.columns ?? emptyCallMetadata;
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('recordings')
      .values({
        sha256: staged.sha256,
        size_bytes: staged.sizeBytes,
        collection_id: ctx.collectionId,
        original_filename: source.basename,
        store_path: stored.storePath,
        container: probe.container,
        codec: probe.codec,
        sample_rate: probe.sampleRate,
        channels: probe.channels,
        duration_seconds: probe.durationSeconds,
        bit_rate: probe.bitRate === null ? null : Math.round(probe.bitRate),
        probe: JSON.stringify(probe.raw),
        ...columns,
        metadata_extra: JSON.stringify(columns.metadata_extra),
      })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .returning('id')
      .executeTakeFirst();
    let recordingId = inserted?.id;
    let kind: 'ingested' | 'duplicate' = 'ingested';
    if (!recordingId) {
      // Another source with the same content was recorded while this one was being checked.
      recordingId = (
        await trx
          .selectFrom('recordings')
          .select('id')
          .where('sha256', '=', staged.sha256)
          .executeTakeFirstOrThrow()
      ).id;
      kind = 'duplicate';
      trail.drop(['probed', 'metadata', 'stored']);
      trail.add('duplicate', { recordingId, storePath: stored.storePath });
      if (metadata) await fillMissingMetadata(trx, trail, recordingId, metadata);
    }
    await insertSource(trx, ctx, source, recordingId, staged.sizeBytes);
    await trail.write(trx, recordingId, staged.sha256);
    return { recordingId, kind };
  });
  if (outcome.kind === 'duplicate') return { kind: 'duplicate', recordingId: outcome.recordingId };
  return {
    kind: 'ingested',
    recordingId: outcome.recordingId,
    sizeBytes: staged.sizeBytes,
    metadataProblems: metadata?.problems ?? [],
  };
}

async function recordDuplicate(
  ctx: FileContext,
  source: IngestSource,
  trail: CustodyTrail,
  staged: StagedFile,
  existing: { id: string; store_path: string; metadata_origin: string | null },
): Promise<FileOutcome> {
  const known = await ctx.db
    .selectFrom('recording_sources')
    .select('id')
    .where('recording_id', '=', existing.id)
    .where('collection_id', '=', ctx.collectionId)
    .where('source_path', '=', source.sourcePath)
    .executeTakeFirst();
  // Re-running an ingest must change nothing: a path already recorded for this content is skipped.
  if (known) return { kind: 'already-known', recordingId: existing.id };

  const details: CustodyDetails['duplicate'] = { recordingId: existing.id, storePath: existing.store_path };
  if (!fs.existsSync(path.join(ctx.originalsDir, existing.store_path))) {
    // The stored original went missing (damaged disk, manual deletion): this copy has the same
    // SHA-256, so it restores it.
    const restored = commitStaged(ctx.originalsDir, staged);
    details.restoredMissingOriginal = restored.storePath === blobRelativePath(staged.sha256);
  }
  trail.add('duplicate', details);
  const metadata = existing.metadata_origin === null ? ctx.metadataFor(source) : null;
  await ctx.db.transaction().execute(async (trx) => {
    if (metadata) await fillMissingMetadata(trx, trail, existing.id, metadata);
    await insertSource(trx, ctx, source, existing.id, staged.sizeBytes);
    await trail.write(trx, existing.id, staged.sha256);
  });
  return { kind: 'duplicate', recordingId: existing.id };
}

/**
 * A recording stored without call metadata takes it from a later copy of the same content that
 * has some (a sidecar row, a telling file name). Metadata already recorded is never overwritten.
 */
async function fillMissingMetadata(
  trx: Kysely<Database>,
  trail: CustodyTrail,
  recordingId: string,
  metadata: CallMetadata,
): Promise<void> {
  const updated = await trx
    .updateTable('recordings')
    .set({ ...metadata.columns, metadata_extra: JSON.stringify(metadata.columns.metadata_extra) })
    .where('id', '=', recordingId)
    .where('metadata_origin', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) trail.add('metadata', metadataDetails(metadata));
}

function metadataDetails(metadata: CallMetadata): CustodyDetails['metadata'] {
  const c = metadata.columns;
  return {
    origin: c.metadata_origin,
    caller: c.caller_number ?? c.caller_raw,
    callee: c.callee_number ?? c.callee_raw,
    startedAt: c.call_started_at?.toISOString() ?? null,
    timezone: c.call_timezone,
    problems: metadata.problems,
  };
}

async function insertSource(
  trx: Kysely<Database>,
  ctx: FileContext,
  source: IngestSource,
  recordingId: string,
  sizeBytes: number,
): Promise<void> {
  await trx
    .insertInto('recording_sources')
    .values({
      recording_id: recordingId,
      batch_id: ctx.batchId,
      collection_id: ctx.collectionId,
      source_path: source.sourcePath,
      archive_path: source.archivePath,
      archive_entry: source.archiveEntry,
      size_bytes: sizeBytes,
      modified_at: source.modifiedAt,
    })
    .onConflict((oc) => oc.columns(['recording_id', 'collection_id', 'source_path']).doNothing())
    .execute();
}

async function recordRejection(
  ctx: FileContext,
  source: { sourcePath: string },
  trail: CustodyTrail,
  rejection: Rejection,
): Promise<FileOutcome> {
  let query = ctx.db
    .selectFrom('rejections')
    .select('id')
    .where('collection_id', '=', ctx.collectionId)
    .where('source_path', '=', source.sourcePath)
    .where('reason_code', '=', rejection.code);
  query =
    rejection.sha256 === null
      ? query.where('sha256', 'is', null)
      : query.where('sha256', '=', rejection.sha256);
  // The same input rejected for the same reason by an earlier run is not recorded twice.
  if (await query.executeTakeFirst()) {
    return { kind: 'rejected', code: rejection.code, reason: rejection.reason, recordedBefore: true };
  }
  trail.add('rejected', { reasonCode: rejection.code, reason: rejection.reason });
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('rejections')
      .values({
        batch_id: ctx.batchId,
        collection_id: ctx.collectionId,
        source_path: source.sourcePath,
        reason_code: rejection.code,
        reason: rejection.reason,
        sha256: rejection.sha256,
        size_bytes: rejection.sizeBytes,
      })
      .execute();
    await trail.write(trx, null, rejection.sha256);
  });
  return { kind: 'rejected', code: rejection.code, reason: rejection.reason, recordedBefore: false };
}

/** Records an input rejected before any of its bytes were read (walk-time rejection). */
export function rejectUnread(
  ctx: FileContext,
  input: {
    sourcePath: string;
    code: RejectionCode;
    reason: string;
    sizeBytes: number | null;
    archiveFacts?: ArchiveEntryFacts;
  },
): Promise<FileOutcome> {
  const trail = new CustodyTrail({ batchId: ctx.batchId, actor: ctx.actor, sourcePath: input.sourcePath });
  trail.add('received', {
    sourcePath: input.sourcePath,
    announcedSizeBytes: input.sizeBytes,
    ...archiveDetails(input.archiveFacts ?? null),
  });
  return recordRejection(ctx, input, trail, { ...input, sha256: null });
}

function findRecording(db: Db, sha256: string) {
  return db
    .selectFrom('recordings')
    .select(['id', 'store_path', 'metadata_origin'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
}

function readFailure(source: IngestSource, error: unknown): Rejection {
  if (error instanceof SourceRejection) {
    return { code: error.code, reason: error.message, sha256: null, sizeBytes: source.expectedSize };
  }
  if (source.archivePath) {
    const rejection = entryReadRejection(error);
    return { code: rejection.code, reason: rejection.message, sha256: null, sizeBytes: source.expectedSize };
  }
  return {
    code: RejectionCode.Unreadable,
    reason: `reading failed: ${describeFsError(error)}`,
    sha256: null,
    sizeBytes: source.expectedSize,
  };
}

/** The archive's own CRC-32 and sizes for an entry, as custody records them. */
function archiveDetails(facts: ArchiveEntryFacts | null): Partial<CustodyDetails['received']> {
  if (!facts) return {};
  return {
    archiveCrc32: facts.crc32,
    archiveCompressedSize: facts.compressedSize,
    archiveUncompressedSize: facts.uncompressedSize,
  };
}
