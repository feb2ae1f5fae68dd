import { describe, expect, it } from 'vitest';
import { unwrap } from '../result';
import type { Observation } from '../source-data';
import { readReal } from '../../test/shared-fixtures';
import {
  drawdownFromHigh,
  minusMonths,
  relativeStrength,
  yieldPoint,
  yieldSnapshot,
  type CloseRow,
} from './market';

/** Tiny local readers, so these tests do not depend on the source parsers. */
function readStooq(name: string): CloseRow[] {
  const lines = readReal(name).split(/\r?\n/).slice(1);
  return lines
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const c = l.split(',');
      return { date: c[0] ?? '', close: Number(c[4]) };
    });
}
function readFred(name: string): Observation[] {
  return readReal(name)
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .filter((c) => c.length === 2 && c[1] !== '' && c[1] !== '.')
    .map((c) => ({ date: c[0] ?? '', value: Number(c[1]) }));
}

// Expected values computed independently (Python) from the same files.
describe('drawdown on the Stooq IWM history (2005 – 2026-05-05)', () => {
  const iwm = () => readStooq('stooq_iwm_us_d_2026-05-05.csv');

  it('the last row is the all-time closing high', () => {
    const rows = iwm();
    expect(rows).toHaveLength(5330);
    const d = unwrap({ ok: true, value: drawdownFromHigh(rows), warnings: [] });
    expect(d).toMatchObject({
      asOf: '2026-05-05',
      close: 282.145,
      high: 282.145,
      highDate: '2026-05-05',
      sessionsSinceHigh: 0,
    });
    expect(d?.drawdownPct).toBe(0);
    expect(d?.riseToHighPct).toBe(0);
    expect(d?.series).toHaveLength(252);
  });

  it('as of 2020-03-23: −41.1 % from the 2018-08-31 high, +69.9 % needed', () => {
    const d = drawdownFromHigh(iwm(), { asOf: '2020-03-23' });
    expect(d?.highDate).toBe('2018-08-31');
    expect(d?.high).toBe(164.141);
    expect(d?.close).toBe(96.6259);
    expect(d?.drawdownPct).toBeCloseTo(-41.1323800878513, 9);
    expect(d?.riseToHighPct).toBeCloseTo((164.141 / 96.6259 - 1) * 100, 9);
  });

  it('the deepest drawdown in the file is 2009-03-09 (−59.9 %)', () => {
    const rows = iwm();
    let worst = { date: '', dd: 0 };
    for (const r of rows.filter((x) => x.date >= '2009-03-01' && x.date <= '2009-03-31')) {
      const d = drawdownFromHigh(rows, { asOf: r.date, seriesDays: 0 });
      if (d && d.drawdownPct < worst.dd) worst = { date: r.date, dd: d.drawdownPct };
    }
    expect(worst.date).toBe('2009-03-09');
    expect(worst.dd).toBeCloseTo(-59.894146196837, 9);
  });

  it('is null without data', () => {
    expect(drawdownFromHigh([])).toBeNull();
  });
});

describe('IWM/SPY relative strength', () => {
  const iwm = () => readStooq('stooq_iwm_us_d_2026-05-05.csv');

  it('a series against itself is flat (ratio 1, trend mixed)', () => {
    const r = relativeStrength(iwm(), iwm());
    expect(r?.ratio).toBe(1);
    expect(r?.series).toHaveLength(252);
    expect(r?.change3mPct).toBe(0);
    expect(r?.trend).toBe('mixed');
  });

  it('real IWM against a benchmark growing 10 %/yr: IWM rallied into May 2026 → rising', () => {
    const rows = iwm();
    const t0 = Date.parse('2005-01-01');
    const bench = rows.map((r) => ({
      date: r.date,
      close: 100 * Math.exp((0.1 * (Date.parse(r.date) - t0)) / (365.25 * 86_400_000)),
    }));
    const r = relativeStrength(rows, bench);
    expect(r?.asOf).toBe('2026-05-05');
    expect(r?.sma50).not.toBeNull();
    expect(r?.sma200).not.toBeNull();
    // IWM: 2026-05-05 282.145 vs 63 sessions earlier; the benchmark adds ~2.4 % a quarter.
    const i63 = rows[rows.length - 1 - 63]!.close;
    const b63 = bench[bench.length - 1 - 63]!.close;
    expect(r?.change3mPct).toBeCloseTo((282.145 / bench.at(-1)!.close / (i63 / b63) - 1) * 100, 9);
    // Independent Python run: 50-day 0.311270, 200-day 0.306029, 3-month +4.73 % → rising.
    expect(r?.sma50).toBeCloseTo(0.311270174913133, 9);
    expect(r?.sma200).toBeCloseTo(0.306029035780923, 9);
    expect(r?.change3mPct).toBeCloseTo(4.73007494707391, 6);
    expect(r?.trend).toBe('rising');
  });
});

describe('relative strength on synthetic series', () => {
  const days = Array.from({ length: 300 }, (_, i) =>
    new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10),
  );
  it('rising, falling, insufficient; only common dates count', () => {
    const flat = days.map((date) => ({ date, close: 100 }));
    const up = days.map((date, i) => ({ date, close: 100 + i }));
    const down = days.map((date, i) => ({ date, close: 400 - i }));
    expect(relativeStrength(up, flat)?.trend).toBe('rising');
    expect(relativeStrength(down, flat)?.trend).toBe('falling');
    expect(relativeStrength(up.slice(0, 150), flat)?.trend).toBe('insufficient');
    expect(relativeStrength(up.slice(0, 150), flat)?.change1yPct).toBeNull();
    expect(relativeStrength(up, flat)?.change1yPct).toBeCloseTo((399 / 147 - 1) * 100, 9);
    const r = relativeStrength(
      up.filter((_, i) => i % 2 === 0),
      flat,
    );
    expect(r?.series.length).toBe(150);
    expect(relativeStrength(up, [])).toBeNull();
  });
});

describe('yields from the FRED DGS2 / DGS10 files', () => {
  it('2026-02-12: 2y 3.47 % (−7 / −9 bp), 10y 4.09 % (−10 / +1 bp), spread 0.62', () => {
    const s = yieldSnapshot(
      readFred('fred_DGS2_2021-02-12_to_2026-02-12.csv'),
      readFred('fred_DGS10_2021-02-12_to_2026-02-12.csv'),
    );
    expect(s.twoYear).toEqual({ date: '2026-02-12', value: 3.47, change1mBp: -7, change3mBp: -9 });
    expect(s.tenYear).toEqual({ date: '2026-02-12', value: 4.09, change1mBp: -10, change3mBp: 1 });
    // Spread 10y−2y: 0.62 now, 0.65 on 2026-01-12, 0.52 on 2025-11-12.
    expect(s.spread).toEqual({ date: '2026-02-12', value: 0.62, change1mBp: -3, change3mBp: 10 });
    expect(s.series).toHaveLength(252);
    expect(s.series.at(-1)).toEqual({ date: '2026-02-12', twoYear: 3.47, tenYear: 4.09, spread: 0.62 });
  });

  it('the old FRED format tail (`.` for missing) reads the same way', () => {
    const p = yieldPoint(readFred('fred_DGS2_oldformat_tail_to_2024-01-25.csv'));
    expect(p?.date).toBe('2024-01-25');
    expect(p?.change1mBp).not.toBeNull();
  });
});

describe('yield helpers', () => {
  it('month arithmetic clamps the day', () => {
    expect(minusMonths('2026-03-31', 1)).toBe('2026-02-28');
    expect(minusMonths('2026-01-15', 3)).toBe('2025-10-15');
  });
  it('a gap of more than 10 days gives no change rather than a stale one', () => {
    const p = yieldPoint([
      { date: '2025-01-02', value: 4 },
      { date: '2025-06-02', value: 4.5 },
    ]);
    expect(p).toEqual({ date: '2025-06-02', value: 4.5, change1mBp: null, change3mBp: null });
    expect(yieldPoint([])).toBeNull();
  });
});
