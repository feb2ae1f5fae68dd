import { describe, expect, it } from 'vitest';
import { tryName } from './company-names';
import { detectMentions } from './index';
import { bundledUniverse as u, kinds, pageState, runStageTo } from './stage-testing';

const detect = (t: string) => kinds(detectMentions(t, u));

/** The name stage at the first occurrence of `tok` in `text`. */
const name = (text: string, tok: string, st = pageState()) => {
  const s = text.indexOf(tok);
  return { ...runStageTo(st, text, (x) => tryName(x, tok, s, s + tok.length)), st };
};

describe('company names', () => {
  it('with cues for generic words', () => {
    expect(detect('Microsoft and Nvidia gained; Coca-Cola fell.')).toEqual([
      'name:MSFT',
      'name:NVDA',
      'name:KO',
    ]);
    expect(detect('We hit our Target this quarter.')).toEqual([]);
    expect(detect('Target Corp. shares rose')).toEqual(['name:TGT']);
    expect(detect('Sunwin Stevia International Inc. rose')).toEqual([]);
    expect(detect('Home prices in China rose')).toEqual([]);
  });

  it('a multi-word name consumes its rest; a possessive keeps the name without "’s"', () => {
    const home = name('Shares of Home Depot rose', 'Home');
    expect(kinds(home.ms)).toEqual(['name:HD']);
    expect(home.end).toBe(20);
    const apple = name('Apple’s CEO spoke', 'Apple’s');
    expect(apple.ms).toMatchObject([{ symbol: 'AAPL', text: 'Apple', reason: 'company named with a cue' }]);
    expect(name('Nothing here', 'Nothing').end).toBe(-1);
  });

  it('a name that is also a word waits for a page about markets', () => {
    const st = pageState();
    const visa = name('We like Visa here.', 'Visa', st);
    expect(visa.ms).toEqual([]);
    expect(st.deferred.map((d) => [d.mention.symbol, d.finance])).toEqual([['V', true]]);
    st.finance = 1;
    expect(kinds(name('We like Visa here.', 'Visa', st).ms)).toEqual(['name:V']);
  });

  it('credits, platforms, products and people are not the company', () => {
    expect(name('(Photo by Scott Olson/Getty Images)', 'Getty').ms).toEqual([]);
    expect(name('Follow us on Facebook today', 'Facebook').ms).toEqual([]);
    expect(name('The Apple Watch grew', 'Apple').ms).toEqual([]);
    expect(name('The Microsoft Teams app grew', 'Microsoft').ms).toEqual([]);
    expect(name('a makeover from Kylie Jenner, the star', 'Jenner').ms).toEqual([]);
    // Title Case lines capitalise every word: the next-word test does not apply.
    expect(kinds(name('Microsoft Teams Adds New Features', 'Microsoft').ms)).toEqual(['name:MSFT']);
  });
});
