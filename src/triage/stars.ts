import type { Db } from '../db/database.ts';

/**
 * A person's own stars on calls and segments (migration 0031): nobody else sees them. The caller
 * has checked that the call is in the person's collections (a scoped lookup) before starring.
 */

export interface Star {
  recordingId: string;
  /** null: the star is on the whole call. */
  segmentId: string | null;
}

/** Stars a call or segment; starring twice keeps one star. Returns whether it was added now. */
export async function addStar(db: Db, userId: string, star: Star): Promise<boolean> {
  const inserted = await db
    .insertInto('stars')
    .values({ user_id: userId, recording_id: star.recordingId, segment_id: star.segmentId })
    .onConflict((oc) => oc.doNothing())
    .returning('recording_id')
    .execute();
  return inserted.length > 0;
}

/** Takes a star away. Returns whether there was one. */
export async function removeStar(db: Db, userId: string, star: Star): Promise<boolean> {
  const removed = await db
    .deleteFrom('stars')
    .where('user_id', '=', userId)
    .where('recording_id', '=', star.recordingId)
    .where((eb) =>
      star.segmentId === null ? eb('segment_id', 'is', null) : eb('segment_id', '=', star.segmentId),
    )
    .returning('recording_id')
    .execute();
  return removed.length > 0;
}

/** The user's stars on these calls. */
export async function starsOf(db: Db, userId: string, recordingIds: readonly string[]): Promise<Star[]> {
  if (recordingIds.length === 0) return [];
  const rows = await db
    .selectFrom('stars')
    .select(['recording_id', 'segment_id'])
    .where('user_id', '=', userId)
    .where('recording_id', 'in', [...new Set(recordingIds)])
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ recordingId: r.recording_id, segmentId: r.segment_id }));
}
