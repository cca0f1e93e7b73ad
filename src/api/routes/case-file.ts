import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeToCollections } from '../../accounts/collection-scope.ts';
import { assertMay, may } from '../../accounts/permissions.ts';
import { principalOf } from '../../accounts/principal.ts';
import type { JsonObject } from '../../db/schema.ts';
import { discardAttachments } from '../../verification/attachments.ts';
import { caseActionPermission } from '../../verification/case-permissions.ts';
import { precheckCaseStep, recordCaseStep } from '../../verification/case-store.ts';
import { attachmentDisposition, checkLinks, servedMediaType } from '../../verification/evidence-input.ts';
import { sendAudioFile } from '../audio/send-file.ts';
import { auditUnavailableResponse, recordingTarget } from '../audit-hook.ts';
import { notFound } from '../errors.ts';
import { binaryResponse, emptyResponse } from '../openapi.ts';
import { presentCaseFile } from '../presenters/case-file.ts';
import { findCaseAttachment, loadCaseFile } from '../queries/case-file.ts';
import { requireRecording } from '../queries/recording-detail.ts';
import {
  caseAttachmentParamsSchema,
  caseFileSchema,
  caseStepFormSchema,
  caseStepResultSchema,
} from '../schemas/case-file.ts';
import { errorResponseSchema, recordingIdParamsSchema } from '../schemas/common.ts';
import { receiveCaseStep } from '../uploads/receive-case-step.ts';
import { insideStore } from './audio.ts';
import type { RouteContext } from './context.ts';

/** What the audit entry of a step says: filled in by the handler, read by the audit hook after. */
const stepDetails = new WeakMap<FastifyRequest, JsonObject>();

export function registerCaseFileRoutes(app: FastifyInstance, { db, config }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/recordings/:id/case',
    {
      schema: {
        tags: ['verification'],
        summary: "The call's verification case file: status, pending proposal, every step with its evidence",
        params: recordingIdParamsSchema,
        response: {
          200: caseFileSchema,
          400: errorResponseSchema,
          404: errorResponseSchema,
          ...auditUnavailableResponse,
        },
      },
      config: { audit: { action: 'view-case-file', target: recordingTarget } },
    },
    async (request) => {
      const principal = principalOf(request);
      const { id } = request.params;
      await requireRecording(db, id, scopeToCollections(principal));
      return presentCaseFile(id, await loadCaseFile(db, id), principal, config.attachmentMaxBytes);
    },
  );

  api.post(
    '/api/recordings/:id/case/steps',
    {
      // Files come as multipart/form-data: the request guard lets it through here, after its
      // Origin and Sec-Fetch-Site checks.
      config: {
        acceptsFormUpload: true,
        audit: {
          action: 'case-step',
          target: recordingTarget,
          details: (request) => stepDetails.get(request) ?? {},
        },
      },
      schema: {
        tags: ['verification'],
        summary:
          'Take a step of the case file (advance, evidence, propose/sign off verified, dispute, reject, reopen)',
        description:
          'The step names the status it expects the case to have (409 conflict when someone moved it first). ' +
          'A jump over a step, a missing reason or missing evidence is a 400 naming what is allowed; a sign-off ' +
          'by the user who proposed verified is a 403 (the two-person rule). Files are stored write-once by SHA-256, ' +
          "each with an 'attached' custody event of the call.",
        params: recordingIdParamsSchema,
        multipartBody: caseStepFormSchema,
        response: {
          201: caseStepResultSchema,
          400: errorResponseSchema,
          403: errorResponseSchema,
          404: errorResponseSchema,
          409: errorResponseSchema.describe(
            'The case is no longer at expectedStatus: reload and decide again',
          ),
          413: errorResponseSchema.describe('A file over EARSHOT_ATTACHMENT_MAX_BYTES'),
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { id } = request.params;
      const user = {
        id: principal.userId,
        name: principal.name,
        maySignOff: may(principal, 'sign_off_verification'),
      };
      let recording: Awaited<ReturnType<typeof requireRecording>> | undefined;
      let links: string[] = [];
      const received = await receiveCaseStep(request, {
        attachmentsDir: config.attachmentsDir,
        maxBytes: config.attachmentMaxBytes,
        // Checked before any file is read: a refused step stores nothing.
        beforeFiles: async (form, filesFollow) => {
          assertMay(principal, caseActionPermission(form.action));
          recording = await requireRecording(db, id, scopeToCollections(principal));
          links = checkLinks(form.links);
          await precheckCaseStep(db, { ...form, recordingId: id, links, user }, filesFollow);
        },
      });
      const { form, attachments } = received;
      try {
        const result = await recordCaseStep(db, config.attachmentsDir, {
          ...form,
          recordingId: id,
          collectionId: recording!.collection_id,
          recordingSha256: recording!.sha256,
          links,
          attachments,
          user,
        });
        stepDetails.set(request, {
          step: form.action,
          from: result.outcome.from,
          to: result.outcome.to,
          eventId: result.eventId,
          attachments: result.attachments.map((a) => ({
            id: a.id,
            sha256: a.sha256,
            sizeBytes: a.sizeBytes,
          })),
        });
        return reply.code(201).send({
          eventId: result.eventId,
          status: result.outcome.to,
          attachments: result.attachments.map((a) => ({
            id: a.id,
            fileName: a.fileName,
            sha256: a.sha256,
            sizeBytes: a.sizeBytes,
          })),
        });
      } finally {
        // Committed files were linked into the store; whatever is still staged is removed.
        discardAttachments(attachments);
      }
    },
  );

  // GET and HEAD declared together: Fastify's automatic HEAD route would reset Content-Length.
  api.route({
    method: ['GET', 'HEAD'],
    url: '/api/recordings/:id/case/attachments/:attachmentId',
    schema: {
      tags: ['verification'],
      summary: 'An evidence file of the case, byte for byte, as a download',
      description:
        'Served only once its bytes were seen to hash to the recorded SHA-256 (503 otherwise), as ' +
        'Content-Disposition: attachment with the name it was attached under, and nosniff.',
      params: caseAttachmentParamsSchema,
      response: {
        200: binaryResponse('The file', 'application/octet-stream', { attachment: true }),
        206: binaryResponse('The requested byte range', 'application/octet-stream', { attachment: true }),
        304: emptyResponse('Not modified (If-None-Match matched the ETag)'),
        400: errorResponseSchema,
        404: errorResponseSchema,
        416: errorResponseSchema,
        503: errorResponseSchema.describe('The stored file does not match its SHA-256: not served'),
      },
    },
    config: {
      audit: {
        action: 'download-attachment',
        target: recordingTarget,
        details: (request) => ({
          attachmentId: (request.params as { attachmentId: string }).attachmentId,
        }),
      },
    },
    handler: async (request, reply) => {
      const { id, attachmentId } = request.params;
      await requireRecording(db, id, scopeToCollections(principalOf(request)));
      const attachment = await findCaseAttachment(db, id, attachmentId);
      if (!attachment) throw notFound(`Call ${id} has no attachment ${attachmentId}`);
      reply.header('Content-Disposition', attachmentDisposition(attachment.file_name));
      await sendAudioFile(request, reply, {
        absolutePath: insideStore(config.attachmentsDir, attachment.store_path),
        contentType: servedMediaType(attachment.media_type),
        sha256: attachment.sha256,
        description: `attachment "${attachment.file_name}"`,
      });
      return reply;
    },
  });
}
