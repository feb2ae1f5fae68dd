import { describe, expect, it } from 'vitest';
import { buildSignalCard } from '../signals/card';
import { BUNDLED_SNAPSHOT, loadBundledSignalInputs } from './inputs';

describe('the bundled snapshot (npm run snapshot, newest recordings) read offline on 6 Dec 2026', () => {
  const card = () => buildSignalCard(loadBundledSignalInputs(), '2026-12-06T15:00:00Z');

  it('all six factors are readable, each with a dated source and a stale flag', () => {
    const c = card();
    expect(c.factors.map((f) => f.id)).toEqual(['flows', 'rates', 'relative', 'drawdown', 'yields', 'recon']);
    for (const f of c.factors) {
      expect(f.state, f.id).not.toBe('unknown');
      expect(f.headline, f.id).not.toMatch(/Unavailable/);
      expect(f.provenance.length, f.id).toBeGreaterThan(0);
      for (const p of f.provenance) expect(p.asOf, `${f.id} ${p.label}`).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(typeof f.stale).toBe('boolean');
    }
  });

  it('the rates factor names the 9 Dec 2026 decision, the range and the newest odds (a hike), stale', () => {
    const rates = card().factors.find((f) => f.id === 'rates')!;
    expect(rates.details.find((d) => d.label === 'Next FOMC decision')?.value).toMatch(
      /^9 Dec 2026 \(in 3 days;/,
    );
    expect(rates.details.find((d) => d.label === 'Target range')?.value).toMatch(
      /^3\.75–4\.00% \(.*9 Oct 2026; may have changed at the 28 Oct 2026 decision\)$/,
    );
    expect(rates.headline).toBe('Hike 81% by 9 Dec (9 Oct)');
    expect(rates.stale).toBe(true);
    expect(rates.provenance[0]?.asOf).toBe('2026-10-09');
  });

  it('prices reach 5 Oct 2026 and the 2y yield 10 Sep 2026, dated as such; no intraday row', () => {
    const iwm = BUNDLED_SNAPSHOT.prices.IWM!;
    const spy = BUNDLED_SNAPSHOT.prices.SPY!;
    expect(iwm.provenance.asOf).toBe('2026-10-05');
    expect(spy.data.bars.length).toBeGreaterThan(800); // SPY history for the relative-strength factor
    expect(iwm.data.bars.some((b) => b.date === '2026-05-05')).toBe(false);
    expect(BUNDLED_SNAPSHOT.fred.DGS2?.provenance.asOf).toBe('2026-09-10');
    expect(BUNDLED_SNAPSHOT.reconstitution?.provenance.asOf).toBe('2026-06-26');
    expect(BUNDLED_SNAPSHOT.kalshi?.provenance.asOf).toBe('2026-10-06');
  });
});
