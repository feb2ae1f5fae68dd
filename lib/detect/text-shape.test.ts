import { describe, expect, it } from 'vitest';
import { isBareShape, isPossessive, lineShape, matchRest } from './text-shape';

describe('token shapes', () => {
  it('bare shape: 2–5 capitals, optionally a dotted one-letter class', () => {
    for (const t of ['AB', 'CROX', 'GOOGL', 'BRK.B', 'ABCDE.F']) expect(isBareShape(t), t).toBe(true);
    for (const t of ['A', 'ABCDEF', 'Ab', 'AB1', 'BRK.BB', 'B.K', 'AB-C', 'ABCDEFG.H'])
      expect(isBareShape(t), t).toBe(false);
  });

  it('possessive: straight or curly apostrophe before a final s', () => {
    expect(isPossessive("Apple's")).toBe(true);
    expect(isPossessive('Apple’s')).toBe(true);
    expect(isPossessive("'s")).toBe(false);
    expect(isPossessive('Apples')).toBe(false);
  });
});

describe('matchRest', () => {
  it('matches the rest of a name with any whitespace run for a space, up to a word boundary', () => {
    const text = 'Home \n Depot rose';
    expect(matchRest(text, 4, ' Depot')).toBe(12);
    expect(matchRest('Home Depots', 4, ' Depot')).toBe(-1);
    expect(matchRest('HomeDepot', 4, ' Depot')).toBe(-1);
    expect(matchRest('Home Dep', 4, ' Depot')).toBe(-1);
    expect(matchRest('Home Depot', 4, ' Depot')).toBe(10);
  });
});

describe('lineShape', () => {
  it('ALL-CAPS lines (headings, legends) need 12 letters, mostly capitals', () => {
    expect(lineShape('BREAKING: CEO SAYS DATA SHOWS RISK')).toEqual({ caps: true, title: false });
    expect(lineShape('AMZN NFLX')).toEqual({ caps: false, title: false });
  });

  it('Title Case: three or more long words, three quarters of them capitalised, short lines only', () => {
    expect(lineShape('Apple Shares Climb After Strong Earnings').title).toBe(true);
    expect(lineShape('Apple shares climb after strong earnings').title).toBe(false);
    expect(lineShape(`${'Word '.repeat(50)}`).title).toBe(false);
  });

  it('words are split at every JS whitespace character, not only spaces', () => {
    expect(lineShape('Apple\u2003Shares\u3000Climb\u00a0Higher').title).toBe(true);
  });
});
