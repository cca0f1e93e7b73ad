import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { EarshotConfig } from '../config/config.ts';
import { writeCustodyEvents, type CustodyDetails } from '../custody/custody-log.ts';
import type { Db } from '../db/database.ts';
import { toolVersions } from '../runtime/tool-versions.ts';
import { inUnsealedDirectory } from './content-store.ts';

/**
 * Quarantine: a stored file whose bytes no longer hash to the recorded SHA-256 is moved out of
 * the store, bytes kept, to `<data>/quarantine/<date>/<recording>/<role>-<found sha256>`, and a
 * `quarantined` custody event says so. Nothing is put in its place: the recording's file is then
 * missing until a copy with the recorded SHA-256 is restored (`earshot restore-original`, or
 * `earshot redo decode --force` for a working copy). Nothing is ever deleted or overwritten.
 *
 * Which files are quarantined now is read from the custody log alone: a `quarantined` event not
 * followed by a `restored` one for the same file (or, for a working copy, by a new decode).
 */
export const QUARANTINE_FOLDER = 'quarantine';

export type StoreFileKind = 'original' | 'working copy';

export interface FileToQuarantine {
  kind: StoreFileKind;
  recordingId: string;
  /** Relative to its store (originals or derived). */
  storePath: string;
  expectedSha256: string;
  foundSha256: string;
  sizeBytes: number;
}

export interface QuarantinedFile {
  kind: StoreFileKind;
  recordingId: string;
  storePath: string;
  expectedSha256: string;
  foundSha256: string;
  /** Relative to the data folder. */
  quarantinePath: string;
  quarantinedAt: Date;
}

export class QuarantineError extends Error {}

type StoreDirs = Pick<EarshotConfig, 'dataDir' | 'originalsDir' | 'derivedDir'>;

/**
 * Moves one changed file into quarantine and logs it, in one transaction: when the move fails
 * the event is not written, and the file stays where it was.
 */
export async function quarantineFile(
  db: Db,
  config: StoreDirs,
  file: FileToQuarantine,
  actor: string,
): Promise<QuarantinedFile> {
  const root = file.kind === 'original' ? config.originalsDir : config.derivedDir;
  const source = path.resolve(root, file.storePath);
  if (!source.startsWith(path.resolve(root) + path.sep)) {
    throw new QuarantineError(`stored path ${JSON.stringify(file.storePath)} leads outside ${root}`);
  }
  const role = file.kind === 'original' ? 'original' : `working-${path.basename(file.storePath)}`;
  const day = new Date().toISOString().slice(0, 10);
  const folder = path.join(config.dataDir, QUARANTINE_FOLDER, day, file.recordingId);
  const details: CustodyDetails['quarantined'] = {
    kind: file.kind,
    storePath: file.storePath,
    expectedSha256: file.expectedSha256,
    foundSha256: file.foundSha256,
    sizeBytes: file.sizeBytes,
    quarantinePath: '',
  };
  const quarantinedAt = await db.transaction().execute(async (trx) => {
    const target = moveOutOfStore(source, folder, `${role}-${file.foundSha256}`);
    details.quarantinePath = path.relative(config.dataDir, target);
    const at = new Date();
    await writeCustodyEvents(
      trx,
      { recordingId: file.recordingId, actor, sha256: file.expectedSha256, toolVersions: toolVersions() },
      [{ action: 'quarantined', details, occurredAt: at }],
    );
    return at;
  });
  return { ...file, quarantinePath: details.quarantinePath, quarantinedAt };
}

/**
 * Link into the quarantine folder (never replacing a file there), then unlink from the store, so
 * the bytes exist under one name or both at every moment and never under none.
 */
function moveOutOfStore(source: string, folder: string, name: string): string {
  fs.mkdirSync(folder, { recursive: true, mode: 0o750 });
  let target = path.join(folder, name);
  for (let n = 2; ; n += 1) {
    try {
      fs.linkSync(source, target);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        target = path.join(folder, `${name}.${n}`);
        continue;
      }
      if (code === 'EXDEV') {
        throw new QuarantineError(
          `${source} cannot be moved into ${folder}: they are on different file systems; keep the ` +
            'quarantine folder inside the data folder, on the disk of the store',
        );
      }
      throw error;
    }
  }
  try {
    inUnsealedDirectory(path.dirname(source), () => fs.unlinkSync(source));
  } catch (error) {
    fs.unlinkSync(target);
    throw new QuarantineError(
      `${source} could not be moved out of the store (${(error as Error).message}); it was left where ` +
        'it is. If it is immutable (`lsattr`), run `chattr -i` on it first',
    );
  }
  fs.chmodSync(target, 0o444);
  return target;
}

interface QuarantineRow {
  recording_id: string;
  occurred_at: Date;
  details: CustodyDetails['quarantined'];
}

/**
 * Files quarantined and not restored since: of all recordings, or of the given ones. A later
 * `restored` event for the same path, a re-ingest that restored a missing original
 * (`duplicate` with restoredMissingOriginal) or, for a working copy, a later decode closes it.
 */
export async function openQuarantines(db: Db, recordingIds?: readonly string[]): Promise<QuarantinedFile[]> {
  if (recordingIds && recordingIds.length === 0) return [];
  const only = recordingIds ? sql`AND q.recording_id = ANY(${[...recordingIds]}::uuid[])` : sql``;
  const result = await sql<QuarantineRow>`
    SELECT q.recording_id, q.occurred_at, q.details
    FROM custody_events q
    WHERE q.action = 'quarantined' ${only}
      AND NOT EXISTS (
        SELECT 1 FROM custody_events r
        WHERE r.recording_id = q.recording_id AND r.id > q.id AND (
          (r.action IN ('restored', 'quarantined') AND r.details->>'storePath' = q.details->>'storePath')
          OR (q.details->>'kind' = 'original' AND r.action = 'duplicate'
              AND (r.details->>'restoredMissingOriginal')::boolean IS TRUE)
          OR (q.details->>'kind' = 'working copy' AND r.action = 'derived'
              AND r.details->>'stage' = 'decode')))
    ORDER BY q.id`.execute(db);
  return result.rows.map((row) => ({
    kind: row.details.kind,
    recordingId: row.recording_id,
    storePath: row.details.storePath,
    expectedSha256: row.details.expectedSha256,
    foundSha256: row.details.foundSha256,
    quarantinePath: row.details.quarantinePath,
    quarantinedAt: new Date(row.occurred_at),
  }));
}

/** What to tell someone who asks for a quarantined file (HTTP 503, CLI). */
export function quarantineMessage(file: QuarantinedFile): string {
  const fix =
    file.kind === 'original'
      ? `\`earshot restore-original --recording ${file.recordingId} FILE\` puts back a copy whose SHA-256 is ${file.expectedSha256}`
      : `\`earshot redo decode --force\` makes the working copies again`;
  return (
    `The ${file.kind} of recording ${file.recordingId} was quarantined on ${file.quarantinedAt.toISOString()}: ` +
    `its bytes no longer matched the recorded SHA-256 (found ${file.foundSha256}) and were moved, kept, to ` +
    `${file.quarantinePath} in the data folder. ${fix}`
  );
}

/** The API's answer for a quarantined file: refused, never the bad bytes (503 in the error table). */
export class StoredFileQuarantined extends Error {
  constructor(readonly file: QuarantinedFile) {
    super(quarantineMessage(file));
  }
}
