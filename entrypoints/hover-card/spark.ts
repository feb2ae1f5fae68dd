/**
 * The card's 3-month price line as an SVG polyline (uPlot stays out of the content script: see
 * the size budget in index.ts), with the text equivalent a screen reader reads instead.
 */
import { formatPercent, formatPrice } from '../../lib/core/format';

const DAY = 86_400;

export interface SparkShape {
  points: string;
  summary: string;
  first: number;
  last: number;
}

/** Closes from the last `days` calendar days before the final point; null when under 2 points. */
export function sparkShape(
  x: readonly number[],
  close: readonly number[],
  width: number,
  height: number,
  days = 92,
  currency: string | null = 'USD',
): SparkShape | null {
  const n = Math.min(x.length, close.length);
  if (n < 2) return null;
  const end = x[n - 1]!;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = x[i]!;
    const v = close[i]!;
    if (t < end - days * DAY || !Number.isFinite(v)) continue;
    xs.push(t);
    ys.push(v);
  }
  if (xs.length < 2) return null;
  const x0 = xs[0]!;
  const xSpan = end - x0 || 1;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of ys) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const ySpan = hi - lo || 1;
  const pad = 1;
  const pts = xs.map((t, i) => {
    const px = pad + ((t - x0) / xSpan) * (width - 2 * pad);
    const py = pad + (1 - (ys[i]! - lo) / ySpan) * (height - 2 * pad);
    return `${px.toFixed(1)},${py.toFixed(1)}`;
  });
  const first = ys[0]!;
  const last = ys[ys.length - 1]!;
  const pct = first !== 0 ? ((last - first) / first) * 100 : null;
  const dir = pct === null ? 'Changed' : pct > 0 ? 'Up' : pct < 0 ? 'Down' : 'Flat';
  const mag = pct === null || pct === 0 ? '' : ` ${formatPercent(Math.abs(pct), 1)}`;
  const summary = `${dir}${mag} over 3 months, from ${formatPrice(first, currency)} to ${formatPrice(last, currency)} (low ${formatPrice(lo, currency)}, high ${formatPrice(hi, currency)}).`;
  return { points: pts.join(' '), summary, first, last };
}
