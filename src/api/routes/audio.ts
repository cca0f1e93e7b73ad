import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audioContentType } from '../audio/content-type.ts';
import { sendAudioFile } from '../audio/send-file.ts';
import { notFound } from '../errors.ts';
import { binaryResponse, emptyResponse } from '../openapi.ts';
import { findRecording, findWorkingCopy } from '../queries/recording-detail.ts';
import { errorResponseSchema, recordingIdParamsSchema } from '../schemas/common.ts';
import type { RouteContext } from './context.ts';

const RANGE_NOTES =
  'Supports HEAD and single byte ranges (Range: bytes=0-99, bytes=100-, bytes=-500): 206 with Content-Range, ' +
  '416 when the range starts past the end. A Range header with several ranges, or one that is malformed, is ' +
  'ignored and the whole file is sent with 200 (RFC 9110 allows this; players ask for one range at a time). ' +
  'ETag is the SHA-256 of the file; If-Range and If-None-Match are honoured.';

const audioResponses = (mediaType: string) => ({
  200: binaryResponse('The whole file', mediaType),
  206: binaryResponse('The requested byte range', mediaType),
  304: emptyResponse('Not modified (If-None-Match matched the ETag)'),
  400: errorResponseSchema,
  404: errorResponseSchema,
  416: errorResponseSchema,
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

/** Joins a stored relative path to its store, refusing anything that would lead outside it. */
function insideStore(storeDir: string, relativePath: string): string {
  const root = path.resolve(storeDir);
  const absolute = path.resolve(root, relativePath);
  if (!absolute.startsWith(root + path.sep)) {
    throw new Error(`stored path ${JSON.stringify(relativePath)} leads outside ${root}`);
  }
  return absolute;
}

export function registerAudioRoutes(app: FastifyInstance, { db, config }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  // GET and HEAD declared together: Fastify's automatic HEAD route would reset Content-Length.
  api.route({
    method: ['GET', 'HEAD'],
    url: '/api/recordings/:id/audio/original',
    schema: {
      tags: ['audio'],
      summary: 'The evidentiary original, byte for byte',
      description: `Content-Type from the probed container and codec. ${RANGE_NOTES}`,
      params: recordingIdParamsSchema,
      response: audioResponses('audio/*'),
    },
    handler: async (request, reply) => {
      const recording = await findRecording(db, request.params.id);
      if (!recording) throw notFound(`No recording with id ${request.params.id}`);
      await sendAudioFile(request, reply, {
        absolutePath: insideStore(config.originalsDir, recording.store_path),
        contentType: audioContentType({
          container: recording.container,
          codec: recording.codec,
          filename: recording.original_filename,
        }),
        sha256: recording.sha256,
        description: 'original',
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
    handler: async (request, reply) => {
      const { id } = request.params;
      const { channel } = request.query;
      const recording = await findRecording(db, id);
      if (!recording) throw notFound(`No recording with id ${id}`);
      const copy = await findWorkingCopy(db, id, channel);
      if (!copy) throw notFound(`Recording ${id} has no working copy of channel ${channel} (yet)`);
      await sendAudioFile(request, reply, {
        absolutePath: insideStore(config.derivedDir, copy.path),
        contentType: 'audio/wav',
        sha256: copy.sha256,
        description: `working copy of channel ${channel}`,
      });
      return reply;
    },
  });
}
