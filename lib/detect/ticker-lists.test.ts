import { describe, expect, it } from 'vitest';
import { scanBare } from './bare-symbols';
import { scanCashtag } from './cashtags';
import type { Mention } from './mention';
import { kinds, pageState, runStage } from './stage-testing';
import { acceptTickerLists } from './ticker-lists';

/** Cashtags and capitalised tokens through their stages, then the list rule. */
const lists = (text: string, st = pageState()) => {
  const listed: Mention[] = [];
  const ms = runStage(st, text, (s) => {
    for (const m of text.matchAll(/\$?[A-Z][A-Z.]*/g)) {
      const e = m.index + m[0].length;
      if (m[0].startsWith('$')) scanCashtag(s, m[0].slice(1), m.index, e);
      else scanBare(s, m[0], m.index, e);
    }
    acceptTickerLists(s, listed);
  });
  return { ms, listed, st };
};

describe('ticker lists', () => {
  it('a run of three listed symbols is accepted, and becomes evidence for later ones', () => {
    const { listed, st } = lists('Watch AMZN, NFLX and GOOG');
    expect(kinds(listed)).toEqual(['bare:AMZN', 'bare:NFLX', 'bare:GOOG']);
    expect(listed.every((m) => m.reason === 'in a list of symbols')).toBe(true);
    expect([...st.explicit]).toEqual(['AMZN', 'NFLX', 'GOOG']);
    // The held candidates are marked done: finish() does not report them twice.
    expect(st.deferred.every((d) => d.done)).toBe(true);
  });

  it('price chips may stand between members', () => {
    expect(kinds(lists('SOFI 4.21% | PLTR +2% | CROX').listed)).toEqual([
      'bare:SOFI',
      'bare:PLTR',
      'bare:CROX',
    ]);
  });

  it('a bare symbol between cashtags is their peer', () => {
    const { ms, listed } = lists('Long $AAPL, MSFT and $GOOGL here');
    expect(kinds(ms)).toEqual(['cashtag:AAPL', 'cashtag:GOOGL']);
    expect(kinds(listed)).toEqual(['bare:MSFT']);
  });

  it('a pair is not a list but marks its held members for the density rule', () => {
    const { listed, st } = lists('a discount to AMAT and LRCX in the piece');
    expect(listed).toEqual([]);
    expect(st.deferred.map((d) => [d.mention.symbol, d.density])).toEqual([
      ['AMAT', 1],
      ['LRCX', 1],
    ]);
  });

  it('long gaps, ambiguous words and blocked symbols break or skip the list', () => {
    expect(lists('AMZN was up, then NFLX went down a lot, then GOOG').listed).toEqual([]);
    expect(lists('IT, HR and AI teams').listed).toEqual([]);
    const blocked = lists('Watch AMZN, NFLX and GOOG', pageState({ blocklist: new Set(['NFLX']) }));
    expect(kinds(blocked.listed)).toEqual(['bare:AMZN', 'bare:GOOG']);
  });
});
