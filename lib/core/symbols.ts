/**
 * Ticker symbols: the one shape rule and the one normalisation, used by detection, the
 * watchlist, settings import, the reconstitution lists and the index lookups, and the spellings of
 * other symbologies (SEC's `BRK-B`, iShares' `BRKB`) turned into ours. Side-effect free (UI pages
 * import it too).
 *
 * Shape: a letter, up to five more letters or digits, then optionally a share-class suffix of one
 * or two letters after `.`, `-` or `/` (`AAPL`, `BRK.B`, `BRK-B`, `BRK/B`, `GOOGL`, `BH.A`).
 * Spelling: the dotted class form of the exchanges' ACT symbology (`BRK.B`).
 */
export const MAX_WATCHLIST = 500;

/** The ticker shape as a regular-expression source, for embedding in scanners. */
export const TICKER_PATTERN = '[A-Z][A-Z0-9]{0,5}(?:[.\\-/][A-Z]{1,2})?';

const TICKER_RE = new RegExp(`^${TICKER_PATTERN}$`);

/** True when `s` (already upper case, no `$`) has the shape of a US ticker. */
export function isTickerShape(s: string): boolean {
  return TICKER_RE.test(s);
}

/**
 * The narrower spelling of a plain common share: letters only, at most five, at most a one-letter
 * class (`BRK.B`). Used where a symbol comes without a security type (SEC-only listings), so
 * preferreds, warrants and units (`ICR$A`, `ACHR.W`) are not added as stocks.
 */
export function isPlainCommonShape(s: string): boolean {
  return /^[A-Z]{1,5}(?:\.[A-Z])?$/.test(s);
}

/** Upper-cases and turns `-`, `/` or a space before a 1–2 letter class into a dot. */
export function canonicalSymbol(raw: string): string {
  const s = raw.trim().toUpperCase();
  const m = /^([A-Z0-9]{1,6})[-/. ]([A-Z]{1,2})$/.exec(s);
  return m ? `${m[1]}.${m[2]}` : s;
}

/** "$brk-b" → "BRK.B"; null when it cannot be a ticker symbol. */
export function normalizeSymbol(s: string): string | null {
  const t = canonicalSymbol(s.trim().replace(/^\$/, ''));
  return isTickerShape(t) ? t : null;
}

/**
 * The key two spellings of one security share: class punctuation dropped (`BRK.B` = `BRK-B` =
 * iShares' `BRKB`). For matching lists against each other, never for display.
 */
export function symbolKey(s: string): string {
  return s
    .trim()
    .toUpperCase()
    .replace(/[.\-/\s]/g, '');
}

/**
 * SEC ticker → ACT form: `BRK-B` → `BRK.B`, preferred `ICR-PA` → `ICR$A`, warrant `ACHR-WT` → `ACHR.W`,
 * unit `AAC-UN` → `AAC.U`.
 */
export function secToAct(ticker: string): string {
  const t = ticker.trim().toUpperCase();
  const pref = /^([A-Z]{1,5})-P([A-Z])$/.exec(t);
  if (pref) return `${pref[1]}$${pref[2]}`;
  const w = /^([A-Z]{1,5})-(?:WT|WS)$/.exec(t);
  if (w) return `${w[1]}.W`;
  const u = /^([A-Z]{1,5})-(?:UN|U)$/.exec(t);
  if (u) return `${u[1]}.U`;
  return canonicalSymbol(t);
}

/**
 * Finds the listed spelling of a symbol written without punctuation or with another separator:
 * `BRKB` → `BRK.B` when only the dotted form is listed. `has` tells whether a spelling is listed.
 */
export function resolveSymbol(raw: string, has: (s: string) => boolean): string | null {
  const c = canonicalSymbol(raw);
  if (has(c)) return c;
  if (/^[A-Z]{2,6}$/.test(c)) {
    const dotted = `${c.slice(0, -1)}.${c.slice(-1)}`;
    if (has(dotted)) return dotted;
  }
  return null;
}
