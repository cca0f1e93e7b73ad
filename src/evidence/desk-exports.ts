import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { canSeeCollection, type Principal } from '../accounts/principal.ts';
import type { EarshotConfig } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { exportEvidence, type ExportScope } from './export-evidence.ts';
import type { SigningKey } from './signing-key.ts';

/**
 * Bundles exported from the desk: written (streamed) into DATA/exports/<id>.zip with a small
 * record beside it (<id>.json: who exported what, when), then downloaded by id. Only the person
 * who exported a bundle, or an admin, may download it, and only while they may still read every
 * collection in it; anyone else gets the 404 of an export that does not exist.
 */

export interface DeskExport {
  id: string;
  createdAt: string;
  userId: string;
  userName: string;
  scope: ExportScope;
  collectionIds: string[];
  calls: number;
  files: number;
  sizeBytes: number;
  keyFingerprint: string;
  manifestSha256: string;
}

/** No such export, or not one this user may download (the API answers 404). */
export class ExportNotFound extends Error {
  constructor(readonly exportId: string) {
    super(`No evidence export with id ${exportId}`);
  }
}

const EXPORT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function createDeskExport(
  db: Db,
  config: EarshotConfig,
  principal: Principal,
  scope: ExportScope,
  address: string | null,
  onKeyCreated?: (key: SigningKey) => void,
): Promise<DeskExport> {
  fs.mkdirSync(config.exportsDir, { recursive: true, mode: 0o700 });
  const id = crypto.randomUUID();
  const summary = await exportEvidence(db, config, {
    scope,
    outPath: path.join(config.exportsDir, `${id}.zip`),
    overwrite: false,
    maxBytes: config.exportMaxBytes,
    actor: principal,
    address,
    onKeyCreated,
  });
  const collections = await db
    .selectFrom('recordings')
    .select('collection_id')
    .distinct()
    .where('id', 'in', summary.recordingIds)
    .execute();
  const record: DeskExport = {
    id,
    createdAt: new Date().toISOString(),
    userId: principal.userId,
    userName: principal.name,
    scope,
    collectionIds: collections.map((c) => c.collection_id),
    calls: summary.calls,
    files: summary.files,
    sizeBytes: summary.sizeBytes,
    keyFingerprint: summary.keyFingerprint,
    manifestSha256: summary.manifestSha256,
  };
  fs.writeFileSync(recordPath(config, id), JSON.stringify(record, null, 2) + '\n', { mode: 0o600 });
  return record;
}

/** The export and its file, for its exporter or an admin who may read all it holds. */
export function findDeskExport(
  config: Pick<EarshotConfig, 'exportsDir'>,
  principal: Principal,
  id: string,
): { record: DeskExport; zipPath: string } {
  if (!EXPORT_ID.test(id)) throw new ExportNotFound(id);
  let record: DeskExport;
  try {
    record = JSON.parse(fs.readFileSync(recordPath(config, id), 'utf8')) as DeskExport;
  } catch {
    throw new ExportNotFound(id);
  }
  const mayDownload = principal.role === 'admin' || principal.userId === record.userId;
  if (!mayDownload || !record.collectionIds.every((c) => canSeeCollection(principal, c))) {
    throw new ExportNotFound(id);
  }
  const zipPath = path.join(config.exportsDir, `${id}.zip`);
  if (!fs.existsSync(zipPath)) throw new ExportNotFound(id);
  return { record, zipPath };
}

function recordPath(config: Pick<EarshotConfig, 'exportsDir'>, id: string): string {
  return path.join(config.exportsDir, `${id}.json`);
}
