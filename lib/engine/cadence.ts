/**
 * When each source is due. Pure, so the rules are tested with a fixed clock.
 *
 * - iShares holdings and fund file: once a day, after the US close (iShares posts the day's
 *   files in the evening, New York time).
 * - Prices: every 15 minutes during the NYSE regular session (lib/core/market-time.ts) while a UI is open (a UI read kicks the
 *   refresh); otherwise once a day after the close.
 * - FRED and the NY Fed: once a day.
 * - Futures and prediction markets: hourly.
 * After failures, exponential backoff with jitter (5 min, 10, 20 … capped at the cadence or 6 h),
 * and a server's Retry-After always wins.
 */
import type { SourceStatus } from '../view-models';
import type { SourceId } from '../core/sources';
import {
  addDays,
  inRegularSession,
  isTradingDay,
  newYorkDate,
  newYorkTimeToUtcMs,
} from '../core/market-time';

const MIN = 60_000;
const HOUR = 60 * MIN;

export const CADENCE_MS: Record<SourceId, number> = {
  'ishares-holdings': 24 * HOUR,
  'ishares-fund': 24 * HOUR,
  prices: 24 * HOUR,
  fred: 24 * HOUR,
  nyfed: 24 * HOUR,
  'fed-futures': HOUR,
  kalshi: HOUR,
  polymarket: HOUR,
};

export const MARKET_HOURS_PRICE_CADENCE_MS = 15 * MIN;
const DAILY_AFTER_CLOSE: ReadonlySet<SourceId> = new Set(['ishares-holdings', 'ishares-fund', 'prices']);
/** iShares posts the day's files by 18:00 New York time. */
const POSTING_MINUTES = 18 * 60;

/** The most recent trading day's 18:00 New York time at or before `now` (files are posted by then). */
export function lastPostingTime(now: Date): number {
  const today = newYorkDate(now);
  for (let i = 0; i < 10; i++) {
    const day = addDays(today, -i);
    if (!isTradingDay(day)) continue;
    const posting = newYorkTimeToUtcMs(day, POSTING_MINUTES);
    if (posting <= now.getTime()) return posting;
  }
  return now.getTime() - 24 * HOUR;
}

/** Backoff after `failures` consecutive failures: 5 min × 2^(n−1), ±20 % jitter, capped. */
export function backoffMs(id: SourceId, failures: number, random: () => number = Math.random): number {
  if (failures <= 0) return 0;
  const cap = Math.min(CADENCE_MS[id], 6 * HOUR);
  const base = Math.min(cap, 5 * MIN * 2 ** Math.min(failures - 1, 10));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export interface DueInput {
  status: SourceStatus | undefined;
  now: Date;
  /** A popup, side panel or hover card is asking right now. */
  uiOpen: boolean;
  /** The user's "check at least every N minutes" floor from Options (longer cadences stay). */
  force: boolean;
}

/** When the source may next be fetched (ISO), or null when it is due now. */
export function nextAttemptAt(id: SourceId, input: DueInput): string | null {
  const { status, now } = input;
  const t = now.getTime();
  const lastTry = status?.lastAttempt ? Date.parse(status.lastAttempt) : 0;
  // A server's Retry-After wins, even when forced: hammering a 429 only prolongs it.
  if (status?.error?.retryAfterSec && lastTry + status.error.retryAfterSec * 1000 > t) {
    return new Date(lastTry + status.error.retryAfterSec * 1000).toISOString();
  }
  if (input.force) return null;
  if (status?.state === 'error' && (status.failures ?? 0) > 0) {
    const waitUntil = lastTry + (status.backoffMs ?? backoffMs(id, status.failures ?? 1, () => 0.5));
    if (waitUntil > t) return new Date(waitUntil).toISOString();
  }
  const lastOk = status?.lastSuccess ? Date.parse(status.lastSuccess) : 0;
  if (id === 'prices' && input.uiOpen && inRegularSession(now)) {
    const at = lastOk + MARKET_HOURS_PRICE_CADENCE_MS;
    return at > t ? new Date(at).toISOString() : null;
  }
  if (DAILY_AFTER_CLOSE.has(id)) {
    // Due once the day's files are posted and we have not fetched since.
    if (lastOk < lastPostingTime(now)) return null;
    const next = lastPostingTime(new Date(t + 24 * HOUR + 1));
    return new Date(Math.max(next, lastOk + HOUR)).toISOString();
  }
  const at = lastOk + CADENCE_MS[id];
  return at > t ? new Date(at).toISOString() : null;
}

/**
 * Until when a source is backing off (its server's Retry-After, or the backoff after failures),
 * as epoch ms; null when it is not. The quote path asks this of the prices source, so a hover
 * never fetches a price while the scheduled refresh is told to wait.
 */
export function backoffUntil(id: SourceId, status: SourceStatus | undefined): number | null {
  if (!status?.lastAttempt) return null;
  const lastTry = Date.parse(status.lastAttempt);
  let until = 0;
  if (status.error?.retryAfterSec) until = lastTry + status.error.retryAfterSec * 1000;
  if (status.state === 'error' && (status.failures ?? 0) > 0)
    until = Math.max(until, lastTry + (status.backoffMs ?? backoffMs(id, status.failures ?? 1, () => 0.5)));
  return until > 0 ? until : null;
}
