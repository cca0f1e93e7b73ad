import { z } from 'zod';
import { MAX_QUERY_LENGTH } from '../../search/query-parser.ts';
import { MAX_BATCH_TERMS } from '../queries/batch-search.ts';
import { nullableIsoDateTime } from './common.ts';
import { callScopeFields, checkCallScope } from './recording-filters.ts';

export const batchSearchBodySchema = z
  .strictObject({
    terms: z
      .array(z.string().trim().max(MAX_QUERY_LENGTH))
      .transform((terms) => [...new Set(terms.filter((t) => t !== ''))])
      .pipe(
        z
          .array(z.string())
          .min(1, 'the list is empty: one name or number a line')
          .max(MAX_BATCH_TERMS, `at most ${MAX_BATCH_TERMS} names or numbers at once`),
      )
      .describe(
        `Names or numbers, one search each (${MAX_BATCH_TERMS} at most; empty lines and repeats are left out). ` +
          'Each is a query of the search box: "quoted words" are a phrase.',
      ),
    lang: z.enum(['ru', 'en', 'all']).default('all').describe('ru: transcripts; en: translations; all: both'),
    translit: z.boolean().default(false).describe('Also search each word in the other script'),
    collectionId: callScopeFields.collectionId,
    collection: callScopeFields.collection,
    from: callScopeFields.from,
    to: callScopeFields.to,
  })
  .superRefine(checkCallScope)
  .describe('A batch search');

export const batchCallSchema = z
  .object({
    recordingId: z.string().describe('Recording id (UUID)'),
    callStartedAt: nullableIsoDateTime,
    callerNumber: z.string().nullable(),
    calleeNumber: z.string().nullable(),
    collection: z.string().describe('Collection name'),
    hits: z
      .number()
      .int()
      .describe('Segments of this call among the hits read (0: found by its number only)'),
    party: z.boolean().describe('The number searched is the caller or callee of this call'),
  })
  .describe('A call in which a term was found');

export const batchSearchResponseSchema = z
  .object({
    results: z
      .array(
        z
          .object({
            term: z.string(),
            hits: z.number().int().describe('Segments that say it (a lower bound when totalIsLowerBound)'),
            totalIsLowerBound: z.boolean(),
            callsAsParty: z
              .number()
              .int()
              .nullable()
              .describe('Calls from or to the number (null: the term is no phone number)'),
            calls: z.array(batchCallSchema).describe('Calls with the most hits first (at most 20)'),
            error: z
              .string()
              .nullable()
              .describe('Why the term was not searched (the search refused the query)'),
          })
          .describe('One term of the batch'),
      )
      .describe('One result per term, in the order given'),
  })
  .describe('Batch search results');
