/**
 * Evaluation, pure: the newest readings + what is stored (previous readings, earlier alerts) +
 * settings → the readings to store and the new alerts.
 *
 * Idempotent by construction: every alert id is derived from the rule, the subject and the data
 * dates, and each reading is compared with the newest stored reading dated BEFORE it. Running the
 * same pass twice (a repeated refresh, a worker killed before its write committed) yields the
 * same ids, which the store already holds. One reading per signal per pass: a source that comes
 * back after an outage is compared once with its last reading before the outage (the net
 * change), never replayed day by day.
 */
import {
  formatDate,
  formatMoney,
  formatPercent as formatPct,
  formatProbability,
  ordinal,
} from '../core/format';

const formatUsdCompact = (x: number) => formatMoney(x, { signed: true });
import type { Calendars } from '../source-data';
import { addDays, daysBetween, newYorkDate, tradingDayOnOrBefore } from '../core/market-time';
import {
  drawdownLevel,
  flowBand,
  MEMBERSHIP_TEXT,
  movePts,
  yieldState,
  type FlowBand,
  type MembershipState,
} from './rules';
import { isSnoozed } from './settings';
import type { AlertRecord, AlertSettings, AlertSide, Reading, RuleId } from './types';

/** What evaluation needs from the store (lib/alerts/history.ts, or a Map in tests). */
export interface PriorView {
  /** The newest stored reading of `signal` dated before `date`. */
  previous(signal: string, date: string): Reading | undefined;
  /** The oldest stored reading of `signal` dated before `date`. */
  first(signal: string, date: string): Reading | undefined;
  /** The newest alert of `rule` about `subject` with a data date before `date`. */
  lastAlert(rule: RuleId, subject: string, date: string): AlertRecord | undefined;
  /** An alert with this id is stored (cleared ones too). */
  has(id: string): boolean;
  /** A reading for this signal and date is stored. */
  hasReading(signal: string, date: string): boolean;
}

export interface Evaluation {
  readings: Reading[];
  alerts: AlertRecord[];
}

type Draft = Omit<AlertRecord, 'createdAt' | 'seen' | 'cleared' | 'notified' | 'snoozed'>;

const num = (r: Reading, k: string): number | null => {
  const v = r.values[k];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
const str = (r: Reading, k: string): string | null => {
  const v = r.values[k];
  return typeof v === 'string' ? v : null;
};
const side = (r: Reading, text: string, asOf = r.date): AlertSide => ({ text, asOf, source: r.sourceLabel });

const BAND_TEXT: Record<FlowBand, string> = { bottom: 'bottom', middle: 'middle', top: 'top' };

function flowText(r: Reading): string {
  const sum = num(r, 'sum');
  const p = num(r, 'percentile');
  return `${sum === null ? 'n/a' : formatUsdCompact(sum)} over 65 days${p === null ? '' : `, ${ordinal(p)} percentile of 3 years`}`;
}

/**
 * Level rules (flow band, flow sign, yield move, drawdown level) announce a change once two
 * consecutive readings agree on the new level: a one-day blip around a threshold stays quiet.
 * The confirmed level is kept in each stored reading (`values[key]`), so the state machine runs
 * on stored history and gives the same answer after any restart.
 */
interface Level {
  key: string;
  of(r: Reading, s: AlertSettings): string | null;
}

const LEVELS: Record<string, Level[]> = {
  flows: [
    { key: 'confirmedBand', of: (r, s) => flowBand(num(r, 'percentile'), s.rules['flows-decile'].threshold) },
    {
      key: 'confirmedSign',
      of: (r) => {
        const x = num(r, 'sum');
        return x === null || x === 0 ? null : x > 0 ? 'positive' : 'negative';
      },
    },
  ],
  yield: [
    {
      key: 'confirmedMove',
      of: (r, s) => yieldState(num(r, 'upBp') ?? 0, num(r, 'downBp') ?? 0, s.rules['yields-2y'].threshold),
    },
  ],
  drawdown: [
    {
      key: 'confirmedLevel',
      of: (r, s) => {
        const d = s.rules.drawdown;
        return String(drawdownLevel(num(r, 'drawdownPct') ?? 0, d.threshold, d.threshold2 ?? d.threshold));
      },
    },
  ],
};

/** Fills the confirmed levels of `cur` (from `prev`); returns the changes prev → cur by key. */
function confirmLevels(
  family: string,
  prev: Reading | undefined,
  cur: Reading,
  s: AlertSettings,
): Map<string, { from: string; to: string }> {
  const changes = new Map<string, { from: string; to: string }>();
  for (const lv of LEVELS[family] ?? []) {
    const now = lv.of(cur, s);
    if (!prev) {
      cur.values[lv.key] = now;
      continue;
    }
    const stored = prev.values[lv.key];
    const before = typeof stored === 'string' ? stored : lv.of(prev, s);
    const next = now !== null && lv.of(prev, s) === now ? now : before;
    cur.values[lv.key] = next;
    if (before !== null && next !== null && before !== next) changes.set(lv.key, { from: before, to: next });
  }
  return changes;
}

function flowsRules(
  prev: Reading,
  cur: Reading,
  s: AlertSettings,
  changes: Map<string, { from: string; to: string }>,
): Draft[] {
  const out: Draft[] = [];
  const band = s.rules['flows-decile'].threshold;
  const c = changes.get('confirmedBand');
  if (c) {
    const a = c.from as FlowBand;
    const b = c.to as FlowBand;
    const what =
      b === 'middle'
        ? `left the ${BAND_TEXT[a]} ${band} % of its 3-year range`
        : `entered the ${BAND_TEXT[b]} ${band} % of its 3-year range`;
    const meaning =
      b === 'bottom'
        ? ' (heavy selling: the contrarian signal is on)'
        : a === 'bottom'
          ? ' (the heavy-selling signal is off)'
          : b === 'top'
            ? ' (heavy buying)'
            : '';
    out.push({
      id: `flows-decile:IWM:${cur.date}`,
      rule: 'flows-decile',
      subject: 'IWM',
      title: `IWM 65-day flow ${what}${meaning}`,
      from: side(prev, flowText(prev)),
      to: side(cur, flowText(cur)),
      target: 'flows',
      dataDate: cur.date,
      values: { ...cur.values },
    });
  }
  const z = changes.get('confirmedSign');
  if (z) {
    out.push({
      id: `flows-zero:IWM:${cur.date}`,
      rule: 'flows-zero',
      subject: 'IWM',
      title: `IWM 65-day flow turned ${z.to === 'positive' ? 'positive (net creations)' : 'negative (net redemptions)'}`,
      from: side(prev, flowText(prev)),
      to: side(cur, flowText(cur)),
      target: 'flows',
      dataDate: cur.date,
      values: { ...cur.values },
    });
  }
  return out;
}

function yieldRules(cur: Reading, changes: Map<string, { from: string; to: string }>): Draft[] {
  const c = changes.get('confirmedMove');
  if (!c || c.to === 'calm') return [];
  const up = c.to === 'up';
  const moved = num(cur, up ? 'upBp' : 'downBp') ?? 0;
  const refDate = str(cur, up ? 'lowDate' : 'highDate') ?? cur.date;
  const refValue = num(cur, up ? 'low' : 'high');
  const value = num(cur, 'value');
  return [
    {
      id: `yields-2y:DGS2:${cur.date}`,
      rule: 'yields-2y',
      subject: 'DGS2',
      title: `2-year Treasury yield ${up ? 'rose' : 'fell'} ${Math.round(moved)} bp within a month`,
      from: side(cur, refValue === null ? 'n/a' : `${refValue.toFixed(2)}%`, refDate),
      to: side(cur, value === null ? 'n/a' : `${value.toFixed(2)}%`),
      target: 'yields',
      dataDate: cur.date,
      values: { ...cur.values },
    },
  ];
}

function ddText(r: Reading): string {
  const dd = num(r, 'drawdownPct');
  const close = num(r, 'close');
  const high = num(r, 'high');
  return `close ${close?.toFixed(2) ?? 'n/a'}, ${dd === null ? 'n/a' : formatPct(dd, 1, true)} from the high of ${high?.toFixed(2) ?? 'n/a'} (${formatDate(str(r, 'highDate') ?? '')})`;
}

function drawdownRules(
  prev: Reading,
  cur: Reading,
  s: AlertSettings,
  changes: Map<string, { from: string; to: string }>,
): Draft[] {
  const out: Draft[] = [];
  const r = s.rules.drawdown;
  const t1 = Math.min(r.threshold, r.threshold2 ?? r.threshold);
  const t2 = Math.max(r.threshold, r.threshold2 ?? r.threshold);
  const c = changes.get('confirmedLevel');
  if (c) {
    const a = Number(c.from);
    const b = Number(c.to);
    const level = [0, t1, t2];
    const title =
      b > a
        ? `IWM closed ${level[b]} % or more below its closing high`
        : `IWM recovered to within ${level[a]} % of its closing high`;
    out.push({
      id: `drawdown:IWM:${cur.date}`,
      rule: 'drawdown',
      subject: 'IWM',
      title,
      from: side(prev, ddText(prev)),
      to: side(cur, ddText(cur)),
      target: 'drawdown',
      dataDate: cur.date,
      values: { ...cur.values },
    });
  }
  const pull = num(cur, 'pullbackPct');
  if (cur.values.newHigh === true && pull !== null && pull <= -s.rules['new-high'].threshold) {
    out.push({
      id: `new-high:IWM:${cur.date}`,
      rule: 'new-high',
      subject: 'IWM',
      title: `IWM made a new closing high after a ${formatPct(-pull, 1)} pullback`,
      from: side(prev, ddText(prev)),
      to: side(cur, `close ${num(cur, 'close')?.toFixed(2) ?? 'n/a'}, a new closing high`),
      target: 'drawdown',
      dataDate: cur.date,
      values: { ...cur.values },
    });
  }
  return out;
}

function membershipRules(prev: Reading, cur: Reading): Draft[] {
  const a = str(prev, 'state') as MembershipState | null;
  const b = str(cur, 'state') as MembershipState | null;
  if (!a || !b || a === b) return [];
  const sym = cur.signal.slice('member:'.length);
  const title =
    b === 'R1000'
      ? a === 'R2000'
        ? `${sym} moved from the Russell 2000 to the Russell 1000`
        : `${sym} joined the Russell 1000`
      : b === 'R2000'
        ? `${sym} joined the Russell 2000${a === 'R1000' ? ' (from the Russell 1000)' : ''}`
        : b === 'R3000'
          ? `${sym} was added to the Russell 3000 (the next holdings file will say which index)`
          : `${sym} left the ${a === 'R3000' ? 'Russell 3000' : MEMBERSHIP_TEXT[a]}`;
  const text = (r: Reading) =>
    `${MEMBERSHIP_TEXT[str(r, 'state') as MembershipState]} (${str(r, 'basis') ?? ''})`;
  return [
    {
      id: `watch-membership:${sym}:${cur.date}`,
      rule: 'watch-membership',
      subject: sym,
      title,
      from: side(prev, text(prev)),
      to: side(cur, text(cur)),
      target: 'watchlist',
      dataDate: cur.date,
      values: { ...cur.values },
    },
  ];
}

function moveRules(prev: Reading, cur: Reading, s: AlertSettings): Draft[] {
  const ch = num(cur, 'changePct');
  if (ch === null || Math.abs(ch) < s.rules['watch-move'].threshold) return [];
  const sym = cur.signal.slice('price:'.length);
  const prevDate = str(cur, 'prevDate') ?? prev.date;
  return [
    {
      id: `watch-move:${sym}:${cur.date}`,
      rule: 'watch-move',
      subject: sym,
      title: `${sym} ${ch > 0 ? 'rose' : 'fell'} ${formatPct(Math.abs(ch), 1)} on ${formatDate(cur.date)}`,
      from: side(cur, `close ${num(cur, 'prevClose')?.toFixed(2) ?? 'n/a'}`, prevDate),
      to: side(cur, `close ${num(cur, 'close')?.toFixed(2) ?? 'n/a'}`),
      target: 'watchlist',
      dataDate: cur.date,
      values: { ...cur.values },
    },
  ];
}

function oddsText(v: Record<string, unknown>): string {
  const n = (k: string) => (typeof v[k] === 'number' ? (v[k] as number) : NaN);
  return `move ${formatProbability(1 - n('pHold'), 0)} (cut ${formatProbability(n('pCut'), 0)}, hike ${formatProbability(n('pHike'), 0)}); most likely ${String(v.mostLikely)}`;
}

function ratesMoveRule(cur: Reading, prior: PriorView, s: AlertSettings): Draft[] {
  const meeting = str(cur, 'meeting');
  if (!meeting) return [];
  const subject = `${cur.source}:${meeting}`;
  const last = prior.lastAlert('rates-move', subject, cur.date);
  const baseReading = prior.first(cur.signal, cur.date);
  const base = last?.values ?? baseReading?.values;
  if (!base) return [];
  const baseSide: AlertSide = last ? last.to : side(baseReading!, oddsText(baseReading!.values));
  const pHold = typeof base.pHold === 'number' ? base.pHold : null;
  if (pHold === null) return [];
  const change = movePts(cur.values as { pHold: number }) - movePts({ pHold });
  const flipped = base.mostLikely !== cur.values.mostLikely;
  if (Math.abs(change) < s.rules['rates-move'].threshold && !flipped) return [];
  const title = flipped
    ? `Most likely decision at the ${formatDate(meeting)} FOMC meeting changed: ${String(base.mostLikely)} → ${String(cur.values.mostLikely)}`
    : `Odds of a move at the ${formatDate(meeting)} FOMC meeting ${change > 0 ? 'rose' : 'fell'} ${Math.abs(change).toFixed(0)} pts`;
  return [
    {
      id: `rates-move:${subject}:${cur.date}`,
      rule: 'rates-move',
      subject,
      title: `${title} (${cur.sourceLabel})`,
      from: baseSide,
      to: side(cur, oddsText(cur.values)),
      target: 'rates',
      dataDate: cur.date,
      values: { ...cur.values },
    },
  ];
}

function ratesGapRule(prev: Reading, cur: Reading, s: AlertSettings): Draft[] {
  const t = s.rules['rates-gap'].threshold;
  const a = num(prev, 'gapPts');
  const b = num(cur, 'gapPts');
  if (a === null || b === null || !(a < t && b >= t)) return [];
  const meeting = str(cur, 'meeting') ?? '';
  const venue = str(cur, 'venue') ?? '';
  return [
    {
      id: `rates-gap:${venue}:${meeting}:${cur.date}`,
      rule: 'rates-gap',
      subject: `${venue}:${meeting}`,
      title: `Futures and ${venue} odds for the ${formatDate(meeting)} FOMC meeting disagree by ${b.toFixed(0)} pts`,
      from: side(prev, `gap ${a.toFixed(0)} pts`),
      to: side(cur, `gap ${b.toFixed(0)} pts: ${str(cur, 'detail') ?? ''}`),
      target: 'rates',
      dataDate: cur.date,
      values: { ...cur.values },
    },
  ];
}

/** The rule family of a signal id. */
function familyOf(signal: string): string {
  return signal.split(':')[0] ?? '';
}

export function evaluate(
  readings: readonly Reading[],
  prior: PriorView,
  settings: AlertSettings,
  now: Date,
  calendars?: Calendars | null,
): Evaluation {
  const drafts: Draft[] = [];
  const toStore: Reading[] = [];
  const seenSignals = new Set<string>();
  for (const reading of readings) {
    if (seenSignals.has(reading.signal)) continue; // one reading per signal per pass
    seenSignals.add(reading.signal);
    const cur: Reading = { ...reading, values: { ...reading.values } };
    const family = familyOf(cur.signal);
    if (family === 'rates') {
      if (!prior.hasReading(cur.signal, cur.date)) toStore.push(cur);
      drafts.push(...ratesMoveRule(cur, prior, settings));
      continue;
    }
    const prev = prior.previous(cur.signal, cur.date);
    const changes = confirmLevels(family, prev, cur, settings);
    if (!prior.hasReading(cur.signal, cur.date)) toStore.push(cur);
    if (!prev) continue; // a source's first reading is the baseline, never an alert
    if (family === 'flows') drafts.push(...flowsRules(prev, cur, settings, changes));
    else if (family === 'yield') drafts.push(...yieldRules(cur, changes));
    else if (family === 'drawdown') drafts.push(...drawdownRules(prev, cur, settings, changes));
    else if (family === 'member') drafts.push(...membershipRules(prev, cur));
    else if (family === 'price') drafts.push(...moveRules(prev, cur, settings));
    else if (family === 'ratesgap') drafts.push(...ratesGapRule(prev, cur, settings));
  }
  if (calendars) drafts.push(...calendarDrafts(calendars, now));

  const createdAt = now.toISOString();
  const alerts: AlertRecord[] = [];
  const ids = new Set<string>();
  for (const d of drafts) {
    if (!settings.rules[d.rule].on || prior.has(d.id) || ids.has(d.id)) continue;
    ids.add(d.id);
    const snoozed = isSnoozed(settings, d.rule, now);
    alerts.push({ ...d, createdAt, seen: snoozed, cleared: false, notified: snoozed, snoozed });
  }
  return { readings: toStore, alerts };
}

export interface CalendarEvent {
  kind: 'fomc' | 'rank-day' | 'preliminary-lists' | 'effective';
  date: string;
  title: string;
  confirmed: boolean;
}

export function calendarEvents(cal: Calendars): CalendarEvent[] {
  const out: CalendarEvent[] = cal.fomc.map((m) => ({
    kind: 'fomc' as const,
    date: m.end,
    title: `FOMC decision ${formatDate(m.end)}`,
    confirmed: !m.tentative,
  }));
  for (const r of cal.russell) {
    const name = `Russell ${r.kind === 'december' ? 'December' : 'June'} ${r.year} reconstitution`;
    if (r.rankDay)
      out.push({
        kind: 'rank-day',
        date: r.rankDay.date,
        title: `${name}: rank day`,
        confirmed: r.rankDay.confirmed,
      });
    if (r.preliminaryLists)
      out.push({
        kind: 'preliminary-lists',
        date: r.preliminaryLists.date,
        title: `${name}: preliminary lists`,
        confirmed: r.preliminaryLists.confirmed,
      });
    out.push({
      kind: 'effective',
      date: r.effective.date,
      title: `${name}: effective after the close`,
      confirmed: r.effective.confirmed,
    });
  }
  return out;
}

/**
 * Calendar alerts fire on the trading day before each event (New York date, NYSE holidays
 * skipped), and only then: a browser that was closed that day does not announce the event
 * afterwards.
 */
export function calendarDrafts(cal: Calendars, now: Date): Draft[] {
  const today = newYorkDate(now);
  return calendarEvents(cal)
    .filter((e) => tradingDayOnOrBefore(addDays(e.date, -1)) === today)
    .map((e) => ({
      id: `calendar:${e.kind}:${e.date}`,
      rule: 'calendar' as const,
      subject: e.kind === 'fomc' ? `FOMC ${e.date}` : `Russell ${e.kind} ${e.date}`,
      title: `${daysBetween(today, e.date) === 1 ? 'Tomorrow' : 'Next trading day'}: ${e.title}${e.confirmed ? '' : ' (date not confirmed by the publisher)'}`,
      from: null,
      to: {
        text: formatDate(e.date),
        asOf: cal.asOf,
        source: 'FOMC and Russell calendars (Fed and FTSE Russell releases)',
      },
      target: e.kind === 'fomc' ? ('rates' as const) : ('recon' as const),
      dataDate: e.date,
    }));
}

/**
 * An in-memory PriorView over readings and alerts (tests, and the replay in the history store's
 * own tests). Readings must be appended in date order per signal.
 */
export class MemoryPrior implements PriorView {
  readonly bySignal = new Map<string, Reading[]>();
  readonly alerts = new Map<string, AlertRecord>();

  commit(e: Evaluation): void {
    for (const r of e.readings) {
      const list = this.bySignal.get(r.signal) ?? [];
      if (!this.hasReading(r.signal, r.date)) {
        list.push(r);
        if (list.length > 1 && list.at(-2)!.date > r.date) list.sort((a, b) => (a.date < b.date ? -1 : 1));
      }
      this.bySignal.set(r.signal, list);
    }
    for (const a of e.alerts) if (!this.alerts.has(a.id)) this.alerts.set(a.id, a);
  }
  previous(signal: string, date: string): Reading | undefined {
    const list = this.bySignal.get(signal) ?? [];
    for (let i = list.length - 1; i >= 0; i--) if (list[i]!.date < date) return list[i];
    return undefined;
  }
  first(signal: string, date: string): Reading | undefined {
    const f = this.bySignal.get(signal)?.[0];
    return f && f.date < date ? f : undefined;
  }
  lastAlert(rule: RuleId, subject: string, date: string): AlertRecord | undefined {
    let best: AlertRecord | undefined;
    for (const a of this.alerts.values())
      if (
        a.rule === rule &&
        a.subject === subject &&
        a.dataDate < date &&
        (!best || a.dataDate > best.dataDate)
      )
        best = a;
    return best;
  }
  has(id: string): boolean {
    return this.alerts.has(id);
  }
  hasReading(signal: string, date: string): boolean {
    const list = this.bySignal.get(signal) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i]!.date === date) return true;
      if (list[i]!.date < date) return false;
    }
    return false;
  }
}
