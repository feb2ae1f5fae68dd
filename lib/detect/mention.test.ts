import { describe, expect, it } from 'vitest';
import { isImplicit, isUsListing, withLinkMention, type Mention } from './mention';

const m = (symbol: string, kind: Mention['kind'], exchange?: string): Mention => ({
  symbol,
  kind,
  start: 0,
  end: symbol.length,
  text: symbol,
  inUniverse: true,
  ...(exchange ? { exchange } : {}),
});

describe('mentions', () => {
  it('bare tokens and names are implicit; written forms are not', () => {
    expect(isImplicit(m('X', 'bare'))).toBe(true);
    expect(isImplicit(m('X', 'name'))).toBe(true);
    expect(
      ['cashtag', 'exchange', 'paren', 'link', 'otc'].some((k) => isImplicit(m('X', k as Mention['kind']))),
    ).toBe(false);
  });

  it('US listings leave OTC out, by kind or by exchange', () => {
    expect(isUsListing(m('AAPL', 'bare', 'NASDAQ'))).toBe(true);
    expect(isUsListing(m('TATYY', 'otc'))).toBe(false);
    expect(isUsListing(m('TATYY', 'name', 'OTC'))).toBe(false);
  });

  it('a quote link keeps its own and written mentions, drops inferred ones of other symbols', () => {
    const link = m('GOOG', 'link');
    expect(withLinkMention([m('GOOGL', 'name'), m('MSFT', 'cashtag')], link).map((x) => x.symbol)).toEqual([
      'GOOG',
      'MSFT',
    ]);
    // The text already writes the linked symbol: one underline, the text's own.
    const own = m('GOOG', 'paren');
    expect(withLinkMention([own], link)).toEqual([own]);
  });
});
