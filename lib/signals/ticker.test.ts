import { describe, expect, it } from 'vitest';
import { unwrap } from '../result';
import type { HoldingsSnapshot, PriceBar, Provenance } from '../source-data';
import { readReal } from '../../test/shared-fixtures';
import { parseIsharesHoldings } from '../sources/ishares-holdings';
import { parseReconstitutionCsv } from '../sources/reconstitution';
import { createTickerLookup, fiftyTwoWeekRange, tickerInfo, type TickerContext } from './ticker';

const prov = (source: string, asOf: string): Provenance => ({ source, label: source, asOf });

function readStooqBars(name: string): PriceBar[] {
  return readReal(name)
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const c = l.split(',').map(Number);
      const date = l.slice(0, 10);
      return {
        date,
        open: c[1] ?? null,
        high: c[2] ?? null,
        low: c[3] ?? null,
        close: c[4] ?? NaN,
        adjClose: null,
        volume: c[5] ?? null,
      };
    });
}

describe('tickerInfo on real holdings, S&P list and 2025 reconstitution lists', () => {
  const iwm = () => unwrap(parseIsharesHoldings(readReal('IWM_holdings_2026-05-05.csv'), { fund: 'IWM' }));
  const iwb = () => unwrap(parseIsharesHoldings(readReal('IWB_holdings_2026-07-17.csv'), { fund: 'IWB' }));
  const sp500Symbols = () =>
    readReal('sp500_constituents_wikipedia_2026-08-08.csv')
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0] ?? '')
      .filter((s) => s !== '');
  const recon = () => [
    ...unwrap(
      parseReconstitutionCsv(
        readReal('ftserussell_ru3000_additions_final_2025-06-27.extracted.csv'),
        'added',
        '2025-06-27',
      ),
    ),
    ...unwrap(
      parseReconstitutionCsv(
        readReal('ftserussell_ru3000_deletions_final_2025-06-27.extracted.csv'),
        'deleted',
        '2025-06-27',
      ),
    ),
  ];
  const ctx = (withIwb = true): TickerContext => ({
    r2000: { holdings: iwm(), provenance: prov('ishares-holdings', '2026-05-05') },
    ...(withIwb ? { r1000: { holdings: iwb(), provenance: prov('ishares-holdings', '2026-07-17') } } : {}),
    sp500: { symbols: sp500Symbols(), provenance: prov('sp500-list', '2026-08-08') },
    recon: { changes: recon(), provenance: prov('ftse-russell', '2025-06-27') },
  });

  it('Russell 2000 member: weight, rank of N, sector and its weight (values from Python)', () => {
    const snap: HoldingsSnapshot = iwm();
    // CRDO had moved up to IWB by July 2026, so rank against the IWM file alone.
    const info = tickerInfo('CRDO', ctx(false));
    expect(snap.constituents).toHaveLength(1921);
    expect(info.russell2000).toMatchObject({
      weightPct: 0.94,
      rank: 2,
      // 1,921 equity rows less 6 placeholder lines (4 CVRs, a second ADRO line, an escrow).
      of: 1915,
      sector: 'Information Technology',
    });
    expect(info.russell2000?.sectorWeightPct).toBeCloseTo(16.9, 6);
    expect(info.russell1000).toBe(false);
    expect(info.sp500).toBe(false);
    expect(info.name).toBe('CREDO TECHNOLOGY GROUP HOLDING LTD');
    expect(info.exchange).toBe('NASDAQ');
    expect(info.membershipProvenance?.asOf).toBe('2026-05-05');
    expect(tickerInfo('FN', ctx(false)).russell2000?.rank).toBe(4);
    expect(tickerInfo('CRDO', ctx()).russell1000).toBe(true);
  });

  it('a 2025 addition still in the Russell 2000: joined at the last reconstitution', () => {
    const info = tickerInfo('AARD', ctx());
    expect(info.russell2000?.sector).toBe('Health Care');
    // 1,827th in the file; the 40 names of the file that the newer IWB file holds are all bigger.
    expect(info.russell2000?.rank).toBe(1787);
    expect(info.reconstitution).toMatchObject({ change: 'added', effective: '2025-06-27' });
  });

  it('a 2025 deletion in neither index', () => {
    const info = tickerInfo('SCWO', ctx());
    expect(info.russell2000).toBeNull();
    expect(info.russell1000).toBe(false);
    expect(info.sp500).toBe(false);
    expect(info.listed).toBe(false); // no listing directory given, and in no index
    expect(info.reconstitution).toMatchObject({ change: 'deleted' });
  });

  it('Russell 1000 and S&P 500', () => {
    const info = tickerInfo('aapl', ctx());
    expect(info).toMatchObject({
      symbol: 'AAPL',
      russell2000: null,
      russell1000: true,
      sp500: true,
      listed: true,
    });
    expect(info.membershipProvenance?.asOf).toBe('2026-07-17');
  });

  it('snapshots that disagree: the newer one wins (BE in IWM of May, IWB of July)', () => {
    expect(tickerInfo('BE', ctx()).russell1000).toBe(true);
    expect(tickerInfo('BE', ctx()).russell2000).toBeNull();
    const onlyIwm = tickerInfo('BE', ctx(false));
    expect(onlyIwm.russell2000).toMatchObject({ rank: 1, weightPct: 1.93, sector: 'Industrials' });
    expect(onlyIwm.russell2000?.sectorWeightPct).toBeCloseTo(19.42, 6);
  });

  it('listing directory data wins for name/exchange/etf', () => {
    const lookup = createTickerLookup({
      ...ctx(),
      listing: (s) =>
        s === 'IWM'
          ? { name: 'iShares Russell 2000 ETF', exchange: 'NYSE Arca', listed: true, etf: true }
          : null,
    });
    expect(lookup('IWM')).toMatchObject({
      etf: true,
      listed: true,
      exchange: 'NYSE Arca',
      russell2000: null,
    });
  });

  it('52-week range of IWM to 2026-05-05 (Stooq; intraday high/low)', () => {
    const r = fiftyTwoWeekRange(readStooqBars('stooq_iwm_us_d_2026-05-05.csv'));
    expect(r).toMatchObject({
      high: 282.34,
      highDate: '2026-05-05',
      low: 195.64,
      lowDate: '2025-05-06',
      last: 282.145,
      lastDate: '2026-05-05',
    });
    expect(r?.pctFromHigh).toBeCloseTo((282.145 / 282.34 - 1) * 100, 9);
    expect(r?.positionPct).toBeCloseTo(((282.145 - 195.64) / (282.34 - 195.64)) * 100, 9);
  });
});

describe('ticker helpers', () => {
  it('no context → nothing known', () => {
    const info = tickerInfo('XYZ', {});
    expect(info).toMatchObject({
      russell2000: null,
      russell1000: false,
      sp500: false,
      membershipProvenance: null,
      reconstitution: null,
    });
  });
  it('52-week range falls back to closes and handles empty input', () => {
    const bars: PriceBar[] = [
      { date: '2025-01-02', open: null, high: null, low: null, close: 10, adjClose: null, volume: null },
      { date: '2025-06-02', open: null, high: null, low: null, close: 20, adjClose: null, volume: null },
      { date: '2026-01-05', open: null, high: null, low: null, close: 15, adjClose: null, volume: null },
    ];
    expect(fiftyTwoWeekRange(bars)).toMatchObject({ high: 20, low: 15, positionPct: 0 });
    expect(fiftyTwoWeekRange([])).toBeNull();
  });
});
