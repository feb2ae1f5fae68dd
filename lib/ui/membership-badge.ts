/** Index membership wording for badges and the "changed since pinned" flag. */
import type { IndexMembership, TickerInfo, WatchlistItem } from '../view-models';
import { formatDate, formatWeight } from '../core/format';

/** Most specific membership first: Russell 2000, then Russell 1000, then S&P 500. */
export function membershipOf(info: TickerInfo | null | undefined): IndexMembership | null {
  if (!info) return null;
  if (info.russell2000) return 'R2000';
  if (info.russell1000) return 'R1000';
  if (info.sp500) return 'SP500';
  return null;
}

/** Every index the ticker is in now (an S&P 500 stock is usually in the Russell 1000 too). */
function membershipsOf(info: TickerInfo): IndexMembership[] {
  const out: IndexMembership[] = [];
  if (info.russell2000) out.push('R2000');
  if (info.russell1000) out.push('R1000');
  if (info.sp500) out.push('SP500');
  return out;
}

export const MEMBERSHIP_TEXT: Record<IndexMembership, string> = {
  R2000: 'Russell 2000',
  R1000: 'Russell 1000',
  SP500: 'S&P 500',
};

const membershipText = (m: IndexMembership | null): string =>
  m ? MEMBERSHIP_TEXT[m] : 'not in the Russell indexes';

export interface Badge {
  kind: 'r2000' | 'r1000' | 'sp500' | 'none' | 'unknown';
  /** Short visible text, e.g. "R2000 0.42%". */
  text: string;
  /** Full wording for assistive tech and the tooltip. */
  long: string;
}

export function badgeFor(info: TickerInfo | null | undefined): Badge {
  if (!info) return { kind: 'unknown', text: 'Index …', long: 'Index membership not loaded' };
  const r = info.russell2000;
  if (r && r.weightPct === null) {
    return {
      kind: 'r2000',
      text: 'R2000 (new)',
      long: `Russell 2000 member since the ${formatDate(info.reconstitution?.effective ?? r.provenance.asOf)} reconstitution, no weight yet, ${r.sector}`,
    };
  }
  if (r) {
    return {
      kind: 'r2000',
      text: `R2000 ${formatWeight(r.weightPct)}`,
      long: `Russell 2000 member, weight ${formatWeight(r.weightPct)}, ${r.rank !== null ? `rank ${r.rank} of ${r.of}` : `one of ${r.of}`} current members, ${r.sector}`,
    };
  }
  if (info.russell1000) {
    const both = info.sp500 ? ' and S&P 500' : '';
    return {
      kind: 'r1000',
      text: info.sp500 ? 'R1000 · S&P 500' : 'Russell 1000',
      long: `Russell 1000${both} member`,
    };
  }
  if (info.sp500)
    return { kind: 'sp500', text: 'S&P 500', long: 'S&P 500 member, not in the Russell indexes' };
  return { kind: 'none', text: 'Not in Russell', long: 'Not in the Russell indexes' };
}

/**
 * A sentence when membership differs from when the symbol was pinned, else null. Items migrated
 * from the old bare-symbol list (addedAt = epoch, membership unknown) are not flagged.
 */
export function membershipChange(item: WatchlistItem, info: TickerInfo | null | undefined): string | null {
  if (!info) return null;
  const now = membershipsOf(info);
  const unknownAtPin = item.membershipAtPin === null && Date.parse(item.addedAt) <= 0;
  if (unknownAtPin) return null;
  // Unchanged while the index it was pinned in still holds it (or it is still in none).
  if (item.membershipAtPin === null ? now.length === 0 : now.includes(item.membershipAtPin)) return null;
  const recon = info.reconstitution
    ? ` at the ${formatDate(info.reconstitution.effective)} reconstitution`
    : '';
  const nowText = now.length ? now.map((m) => MEMBERSHIP_TEXT[m]).join(' and ') : membershipText(null);
  return `Was ${membershipText(item.membershipAtPin)} when pinned; now ${nowText}${recon}.`;
}
