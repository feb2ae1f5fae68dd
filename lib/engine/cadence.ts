/**
 * When each source is due. Pure, so the rules are tested with a fixed clock.
 *
 * - iShares holdings and fund file: once a day, after the US close (iShares posts the day's
 *   files in the evening, New York time).
 * - Prices: every 15 minutes during US market hours while a UI is open (a UI read kicks the
 *   refresh); otherwise once a day after the close.
 * - FRED and the NY Fed: once a day.
 * - Futures and prediction markets: hourly.
 * After failures, exponential backoff with jitter (5 min, 10, 20 … capped at the cadence or 6 h),
 * and a server's Retry-After always wins.
 */
import type { SourceStatus } from '../model';
import type { SourceId } from '../storage';

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

/** US regular session in UTC (13:30–20:00 in summer time, 14:30–21:00 in winter), Mon–Fri. */
export function inUsMarketHours(now: Date): boolean {
  const day = now.getUTCDay();
  if (day === 0 || day === 6) return false;
  const offset = newYorkOffsetHours(now);
  const minutes = (now.getUTCHours() + offset) * 60 + now.getUTCMinutes(); // New York clock
  return minutes >= 9 * 60 + 30 && minutes < 16 * 60;
}

/** -4 in US daylight time, -5 otherwise (second Sunday of March to first Sunday of November). */
export function newYorkOffsetHours(d: Date): number {
  const y = d.getUTCFullYear();
  const secondSundayMarch = nthSunday(y, 2, 2);
  const firstSundayNov = nthSunday(y, 10, 1);
  const start = Date.UTC(y, 2, secondSundayMarch, 7); // 2:00 New York = 7:00 UTC
  const end = Date.UTC(y, 10, firstSundayNov, 6);
  return d.getTime() >= start && d.getTime() < end ? -4 : -5;
}

function nthSunday(year: number, month: number, n: number): number {
  const firstDay = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return 1 + ((7 - firstDay) % 7) + (n - 1) * 7;
}

/** The most recent weekday 18:00 New York time at or before `now` (files are posted by then). */
export function lastPostingTime(now: Date): number {
  const t = new Date(now.getTime());
  for (let i = 0; i < 8; i++) {
    const day = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate() - i));
    const wd = day.getUTCDay();
    if (wd === 0 || wd === 6) continue;
    const offset = newYorkOffsetHours(day);
    const posting = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 18 - offset);
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
  if (id === 'prices' && input.uiOpen && inUsMarketHours(now)) {
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
