import { sql, type Expression, type ExpressionBuilder, type OrderByItemBuilder, type SqlBool } from 'kysely';
import type { Category } from '../../analysis/types.ts';
import type { Db } from '../../db/database.ts';
import type { Database, Recording, StageStatus } from '../../db/schema.ts';

/** Which calls a view covers; the recordings list and the trend charts share it. */
export interface CallScope {
  collectionId?: string;
  collectionName?: string;
  /** Inclusive lower bound on call_started_at. */
  callFrom?: Date;
  /** Exclusive upper bound on call_started_at. */
  callBefore?: Date;
}

export interface RecordingListFilters extends CallScope {
  /** true: only calls without a start time; false: only calls with one. */
  undated?: boolean;
  /** Exact E.164 number (caller or callee). */
  phoneExact?: string;
  /** Digits that must appear in the caller or callee number. */
  phoneDigits?: string;
  stage?: string;
  status?: StageStatus;
  metadataOrigin?: 'sidecar' | 'filename' | 'none';
  /** A category with a confident match in the current analysis. */
  category?: Category;
  /** A place mentioned in the current analysis: gazetteer id or English name. */
  place?: string;
  minTriage?: number;
}

export interface RecordingListQuery {
  filters: RecordingListFilters;
  sort: 'call_started_at' | 'created_at' | 'triage';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export type RecordingListRow = Recording & { collection_name: string };

type Eb = ExpressionBuilder<Database & { r: Database['recordings'] }, 'r'>;

/**
 * The WHERE condition on `recordings as r` for these filters. Trend queries use it too, so that
 * a chart's counts and the list a chart point opens are the same set of calls by construction.
 */
export function filterExpression(eb: Eb, f: RecordingListFilters): Expression<SqlBool> {
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
  if (f.undated !== undefined) conditions.push(eb('r.call_started_at', f.undated ? 'is' : 'is not', null));
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
  if (f.category !== undefined || f.place !== undefined || f.minTriage !== undefined) {
    conditions.push(analysisCondition(eb, f));
  }
  return eb.and(conditions);
}

/** GeoNames ids are digits; anything else is taken as an English place name. */
const PLACE_ID = /^\d{1,12}$/;

/**
 * A recording matches the analysis filters when its current analysis (analysis_current, kept by
 * the database) has the category, mentions the place and reaches the triage score. The array
 * conditions use the GIN indexes on analysis_current.
 */
function analysisCondition(eb: Eb, f: RecordingListFilters): Expression<SqlBool> {
  let current = eb
    .selectFrom('analysis_current as ac')
    .select(sql<number>`1`.as('one'))
    .whereRef('ac.recording_id', '=', 'r.id');
  if (f.category !== undefined) current = current.where(sql<boolean>`ac.categories @> ARRAY[${f.category}]`);
  if (f.minTriage !== undefined) current = current.where('ac.triage_score', '>=', f.minTriage);
  if (f.place !== undefined) {
    current = PLACE_ID.test(f.place)
      ? current.where(sql<boolean>`ac.place_ids @> ARRAY[${f.place}]`)
      : current.where(
          sql<boolean>`ac.place_ids && ARRAY(SELECT DISTINCT e.place_id FROM analysis_entities e
            WHERE lower(e.place_name_en) = lower(${f.place}) AND e.place_id IS NOT NULL)`,
        );
  }
  return eb.exists(current);
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
  const nullsLast = (ob: OrderByItemBuilder) =>
    direction === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast();
  const page = base
    .innerJoin('collections as c', 'c.id', 'r.collection_id')
    .selectAll('r')
    .select('c.name as collection_name');
  // Missing call times and unanalysed calls sort last either way; id breaks ties so pages are stable.
  const sorted =
    query.sort === 'triage'
      ? page
          .leftJoin('analysis_current as ac', 'ac.recording_id', 'r.id')
          .orderBy('ac.triage_score', nullsLast)
          .orderBy('r.id', direction)
      : page
          .orderBy(query.sort === 'call_started_at' ? 'r.call_started_at' : 'r.created_at', nullsLast)
          .orderBy('r.id', direction);

  const [rows, count] = await Promise.all([
    sorted.limit(query.limit).offset(query.offset).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
