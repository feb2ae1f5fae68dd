/**
 * ETF creation/redemption flows from the iShares Historical sheet.
 *
 * Daily net flow = ΔSharesOutstanding × NAV. By default the NAV of the same day as the new share
 * count is used: that is the convention of the usual published ETF flow figures and of our
 * reference value (5,420,181,244.85 USD for IWM, 24 Sep – 24 Dec 2025). The option
 * `navBasis: 'previous-day'` uses the NAV of the row the change starts from instead: iShares'
 * share count on day T often reflects creation orders struck at an earlier NAV, so the
 * previous-day figure can be closer to the cash actually exchanged. The two differ by the
 * day's NAV move on the changed shares (≈0.4 % over the reference window).
 *
 * No row-per-trading-day assumption: rows with null shares are skipped and the next change spans
 * them (`spanRows` says how many rows it bridges); calendar gaps are fine. The rolling window is
 * counted in flow observations ("trading days"), not calendar days.
 */
import type { FundHistoryRow } from '../source-data';
import { addDays, daysBetween } from '../core/market-time';
import { formatDate, ordinal } from '../core/format';

export type NavBasis = 'same-day' | 'previous-day';

export type FlowState = 'heavy-outflows' | 'heavy-inflows' | 'neutral' | 'insufficient-history';

export interface DailyFlow {
  date: string;
  /** Shares created (+) or redeemed (−) since the previous row with a share count. */
  sharesChange: number;
  /** USD. */
  flow: number;
  /** NAV used for this flow. */
  nav: number;
  /** Fund assets at the end of the day, NAV × shares outstanding (USD). */
  assets: number;
  /** Rows between this one and the previous row with shares (1 = adjacent). */
  spanRows: number;
  /** Date of the share count this change starts from. */
  fromDate: string;
}

export interface RollingFlow {
  /** Last day of the window. */
  date: string;
  /** First day of the window (its change starts from the row before). */
  start: string;
  sum: number;
  /** sum as % of the fund's assets on `date`. */
  pctOfAssets: number;
}

export interface FlowOptions {
  /** Window length in flow observations (trading days). Default 65 (~3 months). */
  windowDays?: number;
  navBasis?: NavBasis;
  /** Years of rolling sums the current one is ranked against. Default 3. */
  lookbackYears?: number;
  /** Fewest rolling sums in the lookback needed to rank (default 250 ≈ 1 year). */
  minLookback?: number;
  /** Percentile at or below which outflows count as heavy (default 10). */
  lowPercentile?: number;
  /** Percentile at or above which inflows count as heavy (default 90). */
  highPercentile?: number;
  /** Rank the dollar sums (default) or the sums as % of assets (fairer across fund size). */
  rankBy?: 'dollars' | 'pct-of-assets';
}

export interface FlowSignal {
  state: FlowState;
  navBasis: NavBasis;
  windowDays: number;
  /** Date of the newest row with a share count, or null without data. */
  asOf: string | null;
  /** The current window, null when there are fewer than windowDays flows. */
  current: (RollingFlow & { sharesChange: number }) | null;
  /** 0..100: share of lookback sums below the current one (ties count half). */
  percentile: number | null;
  zScore: number | null;
  lookback: Lookback | null;
  daily: DailyFlow[];
  rolling: RollingFlow[];
  /** Plain-language reading (historical, never a promise). */
  reading: string;
}

/**
 * The rolling sums the current one is ranked against: the real span (`to` is the last window's
 * end, not "now"), how many there are, and where none end because the history has a hole.
 */
export interface Lookback {
  from: string;
  to: string;
  count: number;
  mean: number;
  sd: number;
  /** Stretches of days (inclusive) on which no window ends because the history has a hole. */
  holes: Array<{ from: string; to: string }>;
}

/** Longest calendar gap bridged by one daily delta (a long weekend plus a holiday is 4–5 days). */
export const MAX_BRIDGE_DAYS = 7;

/** Daily flows, oldest first. `history` may be in any order; null-share rows are bridged. */
export function dailyFlows(history: readonly FundHistoryRow[], navBasis: NavBasis = 'same-day'): DailyFlow[] {
  const rows = [...history].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out: DailyFlow[] = [];
  let prev: FundHistoryRow | null = null;
  let prevIdx = -1;
  rows.forEach((row, i) => {
    const so = row.sharesOutstanding;
    if (so === null || !Number.isFinite(so) || !Number.isFinite(row.nav) || row.nav <= 0) return;
    // A hole of more than a week (a missing stretch of the file, not a holiday) is not one day's
    // flow: start again after it instead of booking months of creations on a single day.
    if (prev && daysBetween(prev.date, row.date) > MAX_BRIDGE_DAYS) prev = null;
    if (prev && prev.sharesOutstanding !== null) {
      const sharesChange = so - prev.sharesOutstanding;
      const nav = navBasis === 'same-day' ? row.nav : prev.nav;
      out.push({
        date: row.date,
        sharesChange,
        flow: sharesChange * nav,
        nav,
        assets: row.nav * so,
        spanRows: i - prevIdx,
        fromDate: prev.date,
      });
    }
    prev = row;
    prevIdx = i;
  });
  return out;
}

/** Rolling sums over `windowDays` flows (Neumaier-compensated so long runs stay exact to the cent). */
export function rollingFlowSums(daily: readonly DailyFlow[], windowDays = 65): RollingFlow[] {
  const out: RollingFlow[] = [];
  if (windowDays < 1) return out;
  // breaks[k] = number of discontinuities (a flow not starting where the previous one ended) up to k.
  const breaks: number[] = [];
  daily.forEach((d, k) => {
    const prevBreaks = k > 0 ? breaks[k - 1]! : 0;
    breaks.push(prevBreaks + (k > 0 && d.fromDate !== daily[k - 1]!.date ? 1 : 0));
  });
  for (let end = windowDays - 1; end < daily.length; end++) {
    const last = daily[end];
    const first = daily[end - windowDays + 1];
    if (!last || !first) continue;
    // Windows that straddle a hole in the history would not be 65 consecutive trading days.
    if (breaks[end]! - breaks[end - windowDays + 1]! > 0) continue;
    const sum = compensatedSum(daily, end - windowDays + 1, end + 1);
    out.push({
      date: last.date,
      start: first.date,
      sum,
      pctOfAssets: last.assets > 0 ? (sum / last.assets) * 100 : 0,
    });
  }
  return out;
}

function compensatedSum(daily: readonly DailyFlow[], from: number, to: number): number {
  let sum = 0;
  let c = 0;
  for (let i = from; i < to; i++) {
    const x = daily[i]?.flow ?? 0;
    const t = sum + x;
    c += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + c;
}

/** `YYYY-MM-DD` minus whole years (Feb 29 → Feb 28). */
export function minusYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  const md = date.slice(5);
  const out = `${String(y).padStart(4, '0')}-${md}`;
  return md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? `${y}-02-28` : out;
}

/** Percentile rank (0..100) of `x` among `values`: share below, ties counted half. */
export function percentileRank(values: readonly number[], x: number): number {
  if (values.length === 0) return NaN;
  let below = 0;
  let equal = 0;
  for (const v of values) {
    if (v < x) below++;
    else if (v === x) equal++;
  }
  return ((below + equal / 2) / values.length) * 100;
}

export function computeFlowSignal(history: readonly FundHistoryRow[], options: FlowOptions = {}): FlowSignal {
  const windowDays = options.windowDays ?? 65;
  const navBasis = options.navBasis ?? 'same-day';
  const lookbackYears = options.lookbackYears ?? 3;
  const minLookback = options.minLookback ?? 250;
  const low = options.lowPercentile ?? 10;
  const high = options.highPercentile ?? 90;
  const rankBy = options.rankBy ?? 'dollars';

  const daily = dailyFlows(history, navBasis);
  const rolling = rollingFlowSums(daily, windowDays);
  const asOf = daily.at(-1)?.date ?? null;
  const lastRolling = rolling.at(-1);
  const base = { navBasis, windowDays, asOf, daily, rolling };

  if (!lastRolling) {
    return {
      ...base,
      state: 'insufficient-history',
      current: null,
      percentile: null,
      zScore: null,
      lookback: null,
      reading: `Fewer than ${windowDays} days of share-count changes; the ${windowDays}-day flow cannot be computed yet.`,
    };
  }
  const windowStart = daily.length - windowDays;
  let sharesChange = 0;
  for (let i = windowStart; i < daily.length; i++) sharesChange += daily[i]?.sharesChange ?? 0;
  const current = { ...lastRolling, sharesChange };

  const from = minusYears(lastRolling.date, lookbackYears);
  const pool = rolling.filter((r) => r.date > from);
  const pick = (r: RollingFlow) => (rankBy === 'dollars' ? r.sum : r.pctOfAssets);
  const values = pool.map(pick);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  const holes: Lookback['holes'] = [];
  for (let i = 1; i < pool.length; i++) {
    const a = pool[i - 1]!.date;
    const b = pool[i]!.date;
    if (daysBetween(a, b) > MAX_BRIDGE_DAYS) holes.push({ from: addDays(a, 1), to: addDays(b, -1) });
  }
  const lookback: Lookback = {
    from: pool[0]?.date ?? lastRolling.date,
    to: lastRolling.date,
    count: pool.length,
    mean,
    sd,
    holes,
  };

  if (pool.length < minLookback) {
    return {
      ...base,
      state: 'insufficient-history',
      current,
      percentile: null,
      zScore: null,
      lookback,
      reading: `Only ${pool.length} ${windowDays}-day windows of history (need ${minLookback}) to rank the current flow.`,
    };
  }
  const percentile = percentileRank(values, pick(lastRolling));
  const zScore = sd > 0 ? (pick(lastRolling) - mean) / sd : 0;
  const years = `${lookbackYears} year${lookbackYears === 1 ? '' : 's'}`;
  const pctText = `${ordinal(percentile)} percentile of the ${pool.length} windows in the ${years} to ${formatDate(lookback.to)}`;
  let state: FlowState = 'neutral';
  let reading = `The ${windowDays}-day flow is at the ${pctText}: within the usual range.`;
  if (percentile <= low) {
    state = 'heavy-outflows';
    reading =
      `The ${windowDays}-day flow is at the ${pctText}: heavy selling. ` +
      'Read contrarian-style, such extremes have historically preceded better small-cap returns (not a promise).';
  } else if (percentile >= high) {
    state = 'heavy-inflows';
    reading =
      `The ${windowDays}-day flow is at the ${pctText}: heavy buying. ` +
      'Read contrarian-style, crowded buying has historically been a weaker backdrop (not a promise).';
  }
  return { ...base, state, current, percentile, zScore, lookback, reading };
}
