/**
 * Number, date, percent, bp and ordinal formatting: the one module the popup, the hover card,
 * the side panel, Options and the CLI all use, so the same figure reads the same everywhere.
 * Deterministic (no locale lookups). Rules: negative numbers use the real minus sign (U+2212);
 * a missing or non-finite value is `n/a`; market dates read "24 Dec 2025"; ages and countdowns
 * count New York calendar days (lib/core/market-time.ts).
 */
import { daysBetween, newYorkDate } from './market-time';

/** What every formatter shows for a missing or non-finite value. */
export const NOT_AVAILABLE = 'n/a';

export const MINUS = '\u2212';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const finite = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/** Inserts thousands separators into the integer part of a plain decimal string. */
function group(digits: string): string {
  const [int = '', frac] = digits.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** Rounds away "−0.00": a value that rounds to zero is shown unsigned. */
function signOf(n: number, digits: number): '' | '-' | '+' {
  if (Number(Math.abs(n).toFixed(digits)) === 0) return '';
  return n < 0 ? '-' : '+';
}

/** "1,234.5" / "−1,234.5"; `signed` adds "+" to positive values. */
export function formatNumber(n: number | null | undefined, digits = 2, signed = false): string {
  if (!finite(n)) return NOT_AVAILABLE;
  const s = signOf(n, digits);
  const body = group(Math.abs(n).toFixed(digits));
  if (s === '-') return MINUS + body;
  if (s === '+' && signed) return '+' + body;
  return body;
}

export const formatSigned = (n: number | null | undefined, digits = 2): string =>
  formatNumber(n, digits, true);

const UNITS: Array<[number, string]> = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** Three significant digits, trailing zeros trimmed: 5.42, 12.3, 123, 1.2. */
function sig3(n: number): string {
  const digits = n >= 100 ? 0 : n >= 10 ? 1 : 2;
  return n
    .toFixed(digits)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

/** Compact money: "$5.42B", "−$1.2M", "+$310K" (signed), "$12.34" below a thousand. */
export function formatMoney(
  n: number | null | undefined,
  opts: { signed?: boolean; symbol?: string } = {},
): string {
  if (!finite(n)) return NOT_AVAILABLE;
  const symbol = opts.symbol ?? '$';
  const abs = Math.abs(n);
  let body: string;
  const unit = UNITS.find(([size]) => abs >= size * 0.9995);
  if (unit) {
    body = sig3(abs / unit[0]) + unit[1];
  } else {
    body = abs.toFixed(2);
  }
  const zero = Number(body.replace(/[^\d.]/g, '')) === 0;
  const sign = zero ? '' : n < 0 ? MINUS : opts.signed ? '+' : '';
  return `${sign}${symbol}${body}`;
}

/** A share price: "$12.34", "0.5012" for sub-dollar prices, other currencies by code. */
export function formatPrice(n: number | null | undefined, currency: string | null = 'USD'): string {
  if (!finite(n)) return NOT_AVAILABLE;
  const digits = Math.abs(n) < 1 ? 4 : 2;
  const body = formatNumber(n, digits);
  if (!currency || currency === 'USD')
    return body.startsWith(MINUS) ? `${MINUS}$${body.slice(1)}` : `$${body}`;
  return `${body} ${currency}`;
}

/** "42.0%"; `signed` gives "+1.2%" / "−1.2%". Input is already in percent. */
export function formatPercent(n: number | null | undefined, digits = 1, signed = false): string {
  if (!finite(n)) return NOT_AVAILABLE;
  return `${formatNumber(n, digits, signed)}%`;
}

/**
 * A probability 0..1 as a percent ("62%", or "62.4%" with `digits` 1); "<1%" / ">99%" rather than
 * a false 0 or 100 when the rounding would hide a small chance.
 */
export function formatProbability(p: number | null | undefined, digits = 0): string {
  if (!finite(p)) return NOT_AVAILABLE;
  const pct = p * 100;
  const step = 10 ** -digits;
  const text = (x: number) => `${x.toFixed(digits)}%`;
  if (pct > 0 && pct < step / 2) return `<${text(step).replace(/\.0+%$/, '%')}`;
  if (pct < 100 && pct >= 100 - step / 2) return `>${text(100 - step)}`;
  return text(Number(pct.toFixed(digits)));
}

/** 1 → "1st", 2 → "2nd", 11 → "11th", 81 → "81st", 112 → "112th". */
export function ordinal(n: number): string {
  if (!Number.isFinite(n)) return NOT_AVAILABLE;
  const i = Math.round(n);
  const mod100 = Math.abs(i) % 100;
  const mod10 = Math.abs(i) % 10;
  const suffix =
    mod100 >= 11 && mod100 <= 13 ? 'th' : mod10 === 1 ? 'st' : mod10 === 2 ? 'nd' : mod10 === 3 ? 'rd' : 'th';
  return `${i}${suffix}`;
}

/** Basis points: "−25 bp", "+50 bp" (signed by default: bp are almost always changes). */
export function formatBp(n: number | null | undefined, signed = true): string {
  if (!finite(n)) return NOT_AVAILABLE;
  return `${formatNumber(n, 0, signed)} bp`;
}

/** An index weight: "0.42%", "<0.01%" rather than a misleading 0.00%. */
export function formatWeight(pct: number | null | undefined): string {
  if (!finite(pct)) return NOT_AVAILABLE;
  if (pct > 0 && pct < 0.005) return '<0.01%';
  return `${pct.toFixed(2)}%`;
}

/** Parses "YYYY-MM-DD" (as a UTC date) or a full ISO timestamp; null when unreadable. */
export function parseDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

const isDateOnly = (iso: string) => /^\d{4}-\d{2}-\d{2}$/.test(iso);

/** "24 Dec 2025" ("24 Dec" with `short`). Market dates are calendar dates, so they are read in UTC. */
export function formatDate(iso: string | null | undefined, short = false): string {
  const d = parseDate(iso);
  if (!d || !iso) return 'unknown date';
  // Timestamps show the viewer's local calendar day; plain dates are already a calendar day.
  const [day, month, year] = isDateOnly(iso)
    ? [d.getUTCDate(), d.getUTCMonth(), d.getUTCFullYear()]
    : [d.getDate(), d.getMonth(), d.getFullYear()];
  return short ? `${day} ${MONTHS[month]}` : `${day} ${MONTHS[month]} ${year}`;
}

/** "as of 24 Dec 2025" */
export function formatAsOf(iso: string | null | undefined): string {
  return iso ? `as of ${formatDate(iso)}` : 'date unknown';
}

/** "24 Dec 2025, 14:05" in local time. */
export function formatDateTime(iso: string | null | undefined): string {
  const d = parseDate(iso);
  if (!d || !iso) return 'unknown time';
  if (isDateOnly(iso)) return formatDate(iso);
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${formatDate(iso)}, ${hh}:${mm}`;
}

/** Whole calendar days from a market date to today in New York, never negative. */
export function daysSince(iso: string, now: Date = new Date()): number | null {
  if (!parseDate(iso)) return null;
  return Math.max(0, daysBetween(iso, newYorkDate(now)));
}

/** Age of the data a figure describes: "today", "1 day old", "3 days old". */
export function formatAge(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return 'age unknown';
  const days = daysSince(iso, now);
  if (days === null) return 'age unknown';
  if (days === 0) return 'today';
  return days === 1 ? '1 day old' : `${days} days old`;
}

/** Time since an event (a fetch, an attempt): "just now", "5 min ago", "3 h ago", "2 days ago". */
export function formatAgo(iso: string | null | undefined, now: Date = new Date()): string {
  const d = parseDate(iso);
  if (!d) return 'never';
  const ms = now.getTime() - d.getTime();
  if (ms < 60_000) return 'just now';
  const min = Math.floor(ms / 60_000);
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ago`;
  const days = Math.floor(h / 24);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** Days until a future market date (from today in New York): "today", "in 1 day", "in 12 days"; null if past/unknown. */
export function formatCountdown(iso: string | null | undefined, now: Date = new Date()): string | null {
  if (!iso || !parseDate(iso)) return null;
  const days = daysBetween(newYorkDate(now), iso);
  if (days < 0) return null;
  if (days === 0) return 'today';
  return days === 1 ? 'in 1 day' : `in ${days} days`;
}
