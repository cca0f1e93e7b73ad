/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside each compressible file of a desk build, so
 * that the server (@fastify/static with preCompressed) sends the 1.5 MB of scripts compressed
 * without compressing them again on every request. Offline, built in: node:zlib only.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Text formats worth compressing; fonts (woff/woff2) and images are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|wasm)$/;
/** Below this a compressed copy saves less than a packet. */
const MIN_BYTES = 1024;

export interface PrecompressTotals {
  files: number;
  bytes: number;
  brotliBytes: number;
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

/** Compresses every compressible file of `dir` (recursively); a copy that is not smaller is not kept. */
export function precompressDesk(dir: string): PrecompressTotals {
  const totals: PrecompressTotals = { files: 0, bytes: 0, brotliBytes: 0 };
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const bytes = fs.readFileSync(file);
    if (bytes.length < MIN_BYTES) continue;
    const brotli = zlib.brotliCompressSync(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    const gzip = zlib.gzipSync(bytes, { level: zlib.constants.Z_BEST_COMPRESSION });
    if (brotli.length < bytes.length) fs.writeFileSync(`${file}.br`, brotli);
    if (gzip.length < bytes.length) fs.writeFileSync(`${file}.gz`, gzip);
    totals.files += 1;
    totals.bytes += bytes.length;
    totals.brotliBytes += Math.min(brotli.length, bytes.length);
  }
  return totals;
}
