/**
 * The page as context. Whether a page is about markets is known only as it is read, so weak
 * candidates (a bare symbol, a name that is also a word, a short cashtag) are held and decided at
 * the end of the page: taken when the page wrote their symbol explicitly, turned out ticker-dense,
 * or turned out to be about finance.
 */
import type { DeferredMention } from './mention';
import type { ScanState } from './scan-state';

/**
 * Finance vocabulary: a document with none of it is not about markets, and there only explicit
 * forms count (exchange-qualified, "Name (SYM)", a quote link, a cashtag of a listed symbol).
 * Words that general news uses in other senses ("market", "stock" as in inventory, "%") are left out.
 */
const FINANCE_WORDS =
  /\b(?:stocks?|shares|shareholders?|investors?|investing|earnings|dividends?|analysts?|Nasdaq|NASDAQ|NYSE|Wall Street|S&P 500|Dow Jones|IPO|market (?:cap|value)|price target|tickers?|bullish|bearish|rall(?:y|ied)|sell-?off|pre-?market|after-hours|hedge funds?|quarterly|fiscal|guidance|valuation|EPS|revenue|calls|puts|options|upgrade[ds]?|downgrade[ds]?|trad(?:e|es|ed|er|ers|ing)|shorts?|shorting|momentum|breakout|outperform|underperform|overweight|underweight|(?:buy|sell|hold) rating|rating|(?:lowered|raised|cut|upgraded|downgraded|reiterated) to (?:sell|buy|hold|neutral|outperform|underperform|strong buy)|8-K|10-K|10-Q|13F|SEC filing|stockaction|#stocks?)\b|\b(?:rose|fell|gained|jumped|slid|dropped|climbed|surged|soared|plunged|tumbled|sank|rallied|declined|up|down|higher|lower)\s+(?:about\s+|nearly\s+|almost\s+|more\s+than\s+)?\d+(?:\.\d+)?\s?%/i;

/** Counts a segment's finance words, until there is enough evidence (then no more work per node). */
export function noteFinanceWords(st: ScanState, text: string): void {
  if (st.finance < 2 && text.length >= 5 && FINANCE_WORDS.test(text)) st.finance++;
}

/**
 * The held candidates the page has confirmed, once each, and the hold emptied. A document with
 * explicit symbols writes bare tickers too ("…discount to AMAT and LRCX"): plain (unambiguous,
 * listed, not in a heading) candidates are taken when it has at least two explicit symbols, or one
 * when the candidate stood in a list with another symbol.
 */
export function confirmDeferred(st: ScanState): DeferredMention[] {
  const n = st.explicit.size;
  const out: DeferredMention[] = [];
  const seen = new Set<string>();
  for (const d of st.deferred) {
    const ok =
      st.explicit.has(d.mention.symbol) ||
      (d.density === 1 && n >= 1) ||
      (d.density === 2 && n >= 2) ||
      (d.finance === true && st.finance > 0);
    const key = `${d.segment}:${d.mention.start}`;
    if (!ok || d.done || seen.has(key)) continue;
    seen.add(key);
    out.push({ segment: d.segment, mention: d.mention });
  }
  st.deferred.length = 0;
  return out;
}
