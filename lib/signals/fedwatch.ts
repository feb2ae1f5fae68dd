/**
 * FOMC rate-move probabilities from 30-day fed funds futures (CME ZQ), following CME FedWatch.
 *
 * Checked against CME's own published tables (test/fixtures/real; SOURCES.md §9, PROVENANCE.md):
 * - 10 Mar, 3 Apr and 7 Apr 2023 (3 May 2023 meeting) from the recorded 2023 ZQ closes;
 * - 17 and 18 Sep 2026, every cell of the 9–10 meetings shown, from CME's settlement prices;
 * - the daily CME tables of 13–29 Jul 2026 (meeting-month prices only), through the identity below.
 *
 * The method:
 * - A contract's price P gives the month's average rate: avg = 100 − P.
 * - A month without an FOMC decision has start = end = avg. These months anchor the chain.
 * - A meeting month's average blends the rate before and after the decision:
 *     avg = (n/N)·start + (m/N)·end,  N = days in month, n days at the old rate, m = N − n.
 *   The END rate is the next month's START rate: the next month's avg when it has no meeting,
 *   else that meeting month's start solved backward, start = (avg − (m/N)·end)/(n/N) (so the
 *   chain runs backward from the nearest meeting-free month). The START rate is the previous
 *   month's avg when that month has no meeting, else solved backward the same way. When both
 *   neighbours anchor a meeting month its own contract is not used (CME does not use it either).
 * - Which day the new rate is first counted (`dayCount`): CME's tables of 2026 count the decision
 *   day at the OLD rate (n = decision day, the new range takes effect the next day, as the Fed's
 *   implementation notes say); its tables of March–April 2023 and the 2015 white-paper example
 *   count the decision day at the NEW rate (n = decision day − 1). Both conventions reproduce
 *   their own era (≤ 0.08 pt) and miss the other by up to 4.7 pt (2023) and 2.1 pt (2026), so the
 *   default follows the watch date (`CME_DAY_AFTER_FROM`); the switch date between the last
 *   verified 2023 table (10 Apr 2023) and the first verified 2026 one (13 Jul 2026) is unknown,
 *   and results in that window say so. The forward and backward solutions use the same split.
 * - Fallbacks (documented, not in CME's note): a meeting whose next month has no price is solved
 *   forward, end = (avg − (n/N)·start)/(m/N), only when start is anchored and m ≥ 7 days (dividing
 *   by a tiny m/N would blow price noise up ×N). When no rule applies, that meeting and all later
 *   ones are dropped with a note (the tree needs every earlier move).
 * - Meetings priced: decision days AFTER the watch date. A decision on the watch date is
 *   announced at 2 p.m. New York time, before ZQ settles, so its outcome is in that day's prices.
 * - The calendar decides which months are meeting-free, so a missing past or future meeting
 *   silently changes every later result: gaps of more than 9 weeks between known decision days
 *   (the FOMC meets 8 times a year, at most ~8 weeks apart) and no decision in the 9 weeks before
 *   the watch date are reported as warnings.
 * - Each meeting: k = (end − start)/0.25 moves of 25 bp; split between floor(k) and floor(k)+1 by
 *   the fractional part (CME's binary step per meeting) and convolve with the previous meeting's
 *   distribution over target ranges, starting from 100 % in the current range. A hike (k > 0) is
 *   handled exactly like a cut.
 *
 * All rates are in percent; target ranges are keyed in basis points ('475-500').
 */
import { fail, ok, type Result } from '../result';
import type { FuturesQuote } from '../source-data';

export interface TargetRange {
  /** Percent, e.g. 4.5 */
  lower: number;
  /** Percent, e.g. 4.75 */
  upper: number;
}

export interface FedWatchInput {
  /** Quotes dated on this day are used. */
  watchDate: string;
  futures: readonly FuturesQuote[];
  /** Target range in force on the watch date. */
  targetRange: TargetRange;
  /**
   * FOMC decision days (`YYYY-MM-DD`). Pass every known one, past ones too: they decide which
   * months are meeting-free. Only meetings after the watch date are priced.
   */
  meetings: readonly string[];
  /** Which day the new rate is first counted; default by watch date (see `defaultDayCount`). */
  dayCount?: DayCount;
  /**
   * Price meetings up to this day only; later ones in `meetings` still mark their months as
   * meeting months (e.g. the meeting after the last one asked for decides that one's end rate).
   */
  priceThrough?: string;
}

/**
 * 'day-after-decision': the decision day is at the old rate (CME 2026; the Fed's new range takes
 * effect the next day). 'decision-day': the decision day is already at the new rate (CME 2023,
 * CME's 2015 white paper).
 */
export type DayCount = 'day-after-decision' | 'decision-day';

/** First watch date for which CME's tables count the decision day at the old rate (see header). */
export const CME_DAY_AFTER_FROM = '2023-04-11';
/** Last watch date with a CME table verified on the 'decision-day' convention. */
export const CME_DECISION_DAY_VERIFIED_TO = '2023-04-10';
/** First watch date with a CME table verified on the 'day-after-decision' convention. */
export const CME_DAY_AFTER_VERIFIED_FROM = '2026-07-13';
/** Longest plausible gap between two FOMC decisions (the longest seen is ~8 weeks). */
export const MAX_MEETING_GAP_DAYS = 63;

export function defaultDayCount(watchDate: string): DayCount {
  return watchDate >= CME_DAY_AFTER_FROM ? 'day-after-decision' : 'decision-day';
}

/** Days at the old rate (n) and at the new rate (m) in a meeting month of N days. */
export function meetingMonthSplit(
  decisionDay: number,
  daysInMonth: number,
  dayCount: DayCount,
): { n: number; m: number } {
  const n = dayCount === 'day-after-decision' ? decisionDay : decisionDay - 1;
  return { n, m: daysInMonth - n };
}

export interface RangeProbability {
  lowerBp: number;
  upperBp: number;
  /** '475-500' */
  label: string;
  /** 0..1 */
  probability: number;
}

export interface MeetingMove {
  /** Rates (percent) before and after the decision, as implied. */
  start: number;
  end: number;
  startFrom: 'previous-month' | 'solved-backward' | 'previous-meeting-end';
  endFrom: 'next-month' | 'solved-forward';
  /** (end − start) / 0.25 */
  steps: number;
  /** Move in 25 bp steps → probability (at most two entries, CME's binary step). */
  distribution: Array<{ steps: number; probability: number }>;
  pCut: number;
  pHold: number;
  pHike: number;
}

export interface FedWatchMeeting {
  date: string;
  /** Contract month `YYYY-MM`. */
  month: string;
  move: MeetingMove;
  /** Probability of each target range after this meeting (conditional tree), ascending, > 0 only. */
  probabilities: RangeProbability[];
  /** Relative to the range in force on the watch date. */
  pBelowCurrent: number;
  pAtCurrent: number;
  pAboveCurrent: number;
}

export interface FedWatchResult {
  watchDate: string;
  /** The day-count convention used (see `DayCount`). */
  dayCount: DayCount;
  targetRange: TargetRange;
  meetings: FedWatchMeeting[];
  /** Meetings on/after the watch date that could not be priced (beyond contracts, missing months). */
  dropped: string[];
  notes: string[];
  /** Calendar problems that can change results (a likely missing meeting). Also in `notes`. */
  warnings: string[];
  /** The quotes used: month → contract, close, implied average rate. */
  contracts: Array<{ month: string; contract: string; close: number; avgRate: number }>;
}

/** Fewest days at the new rate for which solving a month forward is trusted. */
export const MIN_FORWARD_DAYS = 7;
/** |k| above this (3 %-points at one meeting) is treated as bad data, not a forecast. */
export const MAX_STEPS = 12;

const EPS = 1e-9;

export function rangeLabel(lowerBp: number): string {
  return `${lowerBp}-${lowerBp + 25}`;
}

function monthOf(date: string): string {
  return date.slice(0, 7);
}

function shiftMonth(month: string, delta: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + delta;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}-${String(mm + 1).padStart(2, '0')}`;
}

function daysInMonth(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}

const CODES = 'FGHJKMNQUVXZ';
/** '2023-05' → 'ZQK23' (for messages). */
export function zqContract(month: string): string {
  return `ZQ${CODES[Number(month.slice(5, 7)) - 1] ?? '?'}${month.slice(2, 4)}`;
}

type Derived = { value: number; how: string } | null;

/** The futures settled on the watch date: implied monthly average rate per contract month. */
interface Quotes {
  avg: Map<string, number>;
  contracts: FedWatchResult['contracts'];
}

function quotesOn(futures: readonly FuturesQuote[], watchDate: string, notes: string[]): Result<Quotes> {
  if (futures.length === 0) {
    return fail('unavailable', 'Fed funds futures unavailable: no prices were supplied', {
      source: 'fedwatch',
    });
  }
  const todays = futures.filter((q) => q.date === watchDate && Number.isFinite(q.close));
  if (todays.length === 0) {
    const latest = futures.reduce((a, q) => (q.date <= watchDate && q.date > a ? q.date : a), '');
    return fail(
      'unavailable',
      `Fed funds futures unavailable for ${watchDate}${latest ? ` (latest prices on or before it: ${latest})` : ''}`,
      { source: 'fedwatch' },
    );
  }
  const avg = new Map<string, number>();
  const contracts: FedWatchResult['contracts'] = [];
  for (const q of [...todays].sort((a, b) => a.month.localeCompare(b.month))) {
    if (avg.has(q.month)) notes.push(`Two prices for ${q.month} on ${watchDate}; the last one is used`);
    avg.set(q.month, 100 - q.close);
  }
  for (const [month, rate] of avg) {
    const q = todays.filter((t) => t.month === month).at(-1);
    if (q) contracts.push({ month, contract: q.contract, close: q.close, avgRate: rate });
  }
  return ok({ avg, contracts });
}

/** Contract month → day of its FOMC decision (one decision per month at most). */
function meetingDays(meetings: readonly string[]): Result<Map<string, number>> {
  const meetingDay = new Map<string, number>();
  for (const d of [...new Set(meetings)].sort()) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return fail('format', `Bad meeting date: ${d}`);
    const mo = monthOf(d);
    if (meetingDay.has(mo)) return fail('format', `Two FOMC decisions in ${mo} are not supported`);
    meetingDay.set(mo, Number(d.slice(8, 10)));
  }
  return ok(meetingDay);
}

/** The notes on the day count and on a decision made on the watch date itself. */
function dayCountNotes(input: FedWatchInput, known: readonly string[], notes: string[]): void {
  const { watchDate } = input;
  if (
    input.dayCount === undefined &&
    watchDate > CME_DECISION_DAY_VERIFIED_TO &&
    watchDate < CME_DAY_AFTER_VERIFIED_FROM
  ) {
    notes.push(
      `Day count: CME's convention between ${CME_DECISION_DAY_VERIFIED_TO} and ${CME_DAY_AFTER_VERIFIED_FROM} is not verified; the new rate is counted from the day after each decision`,
    );
  }
  if (known.includes(watchDate)) {
    notes.push(
      `The decision of ${watchDate} was announced before these prices settled: it is not priced, and the target range given should be the one decided that day`,
    );
  }
}

/**
 * The rate in force at the start and at the end of each meeting month, each anchored on a
 * meeting-free month's average or solved from the month's own average and the other end
 * (CME's method), following chains of meeting months; a cycle anchors nothing.
 */
function rateAnchors(
  avg: ReadonlyMap<string, number>,
  meetingDay: ReadonlyMap<string, number>,
  dayCount: DayCount,
  watchDate: string,
): { startOf: (mo: string) => Derived; endOf: (mo: string) => Derived } {
  const visiting = new Set<string>();
  const guard = (key: string, f: () => Derived): Derived => {
    if (visiting.has(key)) return null; // a cycle: this path cannot anchor the value
    visiting.add(key);
    try {
      return f();
    } finally {
      visiting.delete(key);
    }
  };
  const split = (mo: string) => {
    const N = daysInMonth(mo);
    return { N, ...meetingMonthSplit(meetingDay.get(mo) ?? 1, N, dayCount) };
  };
  /** Start from the previous month only (no use of this month's end): meeting-free avg or previous meeting's end. */
  const anchoredStart = (mo: string): Derived => {
    const pm = shiftMonth(mo, -1);
    const pAvg = avg.get(pm);
    if (!meetingDay.has(pm) && pAvg !== undefined) return { value: pAvg, how: 'previous-month' };
    if (meetingDay.has(pm) && pm >= monthOf(watchDate) && avg.has(pm)) {
      const e = endOf(pm);
      if (e) return { value: e.value, how: 'previous-meeting-end' };
    }
    return null;
  };
  function startOf(mo: string): Derived {
    return guard(`s${mo}`, () => {
      const pm = shiftMonth(mo, -1);
      const pAvg = avg.get(pm);
      if (!meetingDay.has(pm) && pAvg !== undefined) return { value: pAvg, how: 'previous-month' };
      const a = avg.get(mo);
      const { N, m, n } = split(mo);
      if (a !== undefined && n > 0) {
        const e = endOf(mo);
        if (e) return { value: (a - (m / N) * e.value) / (n / N), how: 'solved-backward' };
      }
      return anchoredStart(mo);
    });
  }
  function endOf(mo: string): Derived {
    return guard(`e${mo}`, () => {
      const nm = shiftMonth(mo, 1);
      const nAvg = avg.get(nm);
      if (nAvg !== undefined) {
        if (!meetingDay.has(nm)) return { value: nAvg, how: 'next-month' };
        const s = startOf(nm);
        if (s) return { value: s.value, how: 'next-month' };
      }
      const a = avg.get(mo);
      const { N, m, n } = split(mo);
      if (a !== undefined && m >= MIN_FORWARD_DAYS) {
        const s = anchoredStart(mo);
        if (s) return { value: (a - (n / N) * s.value) / (m / N), how: 'solved-forward' };
      }
      return null;
    });
  }
  return { startOf, endOf };
}

/**
 * One meeting of the conditional tree: the implied move between its start and end rates split into
 * CME's two neighbouring 25 bp steps, applied to every range of `dist` (the distribution after the
 * previous meeting, lower bound in bp → probability). Returns the meeting and the new distribution.
 */
function priceMeeting(
  date: string,
  s: NonNullable<Derived>,
  e: NonNullable<Derived>,
  stepsRaw: number,
  dist: ReadonlyMap<number, number>,
  lowerBp: number,
  notes: string[],
): { meeting: FedWatchMeeting; dist: Map<number, number> } {
  const steps = Math.round(stepsRaw / EPS) * EPS; // 0.99999999997 → 1
  const lo = Math.floor(steps);
  const pHi = steps - lo;
  const distribution = [
    { steps: lo, probability: 1 - pHi },
    { steps: lo + 1, probability: pHi },
  ].filter((d) => d.probability > EPS);
  const next = new Map<number, number>();
  for (const [bucket, p] of dist) {
    for (const d of distribution) {
      const b = Math.max(0, bucket + 25 * d.steps); // the zero lower bound: nothing below 0-25
      next.set(b, (next.get(b) ?? 0) + p * d.probability);
    }
  }
  if ([...dist.keys()].some((b) => distribution.some((d) => b + 25 * d.steps < 0))) {
    notes.push(`Meeting ${date}: paths below 0-25 were merged into 0-25`);
  }
  const sum = (f: (steps: number) => boolean) =>
    distribution.filter((d) => f(d.steps)).reduce((a, d) => a + d.probability, 0);
  const probabilities = [...next.entries()]
    .filter(([, p]) => p > 1e-12)
    .sort((a, b) => a[0] - b[0])
    .map(([b, p]) => ({ lowerBp: b, upperBp: b + 25, label: rangeLabel(b), probability: p }));
  const rel = (f: (b: number) => boolean) =>
    probabilities.filter((r) => f(r.lowerBp)).reduce((a, r) => a + r.probability, 0);
  const meeting: FedWatchMeeting = {
    date,
    month: monthOf(date),
    move: {
      start: s.value,
      end: e.value,
      startFrom: s.how as MeetingMove['startFrom'],
      endFrom: e.how as MeetingMove['endFrom'],
      steps: stepsRaw,
      distribution,
      pCut: sum((k) => k < 0),
      pHold: sum((k) => k === 0),
      pHike: sum((k) => k > 0),
    },
    probabilities,
    pBelowCurrent: rel((b) => b < lowerBp),
    pAtCurrent: rel((b) => b === lowerBp),
    pAboveCurrent: rel((b) => b > lowerBp),
  };
  return { meeting, dist: next };
}

export function computeFedWatch(input: FedWatchInput): Result<FedWatchResult> {
  const { watchDate, targetRange } = input;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(watchDate)) return fail('format', `Bad watch date: ${watchDate}`);
  const lowerBp = Math.round(targetRange.lower * 100);
  const upperBp = Math.round(targetRange.upper * 100);
  if (!Number.isFinite(lowerBp) || upperBp - lowerBp !== 25 || lowerBp < 0 || lowerBp % 25 !== 0) {
    return fail(
      'format',
      `Target range must be a 25 bp range on a 25 bp grid, got ${targetRange.lower}-${targetRange.upper}`,
    );
  }
  const notes: string[] = [];
  const quotes = quotesOn(input.futures, watchDate, notes);
  if (!quotes.ok) return quotes;
  const { avg, contracts } = quotes.value;
  const lastMonth = contracts.at(-1)?.month ?? '';

  // Meeting months (all known meetings: they decide which months are meeting-free).
  const days = meetingDays(input.meetings);
  if (!days.ok) return days;
  const meetingDay = days.value;
  const known = [...new Set(input.meetings)].sort();
  const upcoming = known.filter((d) => d > watchDate && (!input.priceThrough || d <= input.priceThrough));
  if (upcoming.length === 0) return fail('unavailable', `No FOMC meeting after ${watchDate} in the calendar`);
  const dayCount = input.dayCount ?? defaultDayCount(watchDate);
  dayCountNotes(input, known, notes);
  const warnings = calendarWarnings(known, watchDate);
  notes.push(...warnings);

  const { startOf, endOf } = rateAnchors(avg, meetingDay, dayCount, watchDate);
  const meetings: FedWatchMeeting[] = [];
  const dropped: string[] = [];
  let dist = new Map<number, number>([[lowerBp, 1]]);
  for (const date of upcoming) {
    const mo = monthOf(date);
    if (dropped.length > 0) {
      dropped.push(date);
      continue;
    }
    if (mo > lastMonth) {
      dropped.push(date);
      notes.push(
        `Meetings from ${date} on are beyond the last futures contract (${zqContract(lastMonth)}) and were dropped`,
      );
      continue;
    }
    const s = startOf(mo);
    const e = endOf(mo);
    if (!s || !e) {
      dropped.push(date);
      const missing = [shiftMonth(mo, -1), mo, shiftMonth(mo, 1)].filter((x) => !avg.has(x)).map(zqContract);
      notes.push(
        `Meeting ${date} cannot be priced: the ${!e ? 'rate after' : 'rate before'} it has no anchor` +
          (missing.length ? ` (no price for ${missing.join(', ')})` : '') +
          '; it and later meetings were dropped',
      );
      continue;
    }
    const stepsRaw = (e.value - s.value) / 0.25;
    if (!Number.isFinite(stepsRaw) || Math.abs(stepsRaw) > MAX_STEPS) {
      dropped.push(date);
      notes.push(
        `Meeting ${date}: implied move of ${(stepsRaw * 25).toFixed(0)} bp is implausible; it and later meetings were dropped`,
      );
      continue;
    }
    const priced = priceMeeting(date, s, e, stepsRaw, dist, lowerBp, notes);
    meetings.push(priced.meeting);
    dist = priced.dist;
  }
  if (meetings.length === 0) {
    return fail(
      'unavailable',
      `No FOMC meeting could be priced from the futures of ${watchDate}: ${notes.join('; ')}`,
      {
        source: 'fedwatch',
      },
    );
  }
  return ok(
    {
      watchDate,
      dayCount,
      targetRange: { lower: lowerBp / 100, upper: upperBp / 100 },
      meetings,
      dropped,
      notes,
      warnings,
      contracts,
    },
    notes,
  );
}

const dayNumber = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;

/**
 * Likely holes in the calendar: the FOMC meets 8 times a year, never more than ~8 weeks apart, so a
 * longer gap between two known decision days, or no known decision in the 9 weeks before the watch
 * date, means a meeting is probably missing — and the month it falls in would wrongly count as
 * meeting-free.
 */
export function calendarWarnings(meetings: readonly string[], watchDate: string): string[] {
  const sorted = [...new Set(meetings)].sort();
  const out: string[] = [];
  const past = sorted.filter((d) => d <= watchDate);
  const lastPast = past.at(-1);
  if (!lastPast || dayNumber(watchDate) - dayNumber(lastPast) > MAX_MEETING_GAP_DAYS) {
    out.push(
      `No FOMC decision given in the ${MAX_MEETING_GAP_DAYS} days before ${watchDate}${lastPast ? ` (last given: ${lastPast})` : ''}: pass the latest past meeting too — its month is not meeting-free, and leaving it out changes every later result`,
    );
  }
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] ?? '';
    const b = sorted[i] ?? '';
    if (b > watchDate && dayNumber(b) - dayNumber(a) > MAX_MEETING_GAP_DAYS) {
      out.push(
        `${Math.round(dayNumber(b) - dayNumber(a))} days between the decisions of ${a} and ${b}: a meeting is probably missing from the calendar, and the months between are treated as meeting-free`,
      );
    }
  }
  return out;
}
