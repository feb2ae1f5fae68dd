/**
 * Where we are in the Russell US index reconstitution cycle.
 *
 * Milestones of one event: rank day (market caps measured) → preliminary lists → lock-down
 * (lists final apart from corrections) → effective after the close. Dates FTSE Russell has not
 * published carry `confirmed: false` in the calendar; we pass that through so the UI can say
 * "expected". Days are calendar days between market dates; `today` is the New York date
 * (lib/core/market-time.ts `newYorkDate`).
 */
import { daysBetween } from '../core/market-time';
import type { Calendars, ReconEvent } from '../source-data';

export type ReconPhase =
  | 'before-rank-day' // next event's rank day is ahead
  | 'ranked' // rank day passed, preliminary lists not out yet
  | 'preliminary-lists' // lists out, updates weekly
  | 'lock-down' // lists locked
  | 'effective' // today is the effective day (after the close)
  | 'just-happened' // effective within the last `recentDays`
  | 'scheduled'; // the event's milestone dates are not published; only the effective date is known

export type ReconMilestoneName = 'rank-day' | 'preliminary-lists' | 'lock-down' | 'effective';

export interface ReconMilestone {
  name: ReconMilestoneName;
  label: string;
  date: string;
  confirmed: boolean;
  /** Calendar days from `today` (negative = passed). */
  daysUntil: number;
}

export interface ReconStatus {
  event: ReconEvent;
  phase: ReconPhase;
  /** Calendar days until the effective date (negative after it). */
  daysUntilEffective: number;
  effective: { date: string; confirmed: boolean };
  milestones: ReconMilestone[];
  /** The next milestone on or after today, null when all passed. */
  next: ReconMilestone | null;
  /** True when every known date of the event is confirmed by FTSE Russell. */
  allConfirmed: boolean;
  /** One line, e.g. "Russell reconstitution (June) in 23 days: preliminary lists are out". */
  summary: string;
}

const LABELS: Record<ReconMilestoneName, string> = {
  'rank-day': 'Rank day',
  'preliminary-lists': 'Preliminary lists',
  'lock-down': 'Lock-down',
  effective: 'Effective after the close',
};

function milestones(e: ReconEvent, today: string): ReconMilestone[] {
  const list: Array<[ReconMilestoneName, { date: string; confirmed: boolean } | null]> = [
    ['rank-day', e.rankDay],
    ['preliminary-lists', e.preliminaryLists],
    ['lock-down', e.lockDown],
    ['effective', e.effective],
  ];
  return list.flatMap(([name, d]) =>
    d
      ? [
          {
            name,
            label: LABELS[name],
            date: d.date,
            confirmed: d.confirmed,
            daysUntil: daysBetween(today, d.date),
          },
        ]
      : [],
  );
}

const KIND_TEXT: Record<ReconEvent['kind'], string> = {
  annual: 'annual',
  june: 'June',
  december: 'December',
};

/**
 * The event to show on `today` (YYYY-MM-DD): the one that took effect within the last
 * `recentDays` (default 7) calendar days, else the next one. Null when the calendar has none ahead.
 */
export function reconStatus(
  calendars: Pick<Calendars, 'russell'>,
  today: string,
  options: { recentDays?: number } = {},
): ReconStatus | null {
  const recentDays = options.recentDays ?? 7;
  const events = [...calendars.russell].sort((a, b) => a.effective.date.localeCompare(b.effective.date));
  const recent = [...events]
    .reverse()
    .find((e) => e.effective.date < today && daysBetween(e.effective.date, today) <= recentDays);
  const event = recent ?? events.find((e) => e.effective.date >= today);
  if (!event) return null;
  const ms = milestones(event, today);
  const daysUntilEffective = daysBetween(today, event.effective.date);
  const passed = (n: ReconMilestoneName) => ms.some((m) => m.name === n && m.daysUntil <= 0);
  const known = (n: ReconMilestoneName) => ms.some((m) => m.name === n);

  let phase: ReconPhase;
  if (daysUntilEffective < 0) phase = 'just-happened';
  else if (daysUntilEffective === 0) phase = 'effective';
  else if (passed('lock-down')) phase = 'lock-down';
  else if (passed('preliminary-lists')) phase = 'preliminary-lists';
  else if (passed('rank-day')) phase = 'ranked';
  else if (known('rank-day')) phase = 'before-rank-day';
  else phase = 'scheduled';

  const next = ms.find((m) => m.daysUntil >= 0) ?? null;
  const allConfirmed = ms.every((m) => m.confirmed);
  const name = `Russell reconstitution (${KIND_TEXT[event.kind]} ${event.year})`;
  const when = event.effective.confirmed ? '' : ' (expected date)';
  const phaseText: Record<ReconPhase, string> = {
    'before-rank-day': 'ranking not yet done',
    ranked: 'companies ranked, lists not yet out',
    'preliminary-lists': 'preliminary lists are out',
    'lock-down': 'lists locked',
    effective: 'takes effect after today’s close',
    'just-happened': 'new index membership in force',
    scheduled: 'interim dates not published',
  };
  const summary =
    daysUntilEffective < 0
      ? `${name} took effect ${-daysUntilEffective} day${daysUntilEffective === -1 ? '' : 's'} ago: ${phaseText[phase]}`
      : daysUntilEffective === 0
        ? `${name} ${phaseText[phase]}`
        : `${name} in ${daysUntilEffective} day${daysUntilEffective === 1 ? '' : 's'}${when}: ${phaseText[phase]}`;
  return {
    event,
    phase,
    daysUntilEffective,
    effective: event.effective,
    milestones: ms,
    next,
    allConfirmed,
    summary,
  };
}
