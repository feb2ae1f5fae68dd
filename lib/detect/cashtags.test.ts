import { describe, expect, it } from 'vitest';
import { scanCashtag } from './cashtags';
import { detectMentions } from './index';
import { bundledUniverse as u, kinds, pageState, runStage } from './stage-testing';

const detect = (t: string, social = false) => kinds(detectMentions(t, u, { social }));

/** Every "$BODY" of the text through the cashtag stage. */
const tags = (st: ReturnType<typeof pageState>, text: string) =>
  runStage(st, text, (s) => {
    for (const m of text.matchAll(/\$([A-Za-z][A-Za-z0-9.]*)/g))
      scanCashtag(s, m[1]!, m.index, m.index + m[0].length);
  });

describe('cashtags', () => {
  it('upper-case only unless social', () => {
    expect(detect('Long $NVDA and $BRK.B, short $tsla')).toEqual(['cashtag:NVDA', 'cashtag:BRK.B']);
    expect(detect('Long $NVDA and $BRK/B, short $tsla', true)).toEqual([
      'cashtag:NVDA',
      'cashtag:BRK.B',
      'cashtag:TSLA',
    ]);
    expect(detect('It costs $5 or US$20; $BTC and $ETH are crypto')).toEqual([]);
  });

  it('crypto, currencies and TeX or template variables are never cashtags', () => {
    const st = pageState();
    expect(tags(st, '$BTC $CAD $x$ $N^ $f_1 ${HOME}')).toEqual([]);
    expect(st.deferred).toEqual([]);
  });

  it('a listed unambiguous symbol stands alone and is finance evidence', () => {
    const st = pageState();
    expect(kinds(tags(st, 'I think $TSLA will rise'))).toEqual(['cashtag:TSLA']);
    expect(st.finance).toBe(1);
    expect(st.notes).toEqual([]); // closed segment
  });

  it('a one-letter or shell-variable tag waits for the page to be about markets', () => {
    const st = pageState();
    expect(tags(st, 'Try $K and $HOME now')).toEqual([]);
    expect(st.deferred.map((d) => [d.mention.symbol, d.finance, d.mention.reason])).toEqual([
      ['K', true, 'written as $K, page about markets'],
      ['HOME', true, 'written as $HOME, page about markets'],
    ]);
  });

  it('two different tags make a ticker stream: finance context from the second tag on', () => {
    const st = pageState();
    expect(kinds(tags(st, 'watching $XYZQ $QQQZ $F today'))).toEqual(['cashtag:QQQZ', 'cashtag:F']);
  });
});
