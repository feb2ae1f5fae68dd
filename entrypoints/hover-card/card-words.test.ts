import { describe, expect, it } from 'vitest';
import type { SmallCapStrip, TickerInfo } from '../../lib/view-models';
import { backdropText, membershipPhrase } from './card-words';
import { holdingsProvenance, tickerInfo } from '../../test/ticker-info';

const prov = holdingsProvenance('2026-05-05');
const base: TickerInfo = tickerInfo({ symbol: 'HWC', name: 'Hancock Whitney', membershipProvenance: prov });

describe('membershipPhrase', () => {
  it('says rank and weight as a reader would, and the sector share as the sector’s', () => {
    const m = membershipPhrase({
      ...base,
      russell2000: {
        weightPct: 0.1712,
        rank: 108,
        of: 1921,
        sector: 'Financials',
        sectorWeightPct: 16.24,
        provenance: prov,
        basis: 'holdings',
      },
    });
    expect(m.kind).toBe('r2000');
    expect(m.line).toBe('In the Russell 2000 · 108th largest of 1,921 · weight 0.17%');
    expect(m.sector).toBe('Its sector, Financials, is 16.24% of the index.');
  });

  it('never shows a tiny weight as 0.00%', () => {
    const m = membershipPhrase({
      ...base,
      russell2000: {
        weightPct: 0.0012,
        rank: 1900,
        of: 1921,
        sector: 'Energy',
        sectorWeightPct: 5,
        provenance: prov,
        basis: 'holdings',
      },
    });
    expect(m.line).toContain('weight <0.01%');
    expect(m.line).not.toContain('0.00%');
  });

  it('names the larger-company index, and says "not in" once', () => {
    expect(membershipPhrase({ ...base, russell1000: true, sp500: true })).toMatchObject({
      kind: 'r1000',
      line: 'In the Russell 1000 and the S&P 500 (a larger company)',
    });
    expect(membershipPhrase(base).line).toBe('Not in the Russell 2000 or Russell 1000');
  });
});

describe('backdropText', () => {
  const strip = (
    items: Array<[SmallCapStrip['items'][number]['state'], string, 'flows' | 'rates' | 'recon', boolean?]>,
  ) => ({
    items: items.map(([state, asOf, id, stale = false]) => ({
      id,
      label: id,
      value: 'x',
      state,
      asOf,
      source: 'S',
      stale,
    })),
  });

  it('counts favour and against and dates the newest market data (not the calendar)', () => {
    const s = strip([
      ['favours', '2026-10-02', 'flows'],
      ['against', '2026-10-05', 'rates'],
      ['neutral', '2026-12-01', 'recon'],
    ]);
    expect(backdropText(s, new Date('2026-10-06T12:00:00Z'))).toBe('1 favour · 1 against · as of 5 Oct 2026');
  });

  it('says how old the data are when the freshness rule calls them stale', () => {
    const s = strip([['neutral', '2026-05-05', 'flows', true]]);
    expect(backdropText(s, new Date('2026-12-06T12:00:00Z'))).toBe(
      '0 favour · 0 against · as of 5 May 2026 (215 days old, stale)',
    );
    // The same date, not flagged (a source whose cadence allows it): no age, no warning.
    expect(backdropText(strip([['neutral', '2026-05-05', 'flows']]), new Date('2026-12-06T12:00:00Z'))).toBe(
      '0 favour · 0 against · as of 5 May 2026',
    );
  });

  it('marks a reconstitution addition without a weight, and a member without a rank', () => {
    const r = {
      weightPct: null,
      rank: null,
      of: 1710,
      sector: 'Energy',
      sectorWeightPct: null,
      provenance: prov,
    };
    expect(membershipPhrase({ ...base, russell2000: { ...r, basis: 'reconstitution' } }).line).toBe(
      'In the Russell 2000 · added at the reconstitution, no weight yet',
    );
    expect(membershipPhrase({ ...base, russell2000: { ...r, weightPct: 0.2, basis: 'holdings' } }).line).toBe(
      'In the Russell 2000 · one of 1,710 · weight 0.20%',
    );
  });
});
