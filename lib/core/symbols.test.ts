import { describe, expect, it } from 'vitest';
import {
  canonicalSymbol,
  isPlainCommonShape,
  isTickerShape,
  normalizeSymbol,
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
