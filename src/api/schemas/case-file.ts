import { z } from 'zod';
import { VERIFICATION_STATUSES } from '../../db/schema.ts';
import { CASE_ACTIONS } from '../../verification/workflow.ts';
import { filePart } from '../openapi.ts';
import { isoDateTime, nullableIsoDateTime } from './common.ts';

export const verificationStatusSchema = z
  .enum(VERIFICATION_STATUSES, { error: `expected one of: ${VERIFICATION_STATUSES.join(', ')}` })
  .describe(
    'Verification status: unverified → number_attributed → identity_corroborated → context_confirmed → verified; or disputed / rejected',
  );

const caseActionSchema = z
  .enum(CASE_ACTIONS, { error: `expected one of: ${CASE_ACTIONS.join(', ')}` })
  .describe(
    'evidence: add a note, links or files without moving the case; advance: to the next step; propose_verified / sign_off / withdraw_proposal: the two-person verified step; dispute / reject (reason required); reopen (reason required)',
  );

export const caseAttachmentSchema = z
  .object({
    id: z.string().describe('Attachment id; download it from …/case/attachments/{attachmentId}'),
    eventId: z.string().describe('The step it is evidence of'),
    fileName: z.string().describe('The name it was attached under (made printable)'),
    mediaType: z.string().describe('Media type as the browser declared it'),
    sizeBytes: z.number().int().describe('Size in bytes'),
    sha256: z.string().describe('SHA-256 of its bytes; the store names it by this'),
    createdAt: isoDateTime.describe('When it was attached'),
  })
  .describe('An evidence file, stored write-once by SHA-256');

export const caseEventSchema = z
  .object({
    id: z.string().describe('Event id, in the order the steps were taken'),
    kind: caseActionSchema,
    fromStatus: verificationStatusSchema,
    toStatus: verificationStatusSchema,
    step: verificationStatusSchema.describe('The step the evidence supports'),
    reason: z.string().nullable().describe('Why (dispute, reject, reopen)'),
    note: z.string().nullable().describe('What was found'),
    links: z.array(z.string()).describe('Sources (http/https)'),
    actor: z.string().describe('Who took the step'),
    userId: z.string().describe('Their user id'),
    createdAt: isoDateTime.describe('When'),
    attachments: z.array(caseAttachmentSchema).describe('Files attached with this step'),
  })
  .describe('One step of the case file (steps are never changed or removed)');

export const caseFileSchema = z
  .object({
    recordingId: z.string().describe('Recording id (UUID)'),
    status: verificationStatusSchema,
    proposal: z
      .object({
        proposedBy: z.string().describe('Who proposed verified'),
        proposedByUserId: z.string().describe('Their user id'),
        proposedAt: isoDateTime,
        byYou: z
          .boolean()
          .describe('Whether the signed-in user proposed it (then someone else must sign it off)'),
      })
      .nullable()
      .describe('A pending proposal of verified, waiting for a second person to sign it off'),
    heldStatus: verificationStatusSchema
      .nullable()
      .describe('For a disputed or rejected case: the step reopening returns to'),
    updatedAt: nullableIsoDateTime.describe('Last step (null: no step yet)'),
    allowedActions: z
      .array(caseActionSchema)
      .describe('What the signed-in user may do now (advance, propose… need evidence; dispute… a reason)'),
    nextStep: verificationStatusSchema.nullable().describe('Where advancing leads from here (null: nowhere)'),
    events: z.array(caseEventSchema).describe('Every step, oldest first'),
    maxAttachmentBytes: z
      .number()
      .int()
      .describe('Largest file one step takes (EARSHOT_ATTACHMENT_MAX_BYTES)'),
  })
  .describe("A call's verification case file");

const MAX_FIELD = 20_000;

/**
 * The fields of a step, sent as multipart/form-data (fields first, then the files), and checked
 * as one object once the fields have arrived: repeated `links` fields are a list.
 */
export const caseStepFormSchema = z
  .strictObject({
    action: caseActionSchema,
    expectedStatus: verificationStatusSchema.describe(
      'The status the case had when you looked at it; 409 conflict when it has changed since',
    ),
    to: verificationStatusSchema
      .optional()
      .describe('For advance: the status asked for (a jump over a step is refused, naming the next one)'),
    note: z.string().max(MAX_FIELD).optional().describe('What was found, how (evidence)'),
    reason: z.string().max(10_000).optional().describe('Why: required to dispute, reject or reopen'),
    links: z
      .array(z.string().max(2000))
      .max(50)
      .default([])
      .describe('Sources: http or https URLs, one field each'),
    files: z
      .array(filePart('An evidence file (document, screenshot, interview audio)'))
      .optional()
      .describe('Evidence files, after the other fields'),
  })
  .describe('multipart/form-data, streamed: the step fields first, then the files');

export const caseStepResultSchema = z
  .object({
    eventId: z.string().describe('The recorded step'),
    status: verificationStatusSchema.describe('The case status after the step'),
    attachments: z.array(
      caseAttachmentSchema.pick({ id: true, fileName: true, sha256: true, sizeBytes: true }),
    ),
  })
  .describe('The step as recorded');

export const caseAttachmentParamsSchema = z.object({
  id: z.guid().describe('Recording id (UUID)'),
  attachmentId: z.string().regex(/^\d{1,18}$/, 'expected an attachment id (digits)'),
});

export type CaseFileResponse = z.infer<typeof caseFileSchema>;
export type CaseStepForm = z.output<typeof caseStepFormSchema>;
