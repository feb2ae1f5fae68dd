/**
 * The six failure categories seen on held-out text (issue 13), one block each, plus the page as
 * context and the reasons kept for the card. Real-world shapes, bundled universe.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectInDocument, detectMentions, loadUniverse, type UniverseData } from './index';

const u = loadUniverse(
  JSON.parse(readFileSync(resolve(__dirname, '../data/universe.json'), 'utf8')) as UniverseData,
);
const detect = (t: string, social = false) =>
  detectMentions(t, u, { social }).map((m) => `${m.kind}:${m.symbol}`);

describe('1. "$" as a letter, slang, currency or math outside finance', () => {
  it('shell variables, TeX and currency codes are not tickers', () => {
    expect(detect('Set $HOME and $PATH before running; export $USER too.')).toEqual([]);
    expect(detect('Let $x$ be real, $N^2$ the bound and $f_1$ the first term.')).toEqual([]);
    expect(detect('The $US 5bn deal closed; A$20 and C$15 were paid, $CAD weaker.')).toEqual([]);
    expect(detect('Ke$ha and A$AP Rocky played; tickets $45.')).toEqual([]);
  });

  it('single-letter and short cashtags count only when the text is about markets', () => {
    expect(detect('My 2 cents: $X marks the spot, $K for the win')).toEqual([]);
    expect(detect('Bought $F and $T calls today')).toEqual(['cashtag:F', 'cashtag:T']);
    // A cashtag stream is finance context for its short members, before or after them.
    expect(detect('$C $BAC $JPM all green')).toEqual(['cashtag:C', 'cashtag:BAC', 'cashtag:JPM']);
  });

  it('a listed cashtag of three or more letters stands on its own', () => {
    expect(detect('$TSLA to the moon')).toEqual(['cashtag:TSLA']);
  });
});

describe('2. products, outlets, credits and subsidiaries that contain a company name', () => {
  it('"follow us on …" boilerplate and photo credits', () => {
    expect(detect('Follow us on Facebook and Twitter for updates.')).toEqual([]);
    expect(detect('(Photo by Scott Olson/Getty Images)')).toEqual([]);
    expect(detect('Photographer: Getty Images/Image Source')).toEqual([]);
    expect(detect('Chat with us in Facebook Messenger.')).toEqual([]);
  });

  it('a product, unit or outlet named after the company is not the company', () => {
    expect(detect('The Apple Watch and Google Cloud both grew.')).toEqual([]);
    expect(detect('He spoke to Yahoo Finance on Monday.')).toEqual([]);
  });

  it('the company itself still is, with its legal form, title or exchange', () => {
    expect(detect('Apple said on Tuesday it will buy back shares.')).toEqual(['name:AAPL']);
    expect(detect('Getty Images Holdings (NYSE: GETY) reported')).toEqual(['name:GETY', 'exchange:GETY']);
    expect(detect('Apple CEO Tim Cook and Microsoft Corp. both spoke.')).toEqual(['name:AAPL', 'name:MSFT']);
    expect(detect("Apple's Tim Cook spoke to investors.")).toEqual(['name:AAPL']);
  });

  it('a one-word name that ends a person’s or another company’s name is not the company', () => {
    expect(detect('a makeover from Kylie Jenner, the reality star')).toEqual([]);
    expect(detect('Bristol Myers Squibb rose')).toEqual(['name:BMY']);
  });
});

describe('3. capitalised common words and abbreviations are not bare symbols', () => {
  it('wire copy, headlines and ALL-CAPS lines', () => {
    expect(detect('BREAKING: CEO SAYS DATA SHOWS RISK')).toEqual([]);
    expect(detect('The FDA and the SEC said the AI PC market is hot.')).toEqual([]);
    expect(detect('IT and HR teams met; WORK is fun.')).toEqual([]);
  });

  it('weak context ("XYZ rose") counts only in text about markets', () => {
    expect(detect('CROX rose 5% on Tuesday')).toEqual(['bare:CROX']);
    expect(detect('After the game, CROX fans rose to cheer')).toEqual([]);
  });
});

describe('4. historical symbols in an explicit Company Inc. (SYM) form', () => {
  it('stand even when not listed today', () => {
    const ms = detectMentions('Senomyx Inc. (SNMX), developer of flavor technology', u);
    expect(ms.map((m) => `${m.kind}:${m.symbol}:${m.inUniverse}`)).toEqual(['paren:SNMX:false']);
  });

  it('acronym definitions and job titles in parentheses do not', () => {
    expect(detect('the World Health Organization (WHO) said')).toEqual([]);
    expect(detect('Tim Cook (CEO) said')).toEqual([]);
    expect(detect('said the Acme Research Group (ARG) on Monday')).toEqual([]);
  });
});

describe('5. bare symbols with peer context', () => {
  it('a bare symbol listed between cashtags', () => {
    expect(detect('Long $AAPL, MSFT and $GOOGL here')).toEqual([
      'cashtag:AAPL',
      'bare:MSFT',
      'cashtag:GOOGL',
    ]);
  });

  it('a run of listed symbols', () => {
    expect(detect('Watch AMZN, NFLX and GOOG')).toEqual(['bare:AMZN', 'bare:NFLX', 'bare:GOOG']);
  });
});

describe('6. short everyday names of well-known companies', () => {
  it('are matched', () => {
    expect(detect('Shares of Chipotle and Lululemon rose while Bristol-Myers fell.')).toEqual([
      'name:CMG',
      'name:LULU',
      'name:BMY',
    ]);
    expect(detect('AB InBev and J&J reported.')).toEqual(['name:BUD', 'name:JNJ']);
  });
});

describe('the page as context and the reasons kept for the card', () => {
  it('a page without market words takes explicit forms only', () => {
    const page = [
      'Menu',
      'Set $HOME first.',
      'Contact (CEO) Jane',
      'Ford F-150 review',
      'We got a Visa in May.',
    ];
    expect(detectInDocument(page, u).tickers).toEqual([]);
    // The same name on a page about markets.
    expect(detectInDocument(['We like Visa here.', 'Its shares rose 2%.'], u).tickers).toEqual(['V']);
  });

  it('a weak candidate early on a page is confirmed by market words later on it', () => {
    const r = detectInDocument(['$K was mentioned.', 'Shares of the cereal maker rose 3%.'], u);
    expect(r.tickers).toEqual(['K']);
  });

  it('every mention says why it was taken', () => {
    const ms = detectMentions(
      'Acme (NASDAQ: NVDA) and Apple Inc. (AAPL) and $TSLA; shares of CROX; AMZN, NFLX and GOOG',
      u,
    );
    expect(ms.every((m) => typeof m.reason === 'string' && m.reason.length > 0)).toBe(true);
    expect(ms.find((m) => m.symbol === 'NVDA')?.reason).toBe('written as NASDAQ: NVDA');
  });
});
