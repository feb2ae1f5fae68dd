/**
 * The signals of the evidence, one state per fund-history row, each read from data up to that day
 * only (never later): the 65-day flow rank, the drawdown from the high, the IWM/SPY trend and the
 * 2-year yield's 3-month change.
 */
import type { FundHistoryRow, Observation } from '../source-data';
import type { TotalReturnSeries } from './evidence-history';
import { dailyFlows, minusYears, rollingFlowSums } from './flows';
import { minusMonths, type CloseRow } from './market';

/**
 * 65-day flow as % of assets, ranked among the 65-day flows of the previous 3 years. A day is
 * ranked only when its lookback is fully covered (the first rolling value is 3 years older) and
 * holds at least 250 values, so the earliest ranks are not made from a few months of a new fund.
 */
export function flowPercentiles(rows: readonly FundHistoryRow[], windowDays = 65, lookbackYears = 3) {
  const rolling = rollingFlowSums(dailyFlows(rows), windowDays);
  const out = new Map<string, number>();
  const first = rolling[0]?.date;
  if (!first) return out;
  let lo = 0;
  for (let e = 0; e < rolling.length; e++) {
    const r = rolling[e]!;
    const from = minusYears(r.date, lookbackYears);
    if (first > from) continue;
    while (lo < e && rolling[lo]!.date <= from) lo++;
    const n = e - lo + 1;
    if (n < 250) continue;
    // percentileRank over rolling[lo..e] without copying the pool (this runs for every day).
    let below = 0;
    let equal = 0;
    const x = r.pctOfAssets;
    for (let k = lo; k <= e; k++) {
      const v = rolling[k]!.pctOfAssets;
      if (v < x) below++;
      else if (v === x) equal++;
    }
    out.set(r.date, ((below + equal / 2) / n) * 100);
  }
  return out;
}

/** % below the running high of the total-return index, once a year of history lies behind. */
export function drawdowns(tr: TotalReturnSeries, minRows = 252): Array<number | null> {
  let high = -Infinity;
  return tr.index.map((v, i) => {
    high = Math.max(high, v);
    return i + 1 >= minRows ? (v / high - 1) * 100 : null;
  });
}

export type RelativeTrendState = 'rising' | 'falling' | 'mixed';

/**
 * The IWM/SPY trend of lib/signals/market.ts `relativeStrength` for every common date, computed
 * in one pass (the same rules: 50- vs 200-day average of the ratio, and the 63-session change).
 */
export function relativeTrends(iwm: readonly CloseRow[], spy: readonly CloseRow[]) {
  const ok = (r: CloseRow) => Number.isFinite(r.close) && r.close > 0;
  const spyBy = new Map(spy.filter(ok).map((r) => [r.date, r.close]));
  const ratios: Array<{ date: string; ratio: number }> = [];
  for (const r of [...iwm].filter(ok).sort((a, b) => (a.date < b.date ? -1 : 1))) {
    const s = spyBy.get(r.date);
    if (s !== undefined) ratios.push({ date: r.date, ratio: r.close / s });
  }
  const prefix = [0];
  for (const r of ratios) prefix.push(prefix[prefix.length - 1]! + r.ratio);
  const out = new Map<string, RelativeTrendState>();
  ratios.forEach((r, i) => {
    if (i + 1 < 200 || i < 63) return;
    const sma50 = (prefix[i + 1]! - prefix[i + 1 - 50]!) / 50;
    const sma200 = (prefix[i + 1]! - prefix[i + 1 - 200]!) / 200;
    const change = (r.ratio / ratios[i - 63]!.ratio - 1) * 100;
    out.set(
      r.date,
      sma50 > sma200 && change > 0 ? 'rising' : sma50 < sma200 && change < 0 ? 'falling' : 'mixed',
    );
  });
  return out;
}

/**
 * The 2-year yield's 3-month change in bp on each observation date, by `yieldPoint`'s rule: the
 * last observation on or before the date 3 months earlier, no more than 10 days before it.
 */
export function yieldChanges3m(obs: readonly Observation[]): Map<string, number> {
  const sorted = obs.filter((o) => Number.isFinite(o.value)).sort((a, b) => (a.date < b.date ? -1 : 1));
  const out = new Map<string, number>();
  let ref = -1;
  for (const o of sorted) {
    const target = minusMonths(o.date, 3);
    while (ref + 1 < sorted.length && sorted[ref + 1]!.date <= target) ref++;
    const r = sorted[ref];
    if (!r || Date.parse(target) - Date.parse(r.date) > 10 * 86_400_000) continue;
    out.set(o.date, Math.round((o.value - r.value) * 10000) / 100);
  }
  return out;
}

/** The value on `date`, or on the latest earlier date no more than `maxDays` before. */
export function asOfLookup<T>(byDate: ReadonlyMap<string, T>, maxDays: number) {
  const dates = [...byDate.keys()].sort();
  let p = -1;
  // Called with increasing dates: a moving pointer keeps the whole pass linear.
  return (date: string): T | undefined => {
    while (p + 1 < dates.length && dates[p + 1]! <= date) p++;
    const d = dates[p];
    if (d === undefined || Date.parse(date) - Date.parse(d) > maxDays * 86_400_000) return undefined;
    return byDate.get(d);
  };
}
