import type { Readable } from 'node:stream';
import type { ArchiveEntryFacts } from './zip-entry-checks.ts';

/** Every reason an input can be turned away, with a stable code for scripts and the API. */
export const RejectionCode = {
  EmptyFile: 'empty-file',
  NotAudio: 'not-audio',
  ZeroDuration: 'zero-duration',
  TruncatedAudio: 'truncated-audio',
  CorruptAudio: 'corrupt-audio',
  UnsafeArchivePath: 'unsafe-archive-path',
  NestedArchive: 'nested-archive',
  CorruptArchive: 'corrupt-archive',
  CorruptArchiveEntry: 'corrupt-archive-entry',
  CrcMismatch: 'crc-mismatch',
  SizeMismatch: 'size-mismatch',
  ZipBomb: 'zip-bomb',
  SymlinkOutsideInput: 'symlink-outside-input',
  UnsafeFileName: 'unsafe-file-name',
  Unreadable: 'unreadable',
  NotARegularFile: 'not-a-regular-file',
  StoreConflict: 'store-conflict',
} as const;
export type RejectionCode = (typeof RejectionCode)[keyof typeof RejectionCode];

/** One file to ingest: on disk, or an entry inside a zip archive. */
export interface IngestSource {
  /** Printable path as recorded in recording_sources (archive + '!/' + entry for zip entries). */
  sourcePath: string;
  /** Path relative to the input root (or inside the archive), '/'-separated: sidecar rows match it. */
  relativePath: string;
  basename: string;
  /** Size announced before reading (file size, or the entry's declared uncompressed size). */
  expectedSize: number;
  /** Bytes read from disk for this source, for progress (compressed size for zip entries). */
  diskBytes: number;
  modifiedAt: Date | null;
  archivePath: string | null;
  archiveEntry: string | null;
  /** The archive's own CRC-32 and sizes for an archive entry; null for a file on disk. */
  archiveFacts: ArchiveEntryFacts | null;
  open(): Promise<Readable>;
  /**
   * Called once ingest holds nothing of the source in temp space (linked into the store or
   * deleted): an archive entry keeps the next entry of its archive waiting until then.
   */
  release?(): void;
}

/** An input that could not even be opened as a source: rejected before any byte is read. */
export interface RejectedInput {
  sourcePath: string;
  code: RejectionCode;
  reason: string;
  sizeBytes: number | null;
  diskBytes: number;
  /** For an archive entry refused before reading: what the archive says about it. */
  archiveFacts?: ArchiveEntryFacts;
}

export type WalkItem =
  { kind: 'source'; source: IngestSource } | { kind: 'rejected'; rejected: RejectedInput };

export interface IngestLimits {
  /**
   * Largest total of bytes streamed out of one archive, whatever its size; the budget of one
   * archive is the smaller of this and its size times maxCompressionRatio.
   */
  maxArchiveBytes: number;
  /**
   * Largest ratio of uncompressed to compressed bytes for an archive entry (past 1 MiB), declared
   * or inflated; also bounds a whole archive's expansion.
   */
  maxCompressionRatio: number;
  /** Seconds decoded at each end of a file to check that it is really decodable. */
  decodeCheckSeconds: number;
}

export const defaultLimits: IngestLimits = {
  maxArchiveBytes: 64 * 1024 ** 3,
  // Real call audio barely deflates: the demo calls and the ru-speech test corpus (wav, mp3, ogg;
  // 9.6 MB), deflated at level 9 one file at a time, give 1.29:1 overall and 2.94:1 at most (a
  // wav). Deflate itself tops out near 1030:1 (zeros), so 100:1 leaves wide room for audio with
  // long digital silence while a bomb gets at most 100 times its own size.
  maxCompressionRatio: 100,
  decodeCheckSeconds: 3,
};
