/**
 * Cashtags ("$NVDA"). "$" also spells words, slang, amounts, shell variables and TeX outside
 * finance ("$HOME", "$X", "$US", "$x$"): a cashtag stands alone only when it is a listed,
 * unambiguous symbol or opens or closes its text; otherwise it waits for the page to be about
 * markets.
 */
import type { Mention } from './mention';
import type { ScanState } from './scan-state';
import { canonicalSymbol } from '../core/symbols';
import { AMBIGUOUS_SYMBOLS } from './words';

/** `$` before a currency code is an amount ("$US 5bn", "$CAD"), not a ticker. */
const CURRENCY_CASHTAGS = new Set(
  'US USD CAD AUD NZD HKD SGD EUR GBP JPY CHF CNY MXN TWD KRW INR BRL ZAR'.split(' '),
);

/** Shell and build variables that docs write as "$WORD": cashtags only in text about markets. */
const TECH_CASHTAGS = new Set(
  'HOME PATH USER PWD SHELL TERM LANG EDITOR DISPLAY TMPDIR CC CXX CFLAGS PREFIX SRC OUT DIR ROOT VERSION ARGS BUILD CONFIG DEBUG IFS UID PS1 ENV PORT'.split(
    ' ',
  ),
);

const CRYPTO_CASHTAGS = new Set(
  'BTC ETH XRP SOL DOGE ADA DOT SHIB AVAX MATIC LTC BNB USDT USDC TRX TON XLM LINK PEPE'.split(' '),
);

/**
 * A cashtag body at [s, e) of the current segment. Lower case counts only in social posts; crypto,
 * currencies and TeX or template variables ("$x$", "$N^2", "$x_1", "${HOME}", "$\alpha") never.
 */
export function scanCashtag(st: ScanState, body: string, s: number, e: number): void {
  const upper = body.toUpperCase();
  if (body !== upper && !st.opts.social) return;
  if (CRYPTO_CASHTAGS.has(upper) || CURRENCY_CASHTAGS.has(upper)) return;
  const text = st.text;
  const next = e < text.length ? text.charCodeAt(e) : 0;
  if (next === 36 || next === 94 || next === 95 || next === 123 || next === 92) return;
  cashtag(st, upper, s, e);
}

/**
 * A one-letter body, an English word or an unlisted symbol counts only in a document about markets
 * (decided at finish() when that is not known yet). Any other listed symbol is finance evidence
 * itself ("$GLD $USO $AAPL").
 */
function cashtag(st: ScanState, upper: string, s: number, e: number): void {
  const info = st.universe.resolve(upper);
  const symbol = info ? info.symbol : canonicalSymbol(upper);
  // A tag opening or closing its text ("$GE - GE and …", "… in Europe $ABB") is a ticker tag.
  const text = st.text;
  const tag = /^\s*$/.test(text.slice(0, s)) || /^[\s.…]*$/.test(text.slice(e));
  const weak =
    upper.length === 1 || TECH_CASHTAGS.has(upper) || (!tag && (!info || AMBIGUOUS_SYMBOLS.has(upper)));
  // Two different cashtags (of two letters or more) make a ticker stream: finance context.
  if (upper.length >= 2 && !TECH_CASHTAGS.has(upper)) {
    if (st.lastCashtag && st.lastCashtag !== symbol) st.finance = Math.max(st.finance, 1);
    st.lastCashtag = symbol;
  }
  if (!weak) st.finance = Math.max(st.finance, 1);
  if (!weak || st.finance > 0 || st.explicit.has(symbol)) {
    st.emitExplicit('cashtag', upper, s, e);
    // A member of a symbol list: bare neighbours are its peers ("$AAPL, MSFT and $GOOGL").
    st.notes.push({ start: s, end: e, symbol, ambiguous: false, accepted: true, explicit: true });
    return;
  }
  const mention: Mention = {
    symbol,
    kind: 'cashtag',
    start: s,
    end: e,
    text: text.slice(s, e),
    inUniverse: !!info,
    ...(info ? { exchange: info.exchange } : {}),
    reason: `written as $${symbol}, page about markets`,
  };
  st.defer(mention, 0, true);
}
