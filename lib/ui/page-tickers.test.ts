import { describe, expect, it } from 'vitest';
import type { PageTicker } from '../view-models';
import { mentionsText, sortPageTickers } from './page-tickers';

const t = (symbol: string, count: number, russell2000: boolean): PageTicker => ({
  symbol,
  name: null,
  count,
  russell2000,
  listed: true,
});

describe('page tickers', () => {
  it('puts Russell 2000 members first, then by mentions', () => {
    const sorted = sortPageTickers([
      t('AAPL', 9, false),
      t('CRDO', 1, true),
      t('NVTS', 4, true),
      t('ACME', 1, true),
    ]);
    expect(sorted.map((x) => x.symbol)).toEqual(['NVTS', 'ACME', 'CRDO', 'AAPL']);
  });
  it('counts mentions in words', () => {
    expect(mentionsText(1)).toBe('1 mention');
    expect(mentionsText(3)).toBe('3 mentions');
  });
});
