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
    casualties: {
      killed: row?.killed ?? null,
      wounded: row?.wounded ?? null,
      missing: row?.missing ?? null,
    },
  };
}

/** First and last day of a 'YYYY-MM' month, as the recordings list's from/to filters take them. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * Every 'YYYY-MM' from the first to the last month given, in order: months without calls belong on
 * a chart's axis (a quiet month is a finding too), not skipped.
 */
export function continuousMonths(dated: readonly string[]): string[] {
  if (dated.length === 0) return [];
  const index = (month: string) => {
    const [year, monthNumber] = month.split('-').map(Number) as [number, number];
    return year * 12 + monthNumber - 1;
  };
  const indexes = dated.map(index);
  const months: string[] = [];
  for (let i = Math.min(...indexes); i <= Math.max(...indexes); i += 1)
    months.push(`${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`);
  return months;
}

export function presentMonthlyTrends(rows: {
  months: MonthRow[];
  categories: MonthCategoryRow[];
}): MonthlyTrendsResponse {
  const byMonth = new Map(rows.months.map((row) => [row.month, row]));
  const dated = rows.months.flatMap((row) => (row.month === null ? [] : [row.month]));
  const months = continuousMonths(dated).map((month) => ({
    month,
    ...monthRange(month),
    ...period(
      byMonth.get(month),
      rows.categories.filter((c) => c.month === month),
    ),
  }));
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
