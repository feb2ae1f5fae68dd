/**
 * Last line of defence before a write: a file can parse cleanly and still be wrong (a
 * truncated holdings file, a placeholder series). Anything implausible is rejected in words a
 * user understands, and the last good data stays.
 */
import type { FundHistoryRow, HoldingsSnapshot, Observation, PriceSeries } from '../source-data';
import type { Dataset, DatasetKey } from './datasets';

export const MIN_RUSSELL_2000_ROWS = 1500;
export const MIN_RUSSELL_1000_ROWS = 900;

export function implausibility(key: DatasetKey, ds: Dataset<unknown>): string | null {
  switch (key) {
    case 'iwm': {
      const h = ds.data as HoldingsSnapshot;
      if (h.constituents.length < MIN_RUSSELL_2000_ROWS) {
        return `IWM holdings list only ${h.constituents.length} stocks (a full file has about 1,900): kept the previous list`;
      }
      const sum = h.constituents.reduce((a, c) => a + c.weightPct, 0);
      if (sum < 95 || sum > 101) {
        return `IWM holdings weights add up to ${sum.toFixed(1)} % instead of about 100 %: kept the previous list`;
      }
      return null;
    }
    case 'r1000': {
      const n = (ds.data as string[]).length;
      return n < MIN_RUSSELL_1000_ROWS ? `IWB holdings list only ${n} stocks (about 1,000 expected)` : null;
    }
    case 'fundHistory': {
      const rows = ds.data as FundHistoryRow[];
      if (rows.length < 20) return `The IWM fund history has only ${rows.length} days`;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        if (!(r.nav > 0)) return `The IWM fund history has a NAV of ${r.nav} on ${r.date}`;
        if (i > 0 && rows[i - 1]!.date >= r.date)
          return `The IWM fund history's dates go backwards at ${r.date}`;
      }
      return null;
    }
    case 'prices:IWM':
    case 'prices:SPY': {
      const s = ds.data as PriceSeries;
      const bad = s.bars.find((b) => !(b.close > 0));
      if (bad) return `${s.symbol} has a closing price of ${bad.close} on ${bad.date}`;
      for (let i = 1; i < s.bars.length; i++) {
        if (s.bars[i - 1]!.date >= s.bars[i]!.date)
          return `${s.symbol} prices go backwards at ${s.bars[i]!.date}`;
      }
      return s.bars.length < 5 ? `${s.symbol}: only ${s.bars.length} days of prices` : null;
    }
    default:
      if (key.startsWith('fred:')) {
        const obs = ds.data as Observation[];
        const bad = obs.find((o) => !(o.value > -5 && o.value < 30));
        if (bad) return `${key.slice(5)} has an impossible value ${bad.value} % on ${bad.date}`;
      }
      return null;
  }
}
