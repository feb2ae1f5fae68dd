/**
 * Market time: New York dates and clock, and the NYSE trading calendar. Every "today", day count,
 * countdown and "has this session closed?" in the extension comes from here.
 *
 * Rules:
 * - A market date is the calendar date in New York (`Intl.DateTimeFormat` with
 *   `America/New_York`: the platform's time-zone data decides daylight time, never our code).
 *   At 8 pm New York on 6 Dec it is 6 Dec, although UTC is already on the 7th.
 * - Dates are ISO `YYYY-MM-DD` strings; day arithmetic on them is plain calendar arithmetic.
 * - Trading days are Monday–Friday except NYSE holidays (the exchange's rule 7.2: New Year's Day,
 *   Martin Luther King Jr. Day, Washington's Birthday, Good Friday, Memorial Day, Juneteenth
 *   (from 2022), Independence Day, Labor Day, Thanksgiving, Christmas; a Saturday holiday is
 *   observed on the Friday before, except New Year's Day; a Sunday holiday on the Monday after)
 *   and the one-off closures listed in `SPECIAL_CLOSURES`.
 * - A session closes at 16:00 New York, at 13:00 on the early-close days (the day before
 *   Independence Day, the day after Thanksgiving, Christmas Eve).
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Days the NYSE closed outside its holiday rule (storms, national days of mourning). */
export const SPECIAL_CLOSURES: ReadonlySet<string> = new Set([
  '2001-09-11',
  '2001-09-12',
  '2001-09-13',
  '2001-09-14',
  '2004-06-11', // Reagan
  '2007-01-02', // Ford
  '2012-10-29', // Hurricane Sandy
  '2012-10-30',
  '2018-12-05', // G. H. W. Bush
  '2025-01-09', // Carter
]);

export const REGULAR_CLOSE_MINUTES = 16 * 60;
export const EARLY_CLOSE_MINUTES = 13 * 60;
export const OPEN_MINUTES = 9 * 60 + 30;

let nyFormatter: Intl.DateTimeFormat | null = null;

/** New York calendar date and minutes since New York midnight at `now`. */
export function newYorkClock(now: Date): { date: string; minutes: number } {
  nyFormatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/New_York',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts: Record<string, string> = {};
  for (const p of nyFormatter.formatToParts(now)) parts[p.type] = p.value;
  const hour = Number(parts.hour) % 24;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: hour * 60 + Number(parts.minute),
  };
}

/**
 * The instant a New York wall-clock time occurs (`minutes` after midnight of `date`), found by
 * asking the platform's time-zone data rather than knowing the offset.
 */
export function newYorkTimeToUtcMs(date: string, minutes: number): number {
  let t = dateToUtcMs(date) + minutes * 60_000 + 5 * 3_600_000; // first guess: EST
  for (let i = 0; i < 3; i++) {
    const c = newYorkClock(new Date(t));
    const diff = daysBetween(c.date, date) * 1440 + minutes - c.minutes;
    if (diff === 0) break;
    t += diff * 60_000;
  }
  return t;
}

/** Today's date in New York. */
export function newYorkDate(now: Date = new Date()): string {
  return newYorkClock(now).date;
}

/** Milliseconds of UTC midnight of a `YYYY-MM-DD` date (time part, if any, ignored); NaN if unreadable. */
export function dateToUtcMs(date: string): number {
  const m = ISO_DATE.exec(date);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
}

const fromUtcMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function isIsoDate(date: string | null | undefined): date is string {
  return typeof date === 'string' && Number.isFinite(dateToUtcMs(date));
}

/** `date` plus `n` calendar days. */
export function addDays(date: string, n: number): string {
  return fromUtcMs(dateToUtcMs(date) + n * DAY_MS);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier); only the date parts count. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateToUtcMs(to) - dateToUtcMs(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(dateToUtcMs(date)).getUTCDay();
}

const ymd = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The n-th (1-based; -1 = last) given weekday of a month (month 1–12). */
function nthWeekday(year: number, month: number, dow: number, n: number): string {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return ymd(year, month, 1 + ((dow - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = new Date(Date.UTC(year, month - 1, lastDay)).getUTCDay();
  return ymd(year, month, lastDay - ((last - dow + 7) % 7));
}

/** Western Easter Sunday (Anonymous Gregorian algorithm). */
function easter(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

/** Saturday → Friday before, Sunday → Monday after. */
function observed(date: string): string {
  const wd = weekday(date);
  return wd === 6 ? addDays(date, -1) : wd === 0 ? addDays(date, 1) : date;
}

const holidayCache = new Map<number, ReadonlySet<string>>();

/** NYSE full-day holidays of a year (as observed). */
export function nyseHolidays(year: number): ReadonlySet<string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const days: string[] = [];
  // New Year's Day on a Saturday is not observed on the Friday before (it would close a December day).
  const newYear = ymd(year, 1, 1);
  if (weekday(newYear) !== 6) days.push(observed(newYear));
  if (year >= 1998) days.push(nthWeekday(year, 1, 1, 3)); // Martin Luther King Jr. Day
  days.push(nthWeekday(year, 2, 1, 3)); // Washington's Birthday
  days.push(addDays(easter(year), -2)); // Good Friday
  days.push(nthWeekday(year, 5, 1, -1)); // Memorial Day
  if (year >= 2022) days.push(observed(ymd(year, 6, 19))); // Juneteenth
  days.push(observed(ymd(year, 7, 4)));
  days.push(nthWeekday(year, 9, 1, 1)); // Labor Day
  days.push(nthWeekday(year, 11, 4, 4)); // Thanksgiving
  days.push(observed(ymd(year, 12, 25)));
  const set = new Set(days);
  holidayCache.set(year, set);
  return set;
}

export function isNyseHoliday(date: string): boolean {
  return nyseHolidays(Number(date.slice(0, 4))).has(date) || SPECIAL_CLOSURES.has(date);
}

/** True for a weekday the NYSE is open. */
export function isTradingDay(date: string): boolean {
  const wd = weekday(date);
  return wd !== 0 && wd !== 6 && !isNyseHoliday(date);
}

/** Closing time of a session in minutes after New York midnight; null when closed all day. */
export function sessionCloseMinutes(date: string): number | null {
  if (!isTradingDay(date)) return null;
  const year = Number(date.slice(0, 4));
  const early =
    date === ymd(year, 7, 3) || // day before Independence Day (a Friday 3 Jul is the observed holiday)
    date === addDays(nthWeekday(year, 11, 4, 4), 1) || // day after Thanksgiving
    date === ymd(year, 12, 24);
  return early ? EARLY_CLOSE_MINUTES : REGULAR_CLOSE_MINUTES;
}

/** The trading day on or before `date`. */
export function tradingDayOnOrBefore(date: string): string {
  let d = date;
  for (let i = 0; i < 15 && !isTradingDay(d); i++) d = addDays(d, -1);
  return d;
}

/** The trading day after `date`. */
export function nextTradingDay(date: string): string {
  let d = addDays(date, 1);
  for (let i = 0; i < 15 && !isTradingDay(d); i++) d = addDays(d, 1);
  return d;
}

/** True once the session of `date` has closed at `now` (a past date, or today after the bell). */
export function sessionHasClosed(date: string, now: Date): boolean {
  const { date: today, minutes } = newYorkClock(now);
  if (date < today) return true;
  if (date > today) return false;
  const close = sessionCloseMinutes(date);
  return close === null || minutes >= close;
}

/** True while the regular session is open (New York clock, holidays and early closes included). */
export function inRegularSession(now: Date): boolean {
  const { date, minutes } = newYorkClock(now);
  const close = sessionCloseMinutes(date);
  return close !== null && minutes >= OPEN_MINUTES && minutes < close;
}

/** The newest trading day whose session has closed at `now`. */
export function lastClosedSession(now: Date): string {
  const { date } = newYorkClock(now);
  const candidate = tradingDayOnOrBefore(date);
  return sessionHasClosed(candidate, now) ? candidate : tradingDayOnOrBefore(addDays(candidate, -1));
}

/** Trading days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function tradingDaysBetween(from: string, to: string): number {
  const a = dateToUtcMs(from);
  const b = dateToUtcMs(to);
  if (!Number.isFinite(a) || !Number.isFinite(b) || b <= a) return 0;
  let n = 0;
  for (let d = addDays(from.slice(0, 10), 1); d <= to.slice(0, 10); d = addDays(d, 1))
    if (isTradingDay(d)) n++;
  return n;
}

/** Calendar days from today in New York to `date` (negative when past). */
export function daysUntil(date: string, now: Date): number {
  return daysBetween(newYorkDate(now), date);
}
