import { describe, expect, it } from 'vitest';
import type { Mention } from './mention';
import { confirmDeferred, noteFinanceWords } from './page-hold';
import { pageState } from './stage-testing';

const held = (symbol: string, start = 0): Mention => ({
  symbol,
  kind: 'bare',
  start,
  end: start + symbol.length,
  text: symbol,
  inUniverse: true,
});

describe('the page-level hold', () => {
  it('finance words raise the evidence, up to two nodes’ worth', () => {
    const st = pageState();
    noteFinanceWords(st, 'The weather was fine.');
    expect(st.finance).toBe(0);
    noteFinanceWords(st, 'Shares rose 3% on earnings.');
    noteFinanceWords(st, 'Analysts cut the price target.');
    noteFinanceWords(st, 'More dividends.');
    expect(st.finance).toBe(2);
  });

  it('a held candidate is confirmed by its symbol written on the page', () => {
    const st = pageState();
    st.segment = 0;
    st.defer(held('CROX'), 0);
    st.defer(held('NFLX', 10), 0);
    st.explicit.add('CROX');
    expect(confirmDeferred(st).map((d) => d.mention.symbol)).toEqual(['CROX']);
    expect(st.deferred).toEqual([]); // drained
  });

  it('density: a list member needs one explicit symbol on the page, a plain one two', () => {
    const st = pageState();
    st.segment = 3;
    st.defer(held('AMAT'), 1);
    st.defer(held('LRCX', 10), 2);
    st.explicit.add('NVDA');
    expect(confirmDeferred(st)).toEqual([{ segment: 3, mention: held('AMAT') }]);
    st.defer(held('LRCX', 10), 2);
    st.explicit.add('AAPL');
    expect(confirmDeferred(st).map((d) => d.mention.symbol)).toEqual(['LRCX']);
  });

  it('weak candidates need a page about markets; done and duplicate ones are not reported', () => {
    const st = pageState();
    st.segment = 0;
    st.defer(held('K'), 0, true);
    expect(confirmDeferred(st)).toEqual([]);
    st.defer(held('K'), 0, true);
    st.defer(held('K'), 0, true);
    st.defer(held('F', 5), 0, true);
    st.deferred[2]!.done = true;
    st.finance = 1;
    expect(confirmDeferred(st).map((d) => d.mention.symbol)).toEqual(['K']);
  });
});
