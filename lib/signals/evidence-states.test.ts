import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReal } from '../../test/shared-fixtures';
import { unwrap } from '../result';
import { parseFredCsv } from '../sources/fred';
import { parseStooqCsv } from '../sources/stooq';
import { cleanFundHistory, totalReturnIndex } from './evidence-history';
import { asOfLookup, drawdowns, flowPercentiles, relativeTrends, yieldChanges3m } from './evidence-states';
import { fundRows, rawRows } from './evidence-testing';
import { relativeStrength, yieldPoint } from './market';

describe('flows: bottom-decile days, counted independently', () => {
  it('matches a naive count over 2011 – Feb 2025 (share of assets, 3-year rank)', () => {
    // Independent: consecutive rows with a share count, ΔSO × same-day NAV, 65-flow sums as a
    // share of the end day's assets, ranked (ties half) among sums dated after the same day 3
    // years earlier. No spikes after 2007, so no cleaning is needed for these dates.
    const rows = rawRows().filter((r) => r.shares !== null);
    const flows: Array<{ date: string; flow: number; assets: number }> = [];
    for (let i = 1; i < rows.length; i++) {
      const r = rows[i]!;
      flows.push({
        date: r.date,
        flow: (r.shares! - rows[i - 1]!.shares!) * r.nav,
        assets: r.nav * r.shares!,
      });
    }
    const sums: Array<{ date: string; pct: number }> = [];
    for (let e = 64; e < flows.length; e++) {
      let s = 0;
      for (let k = e - 64; k <= e; k++) s += flows[k]!.flow;
      sums.push({ date: flows[e]!.date, pct: (s / flows[e]!.assets) * 100 });
    }
    let expected = 0;
    for (const s of sums) {
      if (s.date < '2011-01-01') continue;
      const from = `${Number(s.date.slice(0, 4)) - 3}${s.date.slice(4)}`;
      const pool = sums.filter((x) => x.date > from && x.date <= s.date);
      const below = pool.filter((x) => x.pct < s.pct).length;
      const equal = pool.filter((x) => x.pct === s.pct).length;
      if (((below + equal / 2) / pool.length) * 100 <= 10) expected++;
    }

    const pct = flowPercentiles(cleanFundHistory(fundRows()).rows);
    const got = [...pct].filter(([d, p]) => d >= '2011-01-01' && p <= 10).length;
    expect(expected).toBeGreaterThan(200);
    expect(got).toBe(expected);
  });
});

describe('no look-ahead: a day’s state uses data up to that day only', () => {
  const cleaned = cleanFundHistory(fundRows());
  const rows = cleaned.rows;
  const full = flowPercentiles(rows);
  const dd = drawdowns(totalReturnIndex(rows, cleaned.bridged));

  it('flow percentiles and drawdowns do not change when the future is cut off', () => {
    fc.assert(
      fc.property(fc.integer({ min: 900, max: rows.length - 1 }), (cut) => {
        const past = rows.slice(0, cut + 1);
        const d = past[cut]!.date;
        expect(flowPercentiles(past).get(d)).toBe(full.get(d));
        const ddPast = drawdowns(totalReturnIndex(past, cleaned.bridged));
        expect(ddPast[cut]).toBe(dd[cut]);
      }),
      { numRuns: 12 },
    );
  });

  const iwm = unwrap(parseStooqCsv(readReal('stooq_iwm_us_d_2026-05-05.csv'), 'IWM')).bars;
  const spy = unwrap(parseStooqCsv(readReal('stooq_spy_us_d_2026-05-05.csv'), 'SPY')).bars;
  const trends = relativeTrends(iwm, spy);

  it('the IWM/SPY trend on each day is relativeStrength(asOf: that day) – the card’s own rule', () => {
    fc.assert(
      fc.property(fc.integer({ min: 150, max: iwm.length - 1 }), (k) => {
        const d = iwm[k]!.date;
        const r = relativeStrength(iwm, spy, { asOf: d });
        const t = trends.get(d);
        if (r?.trend === 'insufficient') expect(t).toBeUndefined();
        else expect(t).toBe(r?.trend);
      }),
      { numRuns: 40 },
    );
  });

  it('the 3-month yield change on each day is yieldPoint over the data up to that day', () => {
    const obs = unwrap(parseFredCsv(readReal('fred_DGS2_2021-02-12_to_2026-02-12.csv'), 'DGS2')).series.DGS2!;
    const changes = yieldChanges3m(obs);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: obs.length - 1 }), (k) => {
        const past = obs.slice(0, k + 1);
        const p = yieldPoint(past);
        expect(changes.get(obs[k]!.date) ?? null).toBe(p?.change3mBp ?? null);
      }),
      { numRuns: 60 },
    );
  });
});

describe('as-of lookup', () => {
  it('answers the latest earlier value within the allowed age, for increasing dates', () => {
    const at = asOfLookup(
      new Map([
        ['2025-01-10', 1],
        ['2025-01-02', 0],
      ]),
      7,
    );
    expect(at('2025-01-01')).toBeUndefined();
    expect(at('2025-01-02')).toBe(0);
    expect(at('2025-01-09')).toBe(0);
    expect(at('2025-01-10')).toBe(1);
    expect(at('2025-01-18')).toBeUndefined();
  });
});

describe('drawdowns', () => {
  it('are read only after a year of rows, as % below the running high', () => {
    const tr = { dates: ['a', 'b', 'c', 'd'], index: [1, 1.2, 0.9, 1.3], segment: [0, 0, 0, 0] };
    expect(drawdowns(tr, 2)).toEqual([null, 0, (0.9 / 1.2 - 1) * 100, 0]);
  });
});
