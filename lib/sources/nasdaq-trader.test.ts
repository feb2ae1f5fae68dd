import { describe, expect, it } from 'vitest';
import { unwrap } from '../result';
import { readReal } from '../../test/shared-fixtures';
import { parseNasdaqListed, parseOtherListed } from './nasdaq-trader';

const count = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length;

describe('Nasdaq Trader symbol directory (real files, 2026-07-31)', () => {
  const nasdaq = readReal('nasdaqlisted_2026-07-31.txt');
  const other = readReal('otherlisted_2026-07-31.txt');

  it('parses nasdaqlisted with the counts of SOURCES.md', () => {
    const r = parseNasdaqListed(nasdaq);
    const { rows, fileCreationTime } = unwrap(r);
    expect(r.ok && r.warnings).toEqual([]);
    expect(rows).toHaveLength(5569);
    expect(fileCreationTime).toBe('2026-07-31T21:31');
    expect(count(rows, (x) => x.testIssue)).toBe(8);
    expect(count(rows, (x) => x.marketCategory === 'Q')).toBe(1449);
    expect(count(rows, (x) => x.marketCategory === 'G')).toBe(2454);
    expect(count(rows, (x) => x.marketCategory === 'S')).toBe(1666);
    expect(count(rows, (x) => x.financialStatus === 'D')).toBe(322);
    expect(count(rows, (x) => x.etf)).toBe(1253);
    expect(count(rows, (x) => x.roundLot === 40)).toBe(80);
    expect(rows.find((x) => x.symbol === 'AAPL')).toMatchObject({ marketCategory: 'Q', etf: false });
    expect(rows.find((x) => x.symbol === 'ZXYZ.A')?.testIssue).toBe(true);
  });

  it('parses otherlisted with the counts of SOURCES.md', () => {
    const { rows, fileCreationTime } = unwrap(parseOtherListed(other));
    expect(rows).toHaveLength(7512);
    expect(fileCreationTime).toBe('2026-07-31T21:31');
    expect(count(rows, (x) => x.exchange === 'N')).toBe(2935);
    expect(count(rows, (x) => x.exchange === 'P')).toBe(2699);
    expect(count(rows, (x) => x.exchange === 'Z')).toBe(1561);
    expect(count(rows, (x) => x.exchange === 'A')).toBe(313);
    expect(count(rows, (x) => x.exchange === 'V')).toBe(3);
    expect(count(rows, (x) => x.etf)).toBe(4310);
    expect(count(rows, (x) => x.testIssue)).toBe(25);
    expect(count(rows, (x) => x.symbol.includes('$'))).toBe(386);
    expect(rows.find((x) => x.symbol === 'BRK.A')?.roundLot).toBe(1);
    expect(rows.find((x) => x.symbol === 'ABR$D')).toMatchObject({
      cqsSymbol: 'ABRpD',
      nasdaqSymbol: 'ABR-D',
    });
    expect(rows.find((x) => x.symbol === 'IWM')).toMatchObject({ exchange: 'P', etf: true });
  });

  it('accepts LF and CR CR LF re-saves identically', () => {
    const crlf = unwrap(parseOtherListed(other));
    expect(unwrap(parseOtherListed(other.replace(/\r\n/g, '\n')))).toEqual(crlf);
    expect(unwrap(parseOtherListed(other.replace(/\r\n/g, '\r\r\n')))).toEqual(crlf);
    expect(unwrap(parseNasdaqListed(nasdaq.replace(/\r\n/g, '\n'))).rows).toHaveLength(5569);
  });
});

describe('Nasdaq Trader parser errors', () => {
  it('refuses HTML, wrong headers and empty bodies', () => {
    expect(parseNasdaqListed('<!DOCTYPE html><html><title>x</title>')).toMatchObject({
      ok: false,
      error: { kind: 'challenge' },
    });
    expect(parseOtherListed('Symbol|Security Name\nA|B\n')).toMatchObject({
      ok: false,
      error: { kind: 'format' },
    });
    const head =
      'Symbol|Security Name|Market Category|Test Issue|Financial Status|Round Lot Size|ETF|NextShares';
    expect(parseNasdaqListed(`${head}\r\nFile Creation Time: 0731202621:31|||||||\r\n`)).toMatchObject({
      ok: false,
      error: { kind: 'empty' },
    });
  });

  it('warns on a missing footer and skips short lines', () => {
    const head =
      'Symbol|Security Name|Market Category|Test Issue|Financial Status|Round Lot Size|ETF|NextShares';
    const r = parseNasdaqListed(`${head}\nAAPL|Apple Inc. - Common Stock|Q|N|N|40|N|N\nBROKEN|x\n`);
    expect(r.ok && r.value.rows).toHaveLength(1);
    expect(r.ok && r.warnings).toHaveLength(2);
  });
});
