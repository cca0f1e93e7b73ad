import crypto from 'node:crypto';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import type { BundleFileKind, ProducedBy } from '../../src/evidence/bundle-contents.ts';

// Reads a (small, test) evidence bundle whole and checks it against the bundle format v1 contract
// with node:crypto alone, independently of the exporter's code.

export interface ManifestFileEntry {
  path: string;
  sha256: string;
  size: number;
  kind: BundleFileKind;
  recordingId: string | null;
  producedBy: ProducedBy | null;
}

export interface BundleManifest {
  format: string;
  formatVersion: number;
  createdBy: { userId: string | null; name: string };
  signingKey: { algorithm: string; publicKeySha256: string };
  scope: unknown;
  recordings: { id: string; sha256: string; sizeBytes: number; originalFileName: string; original: string }[];
  files: ManifestFileEntry[];
}

/** Every entry of the zip by path, and whether each was stored (method 0) or deflated. */
export async function readBundle(
  zipPath: string,
): Promise<{ entries: Map<string, Buffer>; stored: Set<string> }> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(zipPath, { lazyEntries: true }, (error, z) => (error ? reject(error) : resolve(z))),
  );
  const entries = new Map<string, Buffer>();
  const stored = new Set<string>();
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.compressionMethod === 0) stored.add(entry.fileName);
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', reject);
        stream.on('end', () => {
          if (entries.has(entry.fileName)) reject(new Error(`duplicate entry ${entry.fileName}`));
          const bytes = Buffer.concat(chunks);
          // yauzl does not check CRC-32s: a zip tool that does would refuse a wrong one.
          if (zlib.crc32(bytes) !== entry.crc32) reject(new Error(`wrong CRC-32 for ${entry.fileName}`));
          entries.set(entry.fileName, bytes);
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return { entries, stored };
}

export const sha256Hex = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('hex');

/** Whether manifest.sig verifies over manifest.json with public-key.pem, and the key's fingerprint. */
export function checkSignature(entries: Map<string, Buffer>): { valid: boolean; fingerprint: string } {
  const publicKey = crypto.createPublicKey(entries.get('public-key.pem')!);
  const signature = Buffer.from(entries.get('manifest.sig')!.toString('ascii').trim(), 'base64');
  return {
    valid: crypto.verify(null, entries.get('manifest.json')!, publicKey, signature),
    fingerprint: sha256Hex(publicKey.export({ type: 'spki', format: 'der' })),
  };
}
