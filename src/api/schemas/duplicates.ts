import { z } from 'zod';
import { isoDateTime, recordingIdParamsSchema } from './common.ts';

const channelSchema = z
  .string()
  .describe("A channel's index ('0', '1', …) or 'mix', the mono mix of all channels");

export const duplicateLeadSchema = z
  .object({
    id: z.string().describe('Lead id'),
    other: z
      .object({
        recordingId: z.string().describe('The other call (UUID)'),
        originalFilename: z.string().describe('Its file name as received'),
        callStartedAt: isoDateTime.nullable().describe('When it was placed, from its metadata'),
        collection: z.string().describe('Its collection'),
      })
      .describe('The call this one sounds like'),
    channelOfThis: channelSchema,
    channelOfOther: channelSchema,
    overlapSeconds: z.number().describe('Seconds of audio the two share at the offset'),
    offsetSeconds: z
      .number()
      .describe("Where the other call's start lies in this one, seconds (negative: it starts earlier)"),
    score: z.number().describe('Chromaprint similarity, 1 − 2 × bit-error rate (0 unrelated, 1 identical)'),
    status: z
      .enum(['proposed', 'confirmed', 'rejected'])
      .describe('proposed: machine output nobody has decided yet'),
    decidedBy: z.string().nullable().describe('Who confirmed or rejected it'),
    decidedAt: isoDateTime.nullable(),
    reason: z.string().nullable().describe('Why, in their words'),
    foundAt: isoDateTime.describe('When the fingerprint stage found it'),
  })
  .describe('A machine lead that two calls are the same call (re-encoded, trimmed or mixed); never merged');

export const duplicateLeadsResponseSchema = z
  .object({
    leads: z.array(duplicateLeadSchema).describe('Best score first'),
    mayDecide: z.boolean().describe('Whether you may confirm or reject them (your role)'),
  })
  .describe("A call's duplicate leads to calls in your collections");

export const duplicateLeadParamsSchema = recordingIdParamsSchema.extend({
  leadId: z
    .string()
    .regex(/^\d{1,18}$/, 'expected a lead id (digits)')
    .describe('Lead id'),
});

export const duplicateDecisionBodySchema = z
  .strictObject({
    decision: z.enum(['confirmed', 'rejected']).describe('Same call (confirmed) or not (rejected)'),
    reason: z.string().trim().min(1, 'say why').max(2000).describe('Why, for whoever reads the lead later'),
  })
  .describe('A decision on a duplicate lead');
