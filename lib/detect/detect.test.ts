import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGES_DIR, describePages, readReal } from '../../test/shared-fixtures';
import { unwrap } from '../result';
import { parseNasdaqListed, parseOtherListed } from '../sources/nasdaq-trader';
import { parseSecCompanyTickersExchange } from '../sources/sec-tickers';
import { htmlToSegments } from './html';
import {
  buildUniverseData,
  canonicalSymbol,
  cleanCompanyName,
  detectInDocument,
  detectMentions,
  DocumentContext,
  loadUniverse,
  nameAliases,
  securityType,
  symbolFromQuoteUrl,
  type Mention,
  type UniverseData,
} from './index';

const root = resolve(__dirname, '../..');
const data = JSON.parse(readFileSync(resolve(root, 'lib/data/universe.json'), 'utf8')) as UniverseData;
const u = loadUniverse(data);
const syms = (ms: Mention[]) => ms.map((m) => `${m.kind}:${m.symbol}`);

describe('the whole scan', () => {
  it('blocklist', () => {
    expect(syms(detectMentions('$NVDA and $AMD', u, { blocklist: new Set(['AMD']) }))).toEqual([
      'cashtag:NVDA',
    ]);
  });
});

describe('symbolFromQuoteUrl', () => {
  it.each([
    ['https://finance.yahoo.com/quote/BRK-B/', 'BRK.B'],
    ['https://finance.yahoo.com/quote/%5EGSPC/', null],
    ['https://www.google.com/finance/quote/AAPL:NASDAQ', 'AAPL'],
    ['https://www.google.com/finance/quote/VOD:LON', null],
    ['https://www.marketwatch.com/investing/stock/msft', 'MSFT'],
    ['https://www.marketwatch.com/investing/stock/vod?countrycode=uk', null],
    ['https://www.cnbc.com/quotes/AAPL', 'AAPL'],
    ['https://www.cnbc.com/quotes?symbol=ULTA', 'ULTA'],
    ['https://www.nasdaq.com/market-activity/stocks/tsla', 'TSLA'],
    ['https://seekingalpha.com/symbol/NVDA', 'NVDA'],
    ['https://finviz.com/quote.ashx?t=AMD', 'AMD'],
    ['https://stocktwits.com/symbol/GME', 'GME'],
    ['https://stocktwits.com/symbol/BTC.X', null],
    ['https://www.tradingview.com/symbols/NASDAQ-AAPL/', 'AAPL'],
    ['https://www.tradingview.com/symbols/TSX-RY/', null],
    ['https://www.benzinga.com/quote/F', 'F'],
    ['https://www.morningstar.com/stocks/xnas/aapl/quote', 'AAPL'],
    ['https://www.morningstar.com/stocks/xlon/vod/quote', null],
    ['https://www.barrons.com/market-data/stocks/hd', 'HD'],
    ['https://www.barrons.com/quote/LOW', 'LOW'],
    ['https://www.barrons.com/quote/index/SPX', null],
    ['https://robinhood.com/stocks/HOOD', 'HOOD'],
    ['https://www.fool.com/quote/nasdaq/amzn/', 'AMZN'],
    ['https://example.com/quote/AAPL', null],
    ['not a url', null],
  ])('%s → %s', (href, want) => {
    expect(symbolFromQuoteUrl(href)).toBe(want);
  });

  it('Investing.com name slugs resolve only with the universe', () => {
    expect(symbolFromQuoteUrl('https://www.investing.com/equities/apple-computer-inc')).toBeNull();
    expect(symbolFromQuoteUrl('https://www.investing.com/equities/apple-computer-inc', u)).toBe('AAPL');
    expect(symbolFromQuoteUrl('https://www.investing.com/equities/nvidia-corp', u)).toBe('NVDA');
  });
});

describe('names and symbols', () => {
  it('cleans listing names', () => {
    expect(cleanCompanyName('Agilent Technologies, Inc. Common Stock')).toBe('Agilent Technologies');
    expect(cleanCompanyName('Coca-Cola Company (The) Common Stock')).toBe('Coca-Cola');
    expect(cleanCompanyName('Alphabet Inc. - Class A Common Stock')).toBe('Alphabet');
    expect(cleanCompanyName('Artius II Acquisition Inc. - Class A Ordinary Shares')).toBe(
      'Artius II Acquisition',
    );
    expect(cleanCompanyName('Brookfield Renewable Partners L.P. Limited Partnership Units')).toBe(
      'Brookfield Renewable Partners',
    );
    expect(nameAliases('Inovio Pharmaceuticals')).toEqual(['Inovio Pharmaceuticals', 'Inovio']);
    expect(nameAliases('NVIDIA')).toContain('Nvidia');
    expect(securityType('Archer Aviation Inc. Redeemable Warrants, each whole warrant', 'ACHR.W')).toBe(
      'warrant',
    );
    expect(
      securityType('Arbor Realty Trust 6.375% Series D Cumulative Redeemable Preferred Stock', 'ABR$D'),
    ).toBe('preferred');
  });

  it('normalises class separators', () => {
    expect(['BRK-B', 'brk/b', 'BRK.B', 'BRK B'].map(canonicalSymbol)).toEqual([
      'BRK.B',
      'BRK.B',
      'BRK.B',
      'BRK.B',
    ]);
    expect(u.resolve('BRKB')?.symbol).toBe('BRK.B');
    expect(u.resolve('BF-B')?.symbol).toBe('BF.B');
  });
});

describe('bundled universe', () => {
  it('is compact and flags membership', () => {
    expect(JSON.stringify(data).length).toBeLessThan(600_000);
    expect(u.get('AAPL')).toMatchObject({ exchange: 'NASDAQ', sp500: true, r1000: true, etf: false });
    expect(u.get('IWM')).toMatchObject({ exchange: 'NYSE Arca', etf: true });
    expect(u.get('BRK.B')).toMatchObject({ sp500: true, name: 'Berkshire Hathaway' });
    expect(u.get('CYATY')).toMatchObject({ otc: true, exchange: 'OTC' });
    expect(u.get('ZVZZT')).toBeUndefined(); // test issue
    expect(u.get('ACHR.W')).toMatchObject({ type: 'warrant', name: 'Archer Aviation' });
  });
});

describe('universe build from the real files', () => {
  it('reproduces the bundled file', () => {
    const nasdaq = unwrap(parseNasdaqListed(readReal('nasdaqlisted_2026-07-31.txt')));
    const other = unwrap(parseOtherListed(readReal('otherlisted_2026-07-31.txt')));
    const sec = unwrap(
      parseSecCompanyTickersExchange(readReal('sec_company_tickers_exchange_2026-08-22.json')),
    );
    const r2000 = new Set(
      u.size ? data.rows.filter((r) => /\|[A-Z][a-z]*2/.test(r)).map((r) => r.split('|')[0] ?? '') : [],
    );
    const report = buildUniverseData({
      nasdaqListed: nasdaq.rows,
      otherListed: other.rows,
      sec,
      r2000,
      r1000: ['AAPL', 'BRKB'],
      sp500: ['BRK.B'],
      asOf: {},
    });
    expect(report.counts).toMatchObject({ nasdaqTestIssues: 8, otherTestIssues: 25, r1000: 2, sp500: 1 });
    expect(report.data.rows.length).toBe(data.rows.length);
    expect(report.data.rows.find((r) => r.startsWith('BRK.B|'))).toMatch(/^BRK\.B\|N1s/);
  });
});

/** Text nodes of a page, as the content script would see them. */
function pageResult(file: string) {
  const { segments } = htmlToSegments(readFileSync(resolve(PAGES_DIR, file), 'utf8'));
  return detectInDocument(segments, u);
}

/** Each recorded page: symbols it must find, symbols it must never report. */
const PAGE_EXPECTATIONS: Array<[file: string, want: string[], never: string[]]> = [
  ['247wallst-coronavirus-stocks.html', ['MRNA', 'NVAX', 'GILD', 'REGN', 'DGX', 'CODX', 'INO', 'SNY'], []],
  ['barrons-home-depot-earnings.html', ['HD', 'LOW', 'WFC'], []],
  [
    'fool-best-cloud-computing-stocks-2025.html',
    ['AMZN', 'CRM', 'ADBE', 'SNOW', 'ZM', 'NOW', 'TTD', 'DOCN'],
    [],
  ],
  ['fool-7-top-stocks-to-buy-for-2015.html', ['QCOM', 'GOOG', 'GOOGL', 'TSM', 'AAPL'], ['PM', 'CAPS', 'MF']],
  ['yahoo-finance-stevia-first-stvf.html', ['KO', 'PEP', 'SXT', 'ADM', 'MNST'], ['TATYY', 'EVE']],
  ['prnewswire-tableau-investor-conferences.html', ['DATA', 'MS'], []],
  ['cnbc-coty-kylie-jenner-stake.html', ['COTY', 'ULTA', 'EL'], []],
  ['bloomberg-zenefits-gusto-insurance.html', [], ['CEO', 'HR', 'LIVE', 'TV', 'GMT', 'FX']],
  [
    'reuters-oil-lower-stocks-near-highs.html',
    [],
    ['DJI', 'SPX', 'IXIC', 'DXY', 'EUR', 'GBP', 'XAU', 'CMCU3'],
  ],
  ['marketwatch-treasury-yields-slide.html', ['TSLA'], ['COMP', 'TMUBMUSD10Y', 'NFIB']],
  ['cnn-business-asia-markets-trade-war.html', [], ['N225', 'KOSPI', 'SHCOMP', 'HSI', 'DJI']],
];

// One test over all pages (not one per page), so a bare clone without the pages skips one test.
describePages('real finance pages (PAGES.md)', () => {
  it('finds the tickers each recorded page means, and none it must not', () => {
    for (const [file, want, never] of PAGE_EXPECTATIONS) {
      const r = pageResult(file);
      for (const s of want) expect(r.tickers, `${file} should find ${s}`).toContain(s);
      for (const s of never) expect(r.tickers, `${file} must not report ${s}`).not.toContain(s);
    }
  });

  it('scans a 50,000-node page quickly', () => {
    const { segments } = htmlToSegments(
      readFileSync(resolve(PAGES_DIR, 'fool-best-cloud-computing-stocks-2025.html'), 'utf8'),
    );
    const texts = segments.map((s) => (typeof s === 'string' ? s : s.text));
    const nodes: string[] = [];
    while (nodes.length < 50_000) nodes.push(...texts);
    nodes.length = 50_000;
    const t0 = performance.now();
    const ctx = new DocumentContext(u);
    let worst = 0;
    for (let i = 0; i < nodes.length; i += 2000) {
      const s = performance.now();
      for (const n of nodes.slice(i, i + 2000)) ctx.scanSegment(n);
      worst = Math.max(worst, performance.now() - s);
    }
    ctx.finish();
    const total = performance.now() - t0;
    console.info(`50k nodes: ${total.toFixed(0)} ms total, worst 2k-node slice ${worst.toFixed(1)} ms`);
    expect(total).toBeLessThan(2000);
  });
});
