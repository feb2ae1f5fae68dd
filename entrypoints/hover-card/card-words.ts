/**
 * The hover card's sentences, pure so they can be tested: membership as a reader says it, and
 * the one-line small-cap backdrop.
 */
import type { SmallCapStrip, TickerInfo } from '../../lib/view-models';
import { formatAge, formatAsOf, formatWeight, ordinal } from '../../lib/core/format';

/** Index membership as a reader's phrase: "In the Russell 2000 · 108th largest of 1,921 · weight 0.17%". */
export function membershipPhrase(t: TickerInfo): {
  line: string;
  sector: string | null;
  kind: 'r2000' | 'r1000' | 'other';
} {
  const r = t.russell2000;
  if (r && r.basis === 'reconstitution')
    return {
      kind: 'r2000',
      line: 'In the Russell 2000 · added at the reconstitution, no weight yet',
      sector: null,
    };
  if (r) {
    const place = r.rank === null ? 'one' : `${ordinal(r.rank)} largest`;
    return {
      kind: 'r2000',
      line: `In the Russell 2000 · ${place} of ${r.of.toLocaleString('en-US')} · weight ${formatWeight(r.weightPct)}`,
      sector: r.sector
        ? `Its sector, ${r.sector}, is ${formatWeight(r.sectorWeightPct)} of the index.`
        : null,
    };
  }
  if (t.russell1000)
    return {
      kind: 'r1000',
      line: t.sp500
        ? 'In the Russell 1000 and the S&P 500 (a larger company)'
        : 'In the Russell 1000 (a larger company)',
      sector: null,
    };
  if (t.sp500) return { kind: 'other', line: 'In the S&P 500, not in the Russell indexes', sector: null };
  if (t.etf)
    return { kind: 'other', line: 'An exchange-traded fund (funds are not index members)', sector: null };
  return { kind: 'other', line: 'Not in the Russell 2000 or Russell 1000', sector: null };
}

/** Counts and newest date of the backdrop strip: "2 favour · 1 against · as of 5 Oct 2026". */
export function backdropText(strip: SmallCapStrip, now: Date = new Date()): string {
  const favour = strip.items.filter((i) => i.state === 'favours').length;
  const against = strip.items.filter((i) => i.state === 'against').length;
  // The rebalance calendar is a schedule, not market data: its date says nothing about freshness.
  const newest = strip.items
    .filter((i) => i.id !== 'recon')
    .map((i) => i.asOf)
    .filter(Boolean)
    .sort()
    .pop();
  // Old by the one freshness rule (lib/core/freshness), which flagged each strip item.
  const stale = strip.items.some((i) => i.id !== 'recon' && i.stale);
  const when = newest
    ? `${formatAsOf(newest)}${stale ? ` (${formatAge(newest, now)}, stale)` : ''}`
    : 'date unknown';
  return `${favour} favour · ${against} against · ${when}`;
}
