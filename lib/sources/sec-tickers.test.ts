import { describe, expect, it } from 'vitest';
import { unwrap } from '../result';
import { readReal } from '../../test/shared-fixtures';
import { parseSecCompanyTickers, parseSecCompanyTickersExchange } from './sec-tickers';

describe('SEC ticker files (real)', () => {
  it('parses company_tickers_exchange with the counts of SOURCES.md', () => {
    const r = parseSecCompanyTickersExchange(readReal('sec_company_tickers_exchange_2026-08-22.json'));
    const rows = unwrap(r);
    expect(rows).toHaveLength(10403);
    const by = (e: string | null) => rows.filter((x) => x.exchange === e).length;
    expect([by('Nasdaq'), by('NYSE'), by('OTC'), by('CBOE'), by(null)]).toEqual([4365, 3302, 2504, 34, 198]);
    expect(rows[0]).toEqual({ cik: 1045810, name: 'NVIDIA CORP', ticker: 'NVDA', exchange: 'Nasdaq' });
    expect(rows.some((x) => x.ticker === 'BRK-B')).toBe(true);
  });

  it('parses company_tickers (10,412 rows, numeric key order)', () => {
    const rows = unwrap(parseSecCompanyTickers(readReal('sec_company_tickers_2026-08-01.json')));
    expect(rows).toHaveLength(10412);
    expect(rows[0]).toEqual({ cik: 320193, ticker: 'AAPL', name: 'Apple Inc.' });
    expect(new Set(rows.map((x) => x.ticker)).size).toBe(10412);
    expect(rows.length - new Set(rows.map((x) => x.cik)).size).toBe(2412);
  });
});

describe('SEC ticker parser errors', () => {
  it('classifies HTML, bad JSON, wrong shape and empty data', () => {
    expect(parseSecCompanyTickers('<html><head><title>403</title></head>')).toMatchObject({
      ok: false,
      error: { kind: 'challenge' },
    });
    expect(parseSecCompanyTickersExchange('{"fields":')).toMatchObject({
      ok: false,
      error: { kind: 'format' },
    });
    expect(parseSecCompanyTickersExchange('{"data":[]}')).toMatchObject({
      ok: false,
      error: { kind: 'format' },
    });
    expect(
      parseSecCompanyTickersExchange('{"fields":["cik","name","ticker","exchange"],"data":[]}'),
    ).toMatchObject({
      ok: false,
      error: { kind: 'empty' },
    });
  });

  it('skips malformed rows with a warning', () => {
    const r = parseSecCompanyTickersExchange(
      '{"fields":["cik","name","ticker","exchange"],"data":[[1,"A CO","AAA",null],["x","B",null,"NYSE"]]}',
    );
    expect(r.ok && r.value).toEqual([{ cik: 1, name: 'A CO', ticker: 'AAA', exchange: null }]);
    expect(r.ok && r.warnings).toHaveLength(1);
  });
});
