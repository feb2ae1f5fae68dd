import { describe, expect, it } from 'vitest';
import { scanBare } from './bare-symbols';
import { detectMentions } from './index';
import { bundledUniverse as u, kinds, pageState, runStage } from './stage-testing';

const detect = (t: string) => kinds(detectMentions(t, u));

/** The bare stage on every capitalised token of the text. */
const bare = (text: string, st = pageState()) => {
  const ms = runStage(st, text, (s) => {
    for (const m of text.matchAll(/[A-Z][A-Z.]*/g)) scanBare(s, m[0], m.index, m.index + m[0].length);
  });
  return { ms, st };
};

describe('bare symbols', () => {
  it('need context', () => {
    expect(detect('Shares of CROX rose 5%.')).toEqual(['bare:CROX']);
    expect(detect('CROX rose 5% on Tuesday')).toEqual(['bare:CROX']);
    expect(detect('The CEO said IT and AI matter. At 10:30 AM ET the CPI rose.')).toEqual([]);
    // Seen explicitly later in the document: the earlier bare mention counts too (finish pass).
    expect(detect('HD beat estimates. Home Depot (ticker: HD) shares fell.')).toContain('bare:HD');
    expect(detect('HD TV and 4K HD video')).toEqual([]);
  });

  it('ambiguous words stay out of headings and need strong cues', () => {
    expect(detect('ALL STOCKS FELL AS NOW THE FED WAITS')).toEqual([]);
    expect(detect('Shares of ALL rose after Allstate beat')).toEqual(['bare:ALL', 'name:ALL']);
  });

  it('strong context takes the symbol at once and says which', () => {
    expect(bare('the stock of CROX').ms).toMatchObject([
      { symbol: 'CROX', reason: 'after "shares of" / "ticker"' },
    ]);
    expect(bare('the TJX Companies report').ms).toMatchObject([{ reason: 'followed by a corporate name' }]);
    const st = pageState();
    st.explicit.add('CROX');
    expect(bare('and CROX again', st).ms).toMatchObject([{ reason: 'symbol written elsewhere on page' }]);
  });

  it('weak context waits for finance evidence; no context waits for symbols on the page', () => {
    const st = pageState();
    expect(bare('CROX rose', st).ms).toEqual([]);
    expect(bare('we saw CROX today in the piece', st).ms).toEqual([]);
    expect(st.deferred.map((d) => [d.mention.reason, d.density, d.finance])).toEqual([
      ['symbol with market words', 0, true],
      ['symbol, page writes symbols', 2, false],
    ]);
    st.finance = 1;
    expect(kinds(bare('CROX rose', st).ms)).toEqual(['bare:CROX']);
  });

  it('every bare-shaped token is noted for the list rule; times and unlisted tokens go no further', () => {
    const st = pageState();
    runStage(st, 'At 10 AM ZZZQX and CROX', (s) => {
      scanBare(s, 'AM', 6, 8);
      scanBare(s, 'ZZZQX', 9, 14);
      scanBare(s, 'Crox', 19, 23);
      // "AM" is listed (Antero Midstream) but follows a time; ZZZQX is not listed; "Crox" is no shape.
      expect(s.notes.map((n) => [n.start, n.symbol])).toEqual([
        [6, 'AM'],
        [9, null],
      ]);
    });
    expect(st.deferred).toEqual([]);
  });
});
