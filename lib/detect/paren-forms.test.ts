import { describe, expect, it } from 'vitest';
import { detectMentions } from './index';
import { initialsOf, tryParen } from './paren-forms';
import { bundledUniverse as u, kinds, pageState, runStageTo } from './stage-testing';

const detect = (t: string) => kinds(detectMentions(t, u));
const paren = (text: string, st = pageState()) => {
  const { ms, end } = runStageTo(st, text, (s) => tryParen(s, text.indexOf('(')));
  return { ms: kinds(ms), end, st };
};

describe('symbols in parentheses', () => {
  it('Name (SYM) needs the universe and rejects acronym definitions', () => {
    expect(detect("Lowe's (LOW) and Advanced Micro Devices (AMD)")).toEqual([
      'name:LOW',
      'paren:LOW',
      'name:AMD',
      'paren:AMD',
    ]);
    expect(detect('Gross Domestic Product (GDP), Space Development Agency (SDA), the Fed (FED)')).toEqual([]);
    expect(detect('Zorblatt Widgets (ZZZQ) rose')).toEqual([]);
  });

  it('a price-change chip and a list of up to four symbols', () => {
    expect(paren('Amazon ( AMZN +0.21% ) rose')).toMatchObject({ ms: ['paren:AMZN'], end: 21 });
    expect(paren('Big tech (AAPL, MSFT & NVDA) led').ms).toEqual(['paren:AAPL', 'paren:MSFT', 'paren:NVDA']);
    expect(paren('the figure (AAPL is up) was').end).toBe(-1);
  });

  it('an exchange label inside the parens is read as one', () => {
    expect(paren('Acme (NYSE: KO) said').ms).toEqual(['exchange:KO']);
  });

  it('"(" ending the node after a name leaves a paren pending', () => {
    expect(paren('Qualcomm (').st.pendingParen).toBe(true);
    expect(paren('the (').st.pendingParen).toBe(false);
  });

  it('a symbol no longer listed stands after a legal form, unless it is the acronym of the name', () => {
    const { ms, st } = paren('Senomyx Inc. (SNMX), developer');
    expect(ms).toEqual(['paren:SNMX']);
    expect(st.explicit.has('SNMX')).toBe(true);
    expect(paren('said the Acme Research Group (ARG) on').ms).toEqual([]);
    expect(paren('the Zorblatt Widgets (ZZZQ) rose').ms).toEqual([]);
  });

  it('initials leave small words out and can keep only the last words', () => {
    expect(initialsOf('the Bank of America')).toBe('BA');
    expect(initialsOf('Gross Domestic Product')).toBe('GDP');
    expect(initialsOf('said the World Health Organization', 3)).toBe('WHO');
  });
});
