import type { CallPairRow, MonthCategoryRow, MonthRow, PlaceTrendRow } from '../queries/trends.ts';
import type { CallGraphResponse, MonthlyTrendsResponse, PlaceTrendsResponse } from '../schemas/trends.ts';

type Period = MonthlyTrendsResponse['undated'];

function period(row: MonthRow | undefined, categories: readonly MonthCategoryRow[]): Period {
  const mentions: Record<string, number> = {};
  const callsWith: Record<string, number> = {};
  for (const c of categories) {
    if (c.mentions > 0) mentions[c.category] = c.mentions;
    if (c.calls > 0) callsWith[c.category] = c.calls;
  }
  return {
    calls: row?.calls ?? 0,
    analysed: row?.analysed ?? 0,
    mentions,
    callsWith,
    casualties: { killed: row?.killed ?? 0, wounded: row?.wounded ?? 0, missing: row?.missing ?? 0 },
  };
}

/** First and last day of a 'YYYY-MM' month, as the recordings list's from/to filters take them. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export function presentMonthlyTrends(rows: {
  months: MonthRow[];
  categories: MonthCategoryRow[];
}): MonthlyTrendsResponse {
  const months: MonthlyTrendsResponse['months'] = [];
  for (const row of rows.months) {
    if (row.month === null) continue;
    const month = row.month;
    months.push({
      month,
      ...monthRange(month),
      ...period(
        row,
        rows.categories.filter((c) => c.month === month),
      ),
    });
  }
  return {
    months,
    undated: period(
      rows.months.find((m) => m.month === null),
      rows.categories.filter((c) => c.month === null),
    ),
  };
}

export function presentPlaceTrends(rows: PlaceTrendRow[]): PlaceTrendsResponse {
  return {
    places: rows.map((p) => ({
      id: p.id,
      nameEn: p.name_en,
      nameRu: p.name_ru,
      lat: p.lat,
      lon: p.lon,
      country: p.country,
      mentions: p.mentions,
      calls: p.calls,
    })),
  };
}

/**
 * Nodes and edges from per-pair call counts. A node's count is the calls the number took part in
 * (as caller or callee, a call to itself once), which is what /api/recordings?phone=<number> lists.
 */
export function presentCallGraph(pairs: CallPairRow[], limit: number): CallGraphResponse {
  const calls = new Map<string, number>();
  const add = (phone: string, n: number) => calls.set(phone, (calls.get(phone) ?? 0) + n);
  for (const p of pairs) {
    if (p.caller !== null) add(p.caller, p.calls);
    if (p.callee !== null && p.callee !== p.caller) add(p.callee, p.calls);
  }
  const ranked = [...calls.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const kept = new Set(ranked.slice(0, limit).map(([phone]) => phone));
  const edges = pairs
    .filter(
      (p): p is CallPairRow & { caller: string; callee: string } =>
        p.caller !== null && p.callee !== null && kept.has(p.caller) && kept.has(p.callee),
    )
    .map((p) => ({ caller: p.caller, callee: p.callee, calls: p.calls }))
    .sort(
      (a, b) => b.calls - a.calls || a.caller.localeCompare(b.caller) || a.callee.localeCompare(b.callee),
    );
  return {
    nodes: ranked.slice(0, limit).map(([phone, n]) => ({ phone, calls: n })),
    edges,
    totalNodes: ranked.length,
    truncated: ranked.length > limit,
  };
}
