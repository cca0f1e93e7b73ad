import { z } from 'zod';
import { MAX_QUERY_LENGTH } from '../../search/query-parser.ts';
import { collectionRefSchema, nullableIsoDateTime } from './common.ts';
import { callScopeFields, checkListFilters, recordingListQuerySchema } from './recording-filters.ts';

const listFields = recordingListQuerySchema.shape;

export const searchQuerySchema = z
  .strictObject({
    // Length and syntax are checked by the query parser, which names the problem.
    q: z
      .string()
      .max(MAX_QUERY_LENGTH * 4)
      .describe(
        'Words to find. A word matches any of its forms (Russian or English stems) and its exact form; ' +
          '"quoted words" match exactly these forms in this order; -word leaves out segments that have it; ' +
          'a OR b matches either. A number matches however it is written: 200, «двести», «двухсотых», 200-х, "two hundred" ' +
          `(so "груз 200" finds «грузом двести»). At most ${MAX_QUERY_LENGTH} characters.`,
      ),
    lang: z
      .enum(['ru', 'en', 'all'])
      .default('all')
      .describe('ru: the transcripts only; en: the English translations only; all: both'),
    translit: z
      .enum(['true', 'false'], { error: 'expected true or false' })
      .default('false')
      .transform((v) => v === 'true')
      .describe(
        'true: also search each word in the other script («Путин» finds Putin, putin finds «Путин»), and a place under all its names and romanisations (Kharkiv, Kharkov, Charkiw find «Харьков», «Харьковом»)',
      ),
    // The calls list's filters, so that a search covers the same calls as the list.
    ...callScopeFields,
    undated: listFields.undated,
    phone: listFields.phone,
    caller: listFields.caller,
    callee: listFields.callee,
    stage: listFields.stage,
    status: listFields.status,
    verification: listFields.verification,
    metadataOrigin: listFields.metadataOrigin,
    category: listFields.category,
    place: listFields.place,
    person: listFields.person,
    minTriage: listFields.minTriage,
    tag: listFields.tag,
    starred: listFields.starred,
    limit: z.coerce.number().int().min(1).max(100).default(20).describe('Hits per page, 1 to 100'),
    offset: z.coerce
      .number()
      .int()
      .min(0)
      .max(10_000)
      .default(0)
      .describe('How many hits to skip (hits are ranked among the first candidates; see totalIsLowerBound)'),
  })
  .superRefine(checkListFilters);

export type SearchQueryInput = z.output<typeof searchQuerySchema>;

export const snippetPartSchema = z
  .object({
    text: z.string().describe('A piece of the segment text (or its translation)'),
    match: z.boolean().describe('Whether this piece is what the query found'),
  })
  .describe('Part of a keyword-in-context snippet');

export const searchHitSchema = z
  .object({
    recordingId: z.string().describe('Recording id (UUID)'),
    segmentId: z.string().describe('Transcript segment id (open the call at this segment)'),
    transcriptVersion: z
      .number()
      .int()
      .describe('Transcript version the segment belongs to (the current one)'),
    start: z.number().describe('Segment start, seconds from the start of the recording'),
    end: z.number().describe('Segment end, seconds from the start of the recording'),
    lane: z.string().describe('Speaker lane of the segment (e.g. "channel-0")'),
    speaker: z.string().nullable().describe('Speaker name or label, when known'),
    source: z
      .enum(['transcript', 'translation'])
      .describe('Where the words were found: the transcript, or its machine translation into English'),
    rank: z.number().describe('ts_rank relevance (higher is better; exact word forms weigh more than stems)'),
    snippet: z
      .array(snippetPartSchema)
      .describe('Keyword in context: the text around the match, matches marked'),
    recording: z
      .object({
        callStartedAt: nullableIsoDateTime.describe('When the call started (UTC)'),
        callerNumber: z.string().nullable().describe('Caller number (E.164)'),
        calleeNumber: z.string().nullable().describe('Callee number (E.164)'),
        collection: collectionRefSchema,
      })
      .describe('The call the segment belongs to'),
  })
  .describe('One matching segment');

export const searchResponseSchema = z
  .object({
    total: z.number().int().describe('How many segments match (a lower bound when totalIsLowerBound)'),
    totalIsLowerBound: z
      .boolean()
      .describe('True when the query matches more segments than are ranked; narrow it or add filters'),
    hits: z.array(searchHitSchema).describe('This page of hits, best first'),
  })
  .describe('Search results over transcripts and translations');

export type SearchHitResponse = z.infer<typeof searchHitSchema>;
