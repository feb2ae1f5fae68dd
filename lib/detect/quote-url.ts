/**
 * Symbol of a quote-page link on the major finance sites. Non-US listings (a foreign exchange code
 * in the URL), indices, futures, currencies and crypto give null.
 */
import { canonicalSymbol } from '../core/symbols';
import { isTickerShape } from '../core/symbols';
import type { Universe } from './universe';

const US_EXCHANGES = new Set([
  'NASDAQ',
  'NYSE',
  'NYSEARCA',
  'NYSEAMERICAN',
  'NYSEMKT',
  'AMEX',
  'BATS',
  'CBOE',
  'ARCA',
  'XNAS',
  'XNYS',
  'XASE',
  'ARCX',
  'XNGS',
  'XNCM',
  'XNMS',
  'BATSX',
  'OTC',
  'OTCMKTS',
  'PINX',
]);

const YAHOO_QUOTE = /^https:\/\/finance\.yahoo\.com\/quote\/([A-Za-z][A-Za-z0-9.-]*)\/?$/;

function sym(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null; // malformed %-escape in a (possibly hostile) page's link: not a quote URL
  }
  const s = decoded.trim().toUpperCase();
  return isTickerShape(s) ? canonicalSymbol(s) : null;
}

function withExchange(exchange: string, raw: string | undefined): string | null {
  return US_EXCHANGES.has(exchange.toUpperCase()) ? sym(raw) : null;
}

/**
 * `https://finance.yahoo.com/quote/BRK-B/` → `BRK.B`. Pass the universe to resolve Investing.com
 * name slugs (`/equities/apple-computer-inc` → `AAPL`); without it those give null.
 */
export function symbolFromQuoteUrl(href: string, universe?: Universe): string | null {
  // Fast path for the most common quote link (no URL parse): exactly what the Yahoo branch below
  // gives for this plain form (no escapes, no query, no dot segments).
  const fast = YAHOO_QUOTE.exec(href);
  if (fast) return sym(fast[1]);
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const parts = url.pathname.split('/').filter(Boolean);
  const p = (i: number) => parts[i] ?? '';
  const q = (k: string) => url.searchParams.get(k);
  const site = (d: string) => host === d || host.endsWith(`.${d}`);

  if (site('finance.yahoo.com') || (site('yahoo.com') && parts.includes('finance'))) {
    const i = parts.indexOf('quote');
    if (i >= 0) return sym(parts[i + 1]);
    return sym(q('p') ?? q('s') ?? q('.sy'));
  }
  if (site('google.com') && p(0) === 'finance') {
    if (p(1) === 'quote') {
      const [s, ex] = p(2).split(':');
      return ex ? withExchange(ex, s) : null;
    }
    const qq = q('q');
    if (qq?.includes(':')) {
      const [ex, s] = qq.split(':');
      return withExchange(ex ?? '', s);
    }
    return null;
  }
  if (site('marketwatch.com')) {
    if (p(0) === 'investing' && (p(1) === 'stock' || p(1) === 'fund')) {
      const cc = q('countrycode') ?? q('countryCode');
      return cc && cc.toLowerCase() !== 'us' ? null : sym(p(2));
    }
    return null;
  }
  if (site('cnbc.com')) {
    if (p(0) !== 'quotes') return null;
    return sym(p(1) || q('symbol'));
  }
  if (site('nasdaq.com')) {
    if (p(0) === 'market-activity' && ['stocks', 'etf', 'funds-and-etfs'].includes(p(1))) return sym(p(2));
    return null;
  }
  if (site('seekingalpha.com') || site('stocktwits.com')) {
    // Stocktwits writes crypto as `BTC.X`.
    return p(0) === 'symbol' && !/\.X$/i.test(p(1)) ? sym(p(1)) : null;
  }
  if (site('finviz.com')) {
    return p(0).startsWith('quote') ? sym(q('t')) : null;
  }
  if (site('tradingview.com')) {
    if (p(0) !== 'symbols') return null;
    const m = /^([A-Z]+)-(.+)$/i.exec(p(1));
    return m ? withExchange(m[1] ?? '', m[2]) : sym(p(1));
  }
  if (site('benzinga.com')) {
    return p(0) === 'quote' || p(0) === 'stock' ? sym(p(1)) : null;
  }
  if (site('morningstar.com')) {
    return p(0) === 'stocks' || p(0) === 'etfs' ? withExchange(p(1), p(2)) : null;
  }
  if (site('barrons.com')) {
    if (p(0) === 'market-data' && (p(1) === 'stocks' || p(1) === 'funds')) return sym(p(2));
    // Old layout: /quote/HD; /quote/index/SPX is an index.
    if (p(0) === 'quote' && parts.length === 2) return sym(p(1));
    return null;
  }
  if (site('wsj.com')) {
    if (host.startsWith('quotes.')) return parts.length === 1 ? sym(p(0)) : null;
    return p(0) === 'market-data' && p(1) === 'quotes' && parts.length === 3 ? sym(p(2)) : null;
  }
  if (site('robinhood.com')) {
    const i = parts.indexOf('stocks');
    return i >= 0 ? sym(parts[i + 1]) : null;
  }
  if (site('fool.com')) {
    if (p(0) === 'quote') return parts.length >= 3 ? withExchange(p(1), p(2)) : sym(p(1));
    if (p(0).toLowerCase() === 'ticker') return sym(p(1).replace(/\.aspx$/i, ''));
    return sym(q('ticker'));
  }
  if (site('zacks.com')) {
    return p(0) === 'stock' && p(1) === 'quote' ? sym(p(2)) : null;
  }
  if (site('reuters.com')) {
    // RIC: AAPL.O / AAPL.OQ Nasdaq, IBM.N NYSE; other suffixes are foreign listings.
    const i = parts.indexOf('companies');
    const m = i >= 0 ? /^([A-Z.]+?)\.(O|OQ|N|A)$/i.exec(parts[i + 1] ?? '') : null;
    return m ? sym(m[1]) : null;
  }
  if (site('investing.com')) {
    if (p(0) !== 'equities' || !universe) return null;
    const words = p(1).toLowerCase().split('-');
    // Longest prefix of the slug that is a company alias ("apple-computer-inc" → "apple").
    for (let n = words.length; n >= 1; n--) {
      const hit = universe.slugs.get(words.slice(0, n).join('-'));
      if (hit) return hit;
    }
    return null;
  }
  return null;
}
