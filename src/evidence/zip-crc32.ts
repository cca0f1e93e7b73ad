import { createRequire } from 'node:module';
import zlib from 'node:zlib';

/**
 * yazl computes each entry's CRC-32 with buffer-crc32, a table loop in JavaScript (about 200 MB/s
 * on the benchmark machine): slower than reading, hashing and writing the file together, so it
 * alone would halve the export's speed. yazl calls `crc32.unsigned(chunk, previous)` on that
 * module's object at each chunk; this points it at zlib.crc32 (native, Node >= 20.15, several
 * GB/s), which takes the same arguments and returns the same unsigned value. The evidence tests
 * compare every entry's CRC-32 with zlib's, so a wrong value here fails them.
 */
export function useNativeCrc32ForZip(): void {
  if (typeof zlib.crc32 !== 'function') return;
  const require = createRequire(import.meta.url);
  const fromYazl = createRequire(require.resolve('yazl'));
  const bufferCrc32 = fromYazl('buffer-crc32') as { unsigned: (buffer: Buffer, previous?: number) => number };
  bufferCrc32.unsigned = (buffer, previous = 0) => zlib.crc32(buffer, previous);
}
