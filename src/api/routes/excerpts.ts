import fs from 'node:fs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeToCollections } from '../../accounts/collection-scope.ts';
import { assertMay } from '../../accounts/permissions.ts';
import { principalOf } from '../../accounts/principal.ts';
import { createDeskExcerpt, findDeskExcerpt } from '../../publication/excerpt/desk-excerpts.ts';
import { findPreviewAudio, previewExcerpt } from '../../publication/excerpt/excerpt-preview.ts';
import { sendAudioFile } from '../audio/send-file.ts';
import { auditUnavailableResponse, recordingTarget } from '../audit-hook.ts';
import { binaryResponse, emptyResponse } from '../openapi.ts';
import { presentExcerptExport, presentExcerptPreview } from '../presenters/excerpts.ts';
import { requireRecording } from '../queries/recording-detail.ts';
import { errorResponseSchema, recordingIdParamsSchema } from '../schemas/common.ts';
import {
  excerptExportBodySchema,
  excerptExportParamsSchema,
  excerptExportSchema,
  excerptPreviewBodySchema,
  excerptPreviewParamsSchema,
  excerptPreviewSchema,
} from '../schemas/excerpts.ts';
import type { RouteContext } from './context.ts';

const refusals = {
  400: errorResponseSchema.describe('A selection that is no excerpt, or an override without a reason'),
  403: errorResponseSchema.describe('Your role may not export (or override)'),
  404: errorResponseSchema,
  409: errorResponseSchema.describe('The call is not verified: only an admin may export it, with a reason'),
};

export function registerExcerptRoutes(app: FastifyInstance, { db, config }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  // The preview reads the (redacted) transcript: audited as a read of it; its audio when played.
  api.post(
    '/api/recordings/:id/excerpt-preview',
    {
      schema: {
        tags: ['publication'],
        summary: 'Preview an excerpt: the redacted texts, what is withheld, and the redacted audio',
        description:
          'The plan an export of this selection would follow, for a person to check, and a link to the ' +
          'redacted audio (MP3, kept for an hour for you only). Refused as an export would be: a role ' +
          'that may not export (403), an unverified call for anybody but an admin (409; an admin is ' +
          'told an override is needed), a selection that is no excerpt (400).',
        params: recordingIdParamsSchema,
        body: excerptPreviewBodySchema,
        response: { 200: excerptPreviewSchema, ...refusals },
      },
      config: {
        audit: {
          action: 'view-transcript',
          target: recordingTarget,
          details: () => ({ excerptPreview: true }),
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      assertMay(principal, 'export');
      await requireRecording(db, request.params.id, scopeToCollections(principal));
      const { protectAll, ...selection } = request.body;
      const preview = await previewExcerpt(db, config, {
        principal,
        recordingId: request.params.id,
        selection,
        protectAll,
        address: request.ip ?? null,
      });
      return presentExcerptPreview(preview);
    },
  );

  api.route({
    method: ['GET', 'HEAD'],
    url: '/api/recordings/:id/excerpt-previews/:previewId/audio',
    schema: {
      tags: ['publication'],
      summary: 'The redacted audio of a preview you made (MP3, with range requests)',
      params: excerptPreviewParamsSchema,
      response: {
        200: binaryResponse('The redacted clip', 'audio/mpeg'),
        206: binaryResponse('Part of the redacted clip', 'audio/mpeg'),
        304: emptyResponse('Not modified (If-None-Match matched the ETag)'),
        400: errorResponseSchema,
        403: errorResponseSchema,
        404: errorResponseSchema,
        416: errorResponseSchema,
        ...auditUnavailableResponse,
      },
    },
    config: {
      audit: {
        action: 'stream-audio',
        target: recordingTarget,
        details: (request: FastifyRequest) => ({
          excerptPreview: (request.params as { previewId: string }).previewId,
        }),
      },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      assertMay(principal, 'export');
      const { id, previewId } = request.params;
      await requireRecording(db, id, scopeToCollections(principal));
      const audio = findPreviewAudio(config.dataDir, principal, id, previewId);
      await sendAudioFile(request, reply, {
        absolutePath: audio.path,
        contentType: 'audio/mpeg',
        sha256: audio.sha256,
        description: 'excerpt preview',
      });
      return reply;
    },
  });

  // No audit declaration: exportExcerpt records 'export-excerpt' (and any override) itself.
  api.post(
    '/api/exports/excerpt',
    {
      schema: {
        tags: ['publication'],
        summary: 'Export an excerpt for publication: redacted, leak-checked, one zip to download',
        description:
          'Writes the package (docs/publication.md) on the server, leak-checks every file and the zip, and ' +
          'answers its files with their SHA-256 and a download link (only you, or an admin, can download ' +
          'it). A leak check that finds a protected form refuses the export (422, every hit in issues) and ' +
          'keeps nothing. The policy is the preview’s; an admin exports an unverified call with ' +
          'overrideReason, recorded in the audit log. When the recogniser the leak check listens with is not ' +
          'installed, the export is refused (503, naming the model and the command that installs it).',
        body: excerptExportBodySchema,
        response: {
          201: excerptExportSchema,
          ...refusals,
          422: errorResponseSchema.describe('The leak check found protected forms: nothing was kept'),
          503: errorResponseSchema.describe('The leak check cannot listen: its model is not installed'),
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      assertMay(principal, 'export');
      const { recordingId, selection, protectAll, overrideReason } = request.body;
      await requireRecording(db, recordingId, scopeToCollections(principal));
      const record = await createDeskExcerpt(
        db,
        config,
        principal,
        {
          recordingId,
          selection,
          protectAll,
          override: overrideReason !== undefined ? { reason: overrideReason } : undefined,
        },
        request.ip ?? null,
      );
      return reply.code(201).send(presentExcerptExport(record));
    },
  );

  api.get(
    '/api/exports/excerpts/:id/download',
    {
      schema: {
        tags: ['publication'],
        summary: 'Download an excerpt package you exported (admins: any)',
        params: excerptExportParamsSchema,
        response: {
          200: binaryResponse('The package (zip)', 'application/zip'),
          400: errorResponseSchema,
          403: errorResponseSchema,
          404: errorResponseSchema,
          ...auditUnavailableResponse,
        },
      },
      config: {
        audit: { action: 'download-export', target: (request) => (request.params as { id: string }).id },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      assertMay(principal, 'export');
      const { record, zipPath } = findDeskExcerpt(config.exportsDir, principal, request.params.id);
      return reply
        .type('application/zip')
        .header('content-length', String(fs.statSync(zipPath).size))
        .header(
          'content-disposition',
          `attachment; filename="excerpt-${record.createdAt.slice(0, 10)}-${record.id.slice(0, 8)}.zip"`,
        )
        .send(fs.createReadStream(zipPath));
    },
  );
}
