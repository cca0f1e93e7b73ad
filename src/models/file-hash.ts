import crypto from 'node:crypto';
import fs from 'node:fs';

export interface FileDigest {
  sizeBytes: number;
  sha256: string;
  sha1: string;
}

/** SHA-256 and SHA-1 of a file in one streaming pass (SHA-1 only because some publishers state nothing else). */
export async function digestFile(filePath: string, onBytes?: (bytes: number) => void): Promise<FileDigest> {
  const sha256 = crypto.createHash('sha256');
  const sha1 = crypto.createHash('sha1');
  let sizeBytes = 0;
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 1 << 20 })) {
    const buffer = chunk as Buffer;
    sha256.update(buffer);
    sha1.update(buffer);
    sizeBytes += buffer.length;
    onBytes?.(buffer.length);
  }
  return { sizeBytes, sha256: sha256.digest('hex'), sha1: sha1.digest('hex') };
}
