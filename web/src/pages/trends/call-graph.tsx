import { useMemo } from 'react';
import type { CallGraph } from '../../api/analysis.ts';
import { EChart, type ChartClick, type ChartOption } from '../../components/echart.tsx';
import { navigate } from '../../router.ts';

/** Who called whom: numbers as nodes, calls between two numbers as edge width. */
export function CallGraphChart({
  graph,
  filters,
}: {
  graph: CallGraph;
  filters: Record<string, string | undefined>;
}) {
  const maxNode = Math.max(1, ...graph.nodes.map((n) => n.calls));
  const maxEdge = Math.max(1, ...graph.edges.map((e) => e.calls));
  const option: ChartOption = useMemo(
    () => ({
      tooltip: {
        formatter: (p: {
          dataType?: string;
          data?: { name?: string; calls?: number; source?: string; target?: string };
        }) =>
          p.dataType === 'edge'
            ? `${p.data?.source} → ${p.data?.target}: ${p.data?.calls} calls`
            : `${p.data?.name}: ${p.data?.calls} calls`,
      },
      series: [
        {
          type: 'graph',
          layout: 'force',
          roam: true,
          draggable: true,
          // Wide spacing and hidden overlapping labels keep the numbers legible; hovering a
          // number shows it with its neighbours.
          force: { repulsion: 260, gravity: 0.1, edgeLength: [50, 110], layoutAnimation: false },
          zoom: 0.65,
          labelLayout: { hideOverlap: true },
          emphasis: { focus: 'adjacency', label: { show: true } },
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 7,
          label: { show: true, position: 'right', fontSize: 11, fontFamily: 'DejaVu Sans Mono, monospace' },
          data: graph.nodes.map((n) => ({
            name: n.phone,
            calls: n.calls,
            symbolSize: 10 + 24 * Math.sqrt(n.calls / maxNode),
            itemStyle: {
              color: n.phone.startsWith('+380')
                ? '#1f4e8c'
                : n.phone.startsWith('+7')
                  ? '#b42318'
                  : '#6b7280',
            },
          })),
          links: graph.edges.map((e) => ({
            source: e.caller,
            target: e.callee,
            calls: e.calls,
            lineStyle: { width: 1 + 5 * (e.calls / maxEdge), color: '#94a3b8', curveness: 0.1 },
          })),
        },
      ],
    }),
    [graph, maxNode, maxEdge],
  );
  // A number opens every call it is in; an edge opens the calls from its caller to its callee.
  const onClick = (event: ChartClick) => {
    const data = event.data as { name?: string; source?: string; target?: string } | undefined;
    if (event.dataType === 'edge' && data?.source && data.target)
      navigate('calls', { ...filters, caller: data.source, callee: data.target });
    else if (data?.name) navigate('calls', { ...filters, phone: data.name });
  };

  return (
    <section className="panel chart-panel">
      <h2>Who called whom</h2>
      <p className="muted small-print">
        Blue: Ukrainian numbers (+380); red: Russian (+7). Click a number for its calls.
      </p>
      <EChart option={option} onClick={onClick} height={440} testId="call-graph" />
    </section>
  );
}
