/** Pure helpers behind MiniChart / Sparkline: data shaping and value formatting. */
import type { ChartSeries } from '../view-models';
import { formatBp, formatDate, formatMoney, formatNumber, formatPercent } from '../core/format';

/** Formats one chart value by its series unit ('$' / 'USD', '%', 'bp', 'ratio', anything else). */
export function formatChartValue(v: number | null | undefined, unit: string): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '—';
  if (v === 0 && /^(\$|usd)$/i.test(unit.trim())) return '$0'; // axis baseline, not "$0.00"
  switch (unit.trim().toLowerCase()) {
    case '$':
    case 'usd':
      return formatMoney(v, { signed: true });
    case '%':
    case 'percent':
    case 'pct':
      return formatPercent(v, 2);
    case 'bp':
      return formatBp(v);
    case 'ratio':
    case 'x':
    case '':
      return formatNumber(v, Math.abs(v) < 10 ? 3 : 2);
    default:
      return `${formatNumber(v, 2)} ${unit}`;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * One-line x-axis labels for UTC market dates: months ("Oct", "Jan ’26") over long spans,
 * days ("24 Dec") over short ones. uPlot's default adds a second line the mini charts can't fit.
 */
export function axisDateLabels(splits: number[], spanDays: number): string[] {
  return splits.map((ts) => {
    const d = new Date(ts * 1000);
    const m = MONTHS[d.getUTCMonth()] ?? '';
    if (spanDays > 75) return d.getUTCMonth() === 0 ? `${m} ’${String(d.getUTCFullYear()).slice(2)}` : m;
    return `${d.getUTCDate()} ${m}`;
  });
}

/** A chart is drawn only with at least two x points and one real value; else text only. */
export function hasDrawableData(chart: ChartSeries | null | undefined): chart is ChartSeries {
  if (!chart || chart.x.length < 2 || chart.series.length === 0) return false;
  return chart.series.some((s) => s.values.some((v) => typeof v === 'number' && Number.isFinite(v)));
}

/** uPlot's aligned data: x first, then each series padded/truncated to x's length. */
export function toAlignedData(chart: ChartSeries): [number[], ...Array<Array<number | null>>] {
  const n = chart.x.length;
  const ys = chart.series.map((s) =>
    Array.from({ length: n }, (_, i) => {
      const v = s.values[i];
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    }),
  );
  return [chart.x.slice(), ...ys];
}

/** Per-bar colours: inflows one colour, outflows another (the bar's side of zero also says it). */
export function barColors(values: Array<number | null>, up: string, down: string): string[] {
  return values.map((v) => (v !== null && v < 0 ? down : up));
}

/** The readout under a chart: the date and each series value at index i (or the last point). */
export function readoutAt(chart: ChartSeries, i: number | null): string {
  const n = chart.x.length;
  if (n === 0) return '';
  let idx = i ?? n - 1;
  if (i === null) {
    // the last index where any series has a value
    while (idx > 0 && chart.series.every((s) => s.values[idx] == null)) idx--;
  }
  const x = chart.x[idx];
  if (x === undefined) return '';
  const date = formatDate(new Date(x * 1000).toISOString().slice(0, 10));
  const parts = chart.series.map((s) => `${s.label} ${formatChartValue(s.values[idx], s.unit)}`);
  return `${date} · ${parts.join(' · ')}`;
}

/** Range padding so a flat line still shows, and bars always include zero. */
export function yRange(values: Array<number | null>, includeZero: boolean): [number, number] {
  const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (nums.length === 0) return [0, 1];
  let lo = Math.min(...nums);
  let hi = Math.max(...nums);
  if (includeZero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.05 || 1;
    return [lo - pad, hi + pad];
  }
  const pad = (hi - lo) * 0.08;
  return [includeZero && lo === 0 ? 0 : lo - pad, includeZero && hi === 0 ? 0 : hi + pad];
}
