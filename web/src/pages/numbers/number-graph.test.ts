import { describe, expect, it } from 'vitest';
import type { NumberGraph } from '../../api/numbers.ts';
import { numberGraphOption } from './number-graph-option.ts';

interface Series {
  data: { name: string; category: number; symbolSize: number; label?: unknown }[];
  links: { source: string; target: string; calls: number }[];
}

describe('numberGraphOption', () => {
  it('draws the number largest, colours each hop, and draws every call edge', () => {
    const graph: NumberGraph = {
      nodes: [
        { number: '+380501734482', hop: 0, calls: 4 },
        { number: '+79161234567', hop: 1, calls: 3 },
        { number: '+79203316845', hop: 1, calls: 1 },
        { number: '+79990001122', hop: 2, calls: 1 },
      ],
      edges: [
        { caller: '+380501734482', callee: '+79161234567', calls: 2 },
        { caller: '+79161234567', callee: '+79990001122', calls: 1 },
      ],
    };
    const option = numberGraphOption(graph, '+380501734482') as { series: Series[] };
    const series = option.series[0]!;
    expect(series.data.map((d) => [d.name, d.category])).toEqual([
      ['+380501734482', 0],
      ['+79161234567', 1],
      ['+79203316845', 1],
      ['+79990001122', 2],
    ]);
    expect(series.data[0]!.symbolSize).toBe(30);
    // Bigger for more calls; the second hop unlabelled until hovered.
    expect(series.data[1]!.symbolSize).toBeGreaterThan(series.data[2]!.symbolSize);
    expect(series.data[3]!.label).toEqual({ show: false });
    expect(series.links.map((l) => [l.source, l.target, l.calls])).toEqual([
      ['+380501734482', '+79161234567', 2],
      ['+79161234567', '+79990001122', 1],
    ]);
  });
});
