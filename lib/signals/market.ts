/**
 * Market context for small caps: IWM's drawdown from its all-time closing high, IWM/SPY relative
 * strength, and the 2-year / 10-year Treasury yields.
 *
 * Inputs are plain `{date, close}` rows (PriceBar fits) and FRED Observations, oldest first.
 * Note: Stooq and Yahoo's adjusted series are split/dividend-adjusted, so "all-time high" is on the
 * series given; pass unadjusted closes if the quoted-price high is wanted.
 */
import type { Observation } from '../source-data';
import {
  daysBetween,
  OPEN_MINUTES,
  REGULAR_CLOSE_MINUTES,
  sessionCloseMinutes,
  sessionHasClosed,
} from '../core/market-time';

export interface CloseRow {
  date: string;
  close: number;
}

function clean(rows: readonly CloseRow[], asOf?: string): CloseRow[] {
  return rows
    .filter((r) => Number.isFinite(r.close) && r.close > 0 && (asOf === undefined || r.date <= asOf))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Partial sessions

/** Rows of volume before the last one whose median is "a normal day". */
const VOLUME_LOOKBACK = 20;
/** A last row traded less than this share of a normal day (scaled to the session length) is partial. */
const PARTIAL_VOLUME_SHARE = 0.5;

export interface PartialSession<T> {
  row: T;
  reason: 'session-open' | 'low-volume';
  /** Volume as a share of the median of the previous rows (null when unknown). */
  volumeShare: number | null;
}

/**
 * Splits off a last row that is not a close: its session had not closed when the data was
 * fetched (`fetchedAt`, New York clock and NYSE calendar), or its volume is under half of a normal
 * day's (median of the previous 20 rows, scaled down on early-close days) — the sign of an
 * intraday snapshot written as a daily row, as in the recorded Stooq files of 5 May 2026.
 */
export function splitPartialSession<T extends CloseRow & { volume?: number | null }>(
  rows: readonly T[],
  fetchedAt: Date,
): { closed: T[]; partial: PartialSession<T> | null } {
  const sorted = [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const last = sorted.at(-1);
  if (!last) return { closed: sorted, partial: null };
  const volumes = sorted
    .slice(-1 - VOLUME_LOOKBACK, -1)
    .map((r) => r.volume)
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0)
    .sort((a, b) => a - b);
  const median = volumes.length >= 5 ? volumes[Math.floor(volumes.length / 2)]! : null;
  const volumeShare =
    median && typeof last.volume === 'number' && Number.isFinite(last.volume) ? last.volume / median : null;
  const partial = (reason: PartialSession<T>['reason']) => ({
    closed: sorted.slice(0, -1),
    partial: { row: last, reason, volumeShare },
  });
  if (!sessionHasClosed(last.date, fetchedAt)) return partial('session-open');
  const close = sessionCloseMinutes(last.date) ?? REGULAR_CLOSE_MINUTES;
  const sessionShare = (close - OPEN_MINUTES) / (REGULAR_CLOSE_MINUTES - OPEN_MINUTES);
  if (volumeShare !== null && volumeShare < PARTIAL_VOLUME_SHARE * sessionShare) return partial('low-volume');
  return { closed: sorted, partial: null };
}

// ---------------------------------------------------------------------------------------------
// Drawdown

export interface Drawdown {
  asOf: string;
  close: number;
  /** All-time closing high on or before asOf, and its date (the first day it was reached). */
  high: number;
  highDate: string;
  /** ≤ 0, e.g. −12.3 */
  drawdownPct: number;
  /** Rise needed from `close` to regain the high, e.g. +14.0 */
  riseToHighPct: number;
  /** Rows since the high (0 = at the high today). */
  sessionsSinceHigh: number;
  /** Drawdown per day over the last `seriesDays` rows, for a chart. */
  series: Array<{ date: string; drawdownPct: number }>;
}

export function drawdownFromHigh(
  rows: readonly CloseRow[],
  options: { asOf?: string; seriesDays?: number } = {},
): Drawdown | null {
  const bars = clean(rows, options.asOf);
  const last = bars.at(-1);
  if (!last) return null;
  const seriesDays = options.seriesDays ?? 252;
  let high = -Infinity;
  let highDate = '';
  let highIdx = 0;
  const series: Drawdown['series'] = [];
  bars.forEach((b, i) => {
    if (b.close > high) {
      high = b.close;
      highDate = b.date;
      highIdx = i;
    }
    if (i >= bars.length - seriesDays) series.push({ date: b.date, drawdownPct: (b.close / high - 1) * 100 });
  });
  return {
    asOf: last.date,
    close: last.close,
    high,
    highDate,
    drawdownPct: (last.close / high - 1) * 100,
    riseToHighPct: (high / last.close - 1) * 100,
    sessionsSinceHigh: bars.length - 1 - highIdx,
    series,
  };
}

// ---------------------------------------------------------------------------------------------
// Relative strength (IWM / SPY)

export type RelativeTrend = 'rising' | 'falling' | 'mixed' | 'insufficient';

export interface RelativeStrength {
  asOf: string;
  ratio: number;
  /** Ratio on common dates over the last `days` rows, oldest first. */
  series: Array<{ date: string; ratio: number }>;
  /** % change of the ratio over the last 63 common sessions (~3 months). */
  change3mPct: number | null;
  /** % change over the last `days` common sessions (~1 year); null with less data. */
  change1yPct: number | null;
  sma50: number | null;
  sma200: number | null;
  trend: RelativeTrend;
}

/**
 * Ratio a/b on the dates both have. Trend: 'rising' when the 50-day average of the ratio is above
 * the 200-day one AND the 3-month change is positive; 'falling' when both point down; 'mixed'
 * otherwise. The average cross filters day-to-day noise (the usual chartist definition); requiring
 * the 3-month change to agree avoids calling a trend that has just turned.
 */
export function relativeStrength(
  a: readonly CloseRow[],
  b: readonly CloseRow[],
  options: { days?: number; asOf?: string } = {},
): RelativeStrength | null {
  const days = options.days ?? 252;
  const bByDate = new Map(clean(b, options.asOf).map((r) => [r.date, r.close]));
  const all: Array<{ date: string; ratio: number }> = [];
  for (const r of clean(a, options.asOf)) {
    const d = bByDate.get(r.date);
    if (d !== undefined) all.push({ date: r.date, ratio: r.close / d });
  }
  const last = all.at(-1);
  if (!last) return null;
  const series = all.slice(-days);
  const sma = (n: number) => (all.length >= n ? all.slice(-n).reduce((s, x) => s + x.ratio, 0) / n : null);
  const ago = (n: number) => (all.length > n ? (all[all.length - 1 - n]?.ratio ?? null) : null);
  const r63 = ago(63);
  const r1y = ago(days); // null with less than a year of data, never a shorter span labelled as a year
  const change3mPct = r63 ? (last.ratio / r63 - 1) * 100 : null;
  const sma50 = sma(50);
  const sma200 = sma(200);
  let trend: RelativeTrend = 'insufficient';
  if (sma50 !== null && sma200 !== null && change3mPct !== null) {
    if (sma50 > sma200 && change3mPct > 0) trend = 'rising';
    else if (sma50 < sma200 && change3mPct < 0) trend = 'falling';
    else trend = 'mixed';
  }
  return {
    asOf: last.date,
    ratio: last.ratio,
    series,
    change3mPct,
    change1yPct: r1y ? (last.ratio / r1y - 1) * 100 : null,
    sma50,
    sma200,
    trend,
  };
}

// ---------------------------------------------------------------------------------------------
// Yields

/** `YYYY-MM-DD` minus whole months, the day clamped to the target month's length. */
export function minusMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 - months;
  const d = Number(date.slice(8, 10));
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  const dim = new Date(Date.UTC(yy, mm + 1, 0)).getUTCDate();
  return `${yy}-${String(mm + 1).padStart(2, '0')}-${String(Math.min(d, dim)).padStart(2, '0')}`;
}

export interface YieldPoint {
  date: string;
  /** Percent */
  value: number;
  /** Change in basis points vs the last observation on or before one / three months earlier. */
  change1mBp: number | null;
  change3mBp: number | null;
}

/** Latest value and its 1- and 3-month changes (null when the history has a gap > 10 days there). */
export function yieldPoint(obs: readonly Observation[]): YieldPoint | null {
  const sorted = obs.filter((o) => Number.isFinite(o.value)).sort((a, b) => (a.date < b.date ? -1 : 1));
  const last = sorted.at(-1);
  if (!last) return null;
  const change = (months: number): number | null => {
    const target = minusMonths(last.date, months);
    let ref: Observation | undefined;
    for (const o of sorted) {
      if (o.date <= target) ref = o;
      else break;
    }
    if (!ref || daysBetween(ref.date, target) > 10) return null;
    return Math.round((last.value - ref.value) * 10000) / 100; // bp, float noise removed
  };
  return { date: last.date, value: last.value, change1mBp: change(1), change3mBp: change(3) };
}

export interface YieldSnapshot {
  twoYear: YieldPoint | null;
  tenYear: YieldPoint | null;
  /** 10y − 2y on the dates both have (percentage points; changes in bp). */
  spread: YieldPoint | null;
  /** Last `days` common dates, for a chart. */
  series: Array<{ date: string; twoYear: number; tenYear: number; spread: number }>;
}

export function yieldSnapshot(
  dgs2: readonly Observation[],
  dgs10: readonly Observation[],
  options: { days?: number } = {},
): YieldSnapshot {
  const days = options.days ?? 252;
  const tenByDate = new Map(dgs10.map((o) => [o.date, o.value]));
  const common = dgs2
    .filter((o) => tenByDate.has(o.date))
    .map((o) => {
      const ten = tenByDate.get(o.date) ?? NaN;
      return {
        date: o.date,
        twoYear: o.value,
        tenYear: ten,
        spread: Math.round((ten - o.value) * 10000) / 10000,
      };
    })
    .filter((x) => Number.isFinite(x.spread))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  return {
    twoYear: yieldPoint(dgs2),
    tenYear: yieldPoint(dgs10),
    spread: yieldPoint(common.map((c) => ({ date: c.date, value: c.spread }))),
    series: common.slice(-days),
  };
}
