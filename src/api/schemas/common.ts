import { z } from 'zod';

/** Body of every 4xx/5xx answer: a machine-readable code and a sentence for people. */
export const errorResponseSchema = z
  .object({
    error: z
      .enum([
        'bad_request',
        'not_signed_in',
        'sign_in_failed',
        'forbidden',
        'not_found',
        'conflict',
        'range_not_satisfiable',
        'undecodable_media',
        'leak_found',
        'payload_too_large',
        'unsupported_media_type',
        'cross_site_refused',
        'host_not_allowed',
        'too_many_attempts',
        'unavailable',
        'internal_error',
      ])
      .describe(
        'Machine-readable error code (not_signed_in: no valid session, sign in first; ' +
          'sign_in_failed: wrong name or password; forbidden: your role may not do this, or the CSRF header is missing or wrong; ' +
          'too_many_attempts: sign-in throttled, see Retry-After; not_found: no such thing, or not in your collections; conflict: someone else changed it first; reload; ' +
          'undecodable_media: a stored audio file could not be decoded; ' +
          'leak_found: the leak check found protected forms in an export, which was not kept (issues lists each hit); ' +
          'payload_too_large: a body or upload over a stated limit; ' +
          'unsupported_media_type: a body type this route does not take; ' +
          'cross_site_refused: a change sent by a page of another site; ' +
          'host_not_allowed: a Host header this server does not answer to)',
      ),
    message: z.string().describe('What went wrong, in words'),
    issues: z
      .array(
        z.object({
          path: z.string().describe('Where the problem is, e.g. "querystring.limit" or "params.id"'),
          message: z.string().describe('What is wrong with that value'),
        }),
      )
      .optional()
      .describe('One entry per invalid value (bad_request), or per hit of the leak check (leak_found)'),
  })
  .describe('Error');
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** Ids are UUIDs; anything else is a 400, not a database error. */
export const recordingIdParamsSchema = z.object({
  id: z.guid().describe('Recording id (UUID)'),
});

export const isoDateTime = z.string().describe('ISO 8601 date-time (UTC, e.g. 2022-03-14T15:30:12.000Z)');
export const nullableIsoDateTime = isoDateTime.nullable();

export const collectionRefSchema = z
  .object({
    id: z.string().describe('Collection id (UUID)'),
    name: z.string().describe('Collection name'),
  })
  .describe('The collection a recording belongs to');

export const stageStatusSchema = z
  .enum(['pending', 'running', 'done', 'failed', 'waiting'])
  .describe(
    'pending: waiting to run; running: a worker holds it; done; failed: see error; ' +
      'waiting: its model is not installed (waitingForModel names it); it runs once the model is installed',
  );

export const stageRunSchema = z
  .object({
    stage: z.string().describe('Pipeline stage name, e.g. "decode"'),
    status: stageStatusSchema,
    attempts: z.number().int().describe('How many times the stage has been tried'),
    error: z.string().nullable().describe('Why the last attempt failed (null unless failed)'),
    waitingForModel: z
      .string()
      .nullable()
      .describe(
        'The model this stage waits for (null unless waiting); `earshot models install NAME` installs it',
      ),
    startedAt: nullableIsoDateTime.describe('When the last attempt started'),
    finishedAt: nullableIsoDateTime.describe('When the last attempt finished'),
    updatedAt: isoDateTime.describe('Last change of this status'),
  })
  .describe('Status of one pipeline stage for one recording');
