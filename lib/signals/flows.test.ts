import { describe, expect, it } from 'vitest';
import { unwrap } from '../result';
import type { FundHistoryRow } from '../source-data';
import { readReal } from '../../test/shared-fixtures';
import { parseIsharesFundHistory, parseIsharesFundHistoryCsv } from '../sources/ishares-fund';
import { computeFlowSignal, dailyFlows, minusYears, percentileRank, rollingFlowSums } from './flows';

const cents = (x: number) => Math.round(x * 100) / 100;

describe('flows on the IWM excerpt (SOURCES.md §2b reference values)', () => {
  const history = () =>
    unwrap(parseIsharesFundHistory(readReal('ishares_IWM_fund_2025-12-24.excerpt.spreadsheetml.xls')))
      .history;

  it('65 trading days 24 Sep – 24 Dec 2025, same-day NAV = 5,420,181,244.85 USD', () => {
    const s = computeFlowSignal(history());
    expect(s.current).not.toBeNull();
    expect(s.current?.start).toBe('2025-09-24');
    expect(s.current?.date).toBe('2025-12-24');
    expect(cents(s.current?.sum ?? NaN)).toBe(5_420_181_244.85);
    expect(s.current?.sharesChange).toBe(21_400_000);
    // % of assets: 5.42 B / (252.645908 × 304,650,000)
    expect(s.current?.pctOfAssets).toBeCloseTo((5_420_181_244.85 / (252.645908 * 304_650_000)) * 100, 9);
    // 108 flows → 44 windows: too few to rank against 3 years.
    expect(s.daily).toHaveLength(108);
    expect(s.rolling).toHaveLength(44);
    expect(s.state).toBe('insufficient-history');
    expect(s.percentile).toBeNull();
  });

  it('previous-day NAV = 5,443,490,639.55 USD', () => {
    const s = computeFlowSignal(history(), { navBasis: 'previous-day' });
    expect(cents(s.current?.sum ?? NaN)).toBe(5_443_490_639.55);
  });

  it('bridges a day whose share count is missing (the next change spans it)', () => {
    const h = history().map((r) => (r.date === '2025-12-23' ? { ...r, sharesOutstanding: null } : r));
    const d = dailyFlows(h);
    const dec24 = d.find((f) => f.date === '2025-12-24');
    expect(dec24).toMatchObject({
      fromDate: '2025-12-22',
      spanRows: 2,
      sharesChange: 304_650_000 - 302_100_000,
    });
    expect(d.some((f) => f.date === '2025-12-23')).toBe(false);
  });
});

describe('flows on the long IWM CSV history (2000 – Feb 2025)', () => {
  const history = () =>
    unwrap(parseIsharesFundHistoryCsv(readReal('ishares_IWM_fund_historical_2025-02-04.csv'))).history;
  // Expected values computed independently (Python, math.fsum) from the same CSV.

  it('Feb 2025: 65-day sum 3.768 B, 83rd percentile of 3 years, z 1.03 → neutral', () => {
    const s = computeFlowSignal(history());
    expect(s.asOf).toBe('2025-02-04');
    expect(cents(s.current?.sum ?? NaN)).toBe(3_768_092_857.9);
    expect(s.current?.start).toBe('2024-10-30');
    expect(s.current?.pctOfAssets).toBeCloseTo(5.0652, 4);
    expect(s.lookback).toMatchObject({ from: '2022-02-07', to: '2025-02-04', count: 751 });
    expect(s.percentile).toBeCloseTo(83.1558, 3);
    expect(s.zScore).toBeCloseTo(1.0307, 3);
    expect(s.state).toBe('neutral');
    // The skipped `--` rows (Good Friday / Sunday 2024) leave no zero-flow days behind.
    expect(s.daily.some((f) => f.date === '2024-03-29' || f.date === '2024-03-31')).toBe(false);
    expect(s.daily.find((f) => f.date === '2024-04-01')?.fromDate).toBe('2024-03-28');
  });

  it('ranking by % of assets', () => {
    const s = computeFlowSignal(history(), { rankBy: 'pct-of-assets' });
    expect(s.percentile).toBeCloseTo(79.5606, 3);
  });

  it('Apr 2024: −5.67 B, lowest of 3 years → heavy-outflows (contrarian reading)', () => {
    const s = computeFlowSignal(history().filter((r) => r.date <= '2024-04-11'));
    expect(cents(s.current?.sum ?? NaN)).toBe(-5_666_617_673.5);
    expect(s.lookback?.count).toBe(756);
    expect(s.percentile).toBeCloseTo(0.0661, 3);
    expect(s.zScore).toBeCloseTo(-2.1963, 3);
    expect(s.state).toBe('heavy-outflows');
    expect(s.reading).toMatch(/historically/);
    expect(s.reading).toMatch(/not a promise/);
  });

  it('Feb 2021: +5.51 B, 96th percentile → heavy-inflows', () => {
    const s = computeFlowSignal(history().filter((r) => r.date <= '2021-02-10'));
    expect(cents(s.current?.sum ?? NaN)).toBe(5_505_181_196.35);
    expect(s.percentile).toBeCloseTo(96.0927, 3);
    expect(s.zScore).toBeCloseTo(1.9832, 3);
    expect(s.state).toBe('heavy-inflows');
  });
});

describe('flows helpers', () => {
  const row = (date: string, nav: number, so: number | null): FundHistoryRow => ({
    date,
    nav,
    sharesOutstanding: so,
    exDividend: null,
  });

  it('no data and too little data', () => {
    expect(computeFlowSignal([]).state).toBe('insufficient-history');
    expect(computeFlowSignal([]).current).toBeNull();
    const s = computeFlowSignal([row('2025-01-02', 10, 100), row('2025-01-03', 11, 110)]);
    expect(s.state).toBe('insufficient-history');
    expect(s.daily).toEqual([
      {
        date: '2025-01-03',
        sharesChange: 10,
        flow: 110,
        nav: 11,
        assets: 1210,
        spanRows: 1,
        fromDate: '2025-01-02',
      },
    ]);
  });

  it('input order does not matter; previous-day NAV uses the starting row', () => {
    const h = [row('2025-01-06', 12, 90), row('2025-01-02', 10, 100), row('2025-01-03', 11, 110)];
    expect(dailyFlows(h).map((f) => f.flow)).toEqual([110, -240]);
    expect(dailyFlows(h, 'previous-day').map((f) => f.flow)).toEqual([100, -220]);
  });

  it('rolling sums and percentile rank', () => {
    const d = dailyFlows([row('a1', 1, 0), row('a2', 1, 1), row('a3', 1, 3), row('a4', 1, 6)]);
    expect(rollingFlowSums(d, 2).map((r) => [r.start, r.date, r.sum])).toEqual([
      ['a2', 'a3', 3],
      ['a3', 'a4', 5],
    ]);
    expect(percentileRank([1, 2, 3, 4], 3)).toBe(62.5);
    expect(minusYears('2024-02-29', 3)).toBe('2021-02-28');
    expect(minusYears('2025-12-24', 3)).toBe('2022-12-24');
  });
});

describe('flows across a hole in the history', () => {
  it('does not book a months-long gap as one day, nor roll windows across it', async () => {
    const { dailyFlows, rollingFlowSums } = await import('./flows');
    const row = (date: string, so: number) => ({ date, nav: 100, sharesOutstanding: so, exDividend: null });
    const history = [
      row('2025-01-02', 1000),
      row('2025-01-03', 1010),
      row('2025-01-06', 1020),
      // five months missing
      row('2025-07-01', 5000),
      row('2025-07-02', 5010),
      row('2025-07-03', 5030),
    ];
    const daily = dailyFlows(history);
    expect(daily.map((d) => d.date)).toEqual(['2025-01-03', '2025-01-06', '2025-07-02', '2025-07-03']);
    expect(daily.every((d) => Math.abs(d.sharesChange) <= 20)).toBe(true);
    const rolling = rollingFlowSums(daily, 2);
    expect(rolling.map((r) => r.date)).toEqual(['2025-01-06', '2025-07-03']);
  });
});
