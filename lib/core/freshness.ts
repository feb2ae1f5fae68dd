/**
 * Freshness: the one rule that decides whether data is stale, used by the signal card (popup,
 * hover strip, side panel), the quotes and Options › Sources.
 *
 * Rule: data for a market date is stale when it lags the last closed New York trading session by
 * more sessions than its source normally does (`MAX_SESSIONS_BEHIND`). Counting trading sessions
 * rather than calendar days means a long weekend or a holiday never makes data stale, and
 * a weekday without its update always counts. A date that cannot be read is stale.
 *
 * Data published occasionally (the FOMC and Russell calendars, which describe the future; the
 * reconstitution and S&P 500 lists) is not aged by trading sessions: `'occasional'` never goes
 * stale by age. Membership read from a list older than the last reconstitution is flagged by the
 * membership code instead ("may have changed at the … reconstitution").
 */
import { isIsoDate, lastClosedSession, tradingDaysBetween } from './market-time';
import { isSourceId, type SourceId } from './sources';

export type FreshnessKind = SourceId | 'occasional';

/**
 * Sessions a source may lag the last closed session and still be current. Why each:
 * iShares posts a day's holdings and NAV the next morning (1) and skips days now and then;
 * daily prices are in by the evening (1, one spare); FRED's Treasury series arrive a day late
 * and the target range only changes on decision days (its observations are daily, so 3);
 * the NY Fed publishes the EFFR the next morning; futures and prediction markets trade daily.
 */
export const MAX_SESSIONS_BEHIND: Record<FreshnessKind, number> = {
  'ishares-holdings': 3,
  'ishares-fund': 3,
  prices: 2,
  fred: 3,
  nyfed: 3,
  'fed-futures': 2,
  kalshi: 2,
  polymarket: 2,
  occasional: Infinity,
};

export interface Freshness {
  /** Trading sessions between the data's date and the last closed session. */
  sessionsBehind: number;
  /** The last closed session at the time of the check. */
  lastSession: string;
  stale: boolean;
}

export function freshness(kind: FreshnessKind, asOf: string | null | undefined, now: Date): Freshness {
  const lastSession = lastClosedSession(now);
  if (!isIsoDate(asOf)) return { sessionsBehind: Infinity, lastSession, stale: true };
  const sessionsBehind = tradingDaysBetween(asOf.slice(0, 10), lastSession);
  return { sessionsBehind, lastSession, stale: sessionsBehind > MAX_SESSIONS_BEHIND[kind] };
}

export function isStale(kind: FreshnessKind, asOf: string | null | undefined, now: Date): boolean {
  return freshness(kind, asOf, now).stale;
}

/**
 * The rule for a figure's provenance: its `feed` when set (the engine sets it on every dataset,
 * bundled copies included), else its source id; anything else is held to the daily-prices rule,
 * the strictest for daily market data.
 */
export function feedOf(p: { feed?: FreshnessKind; source: string }): FreshnessKind {
  return p.feed ?? (isSourceId(p.source) ? p.source : 'prices');
}

/** The provenance with its `stale` flag set by the one rule. */
export function withStaleFlag<P extends { feed?: FreshnessKind; source: string; asOf: string }>(
  p: P,
  now: Date,
): P & { stale: boolean } {
  return { ...p, stale: isStale(feedOf(p), p.asOf, now) };
}
