/**
 * Side-effect-free copies of lib/storage.ts constants the UI needs at runtime. Importing
 * lib/storage.ts itself would define its storage items (and run their migrations) inside every
 * UI page, which must talk to storage only through send(). symbols.test.ts keeps these in step.
 */
import type { SourceId } from '../lib/storage';

export const MAX_WATCHLIST = 500;

export const SOURCE_IDS: readonly SourceId[] = [
  'ishares-holdings',
  'ishares-fund',
  'prices',
  'fred',
  'nyfed',
  'fed-futures',
  'kalshi',
  'polymarket',
];

const SYMBOL_RE = /^[A-Z][A-Z0-9.-]{0,9}$/;

/** "$brk-b" → "BRK.B"; null when it cannot be a ticker symbol. */
export function normalizeSymbol(s: string): string | null {
  const t = s.trim().toUpperCase().replace(/^\$/, '').replace(/[-/]/g, '.');
  return SYMBOL_RE.test(t) ? t : null;
}
