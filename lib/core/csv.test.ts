import { describe, expect, it } from 'vitest';
import { readReal } from '../../test/shared-fixtures';
import { detectSeparator, findColumn, normalizeHeader, parseCsvLine, parseCsvRecords } from './csv';

describe('parseCsvRecords', () => {
  it('reads RFC 4180 quoting, CRLF, LF and CR, and drops blank lines', () => {
    expect(parseCsvRecords('a,b\r\n"x\ny",2\r\r\n3,"q""q"\n\n')).toEqual([
      ['a', 'b'],
      ['x\ny', '2'],
      ['3', 'q"q'],
    ]);
    expect(parseCsvRecords('a;b\r1;"2;3"', ';')).toEqual([
      ['a', 'b'],
      ['1', '2;3'],
    ]);
  });
  it('refuses a quoted field left open (a body cut short)', () => {
    expect(parseCsvRecords('a,"b')).toBeNull();
    const real = readReal('IWM_holdings_2026-05-05.csv');
    const cut = real.slice(0, real.indexOf('"CRDO"') + 3);
    expect(parseCsvRecords(cut)).toBeNull();
  });
  it('reads the real IWM holdings file into rows of equal width', () => {
    const rows = parseCsvRecords(readReal('IWM_holdings_2026-05-05.csv'))!;
    const header = rows.findIndex((r) => r[0] === 'Ticker');
    expect(rows[header]).toHaveLength(15);
    const data = rows.slice(header + 1).filter((r) => r.length === 15);
    expect(data.filter((r) => r[3] === 'Equity')).toHaveLength(1924);
  });
});

describe('parseCsvLine', () => {
  it('one line, or null when its quote continues past the line', () => {
    expect(parseCsvLine('"a","b,c","d""e"')).toEqual(['a', 'b,c', 'd"e']);
    expect(parseCsvLine('x,"-"\r\n')).toEqual(['x', '-']);
    expect(parseCsvLine('"open')).toBeNull();
    expect(parseCsvLine('')).toEqual(['']);
  });
});

describe('headers', () => {
  it('detects the separator', () => {
    expect(detectSeparator('a;b;c')).toBe(';');
    expect(detectSeparator('a\tb')).toBe('\t');
    expect(detectSeparator('single')).toBe(',');
  });
  it('matches aliases ignoring case, BOMs, spaces and punctuation, in the aliases’ order', () => {
    expect(normalizeHeader('\uFEFF Trade Date ')).toBe('tradedate');
    expect(findColumn(['Company', 'Ticker Symbol', 'ICB Industry'], ['symbol', 'ticker symbol'])).toBe(1);
    expect(findColumn(['Date', 'Settle', 'Close'], ['close', 'settle'])).toBe(2);
    expect(findColumn(['a'], ['b'])).toBe(-1);
  });
});
