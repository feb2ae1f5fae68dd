/**
 * Issue 12, findings 5–7: rank and sector weight among current Russell 2000 members only;
 * placeholder and unlisted holdings lines are not shown as listed members; membership from a
 * holdings file older than the last reconstitution is flagged, and the June 2026 final lists
 * are applied. Real files: IWM holdings of 5 May 2026, IWB of 17 Jul 2026, FTSE Russell's June
 * 2026 additions/deletions, the Nasdaq Trader + SEC universe bundled with the extension.
 */
import { describe, expect, it } from 'vitest';
import { unwrap } from '../result';
import type { Provenance } from '../source-data';
import { readReal } from '../../test/shared-fixtures';
import { parseIsharesHoldings } from '../sources/ishares-holdings';
import { parseReconstitutionCsv } from '../sources/reconstitution';
import { bundledCalendars } from '../sources/calendars';
import { loadUniverse } from '../detect';
import type { UniverseData } from '../detect/build';
import universeJson from '../data/universe.json';
import { createTickerLookup, type TickerContext } from './ticker';

const prov = (source: string, asOf: string): Provenance => ({ source, label: source, asOf });
const iwm = unwrap(parseIsharesHoldings(readReal('IWM_holdings_2026-05-05.csv'), { fund: 'IWM' }));
const iwb = unwrap(parseIsharesHoldings(readReal('IWB_holdings_2026-07-17.csv'), { fund: 'IWB' }));
const lists2026 = [
  ...unwrap(
    parseReconstitutionCsv(
      readReal('ftserussell_ru3000_additions_final_2026-06-26.derived.csv'),
      'added',
      '2026-06-26',
    ),
  ),
  ...unwrap(
    parseReconstitutionCsv(
      readReal('ftserussell_ru3000_deletions_final_2026-06-26.derived.csv'),
      'deleted',
      '2026-06-26',
    ),
  ),
];
const universe = loadUniverse(universeJson as unknown as UniverseData);
const listing: TickerContext['listing'] = (symbol) => {
  const info = universe.resolve(symbol);
  return info
    ? { name: info.name || null, exchange: info.exchange || null, listed: !info.otc, etf: info.etf }
    : null;
};
const reconEffectiveDates = bundledCalendars().russell.map((e) => e.effective.date);

const ctx = (today: string, withListing = true): TickerContext => ({
  r2000: { holdings: iwm, provenance: prov('ishares-holdings', '2026-05-05') },
  r1000: { holdings: iwb, provenance: prov('ishares-holdings', '2026-07-17') },
  recon: { changes: lists2026, provenance: prov('ftse-russell', '2026-06-26') },
  ...(withListing ? { listing } : {}),
  today,
  reconEffectiveDates,
});

describe('finding 5: rank and sector weight among current Russell 2000 members', () => {
  const lookup = createTickerLookup(ctx('2026-12-06'));
  it('no name the newer Russell 1000 file holds is ranked or counted', () => {
    const inIwb = new Set(iwb.constituents.map((c) => c.ticker));
    const moved = iwm.constituents.filter((c) => inIwb.has(c.ticker));
    expect(moved).toHaveLength(40);
    for (const c of moved) {
      const info = lookup(c.ticker);
      expect(info.russell2000).toBeNull();
      expect(info.russell1000).toBe(true);
    }
  });
  it('ranks run 1…of over current members only', () => {
    const ranks = iwm.constituents
      .map((c) => lookup(c.ticker).russell2000)
      .filter((r) => r !== null && r.rank !== null)
      .map((r) => r!.rank!);
    const of = lookup(iwm.constituents.find((c) => lookup(c.ticker).russell2000)!.ticker).russell2000!.of;
    // 1,921 rows − 40 Russell 1000 − 114 deleted on 26 Jun 2026 − 57 more not listed: 6
    // placeholder lines (4 CVRs, ADRO's second line, an escrow) and 51 symbols in no US listing
    // of Jul/Aug 2026 (2 of the 59 unlisted were deleted anyway).
    expect(of).toBe(1710);
    expect(new Set(ranks).size).toBe(of);
    expect(Math.min(...ranks)).toBe(1);
    expect(Math.max(...ranks)).toBe(of);
  });
});

describe('finding 6: placeholder and unlisted holdings are not shown as listed', () => {
  const lookup = createTickerLookup(ctx('2026-06-01'));
  it('a "NO MARKET (E.G. UNLISTED)" CVR line is neither listed nor ranked', () => {
    const inh = lookup('INH');
    expect(inh.listed).toBe(false);
    expect(inh.russell2000).toBeNull();
    expect(inh.membershipNote).toBe(
      'Held by IWM as an unlisted line (NO MARKET (E.G. UNLISTED)): not counted as a listed Russell 2000 member.',
    );
  });
  it('an escrow line under a non-ticker code is not listed', () => {
    const esc = lookup('P5N994');
    expect(esc.listed).toBe(false);
    expect(esc.russell2000).toBeNull();
  });
  it('a holdings symbol in neither the Nasdaq Trader nor the SEC files is not listed', () => {
    const unknown = iwm.constituents.filter((c) => listing(c.ticker) === null);
    expect(unknown.length).toBeGreaterThan(0);
    for (const c of unknown) {
      const info = lookup(c.ticker);
      expect(info.listed).toBe(false);
      expect(info.russell2000).toBeNull();
    }
  });
  it('a listed member stays listed; a member since delisted (EchoStar, in no 2026 listing) does not', () => {
    expect(lookup('AGX')).toMatchObject({ listed: true, russell2000: { basis: 'holdings' } });
    expect(lookup('SATS')).toMatchObject({ listed: false, russell2000: null });
    expect(lookup('SATS').membershipNote).toMatch(/neither the Nasdaq Trader nor the SEC listings/);
  });
});

describe('finding 7: membership from a file older than the last reconstitution', () => {
  it('before 26 Jun 2026 the May file stands, with no flag and no list applied', () => {
    const info = createTickerLookup(ctx('2026-06-01'))('AARD');
    expect(info.russell2000).not.toBeNull();
    expect(info.membershipNote).toBeNull();
  });
  it('after it, a name on neither list "may have changed at the 26 Jun 2026 reconstitution"', () => {
    const info = createTickerLookup(ctx('2026-12-06'))('AGX');
    expect(info.russell2000?.basis).toBe('holdings');
    expect(info.membershipNote).toBe(
      'Membership from the iShares IWM holdings of 5 May 2026 may have changed at the 26 Jun 2026 reconstitution.',
    );
  });
  it('a June 2026 deletion is no longer a member, and says so', () => {
    const info = createTickerLookup(ctx('2026-12-06'))('AARD');
    expect(info.russell2000).toBeNull();
    expect(info.reconstitution).toMatchObject({ change: 'deleted', effective: '2026-06-26' });
    expect(info.membershipNote).toMatch(/deleted from the Russell 3000 at the 26 Jun 2026 reconstitution/);
  });
  it('a June 2026 addition not in the newer Russell 1000 file is a Russell 2000 member without a weight', () => {
    const info = createTickerLookup(ctx('2026-12-06'))('DIBS');
    expect(info.russell2000).toMatchObject({
      basis: 'reconstitution',
      weightPct: null,
      rank: null,
      sector: 'Technology',
    });
    expect(info.reconstitution).toMatchObject({ change: 'added', effective: '2026-06-26' });
    expect(info.membershipProvenance?.source).toBe('ftse-russell');
  });
  it('a June 2026 addition the newer IWB file holds is Russell 1000', () => {
    const info = createTickerLookup(ctx('2026-12-06'))('ALM');
    expect(info.russell2000).toBeNull();
    expect(info.russell1000).toBe(true);
  });
});
