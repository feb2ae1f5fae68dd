/**
 * Bare symbols: 2–5 capitals written without "$", label or parens ("Shares of CROX rose"). Most
 * such tokens are words or abbreviations, so a candidate is taken at once only with strong context
 * (the symbol written elsewhere, "shares of" / "ticker" before it, a corporate word after it), with
 * weak context ("bought XYZ", "XYZ rose 5%") on a page about markets, or held for the page-level
 * rules of finish() and the ticker-list rule.
 */
import type { Mention } from './mention';
import type { ScanState, TokenNote } from './scan-state';
import { isBareShape } from './text-shape';
import { AMBIGUOUS_SYMBOLS } from './words';

const AFTER_TIME = /\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?|[AP]\.?M\.?)\s*$/;
const STRONG_PREFIX =
  /(?:\b(?:shares|stock|stake|options|calls|puts)\s+(?:of|in)|\bticker(?:\s+symbol)?|\bsymbol|\b(?:NYSE|Nasdaq|NASDAQ)-listed)\s*:?\s*$/i;
const WEAK_PREFIX =
  /\b(?:buy|sell|long|short|bought|sold|own|owns|buying|selling|shorting|added|trimmed|prefer|like|upgrade|downgrade|initiate)\s+$/i;
/** "TJX Companies", "AMC Entertainment Holdings": a listed acronym followed by a corporate word. */
const CORPORATE_SUFFIX =
  /^\s+(?:Inc\b|Corp\b|Corporation\b|Companies\b|Company\b|Co\.|Holdings?\b|Group\b|Ltd\b|plc\b)/;
const WEAK_SUFFIX =
  /^(?:'s|’s)?\s+(?:shares?|stock|stocks|rose|fell|gained|jumped|slid|dropped|climbed|surged|soared|plunged|plummeted|tumbled|sank|rallied|declined|advanced|slipped|edged|popped|spiked|traded|closed|opened|ended|finished|rebounded|retreated|is\s+(?:up|down|trading|higher|lower)|was\s+(?:up|down|higher|lower)|are\s+(?:up|down)|were\s+(?:up|down)|up\s+\d|down\s+\d|calls|puts|options|ETFs?)\b|^\s*[+\-−–]\s?\d+(?:\.\d+)?%|^\s+\(?[+\-−–]?\d+(?:\.\d+)?%|^\s+\$\d/i;

/** The token `tok` at [s, e) of the current segment, when it has the bare shape. */
export function scanBare(st: ScanState, tok: string, s: number, e: number): void {
  if (!isBareShape(tok)) return;
  const info = st.universe.get(tok);
  const ambiguous = AMBIGUOUS_SYMBOLS.has(tok);
  const note: TokenNote = { start: s, end: e, symbol: null, ambiguous, accepted: false };
  st.notes.push(note);
  if (!info || info.type !== 'common') return;
  note.symbol = info.symbol;
  const b = st.before(s, 40);
  if (AFTER_TIME.test(b)) return;
  st.lineAt(s);
  const mention: Mention = {
    symbol: info.symbol,
    kind: 'bare',
    start: s,
    end: e,
    text: tok,
    inUniverse: true,
    exchange: info.exchange,
  };
  if (st.lineCaps && (ambiguous || !st.explicit.has(info.symbol))) {
    if (!ambiguous) note.deferred = st.defer(mention, 0);
    return;
  }
  const text = st.text;
  const after = text.slice(e, e + 40);
  const strong = st.explicit.has(info.symbol)
    ? 'symbol written elsewhere on page'
    : STRONG_PREFIX.test(b)
      ? 'after "shares of" / "ticker"'
      : CORPORATE_SUFFIX.test(after)
        ? 'followed by a corporate name'
        : null;
  // Weak context ("bought XYZ", "XYZ rose 5%") counts only in a document about markets.
  const weak = !strong && !ambiguous && !info.otc && (WEAK_PREFIX.test(b) || WEAK_SUFFIX.test(after));
  if (strong || (weak && st.finance > 0)) {
    note.accepted = true;
    mention.reason = strong ?? 'symbol with market words';
    st.emit(mention);
  } else if (weak) {
    mention.reason = 'symbol with market words';
    note.deferred = st.defer(mention, 0, true);
  } else {
    // A node that is only the token (menu item, legend, chip) is not prose: no density rule.
    const plain = !ambiguous && !info.otc && tok.length >= 3 && text.trim() !== tok;
    mention.reason = 'symbol, page writes symbols';
    note.deferred = st.defer(mention, plain ? 2 : 0);
  }
}
