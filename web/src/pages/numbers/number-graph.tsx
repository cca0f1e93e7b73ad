import { useMemo } from 'react';
import type { NumberGraph } from '../../api/numbers.ts';
import { EChart, type ChartClick } from '../../components/echart.tsx';
import { navigate } from '../../router.ts';
import { numberHref } from './number-href.ts';
import { numberGraphOption } from './number-graph-option.ts';

/**
 * Who called whom around the number, two hops out. Clicking a number opens its page; the list
 * under the chart gives the same links to keyboard and screen-reader users.
 */
export function NumberGraphChart({ graph, number }: { graph: NumberGraph; number: string }) {
  const option = useMemo(() => numberGraphOption(graph, number), [graph, number]);
  const onClick = (event: ChartClick) => {
    const data = event.data as { name?: string } | undefined;
    if (event.dataType === 'node' && data?.name && data.name !== number)
      navigate(`numbers/${encodeURIComponent(data.name)}`);
  };
  const others = graph.nodes.filter((n) => n.hop > 0);
  return (
    <section className="panel number-graph" aria-labelledby="number-graph-title">
      <h2 id="number-graph-title">Call graph</h2>
      {others.length === 0 ? (
        <p className="muted">No counterparts known.</p>
      ) : (
        <>
          <p className="muted small-print">
            Orange: this number; blue: numbers it called or was called by; grey: their other counterparts.
            Click a number to open its page.
          </p>
          <EChart option={option} onClick={onClick} height={380} testId="number-graph" />
          <details className="graph-list">
            <summary>Numbers in the graph ({others.length})</summary>
            <ul>
              {others.map((n) => (
                <li key={n.number}>
                  <a href={numberHref(n.number)}>{n.number}</a>{' '}
                  <span className="muted">
                    {n.hop === 1 ? 'counterpart' : 'second hop'} · {n.calls} calls
                  </span>
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  );
}
