import { Transform, type Readable, type TransformCallback } from 'node:stream';
import yauzl from 'yauzl';
import { SourceRejection } from './errors.ts';
import { checkName, type NameCheck } from './printable-name.ts';
import { openRegularFile, describeFsError } from './source-file.ts';
import { RejectionCode, type IngestLimits, type WalkItem } from './types.ts';

const MIB = 1024 * 1024;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const NESTED_ARCHIVE = /\.(zip|7z|rar|tar|tgz|tar\.gz|gz|bz2|xz)$/i;

/** Shared byte budget of one archive: counts bytes actually inflated, not what headers claim. */
class ArchiveBudget {
  streamed = 0;
  constructor(readonly limits: IngestLimits) {}
}

/**
 * Lists a zip archive's entries as ingest sources, streaming each entry when it is read (never
 * extracting the archive to disk first). Hostile entries (absolute or `../` paths, links, nested
 * archives, bombs) come out as rejections; the archive is only ever read.
 */
export async function* readZipEntries(
  archive: Buffer,
  archivePrintable: string,
  limits: IngestLimits,
): AsyncGenerator<WalkItem> {
  let zip: yauzl.ZipFile;
  let archiveSize = 0;
  try {
    const opened = await openRegularFile(archive);
    archiveSize = opened.size;
    zip = await yauzl.fromFdPromise(opened.fd, {
      lazyEntries: true,
      decodeStrings: false,
      validateEntrySizes: true,
      autoClose: false,
    });
  } catch (error) {
    const reason =
      error instanceof SourceRejection
        ? error.message
        : `not a readable zip archive (${describeError(error)})`;
    const code = error instanceof SourceRejection ? error.code : RejectionCode.CorruptArchive;
    yield {
      kind: 'rejected',
      rejected: {
        sourcePath: archivePrintable,
        code,
        reason,
        sizeBytes: archiveSize,
        diskBytes: archiveSize,
      },
    };
    return;
  }
  const budget = new ArchiveBudget(limits);
  const openStreams = new Set<Readable>();
  let listed = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      listed += 1;
      const item = describeEntry(zip, entry, archivePrintable, budget, openStreams);
      if (item) yield item;
    }
  } catch (error) {
    yield {
      kind: 'rejected',
      rejected: {
        sourcePath: archivePrintable,
        code: RejectionCode.CorruptArchive,
        reason: `the archive's directory is damaged after ${listed} entries (${describeError(error)}); the entries before it were read`,
        sizeBytes: archiveSize,
        diskBytes: 0,
      },
    };
  } finally {
    closeWhenDrained(zip, openStreams);
  }
}

function closeWhenDrained(zip: yauzl.ZipFile, openStreams: Set<Readable>): void {
  // Entries handed out may still be streaming; the archive closes after the last one ends.
  const tryClose = (): void => {
    if (openStreams.size === 0 && zip.isOpen) zip.close();
  };
  for (const stream of openStreams) stream.once('close', tryClose);
  tryClose();
}

function describeEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  archivePrintable: string,
  budget: ArchiveBudget,
  openStreams: Set<Readable>,
): WalkItem | null {
  const name = entryNameCheck(entry.fileNameRaw);
  // The decoded name is matched and checked; the printable one (with any guess noted) recorded.
  const entryName = name.text;
  const sourcePath = `${archivePrintable}!/${name.printable}`;
  if (entryName.endsWith('/')) return null;
  const reject = (
    code: RejectionCode,
    reason: string,
    size: number | null = entry.uncompressedSize,
  ): WalkItem => ({
    kind: 'rejected',
    rejected: { sourcePath, code, reason, sizeBytes: size, diskBytes: entry.compressedSize },
  });

  if (name.problem)
    return reject(RejectionCode.UnsafeFileName, `${name.problem}; stored as "${name.printable}"`);
  const pathProblem = unsafeEntryPath(entryName);
  if (pathProblem) return reject(RejectionCode.UnsafeArchivePath, pathProblem);
  if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
    return reject(RejectionCode.NotARegularFile, 'a symbolic link stored inside the archive (not followed)');
  }
  if (NESTED_ARCHIVE.test(entryName)) {
    return reject(
      RejectionCode.NestedArchive,
      'an archive inside an archive is not opened: extract it and ingest the inner archive on its own',
    );
  }
  if (entry.isEncrypted()) return reject(RejectionCode.Unreadable, 'the entry is encrypted');
  if (!entry.canDecodeFileData()) {
    return reject(RejectionCode.Unreadable, `unsupported compression method ${entry.compressionMethod}`);
  }
  const declaredRatio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > MIB && declaredRatio > budget.limits.maxCompressionRatio) {
    return reject(
      RejectionCode.ZipBomb,
      `declared compression ratio ${Math.round(declaredRatio)}:1 exceeds the limit of ${budget.limits.maxCompressionRatio}:1 (zip bomb?)`,
    );
  }
  const segments = entryName.split('/');
  return {
    kind: 'source',
    source: {
      sourcePath,
      relativePath: entryName,
      basename: segments.at(-1) ?? entryName,
      expectedSize: entry.uncompressedSize,
      diskBytes: entry.compressedSize,
      modifiedAt: safeDate(() => entry.getLastModDate()),
      archivePath: archivePrintable,
      archiveEntry: name.printable,
      open: async () => {
        const stream = await zip.openReadStreamPromise(entry);
        openStreams.add(stream);
        stream.once('close', () => openStreams.delete(stream));
        return stream.pipe(new BombGuard(budget, entry.compressedSize));
      },
    },
  };
}

/**
 * Windows tools write `calls\2022\x.wav`: a backslash byte (the same in UTF-8, cp866 and
 * cp1251) separates folders inside an archive, so the `..` and absolute-path checks see the
 * folders. Names without the UTF-8 flag are in whatever code page the tool used (cp866 from
 * Russian Windows, not the CP437 the format names): checkName guesses as for names on disk.
 */
export function entryNameCheck(raw: Buffer): NameCheck {
  return checkName(Buffer.from(raw.map((b) => (b === 0x5c ? 0x2f : b))));
}

/** Counts the bytes really inflated and stops the stream when they pass the archive's limits. */
class BombGuard extends Transform {
  private entryBytes = 0;
  constructor(
    private readonly budget: ArchiveBudget,
    private readonly compressedSize: number,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.entryBytes += chunk.length;
    this.budget.streamed += chunk.length;
    const { maxArchiveBytes, maxCompressionRatio } = this.budget.limits;
    if (this.budget.streamed > maxArchiveBytes) {
      callback(
        new SourceRejection(
          RejectionCode.ZipBomb,
          `the archive inflates to more than ${maxArchiveBytes} bytes (limit reached while reading; zip bomb?)`,
        ),
      );
      return;
    }
    const ratio = this.entryBytes / Math.max(1, this.compressedSize);
    if (this.entryBytes > MIB && ratio > maxCompressionRatio) {
      callback(
        new SourceRejection(
          RejectionCode.ZipBomb,
          `the entry inflated past ${Math.floor(ratio)}:1, more than the limit of ${maxCompressionRatio}:1 (zip bomb?)`,
        ),
      );
      return;
    }
    callback(null, chunk);
  }
}

/** Why an entry path must not be used: absolute, drive-qualified, or climbing out with `..`. */
export function unsafeEntryPath(entryName: string): string | null {
  const normalised = entryName.replace(/\\/g, '/');
  if (normalised.startsWith('/')) return `absolute path inside the archive ("${entryName}")`;
  if (/^[a-zA-Z]:/.test(normalised)) return `drive-qualified path inside the archive ("${entryName}")`;
  if (normalised.split('/').includes('..'))
    return `path climbs out of the archive with ".." ("${entryName}")`;
  return null;
}

function safeDate(read: () => Date): Date | null {
  try {
    const d = read();
    return Number.isNaN(d.getTime()) ? null : d;
  } catch {
    return null;
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : describeFsError(error);
}
