import { describe, expect, it } from 'vitest';
import {
  canonicalSymbol,
  isPlainCommonShape,
  isTickerShape,
  normalizeSymbol,
  resolveSymbol,
  secToAct,
  symbolKey,
  TICKER_PATTERN,
} from './symbols';

describe('ticker shape', () => {
  it('accepts US tickers with an optional class suffix', () => {
    for (const s of ['A', 'AAPL', 'GOOGL', 'BRK.B', 'BRK-B', 'BRK/B', 'BH.A', 'ABCDEF', 'X1']) {
      expect(isTickerShape(s), s).toBe(true);
    }
  });
  it('refuses what cannot be a ticker', () => {
    for (const s of ['', '-', '1ABC', 'P5N994X', 'ABCDEFG', 'brk.b', 'BRK.BBB', '<IMG>', 'A B']) {
      expect(isTickerShape(s), s).toBe(false);
    }
  });
  it('plain common shares are a narrower shape', () => {
    expect(isPlainCommonShape('BRK.B')).toBe(true);
    expect(isPlainCommonShape('X1')).toBe(false);
    expect(isPlainCommonShape('ACHR.WS')).toBe(false);
  });
  it('embeds as a pattern', () => {
    expect(new RegExp(`^(?:${TICKER_PATTERN})$`).test('BRK.B')).toBe(true);
  });
});

describe('spelling', () => {
  it('one canonical spelling: the dotted class form', () => {
    expect(canonicalSymbol(' brk-b ')).toBe('BRK.B');
    expect(canonicalSymbol('BRK/B')).toBe('BRK.B');
    expect(normalizeSymbol(' $crdo ')).toBe('CRDO');
    expect(normalizeSymbol('<img>')).toBeNull();
  });
  it('one matching key across lists (iShares writes BRKB)', () => {
    expect(symbolKey('BRK.B')).toBe(symbolKey('brkb'));
    expect(symbolKey('BRK-B')).toBe('BRKB');
  });
});

describe('other symbologies', () => {
  it('SEC tickers in the ACT form: classes, preferreds, warrants, units', () => {
    expect(secToAct('brk-b')).toBe('BRK.B');
    expect(secToAct('ICR-PA')).toBe('ICR$A');
    expect(secToAct('ACHR-WT')).toBe('ACHR.W');
    expect(secToAct('ACHR-WS')).toBe('ACHR.W');
    expect(secToAct('AAC-UN')).toBe('AAC.U');
    expect(secToAct('AAPL')).toBe('AAPL');
  });

  it('the listed spelling of an undotted or differently separated symbol', () => {
    const listed = new Set(['BRK.B', 'AAPL']);
    const has = (s: string) => listed.has(s);
    expect(resolveSymbol('BRKB', has)).toBe('BRK.B');
    expect(resolveSymbol('brk/b', has)).toBe('BRK.B');
    expect(resolveSymbol('aapl', has)).toBe('AAPL');
    expect(resolveSymbol('MSFT', has)).toBeNull();
  });
});
