import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { canSeeCollection, type Principal } from '../../accounts/principal.ts';
import type { Db } from '../../db/database.ts';
import { buildIdentityMatcher } from '../forms/identity-matcher.ts';
import { loadProtectedIdentities } from '../register/register-store.ts';
import { describeLeakHit, scanExportFiles } from '../leak-check/scan-export.ts';
import {
  ExcerptLeaked,
  exportExcerpt,
  type ExcerptExportSettings,
  type ExcerptExportSummary,
} from './export-excerpt.ts';
import type { ExportedFile } from './provenance.ts';
import type { PublishOverride } from './publish-policy.ts';
import type { SelectionRequest } from './selection.ts';

/**
 * Excerpts exported from the desk: exportExcerpt writes the package (leak-checked) into a folder
 * under DATA/exports/excerpts/, which is then zipped into <id>.zip (the one file the user
 * downloads; the zip is leak-checked too, entry names included) with a record beside it
 * (<id>.json: who exported which call, when, the files and their SHA-256). Only the exporter, or
 * an admin, downloads it, and only while they may read the call's collection; anyone else gets
 * the 404 of an export that does not exist. A refused export leaves nothing.
 */

export interface DeskExcerpt {
  id: string;
  createdAt: string;
  userId: string;
  userName: string;
  recordingId: string;
  collectionId: string;
  from: number;
  to: number;
  files: ExportedFile[];
  zipBytes: number;
  redactions: ExcerptExportSummary['redactions'];
  usedSegmentFallback: boolean;
  protectedAdded: number;
}

/** No such excerpt export, or not one this user may download (404). */
export class ExcerptExportNotFound extends Error {
  constructor(readonly exportId: string) {
    super(`No excerpt export with id ${exportId}`);
  }
}

const EXPORT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface DeskExcerptRequest {
  recordingId: string;
  selection: SelectionRequest;
  protectAll?: boolean;
  override?: PublishOverride;
}

export async function createDeskExcerpt(
  db: Db,
  dirs: ExcerptExportSettings & { exportsDir: string },
  principal: Principal,
  request: DeskExcerptRequest,
  address: string | null,
): Promise<DeskExcerpt> {
  const root = excerptsDir(dirs.exportsDir);
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  const id = randomUUID();
  const folder = path.join(root, id);
  const zipPath = path.join(root, `${id}.zip`);
  try {
    const summary = await exportExcerpt(db, dirs, {
      recordingId: request.recordingId,
      selection: request.selection,
      principal,
      outDir: folder,
      protectAll: request.protectAll,
      override: request.override,
      address,
    });
    await zipFolder(folder, zipPath);
    // The text check again over the one file that leaves: its entries and their names (the
    // audio in it is the audio exportExcerpt has just listened to).
    const collectionId = await collectionIdOf(db, request.recordingId);
    const matcher = buildIdentityMatcher(await loadProtectedIdentities(db, collectionId));
    const hits = await scanExportFiles(zipPath, matcher);
    if (hits.length > 0) throw new ExcerptLeaked(hits.map(describeLeakHit));
    const provenance = JSON.parse(fs.readFileSync(path.join(folder, 'provenance.json'), 'utf8')) as {
      selection: { from: number; to: number };
    };
    const record: DeskExcerpt = {
      id,
      createdAt: new Date().toISOString(),
      userId: principal.userId,
      userName: principal.name,
      recordingId: request.recordingId,
      collectionId,
      from: provenance.selection.from,
      to: provenance.selection.to,
      files: summary.files,
      zipBytes: fs.statSync(zipPath).size,
      redactions: summary.redactions,
      usedSegmentFallback: summary.usedSegmentFallback,
      protectedAdded: summary.protectedAdded,
    };
    fs.writeFileSync(recordPath(root, id), JSON.stringify(record, null, 2) + '\n', { mode: 0o600 });
    return record;
  } catch (error) {
    fs.rmSync(zipPath, { force: true });
    throw error;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** The excerpt export and its zip, for its exporter or an admin who may read its collection. */
export function findDeskExcerpt(
  exportsDir: string,
  principal: Principal,
  id: string,
): { record: DeskExcerpt; zipPath: string } {
  if (!EXPORT_ID.test(id)) throw new ExcerptExportNotFound(id);
  const root = excerptsDir(exportsDir);
  let record: DeskExcerpt;
  try {
    record = JSON.parse(fs.readFileSync(recordPath(root, id), 'utf8')) as DeskExcerpt;
  } catch {
    throw new ExcerptExportNotFound(id);
  }
  const mayDownload = principal.role === 'admin' || principal.userId === record.userId;
  if (!mayDownload || !canSeeCollection(principal, record.collectionId)) throw new ExcerptExportNotFound(id);
  const zipPath = path.join(root, `${id}.zip`);
  if (!fs.existsSync(zipPath)) throw new ExcerptExportNotFound(id);
  return { record, zipPath };
}

async function collectionIdOf(db: Db, recordingId: string): Promise<string> {
  const row = await db
    .selectFrom('recordings')
    .select('collection_id')
    .where('id', '=', recordingId)
    .executeTakeFirstOrThrow();
  return row.collection_id;
}

/** The package's files at the zip's root, in name order (names are the package's own). */
async function zipFolder(folder: string, zipPath: string): Promise<void> {
  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream, fs.createWriteStream(zipPath, { mode: 0o600 }));
  for (const name of fs.readdirSync(folder).sort()) zip.addFile(path.join(folder, name), name);
  zip.end();
  await written;
}

function excerptsDir(exportsDir: string): string {
  return path.join(exportsDir, 'excerpts');
}

function recordPath(root: string, id: string): string {
  return path.join(root, `${id}.json`);
}
