import { sql, type SqlBool } from 'kysely';
import { collectionCondition, type CollectionScope } from '../accounts/collection-scope.ts';
import type { Db } from '../db/database.ts';
import type { DuplicateLeadStatus } from '../db/schema.ts';

// Reading and deciding duplicate leads. A lead is machine output: a person confirms or rejects
// it, with a reason; nothing is merged either way. A lead whose other call lies in a collection
// the reader may not see is not shown (nor can it be decided).

export interface DuplicateLead {
  id: string;
  other: {
    recordingId: string;
    originalFilename: string;
    callStartedAt: Date | null;
    collection: string;
  };
  /** The channel of this call and of the other that matched best ('mix': the mono mix). */
  channelOfThis: string;
  channelOfOther: string;
  overlapSeconds: number;
  /** Where the other call's start lies in this one, seconds (negative: it starts earlier). */
  offsetSeconds: number;
  score: number;
  status: DuplicateLeadStatus;
  decidedBy: string | null;
  decidedAt: Date | null;
  reason: string | null;
  foundAt: Date;
}

/** No such lead on this call, or its other call is outside the reader's collections (404). */
export class DuplicateLeadNotFound extends Error {
  constructor(leadId: string) {
    super(`No duplicate lead ${leadId} on this call`);
  }
}

/** The leads of a call whose other call the scope can read, best score first. */
export async function listDuplicateLeads(
  db: Db,
  recordingId: string,
  scope: CollectionScope,
  leadId?: string,
): Promise<DuplicateLead[]> {
  let query = db
    .selectFrom('duplicate_leads as l')
    .innerJoin('recordings as o', (join) =>
      join.on(
        sql<SqlBool>`o.id = CASE WHEN l.recording_a = ${recordingId}::uuid THEN l.recording_b ELSE l.recording_a END`,
      ),
    )
    .innerJoin('collections as c', 'c.id', 'o.collection_id')
    .leftJoin('users as u', 'u.id', 'l.decided_by')
    .select((eb) => [
      'l.id',
      'l.recording_a',
      'l.channel_a',
      'l.channel_b',
      'l.overlap_seconds',
      'l.offset_seconds',
      'l.score',
      'l.status',
      'l.decided_at',
      'l.reason',
      'l.found_at',
      'o.id as other_id',
      'o.original_filename',
      'o.call_started_at',
      'c.name as collection',
      eb.ref('u.name').as('decided_by'),
    ])
    .where((eb) => eb.or([eb('l.recording_a', '=', recordingId), eb('l.recording_b', '=', recordingId)]))
    .where(collectionCondition('o.collection_id', scope));
  if (leadId !== undefined) query = query.where('l.id', '=', leadId);
  const rows = await query.orderBy('l.score', 'desc').orderBy('l.id').execute();
  return rows.map((r) => {
    const thisIsA = r.recording_a === recordingId;
    return {
      id: r.id,
      other: {
        recordingId: r.other_id,
        originalFilename: r.original_filename,
        callStartedAt: r.call_started_at,
        collection: r.collection,
      },
      channelOfThis: thisIsA ? r.channel_a : r.channel_b,
      channelOfOther: thisIsA ? r.channel_b : r.channel_a,
      overlapSeconds: r.overlap_seconds,
      offsetSeconds: thisIsA ? r.offset_seconds : -r.offset_seconds,
      score: r.score,
      status: r.status,
      decidedBy: r.decided_by,
      decidedAt: r.decided_at,
      reason: r.reason,
      foundAt: r.found_at,
    };
  });
}

/**
 * Confirms or rejects a lead of this call, with the reason. A later decision replaces an earlier
 * one (the audit log keeps every one). Returns the lead as it is now.
 */
export async function decideDuplicateLead(
  db: Db,
  decision: {
    recordingId: string;
    leadId: string;
    status: Exclude<DuplicateLeadStatus, 'proposed'>;
    reason: string;
    userId: string;
    scope: CollectionScope;
  },
): Promise<DuplicateLead> {
  const [lead] = await listDuplicateLeads(db, decision.recordingId, decision.scope, decision.leadId);
  if (!lead) throw new DuplicateLeadNotFound(decision.leadId);
  await db
    .updateTable('duplicate_leads')
    .set({
      status: decision.status,
      reason: decision.reason,
      decided_by: decision.userId,
      decided_at: sql<Date>`clock_timestamp()`,
      updated_at: sql<Date>`clock_timestamp()`,
    })
    .where('id', '=', decision.leadId)
    .execute();
  const [decided] = await listDuplicateLeads(db, decision.recordingId, decision.scope, decision.leadId);
  return decided!;
}
