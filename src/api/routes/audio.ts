import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { JsonObject } from '../../db/schema.ts';
import { audioContentType } from '../audio/content-type.ts';
import { sendAudioFile } from '../audio/send-file.ts';
import { MAX_PEAKS, TARGET_PEAKS_PER_SECOND } from '../../media/waveform-peaks.ts';
import { loadOrComputePeaks, PEAKS_FORMAT } from '../../media/waveform-peaks-cache.ts';
import { openQuarantines, StoredFileQuarantined, type StoreFileKind } from '../../ingest/store-quarantine.ts';
import { recordingTarget } from '../audit-hook.ts';
import { notFound } from '../errors.ts';
import { binaryResponse, emptyResponse } from '../openapi.ts';
import { presentWorkingPeaks } from '../presenters/peaks.ts';
import { findWorkingCopy, requireRecording } from '../queries/recording-detail.ts';
import { errorResponseSchema, recordingIdParamsSchema } from '../schemas/common.ts';
import { workingPeaksResponseSchema } from '../schemas/peaks.ts';
import { attachmentDisposition } from '../../verification/evidence-input.ts';
import { scopeToCollections } from '../../accounts/collection-scope.ts';
import { principalOf } from '../../accounts/principal.ts';
import type { RouteContext } from './context.ts';

const RANGE_NOTES =
  'Supports HEAD and single byte ranges (Range: bytes=0-99, bytes=100-, bytes=-500): 206 with Content-Range, ' +
  '416 when the range starts past the end. A Range header with several ranges, or one that is malformed, is ' +
  'ignored and the whole file is sent with 200 (RFC 9110 allows this; players ask for one range at a time). ' +
  'ETag is the SHA-256 of the file; If-Range and If-None-Match are honoured. A file is served only once its ' +
  'bytes were seen to hash to that SHA-256 (checked again whenever the file changes on disk); one that does not ' +
  'match is refused with 503, and so is one that `earshot verify-store --quarantine` moved out of the store ' +
  '(the message names the restore command).';

const audioResponses = (mediaType: string) => ({
  200: binaryResponse('The whole file', mediaType),
  206: binaryResponse('The requested byte range', mediaType),
  304: emptyResponse('Not modified (If-None-Match matched the ETag)'),
  400: errorResponseSchema,
  404: errorResponseSchema,
  416: errorResponseSchema,
  503: errorResponseSchema.describe(
    'The stored file does not match its recorded SHA-256, or was quarantined for that reason: not served',
  ),
});

const workingQuerySchema = z.strictObject({
  channel: z.coerce
    .number()
    .int()
    .min(0)
    .max(255)
    .default(0)
    .describe('Channel of the original whose working copy to send (0-based)'),
});

/** Which bytes were asked for: a player streams a call as a few range requests, each one recorded. */
function rangeDetails(request: FastifyRequest): JsonObject {
  return { range: request.headers.range ?? null };
}

/** Joins a stored relative path to its store, refusing anything that would lead outside it. */
export function insideStore(storeDir: string, relativePath: string): string {
  const root = path.resolve(storeDir);
  const absolute = path.resolve(root, relativePath);
  if (!absolute.startsWith(root + path.sep)) {
    throw new Error(`stored path ${JSON.stringify(relativePath)} leads outside ${root}`);
  }
  return absolute;
}

export function registerAudioRoutes(app: FastifyInstance, { db, config }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  /** A file missing because `verify-store --quarantine` moved it out is refused with the reason. */
  const refuseIfQuarantined = (recordingId: string, kind: StoreFileKind, storePath: string) => async () => {
    const open = await openQuarantines(db, [recordingId]);
    const file = open.find((q) => q.kind === kind && q.storePath === storePath);
    if (file) throw new StoredFileQuarantined(file);
  };

  /** A channel's working copy, or a 404 saying whether the recording or the copy is missing. */
  const requireWorkingCopy = async (request: FastifyRequest, id: string, channel: number) => {
    await requireRecording(db, id, scopeToCollections(principalOf(request)));
    const copy = await findWorkingCopy(db, id, channel);
    if (!copy) throw notFound(`Recording ${id} has no working copy of channel ${channel} (yet)`);
    return copy;
  };

  // GET and HEAD declared together: Fastify's automatic HEAD route would reset Content-Length.
  api.route({
    method: ['GET', 'HEAD'],
    url: '/api/recordings/:id/audio/original',
    schema: {
      tags: ['audio'],
      summary: 'The evidentiary original, byte for byte',
      description:
        'Content-Type from the probed container and codec; Content-Disposition: attachment with the file name ' +
        `it was received under (RFC 6266, filename* in UTF-8 for non-ASCII names). ${RANGE_NOTES}`,
      params: recordingIdParamsSchema,
      response: audioResponses('audio/*'),
    },
    config: {
      audit: { action: 'download-original', target: recordingTarget, details: rangeDetails },
    },
    handler: async (request, reply) => {
      const recording = await requireRecording(
        db,
        request.params.id,
        scopeToCollections(principalOf(request)),
      );
      // Saved under the name it came in with, not the last part of this URL ("original").
      reply.header('Content-Disposition', attachmentDisposition(recording.original_filename));
      await sendAudioFile(request, reply, {
        absolutePath: insideStore(config.originalsDir, recording.store_path),
        contentType: audioContentType({
          container: recording.container,
          codec: recording.codec,
          filename: recording.original_filename,
        }),
        sha256: recording.sha256,
        description: 'original',
        explainMissing: refuseIfQuarantined(recording.id, 'original', recording.store_path),
      });
      return reply;
    },
  });

  // GET and HEAD declared together: Fastify's automatic HEAD route would reset Content-Length.
  api.route({
    method: ['GET', 'HEAD'],
    url: '/api/recordings/:id/audio/working',
    schema: {
      tags: ['audio'],
      summary: 'The 16 kHz mono WAV working copy of one channel',
      description: RANGE_NOTES,
      params: recordingIdParamsSchema,
      querystring: workingQuerySchema,
      response: audioResponses('audio/wav'),
    },
    config: {
      audit: {
        action: 'stream-audio',
        target: recordingTarget,
        details: (request) => ({
          ...rangeDetails(request),
          channel: (request.query as { channel: number }).channel,
        }),
      },
    },
    handler: async (request, reply) => {
      const { id } = request.params;
      const { channel } = request.query;
      const copy = await requireWorkingCopy(request, id, channel);
      await sendAudioFile(request, reply, {
        absolutePath: insideStore(config.derivedDir, copy.path),
        contentType: 'audio/wav',
        sha256: copy.sha256,
        description: `working copy of channel ${channel}`,
        explainMissing: refuseIfQuarantined(id, 'working copy', copy.path),
      });
      return reply;
    },
  });

  api.route({
    method: 'GET',
    url: '/api/recordings/:id/audio/working/peaks',
    schema: {
      tags: ['audio'],
      summary: 'Waveform peaks of one channel’s working copy',
      description:
        `Min/max pairs, ${TARGET_PEAKS_PER_SECOND} per second of audio and at most ${MAX_PEAKS} in all, so ` +
        'the desk draws the waveform at once and streams the audio with range requests instead of ' +
        'downloading and decoding the whole file. Computed with ffmpeg on first request and cached ' +
        'beside the working copy (recomputed when the working copy changes). ETag follows the working ' +
        'copy’s SHA-256; If-None-Match is honoured.',
      params: recordingIdParamsSchema,
      querystring: workingQuerySchema,
      response: {
        200: workingPeaksResponseSchema,
        304: emptyResponse('Not modified (If-None-Match matched the ETag)'),
        400: errorResponseSchema,
        404: errorResponseSchema,
        422: errorResponseSchema,
      },
    },
    handler: async (request, reply) => {
      const { id } = request.params;
      const { channel } = request.query;
      const copy = await requireWorkingCopy(request, id, channel);

      // The peaks are a pure function of the working copy's bytes and the reduction's settings.
      const etag = `"peaks-${PEAKS_FORMAT}-${TARGET_PEAKS_PER_SECOND}-${MAX_PEAKS}-${copy.sha256}"`;
      reply.header('ETag', etag).header('Cache-Control', 'private, max-age=3600');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();

      // A missing or undecodable working copy answers through the domain-error table.
      const result = await loadOrComputePeaks({
        audioPath: insideStore(config.derivedDir, copy.path),
        sha256: copy.sha256,
        description: `working copy of channel ${channel}`,
      });
      if (result.cacheError)
        request.log.warn({ path: copy.path, err: result.cacheError }, 'peaks not cached');
      return presentWorkingPeaks({ recordingId: id, channel, sha256: copy.sha256 }, result.peaks);
    },
  });
}
