/**
 * Side-effect-free constants and helpers shared by the worker and the UI pages. (lib/storage.ts
 * defines storage items when imported, so UI pages, which talk to storage only through send(),
 * import these from here instead.)
 */
export const MAX_WATCHLIST = 500;

const SYMBOL_RE = /^[A-Z][A-Z0-9.-]{0,9}$/;

/** "$brk-b" → "BRK.B"; null when it cannot be a ticker symbol. */
export function normalizeSymbol(s: string): string | null {
  const t = s.trim().toUpperCase().replace(/^\$/, '').replace(/[-/]/g, '.');
  return SYMBOL_RE.test(t) ? t : null;
}
