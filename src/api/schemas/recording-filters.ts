import { z } from 'zod';
import type { RecordingListQuery } from '../queries/recordings-list.ts';
import { stageStatusSchema } from './common.ts';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const PHONE_SEPARATORS = /[\s\-().]/g;

/** A date (YYYY-MM-DD, taken as UTC) or an ISO 8601 date-time with Z or an offset. */
const dateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'expected a date (2022-03-14) or an ISO 8601 date-time (2022-03-14T15:30:00Z)',
});

/**
 * A phone filter is either a full E.164 number (exact match on caller or callee) or at least three
 * digits that must appear in one of them. Spaces, dashes, dots and parentheses are ignored.
 */
const phoneFilter = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const compact = value.replace(PHONE_SEPARATORS, '');
    if (/^\+[1-9]\d{5,14}$/.test(compact)) return { exact: compact };
    if (/^\d{3,15}$/.test(compact)) return { digits: compact };
    ctx.addIssue({
      code: 'custom',
      message: 'expected an E.164 number (+79161234567) or at least 3 digits of one (916123)',
    });
    return z.NEVER;
  });

export const recordingListQuerySchema = z
  .strictObject({
    collectionId: z.guid().optional().describe('Only recordings in this collection (UUID)'),
    collection: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Only recordings in the collection with this name'),
    from: dateOrDateTime
      .optional()
      .describe('Only calls that started at or after this time; a bare date means its start (UTC)'),
    to: dateOrDateTime
      .optional()
      .describe('Only calls that started at or before this time; a bare date includes that whole day (UTC)'),
    phone: phoneFilter
      .optional()
      .describe(
        'Caller or callee number: a full E.164 number matches exactly (+79161234567); otherwise at least 3 digits match anywhere in the number',
      ),
    stage: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{0,63}$/, 'expected a stage name such as "decode"')
      .optional()
      .describe('Only recordings with a run of this pipeline stage (combine with status)'),
    status: stageStatusSchema
      .optional()
      .describe('Only recordings whose stage (or, without stage, any stage) has this status'),
    metadataOrigin: z
      .enum(['sidecar', 'filename', 'none'])
      .optional()
      .describe('Where the call metadata came from: sidecar file, file name, or none'),
    sort: z
      .enum(['call_started_at', 'created_at'])
      .default('call_started_at')
      .describe(
        'Sort by call start time or by when Earshot stored the recording; missing call times sort last',
      ),
    order: z.enum(['asc', 'desc']).default('desc').describe('Sort direction'),
    limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size, 1 to 200'),
    offset: z.coerce
      .number()
      .int()
      .min(0)
      .max(10_000_000)
      .default(0)
      .describe('How many matching recordings to skip'),
  })
  .superRefine((q, ctx) => {
    if (q.collectionId && q.collection) {
      ctx.addIssue({
        code: 'custom',
        path: ['collection'],
        message: 'give collectionId or collection, not both',
      });
    }
    if (q.from && q.to && rangeStart(q.from) >= rangeEndExclusive(q.to)) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'from is later than to' });
    }
  });

export type RecordingListQueryInput = z.output<typeof recordingListQuerySchema>;

function rangeStart(value: string): Date {
  return new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
}

function rangeEndExclusive(value: string): Date {
  if (DATE_ONLY.test(value)) {
    const day = new Date(`${value}T00:00:00Z`);
    return new Date(day.getTime() + 24 * 60 * 60 * 1000);
  }
  return new Date(new Date(value).getTime() + 1);
}

/** From validated query parameters to the query module's filters. */
export function toRecordingListQuery(q: RecordingListQueryInput): RecordingListQuery {
  return {
    filters: {
      collectionId: q.collectionId,
      collectionName: q.collection,
      callFrom: q.from ? rangeStart(q.from) : undefined,
      callBefore: q.to ? rangeEndExclusive(q.to) : undefined,
      phoneExact: q.phone && 'exact' in q.phone ? q.phone.exact : undefined,
      phoneDigits: q.phone && 'digits' in q.phone ? q.phone.digits : undefined,
      stage: q.stage,
      status: q.status,
      metadataOrigin: q.metadataOrigin,
    },
    sort: q.sort,
    order: q.order,
    limit: q.limit,
    offset: q.offset,
  };
}
