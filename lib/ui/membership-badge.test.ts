import { describe, expect, it } from 'vitest';
import type { TickerInfo, WatchlistItem } from '../view-models';
import { badgeFor, membershipChange, membershipOf } from './membership-badge';
import { holdingsProvenance, tickerInfo } from '../../test/ticker-info';

const prov = holdingsProvenance('2025-12-23');
const info = (over: Partial<TickerInfo>): TickerInfo =>
  tickerInfo({ symbol: 'CRDO', name: 'Credo Technology', membershipProvenance: prov, ...over });
const r2000 = {
  weightPct: 0.4231,
  rank: 12,
  of: 1974,
  sector: 'Information Technology',
  sectorWeightPct: 14,
  provenance: prov,
  basis: 'holdings' as const,
};

describe('membership', () => {
  it('badges each membership with words', () => {
    expect(badgeFor(info({ russell2000: r2000 })).text).toBe('R2000 0.42%');
    expect(badgeFor(info({ russell2000: r2000 })).long).toContain('rank 12 of 1974');
    expect(badgeFor(info({ russell1000: true })).text).toBe('Russell 1000');
    expect(badgeFor(info({ russell1000: true, sp500: true })).text).toBe('R1000 · S&P 500');
    expect(badgeFor(info({ sp500: true })).text).toBe('S&P 500');
    expect(badgeFor(info({})).long).toBe('Not in the Russell indexes');
    expect(badgeFor(null).kind).toBe('unknown');
  });

  it('flags a change since the pin, with the reconstitution date', () => {
    const pinned: WatchlistItem = {
      symbol: 'CRDO',
      note: '',
      addedAt: '2025-01-02T00:00:00Z',
      membershipAtPin: 'R2000',
    };
    expect(membershipChange(pinned, info({ russell2000: r2000 }))).toBeNull();
    const moved = info({
      russell1000: true,
      reconstitution: { change: 'deleted', effective: '2025-06-27', provenance: prov },
    });
    expect(membershipOf(moved)).toBe('R1000');
    expect(membershipChange(pinned, moved)).toBe(
      'Was Russell 2000 when pinned; now Russell 1000 at the 27 Jun 2025 reconstitution.',
    );
    expect(membershipChange({ ...pinned, membershipAtPin: null }, info({ russell2000: r2000 }))).toBe(
      'Was not in the Russell indexes when pinned; now Russell 2000.',
    );
  });

  it('does not flag a stock still in the index it was pinned in', () => {
    const pinned: WatchlistItem = {
      symbol: 'AAPL',
      note: '',
      addedAt: '2025-01-02T00:00:00Z',
      membershipAtPin: 'SP500',
    };
    expect(membershipChange(pinned, info({ russell1000: true, sp500: true }))).toBeNull();
    expect(membershipChange(pinned, info({ russell1000: true }))).toBe(
      'Was S&P 500 when pinned; now Russell 1000.',
    );
    expect(membershipChange({ ...pinned, membershipAtPin: null }, info({}))).toBeNull();
  });

  it('does not flag migrated items whose membership at pin is unknown', () => {
    const migrated: WatchlistItem = {
      symbol: 'CRDO',
      note: '',
      addedAt: new Date(0).toISOString(),
      membershipAtPin: null,
    };
    expect(membershipChange(migrated, info({ russell2000: r2000 }))).toBeNull();
    expect(membershipChange(migrated, null)).toBeNull();
  });
});
