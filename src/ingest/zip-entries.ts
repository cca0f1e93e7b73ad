import fs from 'node:fs';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { SourceRejection } from './errors.ts';
import { checkName, type NameCheck } from './printable-name.ts';
import { unsafeRelativePath } from './relative-path.ts';
import { openRegularFile, describeFsError } from './source-file.ts';
import { RejectionCode, type IngestLimits, type IngestSource, type WalkItem } from './types.ts';
import {
  ArchiveBudget,
  EntryGuard,
  RATIO_FLOOR_BYTES,
  archiveBudgetBytes,
  entryFacts,
  entryReadRejection,
  overlappingEntries,
} from './zip-entry-checks.ts';

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const NESTED_ARCHIVE = /\.(zip|7z|rar|tar|tgz|tar\.gz|gz|bz2|xz)$/i;

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
    zip = await openZip(opened.fd);
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
  const budget = new ArchiveBudget(limits, archiveBudgetBytes(archiveSize, limits));
  const reading = new ArchiveReading(zip, archive, archiveSize);
  // The whole directory is read before any entry is inflated, so that entries sharing their
  // bytes with another (an overlap bomb) are refused before they can expand.
  const entries: yauzl.Entry[] = [];
  let directoryError: unknown = null;
  try {
    for await (const entry of zip.eachEntry()) entries.push(entry);
  } catch (error) {
    directoryError = error;
  }
  try {
    const overlapping = overlappingEntries(entries);
    for (const entry of entries) {
      const item = overlapping.has(entry)
        ? overlapRejection(entry, archivePrintable, overlapping.size)
        : describeEntry(reading, entry, archivePrintable, budget);
      if (item) yield item;
    }
    if (directoryError !== null) {
      yield {
        kind: 'rejected',
        rejected: {
          sourcePath: archivePrintable,
          code: RejectionCode.CorruptArchive,
          reason: `the archive's directory is damaged after ${entries.length} entries (${describeError(directoryError)}); the entries before it were read`,
          sizeBytes: archiveSize,
          diskBytes: 0,
        },
      };
    }
  } finally {
    reading.finishListing();
  }
}

function openZip(fd: number): Promise<yauzl.ZipFile> {
  return yauzl.fromFdPromise(fd, {
    lazyEntries: true,
    decodeStrings: false,
    validateEntrySizes: true,
    autoClose: false,
  });
}

/**
 * Reads one entry of an archive at a time: an entry holds the archive's turn from the moment it
 * is opened until its ingest lets go of it (its temp file linked into the store or deleted), so
 * an archive never has more than one entry's worth of temp space in use, even when ingest works
 * on several sources at once. The archive closes once listing is over and no stream is open; an
 * entry opened after that (ingest lanes take entries before they open them) reopens it, which
 * reads only the end record.
 */
class ArchiveReading {
  private turn: Promise<void> = Promise.resolve();
  private openStreams = 0;
  private listed = false;
  constructor(
    private zip: yauzl.ZipFile,
    private readonly archive: Buffer,
    private readonly archiveSize: number,
  ) {}

  private async reopened(): Promise<yauzl.ZipFile> {
    if (this.zip.isOpen) return this.zip;
    const opened = await openRegularFile(this.archive);
    if (opened.size !== this.archiveSize) {
      fs.closeSync(opened.fd);
      throw new SourceRejection(
        RejectionCode.CorruptArchive,
        `the archive changed while it was read (${this.archiveSize} bytes, now ${opened.size})`,
      );
    }
    this.zip = await openZip(opened.fd);
    return this.zip;
  }

  /** The entry's bytes, and `release` to call once nothing of it is left in temp space. */
  async open(entry: yauzl.Entry, budget: ArchiveBudget): Promise<{ stream: Readable; release: () => void }> {
    this.openStreams += 1;
    const previous = this.turn;
    let passTurn = (): void => undefined;
    this.turn = new Promise<void>((resolve) => (passTurn = resolve));
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      passTurn();
    };
    const streamClosed = (): void => {
      this.openStreams -= 1;
      this.closeIfIdle();
    };
    await previous;
    let stream: Readable;
    try {
      stream = await (await this.reopened()).openReadStreamPromise(entry);
    } catch (error) {
      streamClosed();
      release();
      throw entryReadRejection(error);
    }
    const guard = new EntryGuard(budget, entry);
    guard.once('close', () => {
      stream.destroy();
      streamClosed();
    });
    // pipe() alone does not forward errors: a damaged deflate stream or a size that disagrees
    // with the directory must fail the guard (and so the entry), named for what it is, instead
    // of raising an unhandled 'error' that ends the whole ingest.
    stream.once('error', (error) => guard.destroy(entryReadRejection(error)));
    stream.pipe(guard);
    return { stream: guard, release };
  }

  finishListing(): void {
    this.listed = true;
    this.closeIfIdle();
  }

  private closeIfIdle(): void {
    if (this.listed && this.openStreams === 0 && this.zip.isOpen) this.zip.close();
  }
}

function overlapRejection(entry: yauzl.Entry, archivePrintable: string, count: number): WalkItem {
  const name = checkName(entry.fileNameRaw).printable;
  return {
    kind: 'rejected',
    rejected: {
      sourcePath: `${archivePrintable}!/${name}`,
      code: RejectionCode.ZipBomb,
      reason:
        `the entry's data overlaps another entry's (at byte ${entry.relativeOffsetOfLocalHeader} of the archive; ` +
        `${count} entries overlap): a zip bomb; not inflated`,
      sizeBytes: entry.uncompressedSize,
      diskBytes: entry.compressedSize,
      archiveFacts: entryFacts(entry),
    },
  };
}

function describeEntry(
  reading: ArchiveReading,
  entry: yauzl.Entry,
  archivePrintable: string,
  budget: ArchiveBudget,
): WalkItem | null {
  const name = entryNameCheck(entry.fileNameRaw);
  // The decoded name is matched and checked; the printable one (with any guess noted) recorded.
  const entryName = name.text;
  const sourcePath = `${archivePrintable}!/${name.printable}`;
  if (entryName.endsWith('/')) return null;
  const archiveFacts = entryFacts(entry);
  const reject = (
    code: RejectionCode,
    reason: string,
    size: number | null = entry.uncompressedSize,
  ): WalkItem => ({
    kind: 'rejected',
    rejected: { sourcePath, code, reason, sizeBytes: size, diskBytes: entry.compressedSize, archiveFacts },
  });

  if (name.problem)
    return reject(RejectionCode.UnsafeFileName, `${name.problem}; stored as "${name.printable}"`);
  const pathProblem = unsafeRelativePath(entryName);
  if (pathProblem)
    return reject(RejectionCode.UnsafeArchivePath, `${pathProblem} inside the archive ("${entryName}")`);
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
  const bomb = declaredBomb(entry, budget);
  if (bomb) return reject(RejectionCode.ZipBomb, bomb);
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
      archiveFacts,
      ...entryLease(reading, entry, budget),
    },
  };
}

/** `open` takes the archive's turn for this entry; `release` (after ingest) passes it on. */
function entryLease(
  reading: ArchiveReading,
  entry: yauzl.Entry,
  budget: ArchiveBudget,
): Pick<IngestSource, 'open' | 'release'> {
  let release: (() => void) | null = null;
  return {
    open: async () => {
      const opened = await reading.open(entry, budget);
      release = opened.release;
      return opened.stream;
    },
    release: () => release?.(),
  };
}

/**
 * A backslash separates folders (relative-path.ts); in the raw name its byte is the same in
 * UTF-8, cp866 and cp1251, so it is turned into '/' before the name is decoded. Names without the UTF-8 flag are in whatever code page the tool used (cp866 from
 * Russian Windows, not the CP437 the format names): checkName guesses as for names on disk.
 */
export function entryNameCheck(raw: Buffer): NameCheck {
  return checkName(Buffer.from(raw.map((b) => (b === 0x5c ? 0x2f : b))));
}

/** Why the sizes the directory declares already make the entry a bomb, before inflating it. */
function declaredBomb(entry: yauzl.Entry, budget: ArchiveBudget): string | null {
  const { maxCompressionRatio } = budget.limits;
  const declaredRatio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > RATIO_FLOOR_BYTES && declaredRatio > maxCompressionRatio) {
    return `declared compression ratio ${Math.round(declaredRatio)}:1 exceeds the limit of ${maxCompressionRatio}:1 (zip bomb?)`;
  }
  if (entry.uncompressedSize > budget.maxBytes) {
    return `declared size ${entry.uncompressedSize} bytes exceeds the archive's expansion budget of ${budget.maxBytes} bytes (zip bomb?)`;
  }
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
