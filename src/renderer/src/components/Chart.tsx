/** A minimal ECharts wrapper: init on mount, setOption on change, resize with the box, dispose on unmount. */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([
  BarChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

export interface ChartProps {
  option: EChartsCoreOption;
  height: number;
  onBarClick?: (name: string) => void;
  testId?: string;
  /**
   * A short description of what `option` shows. Written to the element's data-nb-shown once the
   * option is set, so a test can wait for the chart to show given data (the canvas itself is opaque).
   */
  shown?: string;
}

export function Chart({
  option,
  height,
  onBarClick,
  testId,
  shown,
}: ChartProps): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onBarClick);
  clickRef.current = onBarClick;

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => {
      if (typeof p.name === 'string') clickRef.current?.(p.name);
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
    if (box.current && shown !== undefined) box.current.dataset.nbShown = shown;
  }, [option, shown]);

  return <div ref={box} style={{ width: '100%', height }} data-testid={testId} />;
}
