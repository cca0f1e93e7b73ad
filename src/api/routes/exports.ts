import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assertMay } from '../../accounts/permissions.ts';
import { principalOf } from '../../accounts/principal.ts';
import { createDeskExport, findDeskExport, type DeskExport } from '../../evidence/desk-exports.ts';
import { auditUnavailableResponse } from '../audit-hook.ts';
import { binaryResponse } from '../openapi.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import {
  evidenceExportBodySchema,
  evidenceExportSchema,
  exportIdParamsSchema,
  type EvidenceExportResponse,
} from '../schemas/exports.ts';
import type { RouteContext } from './context.ts';

function presentExport(record: DeskExport): EvidenceExportResponse {
  return {
    id: record.id,
    createdAt: record.createdAt,
    calls: record.calls,
    files: record.files,
    sizeBytes: record.sizeBytes,
    keyFingerprint: record.keyFingerprint,
    manifestSha256: record.manifestSha256,
    downloadUrl: `/api/exports/${record.id}/download`,
  };
}

export function registerExportRoutes(app: FastifyInstance, { db, config }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  // No audit declaration here: the exporter records one 'export' entry per call it wrote
  // (src/evidence/export-evidence.ts), the same from the desk and the command line.
  api.post(
    '/api/exports/evidence',
    {
      schema: {
        tags: ['exports'],
        summary: 'Write a signed evidence bundle of calls or of a collection on the server',
        description:
          'The bundle (docs/evidence.md) is streamed into the data folder, never held in memory, and its ' +
          'stored files are checked against their recorded SHA-256 on the way: a changed file refuses the ' +
          'export (503). Calls or a collection outside your collections are a 404. A bundle whose stored ' +
          'files add up to more than EARSHOT_EXPORT_MAX_BYTES is refused (413). Download it with the link ' +
          'answered; only you (or an admin) can.',
        body: evidenceExportBodySchema,
        response: {
          201: evidenceExportSchema,
          400: errorResponseSchema,
          403: errorResponseSchema,
          404: errorResponseSchema,
          413: errorResponseSchema,
          503: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      assertMay(principal, 'export');
      const record = await createDeskExport(db, config, principal, request.body, request.ip ?? null, (key) =>
        request.log.warn(
          { fingerprint: key.fingerprint, path: key.privateKeyPath },
          `created the evidence-signing key; publish its fingerprint ${key.fingerprint}`,
        ),
      );
      return reply.code(201).send(presentExport(record));
    },
  );

  api.get(
    '/api/exports/:id/download',
    {
      schema: {
        tags: ['exports'],
        summary: 'Download an evidence bundle you exported (admins: any)',
        params: exportIdParamsSchema,
        response: {
          200: binaryResponse('The bundle (zip)', 'application/zip', { attachment: true }),
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
      const { record, zipPath } = findDeskExport(config, principal, request.params.id);
      const day = record.createdAt.slice(0, 10);
      return reply
        .type('application/zip')
        .header('content-length', String(fs.statSync(zipPath).size))
        .header(
          'content-disposition',
          `attachment; filename="earshot-evidence-${day}-${record.id.slice(0, 8)}.zip"`,
        )
        .send(fs.createReadStream(zipPath));
    },
  );
}
