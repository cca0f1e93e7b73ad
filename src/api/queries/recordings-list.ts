import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import { collectionCondition, type CollectionScope } from '../../accounts/collection-scope.ts';
import type { Category } from '../../analysis/types.ts';
import type { Db } from '../../db/database.ts';
import { transliterationVariants } from '../../language/transliteration.ts';
import { placesNamed } from '../../search/name-spellings.ts';
import type { Database, ModelProfile, Recording, StageStatus, VerificationStatus } from '../../db/schema.ts';

/**
 * Which calls a view covers; the recordings list, search and the trend charts share it. The
 * collection scope (the principal's collections) is part of it, so every count is of visible calls.
 */
export interface CallScope extends CollectionScope {
  collectionId?: string;
  collectionName?: string;
  /** Inclusive lower bound on call_started_at. */
  callFrom?: Date;
  /** Exclusive upper bound on call_started_at. */
  callBefore?: Date;
  /** Only calls whose case file is at this status (a call without one is 'unverified'). */
  verification?: VerificationStatus;
}

export interface RecordingListFilters extends CallScope {
  /** true: only calls without a start time; false: only calls with one. */
  undated?: boolean;
  /** Exact E.164 number (caller or callee). */
  phoneExact?: string;
  /** Digits that must appear in the caller or callee number. */
  phoneDigits?: string;
  /** The start of the caller or callee number, E.164 (+7916); with phoneDigits, either matches. */
  phonePrefix?: string;
  /** Exact E.164 caller number. */
  caller?: string;
  /** Exact E.164 callee number. */
  callee?: string;
  stage?: string;
  status?: StageStatus;
  metadataOrigin?: 'sidecar' | 'filename' | 'none';
  /** A category with a confident match in the current analysis. */
  category?: Category;
  /** A place mentioned in the current analysis: gazetteer (GeoNames) id or English name (any case). */
  place?: string;
  /**
   * The same as place, already resolved to gazetteer ids (resolvePlaceFilter), any of which
   * matches. The list uses this: with real ids the planner can estimate how many calls match.
   */
  placeIds?: string[];
  /** A person the current analysis names: every word of it, in either script (personCondition). */
  person?: string;
  minTriage?: number;
  /** A tag on the call or one of its segments (call_tags, migration 0031), any case. */
  tag?: string;
  /**
   * Calls this person starred (the call or one of its segments), or with starred false the calls
   * they have not. Stars are private: the user is always the signed-in one, never a parameter.
   */
  starredBy?: { userId: string; starred: boolean };
}

export interface RecordingListQuery {
  filters: RecordingListFilters;
  sort: 'call_started_at' | 'created_at' | 'triage';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export type RecordingListRow = Recording & {
  collection_name: string;
  collection_model_profile: ModelProfile;
};

type Eb = ExpressionBuilder<Database & { r: Database['recordings'] }, 'r'>;

/** Calls that carry the tag (on the call or a segment), compared as tags are: without case. */
function taggedCondition(eb: Eb, tag: string): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('call_tags as ct')
      .select('ct.id')
      .whereRef('ct.recording_id', '=', 'r.id')
      .where(sql<string>`lower(ct.tag)`, '=', tag.replace(/\s+/gu, ' ').toLowerCase()),
  );
}

/** Calls the user starred, on the call or a segment (the (user_id, recording_id, …) index of stars). */
function starredCondition(eb: Eb, { userId, starred }: { userId: string; starred: boolean }) {
  const stars = eb
    .selectFrom('stars as st')
    .select('st.recording_id')
    .where('st.user_id', '=', userId)
    .whereRef('st.recording_id', '=', 'r.id');
  return starred ? eb.exists(stars) : eb.not(eb.exists(stars));
}

/**
 * The WHERE condition on `recordings as r` for these filters. Trend queries use it too, so that
 * a chart's counts and the list a chart point opens are the same set of calls by construction.
 */
export function filterExpression(eb: Eb, f: RecordingListFilters): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (f.visibleCollections) conditions.push(collectionCondition('r.collection_id', f));
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
  if (f.caller) conditions.push(eb('r.caller_number', '=', f.caller));
  if (f.callee) conditions.push(eb('r.callee_number', '=', f.callee));
  if (f.phoneDigits || f.phonePrefix) {
    // Digits and a leading + only (validated by the route): no LIKE metacharacters can reach it.
    const patterns = [
      ...(f.phoneDigits ? [`%${f.phoneDigits}%`] : []),
      ...(f.phonePrefix ? [`${f.phonePrefix}%`] : []),
    ];
    conditions.push(
      eb.or(
        patterns.flatMap((pattern) => [
          eb('r.caller_number', 'like', pattern),
          eb('r.callee_number', 'like', pattern),
        ]),
      ),
    );
  }
  if (f.metadataOrigin === 'none') conditions.push(eb('r.metadata_origin', 'is', null));
  else if (f.metadataOrigin) conditions.push(eb('r.metadata_origin', '=', f.metadataOrigin));
  if (f.stage || f.status) conditions.push(stageCondition(eb, f.stage, f.status));
  if (f.verification) conditions.push(verificationCondition(eb, f.verification));
  if (f.tag !== undefined) conditions.push(taggedCondition(eb, f.tag));
  if (f.starredBy !== undefined) conditions.push(starredCondition(eb, f.starredBy));
  if (
    f.category !== undefined ||
    f.place !== undefined ||
    f.placeIds !== undefined ||
    f.person !== undefined ||
    f.minTriage !== undefined
  ) {
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
  const current = eb
    .selectFrom('analysis_current as ac')
    .select(sql<number>`1`.as('one'))
    .whereRef('ac.recording_id', '=', 'r.id')
    .where(sql.join<SqlBool>(analysisColumnConditions(f), sql` AND `));
  return eb.exists(current);
}

/** The analysis filters as conditions on the columns of `analysis_current as ac`. */
function analysisColumnConditions(f: RecordingListFilters): RawBuilder<SqlBool>[] {
  const conditions: RawBuilder<SqlBool>[] = [sql<SqlBool>`TRUE`];
  if (f.category !== undefined) conditions.push(sql<SqlBool>`ac.categories @> ARRAY[${f.category}]`);
  if (f.minTriage !== undefined) conditions.push(sql<SqlBool>`ac.triage_score >= ${f.minTriage}`);
  if (f.place !== undefined) {
    conditions.push(
      PLACE_ID.test(f.place)
        ? sql<SqlBool>`ac.place_ids @> ARRAY[${f.place}]`
        : sql<SqlBool>`ac.place_ids && ARRAY(SELECT DISTINCT e.place_id FROM analysis_entities e
            WHERE lower(e.place_name_en) = lower(${f.place}) AND e.place_id IS NOT NULL)`,
    );
  }
  if (f.placeIds !== undefined) {
    // An empty list (a name no analysis mentions) must match nothing, not everything.
    conditions.push(sql<SqlBool>`ac.place_ids && ${sql.val(f.placeIds)}::text[]`);
  }
  if (f.person !== undefined) conditions.push(personCondition(f.person));
  return conditions;
}

/**
 * The current analysis names a person with every word of the filter among its name's words, each
 * in its own script or transliterated: «Соколов», Sokolov and "Vitya Sokolov" find «Витя Соколов».
 * Person entities are few per call, read through the (run_id, …) index of analysis_entities.
 */
function personCondition(person: string): RawBuilder<SqlBool> {
  const words = person
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[\s,]+/)
    .filter(Boolean);
  const each = words.map((word) => {
    const spellings = [word, ...transliterationVariants(word)];
    return sql<SqlBool>`string_to_array(replace(lower(e.value), 'ё', 'е'), ' ') && ${sql.val(spellings)}::text[]`;
  });
  return sql<SqlBool>`EXISTS (SELECT 1 FROM analysis_entities e
    WHERE e.run_id = ac.run_id AND e.kind = 'person' AND ${sql.join(each, sql` AND `)})`;
}

/** Filters analysis_current answers by itself: it copies the recording's collection and call start. */
const CACHE_FILTERS: ReadonlySet<string> = new Set([
  'visibleCollections',
  'collectionId',
  'callFrom',
  'callBefore',
  'category',
  'minTriage',
  'place',
  'placeIds',
  'person',
]);

/**
 * The filters as one condition on `analysis_current as ac` alone, or undefined when some filter
 * needs the recording (a phone, a stage, a collection name...). Analysed calls are then read from
 * the cache's own indexes instead of joining every scoped recording to it (7x a deep triage page
 * at 100k calls for a user with collection grants).
 */
export function analysisOnlyCondition(f: RecordingListFilters): RawBuilder<SqlBool> | undefined {
  const used = Object.entries(f).filter(([, value]) => value !== undefined);
  if (used.some(([key]) => !CACHE_FILTERS.has(key))) return undefined;
  const conditions = analysisColumnConditions(f);
  if (f.visibleCollections) conditions.push(collectionCondition('ac.collection_id', f));
  if (f.collectionId) conditions.push(sql<SqlBool>`ac.collection_id = ${f.collectionId}::uuid`);
  if (f.callFrom) conditions.push(sql<SqlBool>`ac.call_started_at >= ${f.callFrom}`);
  if (f.callBefore) conditions.push(sql<SqlBool>`ac.call_started_at < ${f.callBefore}`);
  return sql.join<SqlBool>(conditions, sql` AND `);
}

/**
 * A call's verification status is its case row's (verification_cases, keyed by the recording), or
 * 'unverified' without one: one primary-key probe per call either way.
 */
function verificationCondition(eb: Eb, status: VerificationStatus): Expression<SqlBool> {
  const cases = eb
    .selectFrom('verification_cases as vc')
    .select(sql<number>`1`.as('one'))
    .whereRef('vc.recording_id', '=', 'r.id');
  if (status === 'unverified') return eb.not(eb.exists(cases.where('vc.status', '<>', 'unverified')));
  return eb.exists(cases.where('vc.status', '=', status));
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

/**
 * The ids a place filter stands for: the id itself, or every place of that name in the gazetteer
 * in either script and any usual romanisation (Бахмут, Bakhmut; Kharkov, Kharkiv, Charkiw; see
 * search/name-spellings.ts), plus any id analyses recorded under that English name (any case).
 * Looked up before the list query so the planner sees real ids and can estimate how many calls
 * match (a subquery there made it walk the whole triage index).
 */
export async function resolvePlaceFilter(db: Db, place: string): Promise<string[]> {
  if (PLACE_ID.test(place)) return [place];
  const rows = await db
    .selectFrom('analysis_entities')
    .select('place_id')
    .distinct()
    .where(sql<string>`lower(place_name_en)`, '=', place.toLowerCase())
    .where('place_id', 'is not', null)
    .execute();
  const recorded = rows.flatMap((r) => (r.place_id === null ? [] : [r.place_id]));
  return [...new Set([...recorded, ...placesNamed(place).map((entry) => entry.place.id)])];
}

/** One page of recordings and the total number that match the filters. */
export async function listRecordings(
  db: Db,
  query: RecordingListQuery,
): Promise<{ rows: RecordingListRow[]; total: number }> {
  const base = db.selectFrom('recordings as r').where((eb) => filterExpression(eb, query.filters));
  const [rows, count] = await Promise.all([
    query.sort === 'triage' ? triagePage(db, query) : timePage(db, query),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

function pageOf(db: Db, filters: RecordingListFilters) {
  return db
    .selectFrom('recordings as r')
    .where((eb) => filterExpression(eb, filters))
    .innerJoin('collections as c', 'c.id', 'r.collection_id')
    .selectAll('r')
    .select(['c.name as collection_name', 'c.model_profile as collection_model_profile']);
}

/** Sorted by call time or storage time; missing call times last either way, id breaks ties. */
function timePage(db: Db, query: RecordingListQuery): Promise<RecordingListRow[]> {
  const column = query.sort === 'call_started_at' ? 'r.call_started_at' : 'r.created_at';
  return pageOf(db, query.filters)
    .orderBy(column, (ob) => (query.order === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast()))
    .orderBy('r.id', query.order)
    .limit(query.limit)
    .offset(query.offset)
    .execute();
}

/**
 * Sorted by triage score, unanalysed calls last, id breaking ties. In two parts, because one
 * LEFT JOIN sorted on the joined score must join and sort every matching recording (300 ms at
 * 100k): analysed calls walk the (triage_score, recording_id) index and stop at the page's end;
 * only a page past them reads the unanalysed calls, by id. Ids first, rows after, so that deep
 * pages skip over narrow index entries rather than whole recordings.
 */
async function triagePage(db: Db, query: RecordingListQuery): Promise<RecordingListRow[]> {
  const { filters, order, limit, offset } = query;
  // Every analysis_current row has its recording (foreign key): filters the cache answers by
  // itself (none, a collection scope, a category...) need no join.
  const onCache = analysisOnlyCondition(filters);
  const scoredIds = onCache
    ? db.selectFrom('analysis_current as ac').where(onCache).select('ac.recording_id')
    : db
        .selectFrom('recordings as r')
        .where((eb) => filterExpression(eb, filters))
        .innerJoin('analysis_current as ac', 'ac.recording_id', 'r.id')
        .select('ac.recording_id');
  const ids = await scoredIds
    .orderBy('ac.triage_score', order)
    .orderBy('ac.recording_id', order)
    .limit(limit)
    .offset(offset)
    .execute();
  const scored = await rowsInOrder(
    db,
    ids.map((r) => r.recording_id),
  );
  if (scored.length === limit) return scored;
  // The page reaches past the analysed calls. If it holds some, the unanalysed ones follow from
  // their start; if none, how many analysed calls there are says where in the rest it begins.
  const unscoredOffset = scored.length > 0 ? 0 : Math.max(0, offset - (await countAnalysed(db, filters)));
  const unscoredIds = await db
    .selectFrom('recordings as r')
    .where((eb) => filterExpression(eb, filters))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('analysis_current as u')
            .select('u.recording_id')
            .whereRef('u.recording_id', '=', 'r.id'),
        ),
      ),
    )
    .select('r.id')
    .orderBy('r.id', order)
    .limit(limit - scored.length)
    .offset(unscoredOffset)
    .execute();
  const unscored = await rowsInOrder(
    db,
    unscoredIds.map((r) => r.id),
  );
  return [...scored, ...unscored];
}

async function rowsInOrder(db: Db, ids: string[]): Promise<RecordingListRow[]> {
  if (ids.length === 0) return [];
  const rows = await pageOf(db, {}).where('r.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

async function countAnalysed(db: Db, filters: RecordingListFilters): Promise<number> {
  const onCache = analysisOnlyCondition(filters);
  const row = onCache
    ? await db
        .selectFrom('analysis_current as ac')
        .where(onCache)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    : await db
        .selectFrom('recordings as r')
        .where((eb) => filterExpression(eb, filters))
        .innerJoin('analysis_current as ac', 'ac.recording_id', 'r.id')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
  return Number(row.n);
}
