import fs from 'node:fs';
import path from 'node:path';
import type { EarshotConfig } from '../config/config.ts';
import { writeCustodyEvents } from '../custody/custody-log.ts';
import type { Db } from '../db/database.ts';
import { sha256File } from '../runtime/file-hash.ts';
import { toolVersions } from '../runtime/tool-versions.ts';
import { commitStaged, discardStaged, stageStream } from './content-store.ts';

/**
 * Puts back a recording's original from a known-good copy (a backup, the leak itself): the copy
 * is accepted only when its SHA-256 equals the one recorded at ingest, so what is restored is
 * byte for byte what was received. It is copied into the store read-only, like any original, and
 * a `restored` custody event closes the quarantine. A file still in the store is never replaced:
 * a changed one must be quarantined first.
 */
export class RestoreRefused extends Error {}

export interface RestoredOriginal {
  recordingId: string;
  storePath: string;
  sha256: string;
  sizeBytes: number;
  /** The right bytes were already in the store (put back by hand): nothing was copied. */
  alreadyInStore: boolean;
}

export async function restoreOriginal(
  db: Db,
  config: Pick<EarshotConfig, 'originalsDir'>,
  options: { recordingId: string; file: string; actor: string },
): Promise<RestoredOriginal> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(options.recordingId)) {
    throw new RestoreRefused(
      `"${options.recordingId}" is not a recording id (a UUID, as the desk and API show it)`,
    );
  }
  const recording = await db
    .selectFrom('recordings')
    .select(['id', 'sha256', 'store_path', 'size_bytes'])
    .where('id', '=', options.recordingId)
    .executeTakeFirst();
  if (!recording) throw new RestoreRefused(`there is no recording ${options.recordingId}`);
  const sourcePath = path.resolve(options.file);
  const storedPath = path.join(config.originalsDir, recording.store_path);
  const alreadyInStore = await storeHolds(storedPath, recording.sha256, recording.store_path);

  let input: fs.ReadStream;
  try {
    if (!fs.statSync(sourcePath).isFile()) throw new Error('not a regular file');
    input = fs.createReadStream(sourcePath);
  } catch (error) {
    throw new RestoreRefused(`${sourcePath} cannot be read: ${(error as Error).message}`);
  }
  // Hashed while it is copied into the store's temp folder: the file is read once.
  const staged = await stageStream(config.originalsDir, input);
  if (staged.sha256 !== recording.sha256) {
    discardStaged(staged);
    throw new RestoreRefused(
      `${sourcePath} is not the original of recording ${recording.id}: its SHA-256 is ${staged.sha256} ` +
        `(${staged.sizeBytes} bytes), the recorded one is ${recording.sha256} (${recording.size_bytes} bytes). ` +
        'Nothing was changed.',
    );
  }
  if (alreadyInStore) discardStaged(staged);
  else commitStaged(config.originalsDir, staged, recording.store_path);

  await writeCustodyEvents(
    db,
    {
      recordingId: recording.id,
      actor: options.actor,
      sha256: recording.sha256,
      toolVersions: toolVersions(),
    },
    [
      {
        action: 'restored',
        details: {
          kind: 'original',
          storePath: recording.store_path,
          sourcePath,
          sizeBytes: staged.sizeBytes,
          alreadyInStore,
          mode: '0444',
        },
      },
    ],
  );
  return {
    recordingId: recording.id,
    storePath: recording.store_path,
    sha256: recording.sha256,
    sizeBytes: staged.sizeBytes,
    alreadyInStore,
  };
}

/** True when the store holds the right bytes; refuses when it holds other bytes there. */
async function storeHolds(storedPath: string, sha256: string, storePath: string): Promise<boolean> {
  if (!fs.existsSync(storedPath)) return false;
  const found = await sha256File(storedPath);
  if (found.sha256 === sha256) return true;
  throw new RestoreRefused(
    `the store still holds other bytes at ${storePath} (SHA-256 ${found.sha256}); they are never ` +
      'overwritten: run `earshot verify-store --quarantine` to move them out first',
  );
}
