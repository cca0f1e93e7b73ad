import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { filterExpression, type CallScope } from './recordings-list.ts';

// Aggregates for the trend charts. Every query starts from the same scoped set of recordings as
// the recordings list (filterExpression), and counts analysis through analysis_current, the same
// table the list's category/place filters read: a chart point and the list it opens agree.

function scopedRecordings(db: Db, scope: CallScope) {
  return db
    .selectFrom('recordings as r')
    .where((eb) => filterExpression(eb, scope))
    .select(['r.id', 'r.call_started_at', 'r.caller_number', 'r.callee_number']);
}

export interface MonthRow {
  /** 'YYYY-MM' in UTC; null for calls without a start time. */
  month: string | null;
  calls: number;
  analysed: number;
  killed: number;
  wounded: number;
  missing: number;
}

export interface MonthCategoryRow {
  month: string | null;
  category: string;
  mentions: number;
  calls: number;
}

export async function monthlyTrends(
  db: Db,
  scope: CallScope,
): Promise<{ months: MonthRow[]; categories: MonthCategoryRow[] }> {
  const scoped = scopedRecordings(db, scope);
  const month = sql`to_char(s.call_started_at AT TIME ZONE 'UTC', 'YYYY-MM')`;
  const casualty = (key: string) => sql`coalesce(sum((ac.casualties->>${key})::numeric), 0)::int`;
  const [months, categories] = await Promise.all([
    sql<MonthRow>`
      SELECT ${month} AS month, count(*)::int AS calls, count(ac.recording_id)::int AS analysed,
        ${casualty('killed')} AS killed, ${casualty('wounded')} AS wounded, ${casualty('missing')} AS missing
      FROM (${scoped}) s LEFT JOIN analysis_current ac ON ac.recording_id = s.id
      GROUP BY 1 ORDER BY 1 NULLS LAST`.execute(db),
    sql<MonthCategoryRow>`
      SELECT ${month} AS month, c.key AS category, sum(c.value::numeric)::int AS mentions,
        count(*) FILTER (WHERE c.value::numeric > 0)::int AS calls
      FROM (${scoped}) s JOIN analysis_current ac ON ac.recording_id = s.id
      CROSS JOIN LATERAL jsonb_each(ac.counts) c
      WHERE jsonb_typeof(c.value) = 'number'
      GROUP BY 1, 2 ORDER BY 1 NULLS LAST, 2`.execute(db),
  ]);
  return { months: months.rows, categories: categories.rows };
}

export interface PlaceTrendRow {
  id: string;
  name_en: string;
  name_ru: string;
  lat: number;
  lon: number;
  country: string;
  mentions: number;
  calls: number;
}

/** Places mentioned in the current analyses of the scoped calls, most-called first. */
export async function placeTrends(db: Db, scope: CallScope): Promise<PlaceTrendRow[]> {
  // The gazetteer entry as the newest run recorded it (entries are copied into each run).
  const newest = (column: string) => sql`(array_agg(${sql.ref(`e.${column}`)} ORDER BY e.id DESC))[1]`;
  const result = await sql<PlaceTrendRow>`
    SELECT e.place_id AS id, ${newest('place_name_en')} AS name_en, ${newest('place_name_ru')} AS name_ru,
      ${newest('lat')} AS lat, ${newest('lon')} AS lon, ${newest('country')} AS country,
      count(*)::int AS mentions, count(DISTINCT ac.recording_id)::int AS calls
    FROM (${scopedRecordings(db, scope)}) s
    JOIN analysis_current ac ON ac.recording_id = s.id
    JOIN analysis_entities e ON e.run_id = ac.run_id
    WHERE e.place_id IS NOT NULL
    GROUP BY e.place_id
    ORDER BY calls DESC, mentions DESC, id`.execute(db);
  return result.rows;
}

export interface PhoneNodeRow {
  phone: string;
  calls: number;
}

export interface CallEdgeRow {
  caller: string;
  callee: string;
  calls: number;
}

/**
 * The numbers in the most scoped calls (as caller or callee; a call to itself counts once, as
 * /api/recordings?phone= lists it), how many numbers there are in all, and the calls from one
 * to another among those kept. Ranked in the database: at 100k calls there are ~200k numbers.
 */
export async function callGraph(
  db: Db,
  scope: CallScope,
  limit: number,
): Promise<{ nodes: PhoneNodeRow[]; totalNodes: number; edges: CallEdgeRow[] }> {
  const scoped = scopedRecordings(db, scope);
  const ranked = await sql<PhoneNodeRow & { total: number }>`
    WITH ends AS (
      SELECT s.caller_number AS phone FROM (${scoped}) s WHERE s.caller_number IS NOT NULL
      UNION ALL
      -- A call to itself counts once.
      SELECT s.callee_number FROM (${scoped}) s
      WHERE s.callee_number IS NOT NULL AND s.callee_number IS DISTINCT FROM s.caller_number
    )
    SELECT phone, count(*)::int AS calls, count(*) OVER ()::int AS total
    FROM ends GROUP BY phone
    ORDER BY calls DESC, phone COLLATE "C"
    LIMIT ${limit}`.execute(db);
  const nodes = ranked.rows.map(({ phone, calls }) => ({ phone, calls }));
  if (nodes.length === 0) return { nodes, totalNodes: 0, edges: [] };
  const phones = nodes.map((n) => n.phone);
  const edges = await sql<CallEdgeRow>`
    SELECT s.caller_number AS caller, s.callee_number AS callee, count(*)::int AS calls
    FROM (${scoped}) s
    WHERE s.caller_number = ANY(${sql.val(phones)}::text[]) AND s.callee_number = ANY(${sql.val(phones)}::text[])
    GROUP BY 1, 2
    ORDER BY calls DESC, s.caller_number COLLATE "C", s.callee_number COLLATE "C"`.execute(db);
  return { nodes, totalNodes: ranked.rows[0]?.total ?? 0, edges: edges.rows };
}
