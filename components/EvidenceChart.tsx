import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { followContainerWidth } from '../lib/ui/plot-width';
import 'uplot/dist/uPlot.min.css';
import { formatPercent } from '../lib/core/format';
import type { EvidencePathChart } from '../lib/ui/evidence-panel';
import { cssVar } from '../lib/ui/theme';
import { useResolvedTheme } from './use-resolved-theme';

const HORIZON_TICKS: Record<number, string> = { 0: '0', 21: '1m', 63: '3m', 126: '6m', 252: '12m' };

/**
 * The median path of IWM's total return after a signal day vs after any day: x in trading days
 * after the day (not dates, so not MiniChart's time axis), y in %.
 */
export function EvidenceChart({ chart, height = 96 }: { chart: EvidencePathChart; height?: number }) {
  const host = useRef<HTMLDivElement>(null);
  const theme = useResolvedTheme();
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const colors = [cssVar('--chart-1', '#2149c2'), cssVar('--chart-2', '#b4590f')];
    const muted = cssVar('--muted', '#555c69');
    const grid = cssVar('--chart-grid', '#e4e7ec');
    const axisFont = '10px system-ui, sans-serif';
    const plot = new uPlot(
      {
        width: Math.max(120, Math.floor(el.clientWidth) || 320),
        height,
        legend: { show: false },
        cursor: { y: false, points: { size: 5 }, drag: { x: false, y: false, setScale: false } },
        padding: [6, 14, 0, 4],
        scales: { x: { time: false } },
        axes: [
          {
            stroke: muted,
            font: axisFont,
            size: 18,
            space: 50,
            gap: 2,
            ticks: { show: false },
            grid: { show: false },
            // Trading days after the day, labelled as the horizons the table uses.
            splits: () => [0, 21, 63, 126, 252],
            values: (_u, splits) => splits.map((v) => HORIZON_TICKS[v] ?? ''),
          },
          {
            stroke: muted,
            font: axisFont,
            size: 40,
            space: 22,
            gap: 3,
            ticks: { show: false },
            grid: { stroke: grid, width: 1 },
            values: (_u, splits) => splits.map((v) => formatPercent(v, 0, true)),
          },
        ],
        series: [
          {},
          ...chart.series.map((s, i): uPlot.Series => ({
            label: s.label,
            stroke: colors[i % colors.length],
            width: 1.5,
            dash: i === 1 ? [5, 3] : undefined,
            points: { show: false },
            spanGaps: true,
          })),
        ],
      },
      [chart.k, ...chart.series.map((s) => s.values)] as uPlot.AlignedData,
      el,
    );
    return followContainerWidth(plot, el, height);
  }, [chart, theme, height]);
  return <div class="evidence-chart-plot" ref={host} role="img" aria-label={chart.label} />;
}
