/**
 * Ticker symbols: the one shape rule and the one normalisation, used by detection, the
 * watchlist, settings import, the reconstitution lists and the index lookups. Side-effect free
 * (UI pages import it too).
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
