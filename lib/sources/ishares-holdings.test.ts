import { describe, expect, it } from 'vitest';
import { readReal } from '../../test/shared-fixtures';
import { unwrap } from '../result';
import {
  EXCLUDED_NO_TICKER,
  fetchIsharesHoldings,
  ISHARES_HOLDINGS_URLS,
  normalizeIsharesTicker,
  parseIsharesDate,
  parseIsharesHoldings,
  parseIsharesNumber,
} from './ishares-holdings';
import { parseCsvLine } from '../core/csv';
import type { FetchImpl } from './http';

const IWM = 'IWM_holdings_2026-05-05.csv';
const IWB = 'IWB_holdings_2026-07-17.csv';
const IVV = 'ishares_IVV_holdings_2025-11-18.csv';

describe('parseIsharesHoldings on real files', () => {
  it('IWM May 2026 (BOM, NBSP line 9, multi-line disclaimer footer)', () => {
    const text = readReal(IWM);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const r = parseIsharesHoldings(text);
    expect(r.ok && r.warnings).toEqual([]);
    const s = unwrap(r);
    expect(s.fund).toBe('IWM');
    expect(s.fundName).toBe('iShares Russell 2000 ETF');
    expect(s.asOf).toBe('2026-05-05');
    expect(s.sharesOutstanding).toBe(278_750_000);
    // 1,929 rows: 1,924 Equity of which 3 have ticker "-" → 1,921 kept.
    expect(s.constituents).toHaveLength(1921);
    expect(s.excluded).toEqual({
      Cash: 2,
      'Money Market': 1,
      'Cash Collateral and Margins': 1,
      Futures: 1,
      [EXCLUDED_NO_TICKER]: 3,
    });
    expect(s.constituents[0]).toEqual({
      ticker: 'BE',
      name: 'BLOOM ENERGY CLASS A CORP',
      sector: 'Industrials',
      marketValue: 1_532_594_919.5,
      weightPct: 1.93,
      shares: 5_190_838,
      price: 295.25,
      exchange: 'NYSE',
      location: 'United States',
    });
    expect(s.constituents.at(-1)?.ticker).toBe('THRD');
    expect(s.constituents.find((c) => c.ticker === 'MOGA')?.weightPct).toBe(0.26);
    expect(s.constituents.some((c) => c.ticker === 'RTYM6' || c.ticker === 'XTSLA' || c.ticker === '-')).toBe(
      false,
    );
    const weight = s.constituents.reduce((a, c) => a + c.weightPct, 0);
    expect(weight).toBeCloseTo(99.39, 1);
  });

  it('IWB Jul 2026 (new layout: no BOM, empty line 9, no footer)', () => {
    const r = parseIsharesHoldings(readReal(IWB));
    expect(r.ok && r.warnings).toEqual([]);
    const s = unwrap(r);
    expect(s.fund).toBe('IWB');
    expect(s.fundName).toBe('iShares Russell 1000 ETF');
    expect(s.asOf).toBe('2026-07-17');
    expect(s.sharesOutstanding).toBe(118_100_000);
    expect(s.constituents).toHaveLength(1024);
    expect(s.excluded).toEqual({ Futures: 2, 'Money Market': 1, Cash: 1, 'Cash Collateral and Margins': 1 });
    expect(s.constituents[0]).toMatchObject({
      ticker: 'AAPL',
      weightPct: 7,
      price: 333.74,
      exchange: 'NASDAQ',
    });
    expect(s.constituents.find((c) => c.ticker === 'BRKB')).toMatchObject({ weightPct: 1.33, price: 490.91 });
    // Unlisted but an Equity row with a ticker: kept (last row of the equity block).
    expect(s.constituents.at(-1)).toMatchObject({
      ticker: 'HOLX',
      exchange: 'NO MARKET (E.G. UNLISTED)',
      price: 0.01,
    });
  });

  it('IVV Nov 2025: the JPM cash-collateral row is excluded, the JPM equity row kept', () => {
    const s = unwrap(parseIsharesHoldings(readReal(IVV)));
    expect(s.fund).toBe('IVV');
    expect(s.asOf).toBe('2025-11-18');
    expect(s.constituents).toHaveLength(503);
    expect(s.excluded).toEqual({ 'Cash Collateral and Margins': 2, 'Money Market': 1, Cash: 1, Futures: 1 });
    const jpm = s.constituents.filter((c) => c.ticker === 'JPM');
    expect(jpm).toHaveLength(1);
    expect(jpm[0]).toMatchObject({
      name: 'JPMORGAN CHASE & CO',
      marketValue: 10_253_704_743.47,
      weightPct: 1.46,
      exchange: 'New York Stock Exchange Inc.',
    });
    expect(s.constituents[0]?.ticker).toBe('NVDA');
  });

  it('uses the fund given by the caller over the name map', () => {
    expect(unwrap(parseIsharesHoldings(readReal(IWB), { fund: 'XYZ' })).fund).toBe('XYZ');
  });

  it('CRLF line endings (a re-saved copy) parse the same', () => {
    const s = unwrap(parseIsharesHoldings(readReal(IWB).replace(/\n/g, '\r\n')));
    expect(s.constituents).toHaveLength(1024);
  });
});

describe('parseIsharesHoldings on broken input', () => {
  it('truncated mid-file is a format error (weights fall short, no closing blank line)', () => {
    const text = readReal(IWM);
    const r = parseIsharesHoldings(text.slice(0, Math.floor(text.length / 2)));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.kind).toBe('format');
    expect(!r.ok && r.error.message).toMatch(/truncated/);
  });

  it('truncated just before the closing blank line: kept, with a warning', () => {
    const text = readReal(IWB).replace(/\n+$/, '');
    const r = parseIsharesHoldings(text);
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings.join()).toMatch(/cut short/);
  });

  it('truncated inside the preamble → format error', () => {
    const r = parseIsharesHoldings(readReal(IWM).slice(0, 120));
    expect(!r.ok && r.error.kind).toBe('format');
  });

  it('wrong columns → format error naming the missing columns', () => {
    const text = readReal(IWB).replace('Asset Class,Market Value', 'Klasse,Marktwert');
    const r = parseIsharesHoldings(text);
    expect(!r.ok && r.error.kind).toBe('format');
    expect(!r.ok && r.error.message).toMatch(/Asset Class/);
  });

  it('German-locale headers → clear format error', () => {
    const text = readReal(IWB).replace(/^Ticker,/m, 'Emittententicker,');
    const r = parseIsharesHoldings(text);
    expect(!r.ok && r.error.message).toMatch(/locale/);
  });

  it('missing or odd "as of" date → format error', () => {
    const odd = parseIsharesHoldings(readReal(IWB).replace('"Jul 17, 2026"', '"17.07.2026"'));
    expect(!odd.ok && odd.error.message).toMatch(/Unreadable "Fund Holdings as of"/);
    const gone = parseIsharesHoldings(readReal(IWB).replace(/^Fund Holdings as of.*\n/m, ''));
    expect(!gone.ok && gone.error.kind).toBe('format');
  });

  it('header but no rows → empty', () => {
    const text = readReal(IWB).split('\n').slice(0, 10).join('\n');
    const r = parseIsharesHoldings(text);
    expect(!r.ok && r.error.kind).toBe('empty');
  });
});

describe('parseIsharesHoldings on junk', () => {
  it('empty / whitespace', () => {
    expect(!parseIsharesHoldings('').ok).toBe(true);
    const r = parseIsharesHoldings(' \n\u00a0\n');
    expect(!r.ok && r.error.kind).toBe('empty');
  });

  it('HTML challenge page', () => {
    const r = parseIsharesHoldings('<!DOCTYPE html><html><head><title>Access Denied</title></head></html>');
    expect(!r.ok && r.error.kind).toBe('challenge');
  });

  it('~5 MB of junk returns quickly with a format error', () => {
    const junk = 'lorem,ipsum,"dolor"\n'.repeat(260_000);
    expect(junk.length).toBeGreaterThan(5_000_000);
    const t0 = Date.now();
    const r = parseIsharesHoldings(junk);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(!r.ok && r.error.kind).toBe('format');
  });

  it('random binary never throws', () => {
    let seed = 42;
    for (let n = 0; n < 20; n++) {
      const bytes = new Uint8Array(5000).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
      const r = parseIsharesHoldings(new TextDecoder().decode(bytes));
      expect(r.ok).toBe(false);
    }
  });

  it('non-string input never throws', () => {
    expect(parseIsharesHoldings(undefined as unknown as string).ok).toBe(false);
    expect(parseIsharesHoldings(42 as unknown as string).ok).toBe(false);
  });
});

describe('helpers', () => {
  it('parseIsharesNumber', () => {
    expect(parseIsharesNumber('1,532,594,919.50')).toBe(1532594919.5);
    expect(parseIsharesNumber('-')).toBeNull();
    expect(parseIsharesNumber('--')).toBeNull();
    expect(parseIsharesNumber('')).toBeNull();
    expect(parseIsharesNumber('269’850’000.00')).toBeNull();
    expect(parseIsharesNumber('-1.5')).toBe(-1.5);
  });

  it('parseIsharesDate', () => {
    expect(parseIsharesDate('May 05, 2026')).toBe('2026-05-05');
    expect(parseIsharesDate('Jul 17, 2026')).toBe('2026-07-17');
    expect(parseIsharesDate('Sept 9, 2026')).toBe('2026-09-09');
    expect(parseIsharesDate('09.Sept.2026')).toBeNull();
    expect(parseIsharesDate('Foo 01, 2026')).toBeNull();
  });

  it('parseCsvLine (lib/core/csv.ts)', () => {
    expect(parseCsvLine('"a","b,c","d""e"')).toEqual(['a', 'b,c', 'd"e']);
    expect(parseCsvLine('Stock,"-"')).toEqual(['Stock', '-']);
    expect(parseCsvLine('"open')).toBeNull();
  });

  it('normalizeIsharesTicker keeps the iShares spelling', () => {
    expect(normalizeIsharesTicker(' brkb ')).toBe('BRKB');
  });
});

describe('fetchIsharesHoldings', () => {
  it('requests the product URL and returns provenance', async () => {
    const seen: string[] = [];
    const fetchImpl: FetchImpl = async (url) => {
      seen.push(url);
      return new Response(readReal(IWM), { status: 200, headers: { 'content-type': 'text/csv' } });
    };
    const r = await fetchIsharesHoldings(fetchImpl, 'IWM');
    expect(seen).toEqual([ISHARES_HOLDINGS_URLS.IWM]);
    const v = unwrap(r);
    expect(v.data.constituents).toHaveLength(1921);
    expect(v.provenance).toMatchObject({ source: 'ishares-holdings', asOf: '2026-05-05', url: seen[0] });
    expect(v.provenance.fetchedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('an HTML page from the server is a challenge error', async () => {
    const fetchImpl: FetchImpl = async () =>
      new Response('<html><body><div>Please verify you are human</div></body></html>', { status: 200 });
    const r = await fetchIsharesHoldings(fetchImpl, 'IWB');
    expect(!r.ok && r.error.kind).toBe('challenge');
  });

  it('HTTP 503 is an http error', async () => {
    const fetchImpl: FetchImpl = async () => new Response('down', { status: 503 });
    const r = await fetchIsharesHoldings(fetchImpl, 'IVV');
    expect(!r.ok && r.error).toMatchObject({ kind: 'http', status: 503 });
  });
});
