import { z } from 'zod';
import { STAGE_ORDER } from '../../jobs/stages.ts';
import { MAX_TAG_LENGTH } from '../../triage/tags.ts';
import { isoDateTime } from './common.ts';

// Tags, stars and bulk actions on calls (src/triage/). A segment id is digits; a recording id a UUID.

const segmentId = z.string().regex(/^\d{1,18}$/, 'expected a segment id (digits)');
const tagText = z
  .string()
  .max(MAX_TAG_LENGTH * 2)
  .describe(
    `The tag, 1 to ${MAX_TAG_LENGTH} characters (spaces are collapsed; case is kept, compared without it)`,
  );

/** Most calls a bulk action takes at once (a page of the Calls list is at most 200). */
export const MAX_SELECTION = 500;

export const tagBodySchema = z
  .strictObject({
    tag: tagText,
    segmentId: segmentId.optional().describe('Tag this segment of the call; leave out to tag the whole call'),
  })
  .describe('A tag to add to a call or one of its segments');

export const untagQuerySchema = z
  .strictObject({
    tag: tagText,
    segmentId: segmentId.optional().describe('Remove the tag from this segment; leave out for the call'),
  })
  .describe('A tag to remove');

export const starQuerySchema = z
  .strictObject({
    segmentId: segmentId.optional().describe('Star this segment; leave out to star the whole call'),
  })
  .describe('What to star');

export const callTagSchema = z
  .object({
    tag: z.string().describe('The tag'),
    segmentId: z.string().nullable().describe('The segment it is on (null: the whole call)'),
    author: z.string().describe('Who put it there'),
    createdAt: isoDateTime.describe('When'),
  })
  .describe('A tag on a call or segment');

export const callTriageSchema = z
  .object({
    recordingId: z.string().describe('Recording id (UUID)'),
    tags: z.array(callTagSchema).describe('Tags on the call and its segments, oldest first'),
    starred: z.boolean().describe('Whether you starred the call'),
    starredSegments: z.array(z.string()).describe('The segments you starred'),
  })
  .describe("A call's tags (shared with its collection) and your stars (yours only)");

export const triageQuerySchema = z
  .strictObject({
    recordingIds: z
      .string()
      .transform((v) => v.split(',').filter((id) => id !== ''))
      .pipe(z.array(z.guid()).min(1).max(200))
      .describe('Comma-separated recording ids (1 to 200): the calls of a page'),
  })
  .describe('Which calls');

export const triageListSchema = z
  .object({ calls: z.array(callTriageSchema).describe('The calls you may see, in the order asked') })
  .describe('Tags and stars of some calls');

export const tagsInUseSchema = z
  .object({
    tags: z
      .array(z.object({ tag: z.string(), calls: z.number().int().describe('Calls that carry it') }))
      .describe('Every tag in your collections, by name'),
  })
  .describe('Tags in use');

export const starResponseSchema = z
  .object({ starred: z.boolean().describe('Whether it is starred now'), changed: z.boolean() })
  .describe('A star set or taken away');

const selection = z
  .array(z.guid())
  .min(1, 'select at least one call')
  .max(MAX_SELECTION, `at most ${MAX_SELECTION} calls at once`)
  .describe('The selected calls (recording ids)');

export const bulkTagBodySchema = z
  .strictObject({ recordingIds: selection, tag: tagText })
  .describe('A tag to add to (or remove from) every selected call');

export const bulkTagResponseSchema = z
  .object({
    tag: z.string().describe('The tag as stored'),
    changed: z.array(z.string()).describe('Calls tagged (or untagged) now'),
    unchanged: z.array(z.string()).describe('Calls that had it already (or did not have it)'),
    notFound: z.array(z.string()).describe('Ids that are no call you may see: nothing done'),
  })
  .describe('What a bulk tag did');

export const bulkRerunBodySchema = z
  .strictObject({
    recordingIds: selection,
    stage: z.enum(STAGE_ORDER).describe('The stage to run again (forced); later stages follow it'),
  })
  .describe('A stage to run again on every selected call');

export const bulkRerunResponseSchema = z
  .object({
    stage: z.enum(STAGE_ORDER),
    scheduled: z.array(z.string()).describe('Calls whose run is pending again'),
    waitingForPreviousStage: z
      .array(z.string())
      .describe('Calls whose previous stage is not done: the stage cannot run on them yet'),
    running: z.array(z.string()).describe('Calls whose run a worker holds now: left alone'),
    notFound: z.array(z.string()).describe('Ids that are no call you may see'),
    queued: z
      .boolean()
      .describe(
        'Whether jobs were queued now (false: this server runs no job queue; a worker picks the runs up when it starts)',
      ),
  })
  .describe('What a bulk re-run scheduled');
