import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database, Recording, StageStatus } from '../../db/schema.ts';

export interface RecordingListFilters {
  collectionId?: string;
  collectionName?: string;
  /** Inclusive lower bound on call_started_at. */
  callFrom?: Date;
  /** Exclusive upper bound on call_started_at. */
  callBefore?: Date;
  /** Exact E.164 number (caller or callee). */
  phoneExact?: string;
  /** Digits that must appear in the caller or callee number. */
  phoneDigits?: string;
  stage?: string;
  status?: StageStatus;
  metadataOrigin?: 'sidecar' | 'filename' | 'none';
}

export interface RecordingListQuery {
  filters: RecordingListFilters;
  sort: 'call_started_at' | 'created_at';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export type RecordingListRow = Recording & { collection_name: string };

type Eb = ExpressionBuilder<Database & { r: Database['recordings'] }, 'r'>;

function filterExpression(eb: Eb, f: RecordingListFilters): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (f.collectionId) conditions.push(eb('r.collection_id', '=', f.collectionId));
  if (f.collectionName) {
    conditions.push(
      eb(
        'r.collection_id',
        'in',
        eb
          .selectFrom('collections')
          .select('collections.id')
          .where('collections.name', '=', f.collectionName),
      ),
    );
  }
  if (f.callFrom) conditions.push(eb('r.call_started_at', '>=', f.callFrom));
  if (f.callBefore) conditions.push(eb('r.call_started_at', '<', f.callBefore));
  if (f.phoneExact) {
    conditions.push(
      eb.or([eb('r.caller_number', '=', f.phoneExact), eb('r.callee_number', '=', f.phoneExact)]),
    );
  }
  if (f.phoneDigits) {
    // Digits only (validated by the route), so no LIKE metacharacters can reach the pattern.
    const pattern = `%${f.phoneDigits}%`;
    conditions.push(eb.or([eb('r.caller_number', 'like', pattern), eb('r.callee_number', 'like', pattern)]));
  }
  if (f.metadataOrigin === 'none') conditions.push(eb('r.metadata_origin', 'is', null));
  else if (f.metadataOrigin) conditions.push(eb('r.metadata_origin', '=', f.metadataOrigin));
  if (f.stage || f.status) conditions.push(stageCondition(eb, f.stage, f.status));
  return eb.and(conditions);
}

/** A recording matches stage/status when it has a stage run in that state. */
function stageCondition(
  eb: Eb,
  stage: string | undefined,
  status: StageStatus | undefined,
): Expression<SqlBool> {
  let runs = eb
    .selectFrom('stage_runs as s')
    .select(sql<number>`1`.as('one'))
    .whereRef('s.recording_id', '=', 'r.id');
  if (stage) runs = runs.where('s.stage', '=', stage);
  if (status) runs = runs.where('s.status', '=', status);
  return eb.exists(runs);
}

/** One page of recordings and the total number that match the filters. */
export async function listRecordings(
  db: Db,
  query: RecordingListQuery,
): Promise<{ rows: RecordingListRow[]; total: number }> {
  const base = db.selectFrom('recordings as r').where((eb) => filterExpression(eb, query.filters));
  const direction = query.order;
  const sortColumn = query.sort === 'call_started_at' ? 'r.call_started_at' : 'r.created_at';

  const [rows, count] = await Promise.all([
    base
      .innerJoin('collections as c', 'c.id', 'r.collection_id')
      .selectAll('r')
      .select('c.name as collection_name')
      // Recordings without a call time sort last either way; id breaks ties so pages are stable.
      .orderBy(sortColumn, (ob) => (direction === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast()))
      .orderBy('r.id', direction)
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
