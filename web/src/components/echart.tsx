import { BarChart, GraphChart, LineChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts the desk draws, so the bundle stays small. SVG: crisp at any size, and each
// point is a DOM element (a browser test can click it like a person would).
echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  GraphChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  GeoComponent,
  // labelLayout: hides labels that would overlap (map places, call graph numbers).
  LabelLayout,
  SVGRenderer,
]);

export { echarts };
export type ChartOption = echarts.EChartsCoreOption;
export interface ChartClick {
  seriesName?: string;
  seriesType?: string;
  name?: string;
  dataIndex?: number;
  dataType?: string;
  data?: unknown;
}

/** An ECharts chart that follows its container's size; `onClick` gets the clicked point. */
export function EChart({
  option,
  onClick,
  height,
  testId,
}: {
  option: ChartOption;
  onClick?: (event: ChartClick) => void;
  height: number;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (event) => clickRef.current?.(event as ChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} className="chart" style={{ height }} data-testid={testId} />;
}
