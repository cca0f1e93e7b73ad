import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { analysisOnlyCondition, filterExpression, type CallScope } from './recordings-list.ts';

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
  /** Sums of the counts stated; null when no call of the month stated one (unknown, not 0). */
  killed: number | null;
  wounded: number | null;
  missing: number | null;
}

export interface MonthCategoryRow {
  month: string | null;
  category: string;
  mentions: number;
  calls: number;
}

/**
 * Calls, and analyses from analysis_current alone (it carries each call's start, casualty counts
 * and mentions per category as plain columns: no 100k-row join, no jsonb unpacked per call), one
 * UTC month at a time: each month is an index-only range scan on the call start, counted, or
 * grouped by (categories, mentions) so that calls with the same findings fold together and the
 * categories are unnested per group rather than per call. About 3x faster than grouping every
 * call by a computed month, when every call counts. A scope the cache cannot answer alone (a
 * phone, a stage...) joins the analyses to the scoped recordings once and groups by month.
 */
export async function monthlyTrends(
  db: Db,
  scope: CallScope,
): Promise<{ months: MonthRow[]; categories: MonthCategoryRow[] }> {
  const scoped = scopedRecordings(db, scope);
  // The months that have calls, found by skipping from one to the next along the call-start
  // index (one probe per month): a stray date decades off adds one month, not every month between.
  const firstCallFrom = (after: ReturnType<typeof sql>) =>
    sql`date_trunc('month', (SELECT min(r.call_started_at) FROM (${scoped}) r WHERE ${after}) AT TIME ZONE 'UTC')`;
  const bounds = await sql<{ start: string }>`
    WITH RECURSIVE months(m) AS (
      SELECT ${firstCallFrom(sql`TRUE`)}
      UNION ALL
      SELECT ${firstCallFrom(sql`r.call_started_at >= (months.m + interval '1 month') AT TIME ZONE 'UTC'`)}
      FROM months WHERE months.m IS NOT NULL
    )
    SELECT to_char(m, 'YYYY-MM-DD') AS start FROM months WHERE m IS NOT NULL`.execute(db);
  const starts = sql.val(bounds.rows.map((row) => row.start));
  const months = sql`unnest(${starts}::timestamp[]) AS months(m)`;
  const inMonth = (column: string) =>
    sql`${sql.ref(column)} >= months.m AT TIME ZONE 'UTC'
      AND ${sql.ref(column)} < (months.m + interval '1 month') AT TIME ZONE 'UTC'`;
  const findingColumns = sql`ac.categories, ac.category_mentions, count(*) AS calls, sum(ac.killed) AS killed,
    sum(ac.wounded) AS wounded, sum(ac.missing) AS missing`;
  // Without a scope, or one the cache answers by itself (the user's collections, a collection, a
  // time range: analysis_current copies the recording's collection and call start), one index
  // range scan per month, the scope a condition inside it. With any other scope (a phone, a
  // collection by name), one hash join of the scoped recordings with analysis_current, grouped by
  // month: a scoped id list probed again in every month cost 3-5x more at 100k calls.
  const onCache = analysisOnlyCondition(scope);
  const findingsOf = sql`${findingColumns} FROM analysis_current ac WHERE ${onCache ?? sql`TRUE`}`;
  const findings = onCache
    ? sql`
        SELECT to_char(months.m, 'YYYY-MM') AS month, f.*
        FROM ${months} CROSS JOIN LATERAL (
          SELECT ${findingsOf} AND ${inMonth('ac.call_started_at')} GROUP BY 1, 2
        ) f
        UNION ALL
        SELECT NULL, ${findingsOf} AND ac.call_started_at IS NULL GROUP BY 2, 3`
    : sql`
        SELECT to_char(date_trunc('month', ac.call_started_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month,
          ${findingColumns}
        FROM analysis_current ac JOIN (${scoped}) r ON r.id = ac.recording_id
        GROUP BY 1, 2, 3`;
  const [calls, analyses] = await Promise.all([
    sql<{ month: string | null; calls: number }>`
      SELECT to_char(months.m, 'YYYY-MM') AS month,
        (SELECT count(*) FROM (${scoped}) r WHERE ${inMonth('r.call_started_at')})::int AS calls
      FROM ${months}
      UNION ALL
      SELECT NULL, count(*)::int FROM (${scoped}) r WHERE r.call_started_at IS NULL`.execute(db),
    sql<Omit<MonthRow, 'calls'> & { category: string | null; mentions: number; calls_with: number }>`
      WITH findings AS (${findings})
      SELECT month, NULL AS category, sum(calls)::int AS analysed,
        sum(killed)::int AS killed, sum(wounded)::int AS wounded,
        sum(missing)::int AS missing, 0 AS mentions, 0 AS calls_with
      FROM findings GROUP BY month
      UNION ALL
      SELECT f.month, c.category, 0, 0, 0, 0, sum(c.mentions * f.calls)::int, sum(f.calls)::int
      FROM findings f CROSS JOIN LATERAL unnest(f.categories, f.category_mentions) AS c(category, mentions)
      GROUP BY f.month, c.category`.execute(db),
  ]);
  const analysedByMonth = new Map(
    analyses.rows.filter((row) => row.category === null).map((row) => [row.month, row]),
  );
  const monthRows = calls.rows
    // Months without calls inside the range are left out, as the charts expect.
    .filter((row) => row.calls > 0)
    .map((row): MonthRow => {
      const analysed = analysedByMonth.get(row.month);
      return {
        month: row.month,
        calls: row.calls,
        analysed: analysed?.analysed ?? 0,
        killed: analysed?.killed ?? null,
        wounded: analysed?.wounded ?? null,
        missing: analysed?.missing ?? null,
      };
    })
    .sort((a, b) => compareMonths(a.month, b.month));
  const categories = analyses.rows
    .flatMap((row) =>
      row.category === null
        ? []
        : [{ month: row.month, category: row.category, mentions: row.mentions, calls: row.calls_with }],
    )
    .sort((a, b) => compareMonths(a.month, b.month) || (a.category < b.category ? -1 : 1));
  return { months: monthRows, categories };
}

/** 'YYYY-MM' strings in order, undated (null) last. */
function compareMonths(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
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
 *
 * Each side is counted by walking its (number, other number) index in order, index-only with the
 * scope columns included, and the two ordered counts are merged: no hash table or sort over every
 * number. The planner cannot estimate how many numbers the two sides share and would hash them,
 * or split the walk over workers that then sort (2-3x slower on two cores), hence the settings
 * local to this transaction.
 */
export async function callGraph(
  db: Db,
  scope: CallScope,
  limit: number,
): Promise<{ nodes: PhoneNodeRow[]; totalNodes: number; edges: CallEdgeRow[] }> {
  const scoped = scopedRecordings(db, scope);
  const ranked = await db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('enable_hashjoin', 'off', true),
      set_config('max_parallel_workers_per_gather', '0', true)`.execute(trx);
    return sql<PhoneNodeRow & { total: number }>`
      SELECT coalesce(a.phone, b.phone) AS phone, (coalesce(a.calls, 0) + coalesce(b.calls, 0))::int AS calls,
        count(*) OVER ()::int AS total
      FROM (
        SELECT s.caller_number AS phone, count(*) AS calls FROM (${scoped}) s
        WHERE s.caller_number IS NOT NULL GROUP BY 1
      ) a
      FULL JOIN (
        -- A call to itself counts once.
        SELECT s.callee_number AS phone, count(*) AS calls FROM (${scoped}) s
        WHERE s.callee_number IS NOT NULL AND s.callee_number IS DISTINCT FROM s.caller_number GROUP BY 1
      ) b ON a.phone = b.phone
      ORDER BY 2 DESC, coalesce(a.phone, b.phone) COLLATE "C"
      LIMIT ${limit}`.execute(trx);
  });
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
