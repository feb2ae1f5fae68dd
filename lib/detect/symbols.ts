/**
 * One spelling per listed security: the dotted class form used by the exchanges' ACT symbology
 * (`BRK.B`). SEC writes `BRK-B`, social posts `BRK/B`, iShares `BRKB` (resolved against the universe).
 */

import { canonicalSymbol } from '../core/symbols';

export { canonicalSymbol };

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
