/**
 * Symbols written after a label: "NASDAQ: XYZ", "(NYSE: V, MA)", "(NASDAQ: XYZ; TSX: ABC)",
 * "NYSE American: UAMY", and after the words ticker / symbol ("ticker symbol "XYZ"", "symbol: XYZ").
 * A label that ends its text node leaves its class pending for the next node.
 */
import {
  classifyGroup,
  EXCH_GROUP,
  FOREIGN_SYM_AT,
  LIST_SEP,
  SYM_AT,
  type ExchClass,
} from './exchange-labels';
import type { ScanState } from './scan-state';

/** `ticker symbol "XYZ"`, `symbol: XYZ`, `under the ticker XYZ` (after the word ticker/symbol). */
const TICKER_WORD_AT =
  /(?:\s+symbols?)?\s*(?::|\bis\b)?\s*["“'‘]?([A-Z][A-Z0-9]{0,5}(?:\.[A-Z])?)["”'’]?(?![A-Za-z0-9])/y;
const SEMI = /\s*;\s*/y;

/** Symbol list after an exchange label at pos; returns the end position. */
export function readExchangeList(st: ScanState, pos: number, exch: ExchClass, inParen: boolean): number {
  const text = st.text;
  let p = pos;
  for (;;) {
    if (exch.kind === 'foreign') {
      FOREIGN_SYM_AT.lastIndex = p;
      const f = FOREIGN_SYM_AT.exec(text);
      if (!f) return p;
      p = FOREIGN_SYM_AT.lastIndex;
    } else {
      SYM_AT.lastIndex = p;
      const m = SYM_AT.exec(text);
      if (!m || m[1] === undefined) return p;
      const end = SYM_AT.lastIndex;
      st.emitExplicit('exchange', m[1], p, end, exch);
      p = end;
    }
    if (!inParen) return p;
    LIST_SEP.lastIndex = p;
    if (!LIST_SEP.exec(text)) return p;
    const next = LIST_SEP.lastIndex;
    // "(NASDAQ: XYZ, TSX: ABC)": a new label after the separator.
    EXCH_GROUP.lastIndex = next;
    const g = EXCH_GROUP.exec(text);
    if (g && g[1] !== undefined) {
      exch = classifyGroup(g[1]);
      p = EXCH_GROUP.lastIndex;
      continue;
    }
    SYM_AT.lastIndex = next;
    if (!SYM_AT.test(text)) return p;
    p = next;
  }
}

/** Tries an exchange label at pos; returns the end of what it consumed or -1. */
export function tryExchange(st: ScanState, pos: number, inParen: boolean): number {
  const text = st.text;
  EXCH_GROUP.lastIndex = pos;
  const g = EXCH_GROUP.exec(text);
  if (!g || g[1] === undefined) return -1;
  const exch = classifyGroup(g[1]);
  const after = EXCH_GROUP.lastIndex;
  if (after >= text.length) {
    st.pendingExchange = exch;
    return after;
  }
  let end = readExchangeList(st, after, exch, inParen);
  if (inParen) {
    // "(NASDAQ: XYZ; TSX: ABC)"
    for (;;) {
      SEMI.lastIndex = end;
      if (!SEMI.exec(text)) break;
      EXCH_GROUP.lastIndex = SEMI.lastIndex;
      const g2 = EXCH_GROUP.exec(text);
      if (!g2 || g2[1] === undefined) break;
      end = readExchangeList(st, EXCH_GROUP.lastIndex, classifyGroup(g2[1]), true);
    }
  }
  return end;
}

/** After the word "ticker"/"symbol" ending at pos: the symbol it introduces; returns the end or -1. */
export function tryTickerWord(st: ScanState, pos: number): number {
  TICKER_WORD_AT.lastIndex = pos;
  const t = TICKER_WORD_AT.exec(st.text);
  if (!t || t[1] === undefined) return -1;
  const ss = TICKER_WORD_AT.lastIndex - t[0].length + t[0].indexOf(t[1]);
  st.emitExplicit('exchange', t[1], ss, ss + t[1].length, { kind: 'ticker' });
  return TICKER_WORD_AT.lastIndex;
}
