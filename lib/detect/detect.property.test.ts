/**
 * Property-based tests of the detector: a hostile page controls every text node and link our
 * content script reads. Whatever it writes, detection never throws, and every mention it returns
 * points at its own text: 0 ≤ start < end ≤ text.length and text.slice(start, end) === text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { describePages, hasPages, PAGES_DIR } from '../../test/shared-fixtures';
import { anyText, HOSTILE_STRINGS, mutated, RUNS, tally } from '../../test/unit/fuzz';
import { htmlToSegments } from './html';
import {
  detectInDocument,
  detectMentions,
  DocumentContext,
  loadUniverse,
  symbolFromQuoteUrl,
  type Mention,
  type UniverseData,
} from './index';

const root = resolve(__dirname, '../..');
const data = JSON.parse(readFileSync(resolve(root, 'lib/data/universe.json'), 'utf8')) as UniverseData;
const universe = loadUniverse(data);
const corpus = (
  JSON.parse(readFileSync(resolve(root, 'test/fixtures/detect/corpus.json'), 'utf8')) as Array<{
    text: string;
  }>
).map((p) => p.text);

const KINDS = new Set(['cashtag', 'exchange', 'paren', 'link', 'bare', 'name', 'otc']);
const SYMBOL = /^[A-Z0-9][A-Z0-9.\-/$]{0,14}$/;

function checkMentions(text: string, ms: Mention[]): void {
  for (const m of ms) {
    expect(KINDS.has(m.kind), m.kind).toBe(true);
    expect(Number.isInteger(m.start) && Number.isInteger(m.end)).toBe(true);
    expect(m.start).toBeGreaterThanOrEqual(0);
    expect(m.end).toBeLessThanOrEqual(text.length);
    if (m.kind === 'link') {
      // A link mention spans the link's whole text (which may be empty for an image link).
      expect(m.start).toBe(0);
      expect(m.end).toBe(text.length);
    } else expect(m.start).toBeLessThan(m.end);
    expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(m.symbol).toMatch(SYMBOL);
  }
}

// Real symbols and names, so generated text actually hits the mention paths.
const rows = data.rows.slice(0, 3000).map((r) => r.split('|'));
const symbols = rows.map((r) => r[0] ?? 'AAPL').filter((s) => s.length > 0);
const names = rows.map((r) => (r[2] ?? '').replace(/^~/, '')).filter((s) => s.length > 2);

const tickerish = fc.oneof(
  fc.constantFrom(...symbols).map((s) => `$${s}`),
  fc.constantFrom(...symbols).map((s) => `(NASDAQ: ${s})`),
  fc
    .tuple(
      fc.constantFrom('NYSE', 'Nasdaq GS', 'OTCQX', 'TSX', 'NYSE American', 'ticker'),
      fc.constantFrom(...symbols),
    )
    .map(([e, s]) => `${e}: ${s}`),
  fc.tuple(fc.constantFrom(...names), fc.constantFrom(...symbols)).map(([n, s]) => `${n} (${s})`),
  fc.constantFrom(...names),
  fc.constantFrom(...symbols),
  fc.constantFrom(...symbols).map((s) => `shares of ${s} rose 4.2%`),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(' ', ', ', ' and ', '\n', '(', ')', ': ', '$', '\u00A0', '\u200B', '\u202E', ' | '),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

/** Text a page could contain: real tickers and names, glued with separators and junk. */
const pageText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(tickerish, { maxLength: 25 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: anyText },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...corpus).chain((t) => mutated(t)),
  },
);

const hostUrls = [
  'https://finance.yahoo.com/quote/',
  'https://www.google.com/finance/quote/',
  'https://www.marketwatch.com/investing/stock/',
  'https://www.cnbc.com/quotes/',
  'https://www.nasdaq.com/market-activity/stocks/',
  'https://seekingalpha.com/symbol/',
  'https://finviz.com/quote.ashx?t=',
  'https://www.tradingview.com/symbols/NASDAQ-',
  'https://www.benzinga.com/quote/',
  'https://www.morningstar.com/stocks/xnas/',
  'https://www.barrons.com/market-data/stocks/',
  'https://www.wsj.com/market-data/quotes/',
  'https://robinhood.com/stocks/',
  'https://www.fool.com/quote/nasdaq/',
  'https://www.zacks.com/stock/quote/',
  'https://www.reuters.com/markets/companies/',
  'https://www.investing.com/equities/',
  'javascript:alert(1)//finance.yahoo.com/quote/',
  'data:text/html,',
];
/** Quote-page URLs with arbitrary tails: %-escapes (malformed too), unicode, query strings. */
const href: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...hostUrls),
      fc.oneof(
        fc.constantFrom(...symbols),
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.constantFrom('%E0', '%', '%ZZ', '%25', '%F0%9F', 'apple-computer-inc', 'BRK-B', '..%2F..'),
      ),
      fc.constantFrom('', '/', '?p=%', '?countrycode=us', '#x', '.aspx'),
    )
    .map(([h, t, tail]) => h + t + tail),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string({ maxLength: 80 }),
);

afterAll(() => {
  console.info(`[fuzz] lib/detect: ${tally.inputs} inputs tried, none threw`);
});

describe('detectMentions on arbitrary and hostile text', () => {
  for (const social of [false, true]) {
    it(`offsets point at the mention's own text (social: ${social})`, () => {
      fc.assert(
        fc.property(pageText, (text) => {
          tally.inputs++;
          const ms = detectMentions(text, universe, { social });
          checkMentions(text, ms);
          for (let i = 1; i < ms.length; i++) expect(ms[i]!.start).toBeGreaterThanOrEqual(ms[i - 1]!.start);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('a 10 KB run of ticker-like tokens and a 200 KB node stay correct', () => {
    const long = Array.from({ length: 2500 }, (_, i) => `$${symbols[i % symbols.length]}`).join(' ');
    checkMentions(long, detectMentions(long, universe));
    const huge = '(NASDAQ: '.repeat(25_000);
    checkMentions(huge, detectMentions(huge, universe));
    tally.inputs += 2;
  });
});

describe('DocumentContext across text nodes and links', () => {
  const segment = fc.record({
    text: pageText,
    href: fc.option(href, { nil: undefined, freq: 3 }),
  });

  it('scanSegment / scanLink / finish: offsets valid in their own segment, segment indexes in range', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 12 }), fc.boolean(), (segs, social) => {
        tally.inputs++;
        const ctx = new DocumentContext(universe, { social, blocklist: new Set(['AAPL']) });
        segs.forEach((s) => {
          const found = ctx.scanSegment(s.text);
          checkMentions(s.text, found);
          if (s.href !== undefined) {
            const link = ctx.scanLink(s.href, s.text);
            if (link) {
              checkMentions(s.text, [link]);
              expect(link.symbol).not.toBe('AAPL');
            }
          }
          for (const m of found) expect(m.symbol).not.toBe('AAPL');
        });
        for (const d of ctx.finish()) {
          expect(d.segment).toBeGreaterThanOrEqual(0);
          expect(d.segment).toBeLessThan(segs.length);
          checkMentions(segs[d.segment]!.text, [d.mention]);
        }
        expect(ctx.finish()).toEqual([]); // finish drains
      }),
      { numRuns: RUNS },
    );
  });

  it('detectInDocument on the same segments keeps every offset valid', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 12 }), (segs) => {
        tally.inputs++;
        const r = detectInDocument(segs, universe);
        expect(r.segments.length).toBe(segs.length);
        r.segments.forEach((ms, i) => checkMentions(segs[i]!.text, ms));
        expect(new Set(r.tickers).size).toBe(r.tickers.length);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('symbolFromQuoteUrl on hostile links', () => {
  it('never throws; answers null or a ticker symbol', () => {
    fc.assert(
      fc.property(href, fc.boolean(), (h, withUniverse) => {
        tally.inputs++;
        const s = symbolFromQuoteUrl(h, withUniverse ? universe : undefined);
        if (s !== null) expect(s).toMatch(SYMBOL);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('malformed %-escapes in a quote link are not a symbol (regression: URIError escaped scanLink)', () => {
    for (const h of [
      'https://finance.yahoo.com/quote/%E0/',
      'https://finance.yahoo.com/lookup?s=%25',
      'https://www.cnbc.com/quotes/%ZZ',
      'https://www.nasdaq.com/market-activity/stocks/%F0%9F',
    ]) {
      tally.inputs++;
      expect(symbolFromQuoteUrl(h)).toBeNull();
      expect(new DocumentContext(universe).scanLink(h, 'link')).toBeNull();
    }
  });
});

describePages('real recorded news pages, mutated', () => {
  const pages = hasPages ? readdirSync(PAGES_DIR).filter((f) => f.endsWith('.html')) : [];
  const bodies = pages.map((f) => readFileSync(resolve(PAGES_DIR, f), 'utf8'));

  it('htmlToSegments → detectInDocument on pages with lines cut, moved and junk spliced in', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...bodies).chain((b) => mutated(b)),
        (html) => {
          tally.inputs++;
          const { segments } = htmlToSegments(html);
          const r = detectInDocument(segments, universe);
          r.segments.forEach((ms, i) => {
            const seg = segments[i]!;
            checkMentions(typeof seg === 'string' ? seg : seg.text, ms);
          });
        },
      ),
      { numRuns: Math.max(20, Math.floor(RUNS / 5)) },
    );
  });
});
