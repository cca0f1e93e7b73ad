import type fs from 'node:fs';
import { sha256File } from '../../runtime/file-hash.ts';

/**
 * A stored file is only served under its recorded SHA-256 (its ETag) once its bytes have been
 * seen to hash to that value. Hashing on every request would cost a whole read of a large
 * original per range request, so the result is kept per file identity: device, inode, size,
 * modification and change times. Rewriting the file, replacing it, or even touching its times back
 * changes the change time (ctime), so the next request hashes it again.
 */
export class StoredFileChanged extends Error {
  constructor(
    readonly description: string,
    readonly expectedSha256: string,
    readonly foundSha256: string,
  ) {
    super(
      `The ${description} on disk does not match its recorded SHA-256 (recorded ${expectedSha256}, ` +
        `found ${foundSha256}); it is not served. \`earshot verify-store\` lists every such file`,
    );
  }
}

const MAX_REMEMBERED = 10_000;
const confirmed = new Map<string, string>();

export async function confirmStoredFile(
  absolutePath: string,
  stat: fs.Stats,
  expectedSha256: string,
  description: string,
): Promise<void> {
  const identity = `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${expectedSha256}`;
  if (confirmed.get(absolutePath) === identity) return;
  const { sha256 } = await sha256File(absolutePath);
  if (sha256 !== expectedSha256) {
    confirmed.delete(absolutePath);
    throw new StoredFileChanged(description, expectedSha256, sha256);
  }
  if (confirmed.size >= MAX_REMEMBERED) confirmed.delete(confirmed.keys().next().value!);
  confirmed.set(absolutePath, identity);
}
