import { z } from 'zod';
import { DEFAULT_PHONE_REGION, normalisePhoneNumber } from '../../ingest/metadata/phone-number.ts';
import { isoDateTime, nullableIsoDateTime } from './common.ts';
import { oneLineText } from './transcripts.ts';

/**
 * A phone number as a user writes it, normalised to E.164 by the one normaliser ingest uses
 * (national numbers read as Russian, ingest's default region); anything else is a 400 naming it.
 */
const phoneNumber = z
  .string()
  .max(40, 'a phone number is at most 40 characters')
  .transform((value, ctx) => {
    const result = normalisePhoneNumber(value, DEFAULT_PHONE_REGION);
    if (result.e164 !== null) return result.e164;
    ctx.addIssue({ code: 'custom', message: result.problem });
    return z.NEVER;
  });

export const numberParamsSchema = z.object({
  number: phoneNumber.describe(
    'Phone number: E.164 (+380501734482) or as written in call records (8 916 123-45-67 is read as Russian)',
  ),
});

const confidenceSchema = z
  .enum(['low', 'medium', 'high'])
  .describe(
    'How sure the attribution is: low (a single unconfirmed lead), medium (one independent source confirms it), ' +
      'high (two or more independent sources agree); see docs/phone-numbers.md',
  );

export const numberNoteSchema = z
  .object({
    id: z.string().describe('Entry id; entries are numbered in the order they were written'),
    collection: z
      .object({ id: z.string(), name: z.string() })
      .describe('The collection the entry belongs to'),
    number: z.string().describe('The number (E.164)'),
    kind: z.enum(['note', 'attribution']).describe('A note, or an attribution of the subscriber'),
    text: z.string().describe('The note, or what the attribution rests on'),
    subscriber: z.string().nullable().describe('Attributions: who the subscriber is believed to be'),
    source: z.string().nullable().describe('Attributions: where that comes from'),
    confidence: confidenceSchema.nullable(),
    supersedes: z.string().nullable().describe('The entry this one corrects'),
    supersededBy: z.string().nullable().describe('The entry that corrects this one (null: current)'),
    author: z.string().describe('Who wrote it'),
    createdAt: isoDateTime.describe('When it was written'),
  })
  .describe('A note or attribution on a number (entries are never changed or removed)');

export const numberNoteBodySchema = z
  .strictObject({
    collectionId: z.guid().describe('The collection the entry belongs to (everyone who may read it sees it)'),
    kind: z.enum(['note', 'attribution']),
    text: z
      .string()
      .trim()
      .min(1, 'the note is empty')
      .max(10_000)
      .describe('The note, or what the attribution rests on'),
    subscriber: oneLineText
      .trim()
      .min(1, 'the subscriber is empty')
      .max(500)
      .optional()
      .describe('Attributions: who the subscriber is believed to be'),
    source: oneLineText
      .trim()
      .min(1, 'the source is empty')
      .max(1000)
      .optional()
      .describe('Attributions: the source'),
    confidence: confidenceSchema.optional(),
    supersedes: z
      .string()
      .regex(/^\d{1,18}$/, 'expected an entry id (digits)')
      .optional()
      .describe('The entry this one corrects (same collection and number)'),
  })
  .superRefine((body, ctx) => {
    const given = (['subscriber', 'source', 'confidence'] as const).filter((k) => body[k] !== undefined);
    if (body.kind === 'attribution')
      for (const key of ['subscriber', 'source', 'confidence'] as const)
        if (body[key] === undefined)
          ctx.addIssue({ code: 'custom', path: [key], message: `an attribution needs a ${key}` });
    if (body.kind === 'note')
      for (const key of given)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `a note has no ${key}: send kind "attribution"`,
        });
  })
  .describe('A new note or attribution on a number');

const callSchema = z.object({
  id: z.string().describe('Recording id'),
  collection: z.object({ id: z.string(), name: z.string() }),
  startedAt: nullableIsoDateTime.describe('When the call started (call records), null when unknown'),
  direction: z
    .enum(['outgoing', 'incoming', 'self'])
    .describe('outgoing: the number called; incoming: it was called; self: it is on both sides'),
  counterpart: z.string().nullable().describe('The other side (E.164), null when unknown'),
  counterpartRaw: z.string().nullable().describe('The other side as the call records wrote it'),
  durationSeconds: z.number().nullable(),
  cellId: z.string().nullable().describe('Cell id from the call records'),
  locationText: z.string().nullable().describe('Location from the call records'),
  originalFilename: z.string(),
});

const seen = { firstSeen: nullableIsoDateTime, lastSeen: nullableIsoDateTime };

export const numberPageSchema = z
  .object({
    number: z.string().describe('The number (E.164)'),
    totalCalls: z.number().int().describe('Calls with the number on either side, in your collections'),
    firstSeen: nullableIsoDateTime.describe('Start of its earliest dated call'),
    lastSeen: nullableIsoDateTime.describe('Start of its latest dated call'),
    calls: z.array(callSchema).describe('Its calls, oldest first (at most 500; undated last)'),
    counterparts: z
      .array(
        z.object({
          number: z.string(),
          calls: z.number().int(),
          outgoing: z.number().int().describe('Calls from this number to the counterpart'),
          incoming: z.number().int().describe('Calls from the counterpart to this number'),
          ...seen,
        }),
      )
      .describe('Numbers on the other side of its calls, most calls first'),
    graph: z
      .object({
        nodes: z.array(
          z.object({
            number: z.string(),
            hop: z
              .number()
              .int()
              .describe('0: this number; 1: a counterpart; 2: a counterpart of a counterpart'),
            calls: z.number().int(),
          }),
        ),
        edges: z.array(z.object({ caller: z.string(), callee: z.string(), calls: z.number().int() })),
      })
      .describe('The call graph two hops around the number (at most 20 counterparts and 40 further numbers)'),
    cells: z
      .array(
        z.object({
          cellId: z.string().nullable(),
          locationText: z.string().nullable(),
          calls: z.number().int(),
          ...seen,
        }),
      )
      .describe('Cell ids and locations the call records give for its calls'),
    places: z
      .array(
        z.object({
          placeId: z.string(),
          nameEn: z.string(),
          nameRu: z.string().nullable(),
          country: z.string().nullable(),
          lat: z.number().nullable(),
          lon: z.number().nullable(),
          mentions: z.number().int(),
          calls: z.number().int(),
        }),
      )
      .describe('Places the current analysis found in its calls (machine)'),
    persons: z
      .array(z.object({ name: z.string(), mentions: z.number().int(), calls: z.number().int() }))
      .describe('People the current analysis found in its calls (machine)'),
    spoken: z
      .array(
        z.object({
          recordingId: z.string(),
          collectionName: z.string(),
          startedAt: nullableIsoDateTime,
          callerNumber: z.string().nullable(),
          calleeNumber: z.string().nullable(),
          segmentId: z.string(),
          surface: z.string().describe('The words that were read as this number'),
          confidence: z.number(),
        }),
      )
      .describe('Calls in whose transcript the number is spoken (current analysis, machine)'),
    notes: z.array(numberNoteSchema).describe('Notes and attributions in your collections, oldest first'),
  })
  .describe('Everything known of a phone number in your collections');

export type NumberPageResponse = z.infer<typeof numberPageSchema>;
export type NumberNoteResponse = z.infer<typeof numberNoteSchema>;
