import type { Readable } from 'node:stream';

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
  open(): Promise<Readable>;
}

/** An input that could not even be opened as a source: rejected before any byte is read. */
export interface RejectedInput {
  sourcePath: string;
  code: RejectionCode;
  reason: string;
  sizeBytes: number | null;
  diskBytes: number;
}

export type WalkItem =
  { kind: 'source'; source: IngestSource } | { kind: 'rejected'; rejected: RejectedInput };

export interface IngestLimits {
  /** Largest total of bytes streamed out of one archive. */
  maxArchiveBytes: number;
  /** Largest ratio of uncompressed to compressed bytes for an archive entry (past 1 MiB). */
  maxCompressionRatio: number;
  /** Seconds decoded at each end of a file to check that it is really decodable. */
  decodeCheckSeconds: number;
}

export const defaultLimits: IngestLimits = {
  maxArchiveBytes: 64 * 1024 ** 3,
  // One level of deflate tops out near 1032:1; silence in a wav file can come close, so only
  // ratios deflate cannot produce on its own (nested or crafted streams) are refused by default.
  maxCompressionRatio: 1100,
  decodeCheckSeconds: 3,
};
