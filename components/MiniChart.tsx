import { useEffect, useId, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { followContainerWidth } from '../lib/ui/plot-width';
import 'uplot/dist/uPlot.min.css';
import type { ChartSeries } from '../lib/view-models';
import {
  axisDateLabels,
  barColors,
  formatChartValue,
  hasDrawableData,
  readoutAt,
  toAlignedData,
  yRange,
} from '../lib/ui/chart-data';
import { cssVar } from '../lib/ui/theme';
import { useResolvedTheme } from './use-resolved-theme';

// uPlot's facet-unit enum is a `const enum` in its typings; 3 = "values are colours".
const FACET_COLOR = 3 as uPlot.Series.BarsPathBuilderFacetUnit;
// Market dates are UTC midnights: show them as UTC so no one sees "the day before".
const utc = (ts: number) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC');
const DASHES: Array<number[] | undefined> = [undefined, [5, 3], [2, 2]];

interface Props {
  chart: ChartSeries;
  /** Short accessible name, e.g. "IWM daily net flows, bar chart". */
  label: string;
  height?: number;
}

/**
 * A small uPlot chart (bars or lines) that fills its container's width. Screen readers get the
 * label plus ChartSeries.summary; sighted users get the same summary under the chart only when
 * there is nothing to draw.
 */
export function MiniChart({ chart, label, height = 72 }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const theme = useResolvedTheme();
  const summaryId = useId();
  const [hover, setHover] = useState<number | null>(null);
  const summary = chart.summary;
  const drawable = hasDrawableData(chart);

  useEffect(() => {
    const el = host.current;
    if (!el || !drawable) return;
    const colors = [cssVar('--chart-1', '#2149c2'), cssVar('--chart-2', '#b4590f')];
    const muted = cssVar('--muted', '#555c69');
    const grid = cssVar('--chart-grid', '#e4e7ec');
    const good = cssVar('--good', '#146b3f');
    const bad = cssVar('--bad', '#ad1f29');
    const isBar = chart.kind === 'bar';
    const unit = chart.series[0]?.unit ?? '';
    const data = toAlignedData(chart);
    const allY = data.slice(1).flat() as Array<number | null>;
    const axisFont = '10px system-ui, sans-serif';

    const series: uPlot.Series[] = [
      {},
      ...chart.series.map((s, i): uPlot.Series => {
        if (isBar) {
          return {
            label: s.label,
            width: 0,
            fill: colors[0],
            paths: uPlot.paths.bars!({
              size: [0.7, 12],
              disp: {
                fill: {
                  unit: FACET_COLOR,
                  values: (u, sidx) => barColors((u.data[sidx] ?? []) as Array<number | null>, good, bad),
                },
              },
            }),
            points: { show: false },
          };
        }
        return {
          label: s.label,
          stroke: colors[i % colors.length],
          width: 1.5,
          dash: DASHES[i % DASHES.length],
          points: { show: false },
          spanGaps: false,
        };
      }),
    ];

    const opts: uPlot.Options = {
      width: Math.max(120, Math.floor(el.clientWidth) || 320),
      height,
      tzDate: utc,
      legend: { show: false },
      cursor: { y: false, points: { size: 5 }, drag: { x: false, y: false, setScale: false } },
      padding: [6, 4, 0, 0],
      scales: {
        x: { time: true },
        y: { range: () => yRange(allY, isBar) },
      },
      axes: [
        {
          stroke: muted,
          font: axisFont,
          size: 18,
          space: 70,
          gap: 2,
          ticks: { show: false },
          grid: { show: false },
          values: (u, splits) =>
            axisDateLabels(splits, ((u.scales.x?.max ?? 0) - (u.scales.x?.min ?? 0)) / 86_400),
        },
        {
          stroke: muted,
          font: axisFont,
          size: 46,
          space: 22,
          gap: 3,
          ticks: { show: false },
          grid: { stroke: grid, width: 1 },
          values: (_u, splits) => splits.map((v) => formatChartValue(v, unit)),
        },
      ],
      series,
      hooks: {
        setCursor: [(u) => setHover(u.cursor.idx ?? null)],
      },
    };
    const plot = new uPlot(opts, data as uPlot.AlignedData, el);
    return followContainerWidth(plot, el, height);
  }, [chart, theme, height, drawable]);

  return (
    <figure class="mini-chart">
      {drawable ? (
        <>
          <div
            class="mini-chart-plot"
            ref={host}
            role="img"
            aria-label={label}
            aria-describedby={summaryId}
          />
          <figcaption class="mini-chart-legend small muted" aria-hidden="true">
            {chart.series.length > 1 || chart.kind === 'line'
              ? chart.series.map((s, i) => (
                  <span key={s.label} class="legend-key">
                    <span class={`legend-swatch legend-swatch-${i % 3}`} />
                    {s.label}
                  </span>
                ))
              : null}
            <span class="chart-readout num">{readoutAt(chart, hover)}</span>
          </figcaption>
          <p id={summaryId} class="sr-only">
            {chart.summary}
          </p>
        </>
      ) : (
        <p id={summaryId} class="mini-chart-fallback small muted">
          {summary}
        </p>
      )}
    </figure>
  );
}
