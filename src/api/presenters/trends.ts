import type {
  CallEdgeRow,
  MonthCategoryRow,
  MonthRow,
  PhoneNodeRow,
  PlaceTrendRow,
} from '../queries/trends.ts';
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

export function presentCallGraph(
  graph: { nodes: PhoneNodeRow[]; totalNodes: number; edges: CallEdgeRow[] },
  limit: number,
): CallGraphResponse {
  return {
    nodes: graph.nodes.map((n) => ({ phone: n.phone, calls: n.calls })),
    edges: graph.edges.map((e) => ({ caller: e.caller, callee: e.callee, calls: e.calls })),
    totalNodes: graph.totalNodes,
    truncated: graph.totalNodes > limit,
  };
}
