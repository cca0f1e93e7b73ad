import fs from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, notFound } from '../errors.ts';
import { ifRangeAllowsPartial, parseRangeHeader } from './byte-range.ts';
import { confirmStoredFile } from './served-file-check.ts';

export interface AudioFile {
  /** Absolute path, already checked to lie inside its store. */
  absolutePath: string;
  contentType: string;
  /** SHA-256 of the file: the strong ETag. */
  sha256: string;
  /** What the file is, for error messages. */
  description: string;
  /** Asked when the file is not on disk: throws the reason when it is known (quarantined). */
  explainMissing?: () => Promise<void>;
}

/**
 * Sends a file from disk with HTTP range support: 200 for the whole file, 206 for one range,
 * 416 when the range lies past the end, 304 when If-None-Match matches. The bytes are streamed
 * from disk, never read into memory; HEAD answers the same headers without opening the file.
 */
export async function sendAudioFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: AudioFile,
): Promise<void> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file.absolutePath);
    if (!stat.isFile()) throw new Error('not a regular file');
  } catch {
    await file.explainMissing?.();
    request.log.error({ path: file.absolutePath }, 'audio file missing from the store');
    throw notFound(`The ${file.description} is missing from the store on disk`);
  }
  const size = stat.size;
  // Never serve bytes under an ETag they do not match (a changed file is refused, not repaired).
  await confirmStoredFile(file.absolutePath, stat, file.sha256, file.description);

  const etag = `"${file.sha256}"`;
  reply
    .header('Accept-Ranges', 'bytes')
    .header('ETag', etag)
    // Evidence must not linger in shared caches; the browser may keep it (it is immutable by hash).
    .header('Cache-Control', 'private, max-age=3600')
    .header('X-Content-Type-Options', 'nosniff');

  if (request.headers['if-none-match'] === etag) {
    await reply.code(304).send();
    return;
  }

  const ifRange = request.headers['if-range'];
  const rangeHeader =
    typeof ifRange !== 'object' && ifRangeAllowsPartial(ifRange, etag) ? request.headers.range : undefined;
  const range = parseRangeHeader(rangeHeader, size);
  if (range.kind === 'unsatisfiable') {
    reply.header('Content-Range', `bytes */${size}`);
    throw new ApiError(
      416,
      'range_not_satisfiable',
      `Range ${request.headers.range ?? ''} lies outside the ${file.description} (${size} bytes)`,
    );
  }

  const start = range.kind === 'partial' ? range.start : 0;
  const end = range.kind === 'partial' ? range.end : size - 1;
  reply
    .code(range.kind === 'partial' ? 206 : 200)
    .header('Content-Type', file.contentType)
    .header('Content-Length', String(end - start + 1));
  if (range.kind === 'partial') reply.header('Content-Range', `bytes ${start}-${end}/${size}`);

  if (request.method === 'HEAD' || size === 0) {
    await reply.send();
    return;
  }
  await reply.send(fs.createReadStream(file.absolutePath, { start, end }));
}
