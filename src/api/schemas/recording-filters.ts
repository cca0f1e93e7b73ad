import { z } from 'zod';
import type { CollectionScope } from '../../accounts/collection-scope.ts';
import { CATEGORIES } from '../../analysis/types.ts';
import type { CallScope, RecordingListFilters, RecordingListQuery } from '../queries/recordings-list.ts';
import { DEFAULT_PHONE_REGION, normalisePhoneNumber } from '../../ingest/metadata/phone-number.ts';
import { verificationStatusSchema } from './case-file.ts';
import { stageStatusSchema } from './common.ts';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const PHONE_SEPARATORS = /[\s\-().]/g;

/** A date (YYYY-MM-DD, taken as UTC) or an ISO 8601 date-time with Z or an offset. */
const dateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'expected a date (2022-03-14) or an ISO 8601 date-time (2022-03-14T15:30:00Z)',
});

// Russian numbers are written with the trunk prefix 8 (8 916 …) for +7 (DEFAULT_PHONE_REGION).
const NATIONAL_TRUNK = { prefix: '8', international: '+7' } as const;

/**
 * A phone filter: a whole number in any format libphonenumber reads (+7 916 123-45-67,
 * 8 916 123-45-67, 79161234567) matches caller or callee exactly; the start of an international
 * number (+7916) matches numbers that begin so; other digits (at least three) match anywhere in
 * the number, and a national start (8916) also matches as the international one (+7916).
 */
export type PhoneFilter = { exact: string } | { digits?: string; prefix?: string };

const phoneFilter = z
  .string()
  .max(40)
  .transform((value, ctx): PhoneFilter => {
    const compact = value.replace(PHONE_SEPARATORS, '');
    const whole = /^\+?\d+$/.test(compact) ? normalisePhoneNumber(compact, DEFAULT_PHONE_REGION) : null;
    if (whole?.e164) return { exact: whole.e164 };
    if (/^\+[1-9]\d{0,14}$/.test(compact)) return { prefix: compact };
    if (/^\d{3,15}$/.test(compact)) {
      const national = compact.startsWith(NATIONAL_TRUNK.prefix);
      return {
        digits: compact,
        ...(national ? { prefix: NATIONAL_TRUNK.international + compact.slice(1) } : {}),
      };
    }
    ctx.addIssue({
      code: 'custom',
      message:
        'expected a phone number (E.164 +79161234567, or 8 916 123-45-67), the start of one (+7916) or at least 3 of its digits (916123)',
    });
    return z.NEVER;
  });

/** A full E.164 number; separators are ignored. */
const e164 = z
  .string()
  .max(40)
  .transform((value) => value.replace(PHONE_SEPARATORS, ''))
  .pipe(z.string().regex(/^\+[1-9]\d{5,14}$/, 'expected an E.164 number such as +79161234567'));

/**
 * Which calls a view covers: collection and call-time range. The recordings list and every trend
 * chart take the same parameters, so any chart point opens as the list of calls behind it.
 */
export const callScopeFields = {
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
};

/** The trend charts' switch: count only calls whose case file is signed off as verified. */
export const verifiedOnlyField = {
  verifiedOnly: z
    .enum(['true', 'false'], { error: 'expected true or false' })
    .transform((v) => v === 'true')
    .optional()
    .describe('true: count only verified calls (open a point with /api/recordings?verification=verified)'),
};

export type CallScopeInput = {
  collectionId?: string;
  collection?: string;
  from?: string;
  to?: string;
  verifiedOnly?: boolean;
};

/** Checks that combine scope fields (one collection selector, from before to). */
export function checkCallScope(q: CallScopeInput, ctx: z.RefinementCtx): void {
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
}

/** Query parameters of the trend charts: the call scope only. */
export const callScopeQuerySchema = z
  .strictObject({ ...callScopeFields, ...verifiedOnlyField })
  .superRefine(checkCallScope);

/** "true"/"false" in a query string (z.coerce.boolean would read "false" as true). */
const queryBoolean = z
  .enum(['true', 'false'], { error: 'expected true or false' })
  .transform((v) => v === 'true');

export const recordingListQuerySchema = z
  .strictObject({
    ...callScopeFields,
    undated: queryBoolean
      .optional()
      .describe(
        'true: only calls with no known start time (the trend charts count them apart); false: only calls with one',
      ),
    phone: phoneFilter
      .optional()
      .describe(
        'Caller or callee number: a whole number in any format matches exactly (+79161234567, 8 916 123-45-67); the start of an international number matches numbers that begin so (+7916); otherwise at least 3 digits match anywhere in the number',
      ),
    caller: e164
      .optional()
      .describe('Only calls from this number (E.164, exact); with callee, one edge of the call graph'),
    callee: e164.optional().describe('Only calls to this number (E.164, exact)'),
    stage: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{0,63}$/, 'expected a stage name such as "decode"')
      .optional()
      .describe('Only recordings with a run of this pipeline stage (combine with status)'),
    status: stageStatusSchema
      .optional()
      .describe('Only recordings whose stage (or, without stage, any stage) has this status'),
    verification: verificationStatusSchema
      .optional()
      .describe('Only calls whose case file is at this verification status (no case file: unverified)'),
    metadataOrigin: z
      .enum(['sidecar', 'filename', 'none'])
      .optional()
      .describe('Where the call metadata came from: sidecar file, file name, or none'),
    category: z
      .enum(CATEGORIES, { error: `expected one of: ${CATEGORIES.join(', ')}` })
      .optional()
      .describe('Only calls whose current analysis has a confident match in this lexicon category'),
    place: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe(
        'Only calls whose current analysis mentions this place: a gazetteer (GeoNames) id, or its name in Russian, Ukrainian or English, in any usual romanisation (Бахмут, Bakhmut; Kharkiv, Kharkov)',
      ),
    person: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe(
        'Only calls whose current analysis names this person: each word of the name (any case) in either script («Соколов», Sokolov)',
      ),
    tag: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .optional()
      .describe('Only calls with this tag, on the call or one of its segments (any case)'),
    starred: queryBoolean
      .optional()
      .describe(
        "true: only calls you starred (the call or one of its segments); false: only calls you have not. Your stars only: nobody else's",
      ),
    minTriage: z.coerce
      .number({ error: 'expected a number from 0 to 100' })
      .min(0)
      .max(100)
      .optional()
      .describe('Only calls whose current analysis has at least this triage score (0 to 100)'),
    sort: z
      .enum(['call_started_at', 'created_at', 'triage'])
      .default('call_started_at')
      .describe(
        'Sort by call start time, by when Earshot stored the recording, or by triage score (calls to hear first); missing call times and unanalysed calls sort last',
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
  .superRefine(checkListFilters);

export type RecordingListQueryInput = z.output<typeof recordingListQuerySchema>;

/** The list's filter parameters, which search takes too (see schemas/search.ts). */
export type ListFilterInput = Pick<
  RecordingListQueryInput,
  | 'collectionId'
  | 'collection'
  | 'from'
  | 'to'
  | 'undated'
  | 'phone'
  | 'caller'
  | 'callee'
  | 'stage'
  | 'status'
  | 'verification'
  | 'metadataOrigin'
  | 'category'
  | 'place'
  | 'tag'
  | 'starred'
  | 'person'
  | 'minTriage'
>;

/** Checks between filter parameters: the call scope's, and undated against a date range. */
export function checkListFilters(q: ListFilterInput, ctx: z.RefinementCtx): void {
  checkCallScope(q, ctx);
  if (q.undated === true && (q.from || q.to)) {
    ctx.addIssue({
      code: 'custom',
      path: ['undated'],
      message: 'undated calls have no time to match from/to',
    });
  }
}

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

/** From validated scope parameters to the query module's filters. */
export function toCallScope(q: CallScopeInput): CallScope {
  return {
    collectionId: q.collectionId,
    collectionName: q.collection,
    callFrom: q.from ? rangeStart(q.from) : undefined,
    callBefore: q.to ? rangeEndExclusive(q.to) : undefined,
    verification: q.verifiedOnly ? 'verified' : undefined,
  };
}

/**
 * From validated filter parameters to the query module's filters, the place as given (an id or a
 * name; the list resolves it first, search matches it as it is). The starred filter is of the
 * viewer's own stars (the signed-in user).
 */
export function toRecordingListFilters(q: ListFilterInput, viewer: { userId: string }): RecordingListFilters {
  return {
    ...toCallScope(q),
    undated: q.undated,
    phoneExact: q.phone && 'exact' in q.phone ? q.phone.exact : undefined,
    phoneDigits: q.phone && 'digits' in q.phone ? q.phone.digits : undefined,
    phonePrefix: q.phone && 'prefix' in q.phone ? q.phone.prefix : undefined,
    caller: q.caller,
    callee: q.callee,
    stage: q.stage,
    tag: q.tag,
    starredBy: q.starred === undefined ? undefined : { userId: viewer.userId, starred: q.starred },
    status: q.status,
    verification: q.verification,
    metadataOrigin: q.metadataOrigin,
    category: q.category,
    place: q.place,
    person: q.person,
    minTriage: q.minTriage,
  };
}

/**
 * From validated query parameters to the query module's filters. The place parameter (an id or
 * a name) arrives already resolved to gazetteer ids (queries/recordings-list.ts resolvePlaceFilter).
 */
export function toRecordingListQuery(
  q: RecordingListQueryInput,
  placeIds: string[] | undefined,
  viewer: { userId: string; scope: CollectionScope },
): RecordingListQuery {
  return {
    // The place is matched through its resolved ids only.
    filters: { ...toRecordingListFilters(q, viewer), place: undefined, placeIds, ...viewer.scope },
    sort: q.sort,
    order: q.order,
    limit: q.limit,
    offset: q.offset,
  };
}
