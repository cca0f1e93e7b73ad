import { Readable } from 'node:stream';
import { CustodyTrail } from '../../custody/custody-log.ts';
import type { Db } from '../../db/database.ts';
import { commitStaged, stageStream, type StoredBlob } from '../content-store.ts';
import type { SidecarIndex } from './sidecar.ts';

/**
 * The sidecar is evidence too: its values are stored decoded (and possibly guessed), so the
 * exact bytes that were read are kept in the content store beside the originals, with custody
 * events (received, hashed, stored) under the batch, and the raw values can always be recovered.
 */
export async function storeSidecar(
  db: Db,
  originalsDir: string,
  context: { batchId: string; actor: string; sourcePath: string },
  sidecar: SidecarIndex,
): Promise<StoredBlob & { sha256: string }> {
  const trail = new CustodyTrail(context);
  trail.add('received', {
    sourcePath: context.sourcePath,
    announcedSizeBytes: sidecar.bytes.length,
    role: 'metadata-sidecar',
    encoding: sidecar.encoding,
  });
  const staged = await stageStream(originalsDir, Readable.from([sidecar.bytes]));
  trail.add('hashed', { algorithm: 'sha256', sha256: staged.sha256, sizeBytes: staged.sizeBytes });
  const stored = commitStaged(originalsDir, staged);
  trail.add('stored', { storePath: stored.storePath, alreadyInStore: stored.existed, mode: '0444' });
  await trail.write(db, null, staged.sha256);
  return { ...stored, sha256: staged.sha256 };
}
