import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';

// A test-only writer of evidence bundles, written from the bundle contract (format version 1)
// and independent of the exporter, so the verifier is tested against the contract itself. Bundles
// are built as an ordered map of entries that a test can change (one byte, a removed or added
// file, a reordered or re-signed manifest) before writing the zip.

export type { BundleFileKind, ProducedBy } from '../../src/evidence/bundle-contents.ts';
import type { BundleFileKind, ProducedBy } from '../../src/evidence/bundle-contents.ts';

export interface BundleFile {
  path: string;
  kind: BundleFileKind;
  recordingId: string | null;
  producedBy?: ProducedBy | null;
  data: Buffer;
}

export interface ManifestRecording {
  id: string;
  collection: string;
  sha256: string;
  sizeBytes: number;
  originalFileName: string;
  original: string;
}

export interface SigningKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface BundleEntry {
  data: Buffer;
  /** Deflated in the zip (JSON files); originals and other binaries are stored. */
  compress: boolean;
}

/** Entries by zip path, in the order they are written. */
export type BundleEntries = Map<string, BundleEntry>;

export const VERIFIER_SOURCE = path.resolve(import.meta.dirname, '../../src/evidence/verify.mjs');

export function newSigningKeys(): SigningKeys {
  return generateKeyPairSync('ed25519');
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 of the DER SPKI bytes: the fingerprint a publisher gives out. */
export function keyFingerprint(publicKey: KeyObject): string {
  return sha256Hex(publicKey.export({ type: 'spki', format: 'der' }));
}

/** Every entry of a bundle: the files, README.txt, verify.mjs, and the signed manifest. */
export function assembleBundle(input: {
  recordings: ManifestRecording[];
  files: BundleFile[];
  keys: SigningKeys;
  scope?: Record<string, unknown>;
}): BundleEntries {
  const added: BundleFile[] = [
    {
      path: 'README.txt',
      kind: 'readme',
      recordingId: null,
      data: Buffer.from('Earshot evidence bundle. Check it with: node verify.mjs BUNDLE.zip\n'),
    },
    { path: 'verify.mjs', kind: 'verifier', recordingId: null, data: fs.readFileSync(VERIFIER_SOURCE) },
  ];
  const files = [...input.files, ...added].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifest = {
    format: 'earshot-evidence-bundle',
    formatVersion: 1,
    createdAt: new Date().toISOString(),
    createdBy: { userId: null, name: 'test-exporter' },
    software: { name: 'earshot', version: '0.1.0' },
    signingKey: { algorithm: 'Ed25519', publicKeySha256: keyFingerprint(input.keys.publicKey) },
    scope: input.scope ?? { recordings: input.recordings.map((r) => r.id) },
    recordings: input.recordings,
    files: files.map((f) => ({
      path: f.path,
      sha256: sha256Hex(f.data),
      size: f.data.length,
      kind: f.kind,
      recordingId: f.recordingId,
      producedBy: f.producedBy ?? null,
    })),
  };
  const entries: BundleEntries = new Map();
  for (const f of files) entries.set(f.path, { data: f.data, compress: f.path.endsWith('.json') });
  entries.set('manifest.json', { data: Buffer.from(JSON.stringify(manifest, null, 2)), compress: true });
  return signBundle(entries, input.keys);
}

/** Signs the current manifest.json with the keys (manifest.sig, public-key.pem). */
export function signBundle(entries: BundleEntries, keys: SigningKeys): BundleEntries {
  const manifest = entries.get('manifest.json')!.data;
  const out = new Map(entries);
  out.set('manifest.sig', {
    data: Buffer.from(sign(null, manifest, keys.privateKey).toString('base64')),
    compress: false,
  });
  out.set('public-key.pem', {
    data: Buffer.from(keys.publicKey.export({ type: 'spki', format: 'pem' })),
    compress: false,
  });
  return out;
}

export type Manifest = {
  signingKey: { algorithm: string; publicKeySha256: string };
  files: Array<{ path: string; sha256: string; size: number; kind: string; recordingId: string | null }>;
  recordings: ManifestRecording[];
} & Record<string, unknown>;

/** A copy with the manifest edited (not re-signed: pass the result to signBundle for that). */
export function editManifest(entries: BundleEntries, edit: (manifest: Manifest) => void): BundleEntries {
  const manifest = JSON.parse(entries.get('manifest.json')!.data.toString('utf8')) as Manifest;
  edit(manifest);
  const out = new Map(entries);
  out.set('manifest.json', { data: Buffer.from(JSON.stringify(manifest, null, 2)), compress: true });
  return out;
}

/**
 * A copy with one file's bytes replaced and its manifest entry updated to match, as a forger
 * holding the signing key would do (re-sign afterwards to complete the forgery).
 */
export function replaceListedFile(entries: BundleEntries, filePath: string, data: Buffer): BundleEntries {
  const out = editManifest(entries, (m) => {
    const file = m.files.find((f) => f.path === filePath)!;
    file.sha256 = sha256Hex(data);
    file.size = data.length;
  });
  out.set(filePath, { ...out.get(filePath)!, data });
  return out;
}

/** A copy with one byte of one entry changed (its manifest entry left as it was). */
export function flipByte(entries: BundleEntries, entryPath: string, at?: number): BundleEntries {
  const entry = entries.get(entryPath);
  if (!entry) throw new Error(`no entry ${entryPath} in the bundle`);
  const data = Buffer.from(entry.data);
  const i = at ?? Math.floor(data.length / 2);
  data[i] = data[i]! ^ 0x01;
  return new Map(entries).set(entryPath, { ...entry, data });
}

/** Writes the entries as a zip (ZIP64 records throughout when forced). */
export async function writeBundleZip(
  entries: BundleEntries,
  zipPath: string,
  options: { forceZip64?: boolean } = {},
): Promise<string> {
  const zip = new yazl.ZipFile();
  const mtime = new Date('2026-12-07T10:00:00Z');
  for (const [name, entry] of entries) {
    zip.addBuffer(entry.data, name, {
      compress: entry.compress,
      mtime,
      forceZip64Format: options.forceZip64,
    });
  }
  zip.end({ forceZip64Format: options.forceZip64 === true, comment: '' });
  await new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(zipPath);
    out.on('close', resolve);
    out.on('error', reject);
    zip.outputStream.on('error', reject).pipe(out);
  });
  return zipPath;
}

/** Writes the entries as the folder of an unpacked bundle. */
export function writeBundleFolder(entries: BundleEntries, folder: string): string {
  for (const [name, entry] of entries) {
    const file = path.join(folder, ...name.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, entry.data);
  }
  return folder;
}
