import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import {
  collectionCondition,
  scopeToCollections,
  type CollectionScope,
} from '../accounts/collection-scope.ts';
import { isLocalOperator, type Actor } from '../accounts/principal.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { EarshotConfig } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { formatBytes } from '../ingest/progress-reporter.ts';
import { RecordingNotFound } from '../recordings/recording-not-found.ts';
import { toolVersions } from '../runtime/tool-versions.ts';
import { loadCallContents } from './bundle-contents.ts';
import { bundleReadme } from './bundle-readme.ts';
import { writeBundle, type ManifestHead, type ManifestRecording } from './bundle-writer.ts';
import { loadOrCreateSigningKey, type SigningKey } from './signing-key.ts';
import { verifierPath } from './verifier-path.ts';

/**
 * `earshot export evidence` and POST /api/exports/evidence: the calls of a scope, checked against
 * the size limit from their stored sizes before anything is written, then streamed into a signed
 * bundle (bundle-writer.ts) and one audit entry per exported call.
 */

export type ExportScope = { recordings: string[] } | { collection: string };

export interface ExportRequest {
  scope: ExportScope;
  /** Who exports: a desk user, limited to their collections, or the CLI's local operator. */
  actor: Actor;
  /** The client's address (null for the CLI), for the audit entries. */
  address: string | null;
  outPath: string;
  overwrite: boolean;
  maxBytes: number;
  /** Hears of a signing key made by this export (printed by the CLI). */
  onKeyCreated?: (key: SigningKey) => void;
}

export interface ExportSummary {
  path: string;
  sizeBytes: number;
  calls: number;
  recordingIds: string[];
  files: number;
  storedBytes: number;
  keyFingerprint: string;
  manifestSha256: string;
}

/** Nothing to export, an unknown collection, or a bundle over the limit: said in words. */
export class ExportRefused extends Error {}

/** The stored files add up to more than the limit; nothing was written. */
export class ExportTooLarge extends ExportRefused {}

/** A collection that does not exist or that the user may not read (the API answers 404). */
export class ExportCollectionNotFound extends ExportRefused {
  constructor(readonly collection: string) {
    super(`There is no collection named "${collection}" (or it is not one you may read).`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function exportEvidence(
  db: Db,
  config: Pick<EarshotConfig, 'originalsDir' | 'derivedDir' | 'attachmentsDir' | 'keysDir'>,
  request: ExportRequest,
): Promise<ExportSummary> {
  const recordings = await resolveScope(db, request.scope, scopeToCollections(request.actor));
  const storedBytes = await storedSize(
    db,
    recordings.map((r) => r.id),
  );
  if (storedBytes > request.maxBytes) {
    throw new ExportTooLarge(
      `The bundle would hold ${formatBytes(storedBytes)} of stored files (${storedBytes} bytes), over the ` +
        `limit of ${formatBytes(request.maxBytes)} (${request.maxBytes} bytes); nothing was written. ` +
        'Export fewer calls, or raise the limit with --max-bytes or EARSHOT_EXPORT_MAX_BYTES.',
    );
  }
  const outDir = path.dirname(path.resolve(request.outPath));
  if (!fs.existsSync(outDir))
    throw new ExportRefused(`The folder ${outDir} does not exist; nothing was written.`);
  const free = fs.statfsSync(outDir);
  if (storedBytes > free.bavail * free.bsize) {
    throw new ExportRefused(
      `The bundle needs at least ${formatBytes(storedBytes)} but ${outDir} has ${formatBytes(free.bavail * free.bsize)} free; nothing was written.`,
    );
  }
  const key = loadOrCreateSigningKey(config.keysDir, request.onKeyCreated);
  const head: ManifestHead = {
    createdAt: new Date().toISOString(),
    createdBy: { userId: request.actor.userId, name: request.actor.name },
    software: { name: 'earshot', version: toolVersions().earshot ?? 'unknown' },
    scope: request.scope,
    recordings,
  };
  const written = await writeBundle(
    {
      head,
      key,
      stores: {
        originals: config.originalsDir,
        derived: config.derivedDir,
        attachments: config.attachmentsDir,
      },
      callContents: (id) => loadCallContents(db, id),
      readme: bundleReadme(head, key.fingerprint, path.basename(request.outPath)),
      verifierPath,
    },
    request.outPath,
    { overwrite: request.overwrite },
  );
  const summary: ExportSummary = {
    path: written.path,
    sizeBytes: written.sizeBytes,
    calls: recordings.length,
    recordingIds: recordings.map((r) => r.id),
    files: written.files,
    storedBytes,
    keyFingerprint: key.fingerprint,
    manifestSha256: written.manifestSha256,
  };
  await auditExport(db, request, recordings, summary);
  return summary;
}

/** The calls of the scope that the person may read, each named when missing. */
async function resolveScope(
  db: Db,
  scope: ExportScope,
  visible: CollectionScope,
): Promise<ManifestRecording[]> {
  let query = db
    .selectFrom('recordings as r')
    .innerJoin('collections as c', 'c.id', 'r.collection_id')
    .select(['r.id', 'c.name as collection', 'r.sha256', 'r.size_bytes', 'r.original_filename'])
    .where(collectionCondition('r.collection_id', visible));
  if ('collection' in scope) {
    const collection = await db
      .selectFrom('collections')
      .select('id')
      .where('name', '=', scope.collection)
      .where(collectionCondition('id', visible))
      .executeTakeFirst();
    if (!collection) throw new ExportCollectionNotFound(scope.collection);
    query = query.where('r.collection_id', '=', collection.id);
  } else {
    const ids = [...new Set(scope.recordings)];
    if (ids.length === 0) throw new ExportRefused('Name at least one recording to export.');
    const malformed = ids.find((id) => !UUID.test(id));
    if (malformed !== undefined) throw new RecordingNotFound(malformed);
    query = query.where('r.id', 'in', ids);
  }
  const rows = await query.orderBy('r.call_started_at').orderBy('r.id').execute();
  if ('recordings' in scope) {
    const found = new Set(rows.map((r) => r.id));
    const missing = scope.recordings.find((id) => !found.has(id));
    if (missing !== undefined) throw new RecordingNotFound(missing);
  } else if (rows.length === 0) {
    throw new ExportRefused(`The collection "${scope.collection}" has no calls to export.`);
  }
  return rows.map((r) => ({
    id: r.id,
    collection: r.collection,
    sha256: r.sha256,
    sizeBytes: Number(r.size_bytes),
    originalFileName: r.original_filename,
    original: `originals/${r.sha256}`,
  }));
}

/** Stored bytes of the originals, working copies and attachments of these calls. */
async function storedSize(db: Db, ids: string[]): Promise<number> {
  const row = await sql<{ total: string }>`
    SELECT (SELECT coalesce(sum(size_bytes), 0) FROM recordings WHERE id = ANY(${ids}::uuid[]))
         + (SELECT coalesce(sum(size_bytes), 0) FROM derived_files WHERE recording_id = ANY(${ids}::uuid[]))
         + (SELECT coalesce(sum(size_bytes), 0) FROM case_attachments WHERE recording_id = ANY(${ids}::uuid[]))
      AS total`.execute(db);
  return Number(row.rows[0]?.total ?? 0) + fs.statSync(verifierPath).size;
}

async function auditExport(
  db: Db,
  request: ExportRequest,
  recordings: ManifestRecording[],
  summary: ExportSummary,
): Promise<void> {
  const details = {
    via: isLocalOperator(request.actor) ? 'cli' : 'desk',
    bundle: path.basename(summary.path),
    manifestSha256: summary.manifestSha256,
    keyFingerprint: summary.keyFingerprint,
    scope: request.scope,
    calls: recordings.length,
  };
  for (const recording of recordings) {
    await recordAudit(db, {
      actor: request.actor.name,
      userId: request.actor.userId,
      action: 'export',
      target: recording.id,
      address: request.address,
      details,
    });
  }
}
