import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { cssVar } from '../lib/ui/theme';
import { useResolvedTheme } from './use-resolved-theme';
import { yRange } from '../lib/ui/chart-data';

interface Props {
  x: number[];
  values: number[];
  /** Accessible name, e.g. "CRDO closes, last 30 days". */
  label: string;
  /** Text equivalent, e.g. "Up 4.2% over 30 days, from $52.10 to $54.29." */
  summary: string;
  width?: number;
  height?: number;
}

/** A tiny line with no axes; always paired with a visually hidden text equivalent. */
export function Sparkline({ x, values, label, summary, width = 72, height = 22 }: Props) {
  const host = useRef<HTMLSpanElement>(null);
  const theme = useResolvedTheme();
  const drawable = x.length >= 2 && x.length === values.length;

  useEffect(() => {
    const el = host.current;
    if (!el || !drawable) return;
    const plot = new uPlot(
      {
        width,
        height,
        legend: { show: false },
        cursor: { show: false },
        padding: [2, 1, 2, 1],
        axes: [{ show: false }, { show: false }],
        scales: { x: { time: false }, y: { range: () => yRange(values, false) } },
        series: [{}, { stroke: cssVar('--chart-1', '#2149c2'), width: 1.25, points: { show: false } }],
      },
      [x, values],
      el,
    );
    return () => plot.destroy();
  }, [x, values, width, height, theme, drawable]);

  return (
    <span class="sparkline">
      {drawable ? <span ref={host} role="img" aria-label={label} class="sparkline-plot" /> : null}
      <span class="sr-only">{summary}</span>
    </span>
  );
}
