import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReal } from '../../test/shared-fixtures';
import { unwrap } from '../result';
import { parseStooqCsv } from '../sources/stooq';
import type { FundHistoryRow } from '../source-data';
import {
  cleanFundHistory,
  forwardExcess,
  forwardReturn,
  spikeIndices,
  totalReturnIndex,
} from './evidence-history';
import { fundRows, rawRows } from './evidence-testing';

describe('total return from NAV with distributions reinvested (recorded IWM history)', () => {
  const cleaned = cleanFundHistory(fundRows());
  const tr = totalReturnIndex(cleaned.rows, cleaned.bridged);
  const at = (d: string) => tr.dates.indexOf(d);

  it('10 Dec 2024 → 31 Jan 2025 across the 17 Dec 2024 distribution of $0.694004', () => {
    // Closed form: one share bought at NAV(start) becomes 1 + D / NAV(ex) shares on the ex-date.
    const nav = new Map(rawRows().map((r) => [r.date, r]));
    const start = nav.get('2024-12-10')!.nav;
    const ex = nav.get('2024-12-17')!;
    const end = nav.get('2025-01-31')!.nav;
    expect(ex.div).toBe(0.694004);
    const expected = ((end * (1 + ex.div / ex.nav)) / start - 1) * 100;
    const i = at('2024-12-10');
    const j = at('2025-01-31');
    const got = forwardReturn(tr, i, j - i)!;
    expect(Math.abs(got - expected)).toBeLessThan(0.1);
    expect(got).toBeCloseTo(expected, 8);
    // The price change alone misses the distribution by ~0.3 points.
    expect(Math.abs(got - (end / start - 1) * 100)).toBeGreaterThan(0.25);
  });

  it('agrees with Stooq’s dividend-adjusted closes over a year to within half a point', () => {
    // A second, fully separate source: Stooq's adjusted series folds distributions in too
    // (closing price vs NAV keeps them from matching exactly). Only up to 2022: the recorded
    // Stooq IWM file carries unadjusted closes from late 2022 on (2023 closes equal the NAV).
    const stooq = new Map(
      unwrap(parseStooqCsv(readReal('stooq_iwm_us_d_2026-05-05.csv'), 'IWM')).bars.map((b) => [
        b.date,
        b.close,
      ]),
    );
    const i = at('2019-01-31');
    const j = at('2020-01-31');
    const navReturn = forwardReturn(tr, i, j - i)!;
    const stooqReturn = (stooq.get('2020-01-31')! / stooq.get('2019-01-31')! - 1) * 100;
    expect(Math.abs(navReturn - stooqReturn)).toBeLessThan(0.5);
  });

  it('a window across a hole of more than a week has no return', () => {
    const rows: FundHistoryRow[] = [
      { date: '2025-02-03', nav: 100, sharesOutstanding: 1, exDividend: null },
      { date: '2025-02-04', nav: 101, sharesOutstanding: 1, exDividend: null },
      { date: '2025-07-23', nav: 110, sharesOutstanding: 1, exDividend: null },
      { date: '2025-07-24', nav: 111, sharesOutstanding: 1, exDividend: null },
    ];
    const t = totalReturnIndex(rows);
    expect(forwardReturn(t, 0, 1)).toBeCloseTo(1, 9);
    expect(forwardReturn(t, 1, 1)).toBeNull();
    expect(forwardReturn(t, 2, 1)).toBeCloseTo((111 / 110 - 1) * 100, 9);
  });
});

describe('cleaning the recorded sheet', () => {
  it('drops the NAV plateau of 5–10 Jul 2001 and keeps the real October 2008 swings', () => {
    const c = cleanFundHistory(fundRows());
    expect(c.navSpikes).toEqual(['2001-07-05', '2001-07-06', '2001-07-09', '2001-07-10']);
    expect(c.rows.some((r) => r.date === '2008-10-13')).toBe(true);
    expect(c.rows.some((r) => r.date === '2008-10-15')).toBe(true);
    // One-day doubled share counts (e.g. 21 Sep 2001: 76.4 M between 38.2 M and 38.2 M).
    expect(c.shareSpikes).toContain('2001-09-21');
    expect(c.shareSpikes.every((d) => d < '2008-01-01')).toBe(true);
  });

  it('spikeIndices finds an injected plateau and nothing in a calm walk', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.03, max: 0.03, noNaN: true }), { minLength: 30, maxLength: 200 }),
        fc.nat(),
        (moves, at) => {
          const walk: number[] = [];
          let v = 100;
          for (const m of moves) walk.push((v *= 1 + m));
          expect(spikeIndices(walk, 0.08, 0.05, 2).size).toBe(0);
          const k = 1 + (at % (walk.length - 4));
          const spiked = walk.slice();
          spiked[k] = walk[k - 1]! * 1.2;
          spiked[k + 1] = walk[k - 1]! * 1.19;
          spiked[k + 2] = walk[k - 1]! * 1.01;
          const found = spikeIndices(spiked, 0.08, 0.05, 2);
          expect(found.has(k) && found.has(k + 1)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('forward excess over SPY', () => {
  it('is IWM’s forward return minus SPY’s over the same two dates, or null without both', () => {
    const rows: FundHistoryRow[] = [
      { date: '2025-02-03', nav: 100, sharesOutstanding: 1, exDividend: null },
      { date: '2025-02-04', nav: 102, sharesOutstanding: 1, exDividend: null },
    ];
    const tr = totalReturnIndex(rows);
    const spy = new Map([
      ['2025-02-03', 500],
      ['2025-02-04', 505],
    ]);
    expect(forwardExcess(tr, spy, 0, 1)).toBeCloseTo(2 - 1, 9);
    expect(forwardExcess(tr, new Map([['2025-02-03', 500]]), 0, 1)).toBeNull();
    expect(forwardExcess(tr, spy, 1, 1)).toBeNull();
  });
});
