import { Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import type yauzl from 'yauzl';
import { SourceRejection } from './errors.ts';
import { RejectionCode, type IngestLimits } from './types.ts';

/** Below this many inflated bytes an entry is never called a bomb (tiny files deflate oddly). */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

/** What an archive says about one of its entries, recorded in custody beside what was read. */
export interface ArchiveEntryFacts {
  /** CRC-32 from the central directory, 8 lower-case hex digits. */
  crc32: string;
  compressedSize: number;
  uncompressedSize: number;
}

export function entryFacts(entry: yauzl.Entry): ArchiveEntryFacts {
  return {
    crc32: hex32(entry.crc32),
    compressedSize: entry.compressedSize,
    uncompressedSize: entry.uncompressedSize,
  };
}

function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

/**
 * The bytes one archive may inflate to in all: its own size times the entry ratio limit (an
 * archive whose entries do not overlap cannot honestly exceed that), and never past the
 * absolute maxArchiveBytes.
 */
export function archiveBudgetBytes(archiveSize: number, limits: IngestLimits): number {
  const byRatio = Math.max(archiveSize, RATIO_FLOOR_BYTES) * limits.maxCompressionRatio;
  return Math.min(limits.maxArchiveBytes, byRatio);
}

/** Shared byte budget of one archive: counts bytes actually inflated, not what headers claim. */
export class ArchiveBudget {
  streamed = 0;
  constructor(
    readonly limits: IngestLimits,
    readonly maxBytes: number,
  ) {}
}

/**
 * Entries whose stored bytes overlap another entry's, found from the central directory alone
 * (before anything is inflated). Overlap is how a small zip inflates to many gigabytes
 * ("A better zip bomb", Fifield 2019): many headers pointing into one shared deflate stream.
 * An entry spans at least its 30-byte local header, its name and its compressed data.
 */
export function overlappingEntries(entries: readonly yauzl.Entry[]): Set<yauzl.Entry> {
  const sorted = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  const overlapping = new Set<yauzl.Entry>();
  let furthest: yauzl.Entry | null = null;
  let furthestEnd = -1;
  for (const entry of sorted) {
    const start = entry.relativeOffsetOfLocalHeader;
    if (furthest && start < furthestEnd) {
      overlapping.add(entry);
      overlapping.add(furthest);
    }
    const end = start + 30 + entry.fileNameRaw.length + entry.compressedSize;
    if (end > furthestEnd) {
      furthestEnd = end;
      furthest = entry;
    }
  }
  return overlapping;
}

/**
 * Passes an entry's inflated bytes on while counting them against the entry's and the archive's
 * budgets, and checks the CRC-32 the archive recorded once the entry ends: a damaged entry fails
 * the stream, so its bytes are never stored as an original.
 */
export class EntryGuard extends Transform {
  private entryBytes = 0;
  private crc = 0;
  constructor(
    private readonly budget: ArchiveBudget,
    private readonly entry: yauzl.Entry,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.entryBytes += chunk.length;
    this.budget.streamed += chunk.length;
    const { maxCompressionRatio } = this.budget.limits;
    if (this.budget.streamed > this.budget.maxBytes) {
      callback(
        new SourceRejection(
          RejectionCode.ZipBomb,
          `the archive inflates to more than ${this.budget.maxBytes} bytes, its expansion budget (zip bomb?)`,
        ),
      );
      return;
    }
    const ratio = this.entryBytes / Math.max(1, this.entry.compressedSize);
    if (this.entryBytes > RATIO_FLOOR_BYTES && ratio > maxCompressionRatio) {
      callback(
        new SourceRejection(
          RejectionCode.ZipBomb,
          `the entry inflated past ${Math.floor(ratio)}:1, more than the limit of ${maxCompressionRatio}:1 (zip bomb?)`,
        ),
      );
      return;
    }
    this.crc = zlib.crc32(chunk, this.crc);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const recorded = this.entry.crc32 >>> 0;
    if (this.crc >>> 0 !== recorded) {
      callback(
        new SourceRejection(
          RejectionCode.CrcMismatch,
          `the entry's data does not match the CRC-32 the archive recorded: recorded ${hex32(recorded)}, ` +
            `computed ${hex32(this.crc)} over ${this.entryBytes} bytes (damaged archive)`,
        ),
      );
      return;
    }
    callback();
  }
}

/** Turns what yauzl or zlib raise while reading an entry into a rejection that says which damage. */
export function entryReadRejection(error: unknown): SourceRejection {
  if (error instanceof SourceRejection) return error;
  const message = error instanceof Error ? error.message : String(error);
  const zlibCode = (error as { code?: unknown } | null)?.code;
  if (typeof zlibCode === 'string' && zlibCode.startsWith('Z_')) {
    return new SourceRejection(RejectionCode.CorruptArchiveEntry, `deflate data is corrupt: ${message}`);
  }
  if (/too many bytes in the stream|not enough bytes in the stream/.test(message)) {
    return new SourceRejection(
      RejectionCode.SizeMismatch,
      `the entry's size disagrees with the archive's directory: ${message}`,
    );
  }
  return new SourceRejection(
    RejectionCode.CorruptArchiveEntry,
    `the archive entry cannot be read: ${message}`,
  );
}
