import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { Sha256PassThrough, sha256Bytes } from '../runtime/file-hash.ts';
import type { BundleFileKind, BundleStoredFile, CallContents, ProducedBy } from './bundle-contents.ts';
import { signBytes, type SigningKey } from './signing-key.ts';
import { useNativeCrc32ForZip } from './zip-crc32.ts';

useNativeCrc32ForZip();

/**
 * Writes an evidence bundle (bundle format v1) as a stream: each stored file goes from disk
 * through a SHA-256 counter into the zip, so neither a file nor the bundle is ever held in
 * memory, and a file whose bytes are not the ones recorded stops the export by name. The zip is
 * written under a temporary name beside the target and moved into place only once complete and
 * flushed: there is never a half-written bundle under the name asked for.
 */

export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
  kind: BundleFileKind;
  recordingId: string | null;
  producedBy: ProducedBy | null;
}

export interface ManifestRecording {
  id: string;
  collection: string;
  sha256: string;
  sizeBytes: number;
  originalFileName: string;
  original: string;
}

export interface ManifestHead {
  createdAt: string;
  createdBy: { userId: string | null; name: string };
  software: { name: string; version: string };
  scope: { recordings: string[] } | { collection: string };
  recordings: ManifestRecording[];
}

export interface BundleSource {
  head: ManifestHead;
  key: SigningKey;
  /** The folders stored paths are relative to. */
  stores: Record<BundleStoredFile['store'], string>;
  /** One call's documents and files, loaded when its turn comes. */
  callContents: (recordingId: string) => Promise<CallContents>;
  readme: string;
  verifierPath: string;
}

export interface WrittenBundle {
  path: string;
  sizeBytes: number;
  files: number;
  manifestSha256: string;
}

/** A stored file that is not what was recorded, or not there: the export stops. */
export class BundleSourceChanged extends Error {}

export async function writeBundle(
  source: BundleSource,
  outPath: string,
  options: { overwrite: boolean },
): Promise<WrittenBundle> {
  const target = path.resolve(outPath);
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${crypto.randomUUID().slice(0, 8)}.partial`,
  );
  const zip = new yazl.ZipFile();
  const output = fs.createWriteStream(temporary, { flags: 'wx', mode: 0o644 });
  const written = pipeline(zip.outputStream, output);
  // Settled at once so an early failure of the file is not an unhandled rejection; awaited below.
  written.catch(() => undefined);
  // Rejects when writing the zip fails (a full disk), so no wait on an entry hangs after it.
  const outputFailed = written.then(() => new Promise<never>(() => undefined));
  outputFailed.catch(() => undefined);
  try {
    const files = await addEntries(zip, source, outputFailed);
    const manifestSha256 = addManifest(zip, source, files);
    zip.end();
    await written;
    await flushToDisk(temporary);
    moveIntoPlace(temporary, target, options.overwrite);
    return { path: target, sizeBytes: fs.statSync(target).size, files: files.length, manifestSha256 };
  } catch (error) {
    output.destroy();
    await written.catch(() => undefined);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

async function addEntries(
  zip: yazl.ZipFile,
  source: BundleSource,
  outputFailed: Promise<never>,
): Promise<ManifestFile[]> {
  const files: ManifestFile[] = [];
  const mtime = new Date(source.head.createdAt);
  const addDocument = (
    entry: Omit<ManifestFile, 'sha256' | 'size'>,
    bytes: Buffer,
    compress: boolean,
  ): void => {
    zip.addBuffer(bytes, entry.path, { compress, mtime });
    files.push({ ...entry, sha256: sha256Bytes(bytes), size: bytes.length });
  };
  for (const recording of source.head.recordings) {
    const contents = await source.callContents(recording.id);
    for (const doc of contents.documents) {
      const bytes = Buffer.from(JSON.stringify(doc.content, null, 2) + '\n', 'utf8');
      addDocument(doc, bytes, true);
    }
    for (const file of contents.files) {
      const absolute = insideStore(source.stores[file.store], file.storePath, file.description);
      const { sha256, size } = await Promise.race([
        streamEntry(zip, absolute, file.path, mtime, file.description),
        outputFailed,
      ]);
      if (sha256 !== file.sha256 || size !== file.sizeBytes) {
        throw new BundleSourceChanged(
          `The ${file.description} (${absolute}) is not what was stored: its SHA-256 is ${sha256} ` +
            `(${size} bytes), recorded ${file.sha256} (${file.sizeBytes} bytes). Nothing was exported. ` +
            '`earshot verify-store` names every changed file and `--quarantine` moves them aside; ' +
            'restore an original with `earshot restore-original`.',
        );
      }
      files.push({ ...pick(file), sha256, size });
    }
  }
  addDocument(
    { path: 'README.txt', kind: 'readme', recordingId: null, producedBy: null },
    Buffer.from(source.readme, 'utf8'),
    true,
  );
  const verifier = await Promise.race([
    streamEntry(zip, source.verifierPath, 'verify.mjs', mtime, 'verifier'),
    outputFailed,
  ]);
  files.push({ path: 'verify.mjs', kind: 'verifier', recordingId: null, producedBy: null, ...verifier });
  return files;
}

function pick(file: BundleStoredFile): Omit<ManifestFile, 'sha256' | 'size'> {
  return { path: file.path, kind: file.kind, recordingId: file.recordingId, producedBy: file.producedBy };
}

/** Streams one file into the zip (stored, no compression) and returns what passed through. */
async function streamEntry(
  zip: yazl.ZipFile,
  absolute: string,
  entryPath: string,
  mtime: Date,
  description: string,
): Promise<{ sha256: string; size: number }> {
  const input = fs.createReadStream(absolute, { highWaterMark: 1 << 20 });
  const counter = new Sha256PassThrough();
  const opened = new Promise<void>((resolve, reject) => {
    input.once('open', () => resolve());
    input.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BundleSourceChanged(
              `The ${description} is missing from the store (${absolute}). Nothing was exported. ` +
                '`earshot verify-store` names every missing or changed file.',
            )
          : error,
      ),
    );
  });
  await opened;
  zip.addReadStream(input.pipe(counter), entryPath, { compress: false, mtime });
  await new Promise<void>((resolve, reject) => {
    counter.once('end', resolve);
    counter.once('error', reject);
    input.once('error', reject);
  });
  return { sha256: counter.sha256(), size: counter.bytes };
}

/** manifest.json (files sorted by path), its signature and the public key; the manifest's SHA-256. */
function addManifest(zip: yazl.ZipFile, source: BundleSource, files: ManifestFile[]): string {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.path === sorted[i - 1]!.path)
      throw new Error(`two bundle entries share the path ${sorted[i]!.path}`);
  }
  const { head } = source;
  const manifest = {
    format: 'earshot-evidence-bundle',
    formatVersion: 1,
    createdAt: head.createdAt,
    createdBy: head.createdBy,
    software: head.software,
    signingKey: { algorithm: 'Ed25519', publicKeySha256: source.key.fingerprint },
    scope: head.scope,
    recordings: head.recordings,
    files: sorted,
  };
  const bytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  const mtime = new Date(head.createdAt);
  zip.addBuffer(bytes, 'manifest.json', { compress: true, mtime });
  zip.addBuffer(Buffer.from(signBytes(source.key, bytes) + '\n', 'ascii'), 'manifest.sig', { mtime });
  zip.addBuffer(Buffer.from(source.key.publicKeyPem, 'ascii'), 'public-key.pem', { mtime });
  return sha256Bytes(bytes);
}

/** Joins a stored relative path to its store, refusing anything that would lead outside it. */
function insideStore(storeDir: string, relativePath: string, description: string): string {
  const root = path.resolve(storeDir);
  const absolute = path.resolve(root, relativePath);
  if (!absolute.startsWith(root + path.sep)) {
    throw new BundleSourceChanged(`The stored path of the ${description} leads outside ${root}.`);
  }
  return absolute;
}

async function flushToDisk(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Rename into place; without overwrite a hard link, which fails rather than replace a file. */
function moveIntoPlace(temporary: string, target: string, overwrite: boolean): void {
  if (overwrite) {
    fs.renameSync(temporary, target);
    return;
  }
  try {
    fs.linkSync(temporary, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ExportTargetExists(target);
    throw error;
  }
  fs.rmSync(temporary);
}

/** The bundle's file name is taken; overwriting needs --force. */
export class ExportTargetExists extends Error {
  constructor(readonly target: string) {
    super(`${target} already exists; nothing was written (use --force to replace it).`);
  }
}
