import { sql } from 'kysely';
import { collectionCondition, type CollectionScope } from '../accounts/collection-scope.ts';
import type { Db } from '../db/database.ts';
import { TriageRejected } from './triage-errors.ts';

/**
 * Tags on calls and segments (migration 0031): shared marks of a collection's calls («груз 200»,
 * «to check», «for the story»). The one owner of the call_tags table: routes and bulk actions
 * come here. Every function takes the caller's collection scope, so a call outside it is neither
 * tagged nor listed (it counts as not found).
 */

export const MAX_TAG_LENGTH = 60;

export interface TagActor {
  userId: string | null;
  name: string;
}

export interface CallTag {
  recordingId: string;
  /** null: the tag is on the whole call. */
  segmentId: string | null;
  tag: string;
  author: string;
  createdAt: Date;
}

export interface TagChange {
  /** Calls whose tag was added (or removed) now. */
  changed: string[];
  /** Calls that had the tag already (adding) or did not have it (removing). */
  unchanged: string[];
  /** Ids that are no call the caller may see: nothing was done to them. */
  notFound: string[];
}

/** Spaces collapsed and trimmed; refused when empty or too long. Case is kept as written. */
export function normaliseTag(tag: string): string {
  const clean = tag.replace(/\s+/gu, ' ').trim();
  if (clean.length === 0) throw new TriageRejected('The tag is empty.');
  if (clean.length > MAX_TAG_LENGTH)
    throw new TriageRejected(`A tag has at most ${MAX_TAG_LENGTH} characters.`);
  return clean;
}

/** The ids among these that are calls in the scope, with their collection. */
async function visibleCalls(
  db: Db,
  recordingIds: readonly string[],
  scope: CollectionScope,
): Promise<Map<string, string>> {
  if (recordingIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('recordings')
    .select(['id', 'collection_id'])
    .where('id', 'in', [...new Set(recordingIds)])
    .where(collectionCondition('collection_id', scope))
    .execute();
  return new Map(rows.map((r) => [r.id, r.collection_id]));
}

/** Refuses a segment that is not one of the call's (any version). */
export async function assertSegmentOfCall(db: Db, recordingId: string, segmentId: string): Promise<void> {
  const found = await db
    .selectFrom('transcript_segments as s')
    .innerJoin('transcripts as t', 't.id', 's.transcript_id')
    .select('s.id')
    .where('s.id', '=', segmentId)
    .where('t.recording_id', '=', recordingId)
    .executeTakeFirst();
  if (!found) throw new TriageRejected(`Segment ${segmentId} is not a segment of this call.`);
}

/** Adds a tag to each call (or to one segment of one call); a call that has it already is left. */
export async function addTag(
  db: Db,
  input: { recordingIds: readonly string[]; tag: string; segmentId?: string; actor: TagActor },
  scope: CollectionScope,
): Promise<TagChange> {
  const tag = normaliseTag(input.tag);
  const calls = await visibleCalls(db, input.recordingIds, scope);
  const notFound = input.recordingIds.filter((id) => !calls.has(id));
  if (input.segmentId !== undefined) {
    if (calls.size !== 1) throw new TriageRejected('A segment is tagged on one call at a time.');
    await assertSegmentOfCall(db, [...calls.keys()][0]!, input.segmentId);
  }
  if (calls.size === 0) return { changed: [], unchanged: [], notFound };
  const inserted = await db
    .insertInto('call_tags')
    .values(
      [...calls].map(([recordingId, collectionId]) => ({
        recording_id: recordingId,
        collection_id: collectionId,
        segment_id: input.segmentId ?? null,
        tag,
        user_id: input.actor.userId,
        author: input.actor.name,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .returning('recording_id')
    .execute();
  const changed = new Set(inserted.map((r) => r.recording_id));
  return {
    changed: [...changed],
    unchanged: [...calls.keys()].filter((id) => !changed.has(id)),
    notFound,
  };
}

/** Removes a tag (any case) from each call, or from one segment of one call. */
export async function removeTag(
  db: Db,
  input: { recordingIds: readonly string[]; tag: string; segmentId?: string },
  scope: CollectionScope,
): Promise<TagChange> {
  const tag = normaliseTag(input.tag);
  const calls = await visibleCalls(db, input.recordingIds, scope);
  const notFound = input.recordingIds.filter((id) => !calls.has(id));
  if (calls.size === 0) return { changed: [], unchanged: [], notFound };
  const removed = await db
    .deleteFrom('call_tags')
    .where('recording_id', 'in', [...calls.keys()])
    .where(sql`lower(tag)`, '=', tag.toLowerCase())
    .where((eb) =>
      input.segmentId === undefined ? eb('segment_id', 'is', null) : eb('segment_id', '=', input.segmentId),
    )
    .returning('recording_id')
    .execute();
  const changed = new Set(removed.map((r) => r.recording_id));
  return {
    changed: [...changed],
    unchanged: [...calls.keys()].filter((id) => !changed.has(id)),
    notFound,
  };
}

/** The tags of these calls (and their segments) that the scope sees, oldest first. */
export async function tagsOf(
  db: Db,
  recordingIds: readonly string[],
  scope: CollectionScope,
): Promise<CallTag[]> {
  if (recordingIds.length === 0) return [];
  const rows = await db
    .selectFrom('call_tags')
    .select(['recording_id', 'segment_id', 'tag', 'author', 'created_at'])
    .where('recording_id', 'in', [...new Set(recordingIds)])
    .where(collectionCondition('collection_id', scope))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    recordingId: r.recording_id,
    segmentId: r.segment_id,
    tag: r.tag,
    author: r.author,
    createdAt: r.created_at,
  }));
}

/** Every tag in use in the scope, with how many calls carry it (on the call or a segment). */
export async function tagsInUse(db: Db, scope: CollectionScope): Promise<{ tag: string; calls: number }[]> {
  const rows = await db
    .selectFrom('call_tags')
    .select([sql<string>`min(tag)`.as('tag'), sql<number>`count(DISTINCT recording_id)::int`.as('calls')])
    .where(collectionCondition('collection_id', scope))
    .groupBy(sql`lower(tag)`)
    .orderBy(sql`lower(tag)`)
    .execute();
  return rows;
}
