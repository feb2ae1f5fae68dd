/**
 * Symbols in parentheses: "(NASDAQ: XYZ)" (an exchange label inside), "Company Name (XYZ)",
 * "Class A shares (BRK.A)", "( AMZN +0.21% )", and "Senomyx Inc. (SNMX)" for a symbol no longer
 * listed. Acronym definitions ("Gross Domestic Product (GDP)") are not symbols.
 */
import { LIST_SEP, SYM_AT, WS } from './exchange-labels';
import { tryExchange } from './exchange-forms';
import type { ScanState } from './scan-state';
import { canonicalSymbol } from '../core/symbols';
import { AMBIGUOUS_SYMBOLS } from './words';

/** A price-change chip inside parens: "( AMZN +0.21% )". */
const CHANGE_AT = /\s*[+\-−–]?\s*\d+(?:\.\d+)?%/y;
/** A company's legal form right before "(": "Senomyx Inc. (", "Acme Holdings Corp (". */
const LEGAL_FORM_BEFORE =
  /[A-Z][A-Za-z0-9&'’.-]*,?\s+(?:[A-Z][A-Za-z0-9&'’.-]*,?\s+)*(?:Inc|Corp|Corporation|Co|Company|Ltd|Limited|plc|PLC|Holdings|Group|N\.V|S\.A|AG|LLC)\.?\s*$/;

/** The upper-case initials of the words of `before`, small words left out ("Gross Domestic Product" → GDP). */
export function initialsOf(before: string, last = Infinity): string {
  const words = before
    .replace(/[^A-Za-z\s&-]/g, ' ')
    .split(/[\s-]+/)
    .filter((w) => w && !/^(?:of|and|the|for|&|to|in|on)$/i.test(w));
  return (last === Infinity ? words : words.slice(-last))
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();
}

/** A capitalised word (or "eBay"-like one) right before pos. */
function nameBefore(st: ScanState, pos: number): boolean {
  const b = st.before(pos, 40).replace(/\s+$/, '');
  const m = /([A-Za-z0-9][A-Za-z0-9&'’.-]*)$/.exec(b);
  if (!m || m[1] === undefined) return false;
  const w = m[1];
  return /^[A-Z0-9]/.test(w) || /^[a-z]{1,2}[A-Z]/.test(w);
}

/** "Company Name (XYZ)", "Class A shares (BRK.A)": validate a paren candidate. */
function parenOk(st: ScanState, symbol: string, open: number): boolean {
  const b = st.before(open, 80);
  if (st.universe.aliasesOf(symbol).some((a) => b.includes(a)) || st.explicit.has(symbol)) return true;
  if (symbol.length < 2 || AMBIGUOUS_SYMBOLS.has(symbol)) return false;
  // Acronym definitions: "Gross Domestic Product (GDP)", "the gross loss ratio (GLR)".
  if (initialsOf(b, symbol.length) === symbol) return false;
  return nameBefore(st, open) || /[A-Za-z]\s*$/.test(b);
}

/** "Acme Widgets Inc. (ACMW)": a symbol shape after a legal-form word (not an acronym). */
function historicalParenOk(st: ScanState, raw: string, open: number): boolean {
  if (raw.length < 2 || raw.length > 5 || AMBIGUOUS_SYMBOLS.has(raw) || /[^A-Z]/.test(raw)) return false;
  const b = st.before(open, 60);
  if (!LEGAL_FORM_BEFORE.test(b)) return false;
  // "Acme Research Group (ARG)": an acronym of the words before it is a definition.
  const initials = initialsOf(b);
  return !initials.endsWith(raw) && !initials.slice(0, -1).endsWith(raw);
}

/** At "(" : exchange-qualified or "Name (XYZ)" forms. Returns the end consumed or -1. */
export function tryParen(st: ScanState, open: number): number {
  const text = st.text;
  WS.lastIndex = open + 1;
  WS.exec(text);
  const p = WS.lastIndex;
  if (p >= text.length) {
    st.pendingParen = nameBefore(st, open);
    return p;
  }
  const ex = tryExchange(st, p, true);
  if (ex >= 0) return ex;
  return tryParenSymbols(st, p, open);
}

/** Up to four symbols from p, closed by ")" or the end of the node; returns the end or -1. */
export function tryParenSymbols(st: ScanState, p: number, open: number): number {
  const text = st.text;
  const found: Array<[string, number, number]> = [];
  let q = p;
  for (;;) {
    SYM_AT.lastIndex = q;
    const m = SYM_AT.exec(text);
    if (!m || m[1] === undefined) return -1;
    found.push([m[1], q, SYM_AT.lastIndex]);
    q = SYM_AT.lastIndex;
    LIST_SEP.lastIndex = q;
    if (!LIST_SEP.exec(text) || found.length >= 4) break;
    const n = LIST_SEP.lastIndex;
    SYM_AT.lastIndex = n;
    if (!SYM_AT.test(text)) break;
    q = n;
  }
  CHANGE_AT.lastIndex = q;
  if (CHANGE_AT.exec(text)) q = CHANGE_AT.lastIndex;
  WS.lastIndex = q;
  WS.exec(text);
  q = WS.lastIndex;
  // Closed by ")" or by the end of the node (the ")" is in the next one).
  if (q < text.length && text.charCodeAt(q) !== 41) return -1;
  for (const [raw, s, e] of found) {
    const info = st.universe.get(canonicalSymbol(raw));
    if (!info) {
      // "Senomyx Inc. (SNMX)": the explicit form stands for a symbol no longer listed, when a
      // corporate name is written right before it.
      if (found.length === 1 && historicalParenOk(st, raw, open)) {
        st.explicit.add(raw);
        st.finance = 2;
        st.emit({
          symbol: raw,
          kind: 'paren',
          start: s,
          end: e,
          text: text.slice(s, e),
          inUniverse: false,
          reason: 'written as Company Inc. (SYM)',
        });
      }
      continue;
    }
    if (!parenOk(st, info.symbol, open)) continue;
    st.explicit.add(info.symbol);
    st.finance = 2;
    st.emit({
      symbol: info.symbol,
      kind: 'paren',
      start: s,
      end: e,
      text: text.slice(s, e),
      inUniverse: true,
      exchange: info.exchange,
      reason: 'written as Name (SYM)',
    });
  }
  return q;
}
