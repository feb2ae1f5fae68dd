import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { ChartSeries } from '../lib/view-models';

type MiniChartProps = { chart: ChartSeries; label: string; height?: number };

let loaded: ComponentType<MiniChartProps> | null = null;
let loading: Promise<ComponentType<MiniChartProps>> | null = null;

/**
 * uPlot (and the chart code) load after the first paint: the popup shows its figures at once
 * and the charts fill in a moment later. Until then the chart's text equivalent holds its place.
 */
export function LazyMiniChart(props: MiniChartProps) {
  const [Chart, setChart] = useState<ComponentType<MiniChartProps> | null>(() => loaded);
  useEffect(() => {
    if (Chart) return;
    let alive = true;
    loading ??= import('./MiniChart').then((m) => (loaded = m.MiniChart));
    void loading.then((c) => alive && setChart(() => c));
    return () => {
      alive = false;
    };
  }, [Chart]);
  if (Chart) return <Chart {...props} />;
  return (
    <div
      class="mini-chart-placeholder"
      style={{ minHeight: `${props.height ?? 72}px` }}
      role="img"
      aria-label={props.label}
    >
      <span class="sr-only">{props.chart.summary}</span>
    </div>
  );
}
