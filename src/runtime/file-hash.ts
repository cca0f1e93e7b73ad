import crypto from 'node:crypto';
import fs from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * The one place files and bytes are hashed: evidence originals (SHA-256 while they are copied
 * into the store), working copies, model files (SHA-256 and SHA-1). Files are read in 1 MiB
 * blocks, never whole, so a multi-GB original or model costs no memory.
 */

const BLOCK_BYTES = 1 << 20;

export interface FileSha256 {
  sizeBytes: number;
  sha256: string;
}

export interface FileDigest extends FileSha256 {
  sha1: string;
}

/** SHA-256 of a file in one streaming pass; `onBytes` hears of every block read (progress). */
export async function sha256File(filePath: string, onBytes?: (bytes: number) => void): Promise<FileSha256> {
  const [sha256, sizeBytes] = await hashFile(filePath, ['sha256'], onBytes);
  return { sizeBytes, sha256: sha256[0]! };
}

/** SHA-256 and SHA-1 of a file in one streaming pass (SHA-1 only because some publishers state nothing else). */
export async function digestFile(filePath: string, onBytes?: (bytes: number) => void): Promise<FileDigest> {
  const [[sha256, sha1], sizeBytes] = await hashFile(filePath, ['sha256', 'sha1'], onBytes);
  return { sizeBytes, sha256: sha256!, sha1: sha1! };
}

/** SHA-256 of a file for callers that cannot wait (synchronous), still block by block. */
export function sha256FileSync(filePath: string): FileSha256 {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(filePath, 'r');
  const buffer = Buffer.alloc(BLOCK_BYTES);
  let sizeBytes = 0;
  try {
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
      sizeBytes += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { sizeBytes, sha256: hash.digest('hex') };
}

/** SHA-256 of bytes already in memory (a working copy read to be decoded anyway). */
export function sha256Bytes(bytes: Buffer | string): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** A pass-through stream that hashes and counts what flows through it (copy and hash at once). */
export class Sha256PassThrough extends Transform {
  private readonly hash = crypto.createHash('sha256');
  bytes = 0;

  /** `onBytes` hears of each chunk as it passes (e.g. to account for temp space being written). */
  constructor(private readonly onBytes?: (bytes: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    this.onBytes?.(chunk.length);
    callback(null, chunk);
  }

  /** The hex digest; call once, after the stream has ended. */
  sha256(): string {
    return this.hash.digest('hex');
  }
}

async function hashFile(
  filePath: string,
  algorithms: readonly string[],
  onBytes: ((bytes: number) => void) | undefined,
): Promise<[string[], number]> {
  const hashes = algorithms.map((a) => crypto.createHash(a));
  let sizeBytes = 0;
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: BLOCK_BYTES })) {
    const buffer = chunk as Buffer;
    for (const hash of hashes) hash.update(buffer);
    sizeBytes += buffer.length;
    onBytes?.(buffer.length);
  }
  return [hashes.map((h) => h.digest('hex')), sizeBytes];
}
