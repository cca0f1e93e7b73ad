import type { NumberGraph } from '../../api/numbers.ts';

/** An ECharts option (kept as plain data here, so this module needs no chart library). */
export type GraphOption = Record<string, unknown>;

const HOP_COLOURS = ['#b45309', '#1f4e8c', '#94a3b8'] as const;
const HOP_NAMES = ['this number', 'its counterparts', 'their other counterparts'] as const;

/** ECharts' option for the graph: the number in the centre, counterparts around it, then theirs. */
export function numberGraphOption(graph: NumberGraph, centre: string): GraphOption {
  const maxNode = Math.max(1, ...graph.nodes.filter((n) => n.hop > 0).map((n) => n.calls));
  const maxEdge = Math.max(1, ...graph.edges.map((e) => e.calls));
  return {
    tooltip: {
      formatter: (p: {
        dataType?: string;
        data?: { name?: string; calls?: number; hop?: number; source?: string; target?: string };
      }) =>
        p.dataType === 'edge'
          ? `${p.data?.source} → ${p.data?.target}: ${p.data?.calls} calls`
          : `${p.data?.name} (${HOP_NAMES[p.data?.hop ?? 0]}): ${p.data?.calls} calls`,
    },
    legend: { data: [...HOP_NAMES], bottom: 0, textStyle: { fontSize: 11 } },
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        force: { repulsion: 320, gravity: 0.1, edgeLength: [90, 170], layoutAnimation: false },
        categories: HOP_NAMES.map((name, hop) => ({ name, itemStyle: { color: HOP_COLOURS[hop] } })),
        labelLayout: { hideOverlap: true },
        emphasis: { focus: 'adjacency', label: { show: true } },
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 7,
        label: { show: true, position: 'right', fontSize: 11, fontFamily: 'DejaVu Sans Mono, monospace' },
        data: graph.nodes.map((n) => ({
          name: n.number,
          calls: n.calls,
          hop: n.hop,
          category: n.hop,
          symbolSize: n.number === centre ? 30 : 10 + 18 * Math.sqrt(n.calls / maxNode),
          label: n.hop === 2 ? { show: false } : undefined,
        })),
        links: graph.edges.map((e) => ({
          source: e.caller,
          target: e.callee,
          calls: e.calls,
          lineStyle: { width: 1 + 4 * (e.calls / maxEdge), color: '#94a3b8', curveness: 0.12 },
        })),
      },
    ],
  };
}
