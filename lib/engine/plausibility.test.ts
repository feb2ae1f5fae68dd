import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { implausibility } from './plausibility';
import type { BundledSnapshot } from './datasets';

const snap = JSON.parse(readFileSync('lib/data/snapshot.json', 'utf8')) as BundledSnapshot;

describe('implausibility', () => {
  it('accepts the real bundled datasets', () => {
    expect(implausibility('iwm', snap.iwm!)).toBeNull();
    expect(implausibility('r1000', snap.r1000!)).toBeNull();
    expect(implausibility('fundHistory', snap.fundHistory!)).toBeNull();
    expect(implausibility('prices:IWM', snap.prices.IWM!)).toBeNull();
    expect(implausibility('fred:DGS2', snap.fred.DGS2!)).toBeNull();
  });

  it('rejects a truncated holdings file, bad weights, bad NAV, backwards dates, zero prices', () => {
    const iwm = snap.iwm!;
    expect(
      implausibility('iwm', {
        ...iwm,
        data: { ...iwm.data, constituents: iwm.data.constituents.slice(0, 900) },
      }),
    ).toMatch(/only 900 stocks/);
    const doubled = iwm.data.constituents.map((c) => ({ ...c, weightPct: c.weightPct * 2 }));
    expect(implausibility('iwm', { ...iwm, data: { ...iwm.data, constituents: doubled } })).toMatch(
      /add up to/,
    );
    const fund = snap.fundHistory!;
    const badNav = fund.data.map((r, i) => (i === 5 ? { ...r, nav: 0 } : r));
    expect(implausibility('fundHistory', { ...fund, data: badNav })).toMatch(/NAV of 0/);
    expect(implausibility('fundHistory', { ...fund, data: [...fund.data].reverse() })).toMatch(/backwards/);
    const p = snap.prices.IWM!;
    const zero = { ...p.data, bars: p.data.bars.map((b, i) => (i === 3 ? { ...b, close: 0 } : b)) };
    expect(implausibility('prices:IWM', { ...p, data: zero })).toMatch(/closing price of 0/);
    expect(
      implausibility('fred:DGS10', { ...snap.fred.DGS10!, data: [{ date: '2026-01-02', value: 400 }] }),
    ).toMatch(/impossible/);
  });
});
