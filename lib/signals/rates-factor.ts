/**
 * The rates factor of the signal card: what the market prices for the Fed's next decisions.
 *
 * It always names the next FOMC decision day (calendar) and the target range in force (its
 * source and date), even when no odds are on hand. Odds come from the first of:
 *  1. fed funds futures (FedWatch method, lib/signals/fedwatch.ts) for the newest quote date;
 *  2. otherwise the newest other real source that covers a coming meeting: CME FedWatch's own
 *     published table (a recorded page capture), Kalshi or Polymarket decision markets — each
 *     labelled for what it is, dated, and stale when old.
 * A hike is read exactly like a cut: the headline names the likeliest outcome of the decision.
 * Every source used is listed in `provenance`, the headline's own source first (the hover strip
 * dates its figure by `provenance[0]`).
 */
import type { ChartSeries, Factor, FactorState } from '../view-models';
import type { FedWatchCapture } from '../sources/cme-fedwatch-capture';
import type { Calendars, FuturesQuote, MarketOdds, Provenance } from '../source-data';
import { computeFedWatch, type TargetRange } from './fedwatch';
import { compareWithMarkets, summarizeFedWatch } from './fedwatch-summary';
import { formatDate, formatProbability } from '../core/format';
import { daysBetween } from '../core/market-time';

interface Sourced<T> {
  data: T;
  provenance: Provenance;
}

export interface RatesInputs {
  futures?: Sourced<readonly FuturesQuote[]>;
  targetRange?: Sourced<TargetRange>;
  calendars?: Sourced<Calendars>;
  marketOdds?: Array<Sourced<readonly MarketOdds[]>>;
  /** CME FedWatch's published table as captured from its page (no futures prices needed). */
  fedWatchCapture?: Sourced<FedWatchCapture>;
}

export const RATES_TITLE = 'Fed rate expectations';

/** One reading of the coming decisions from one source. */
export interface OddsReading {
  kind: 'futures' | 'cme-page' | 'kalshi' | 'polymarket';
  /** What it is, for people: "Kalshi decision market". */
  what: string;
  meetingDate: string;
  /** 0..1: for futures and markets the move AT this decision; for CME's page the range after it vs the range then. */
  cut: number;
  hold: number;
  hike: number;
  /** How cut/hold/hike are to be read. */
  basis: string;
  provenance: Provenance;
}

const toX = (date: string) => Date.parse(`${date}T00:00:00Z`) / 1000;
const pct0 = (p: number) => formatProbability(p, 0);
const rangeText = (r: TargetRange) => `${r.lower.toFixed(2)}–${r.upper.toFixed(2)}%`;

/** "Hike 58%" / "Hold 80%" / "Cut 90%": the likeliest outcome, hikes as naturally as cuts. */
export function likeliest(r: Pick<OddsReading, 'cut' | 'hold' | 'hike'>): { word: string; p: number } {
  const options = [
    { word: 'Hike', p: r.hike },
    { word: 'Cut', p: r.cut },
    { word: 'Hold', p: r.hold },
  ];
  return options.reduce((a, b) => (b.p > a.p ? b : a));
}

function stateOf(r: Pick<OddsReading, 'cut' | 'hike'>): FactorState {
  if (r.cut >= 0.5) return 'favours';
  if (r.hike >= 0.5) return 'against';
  return 'neutral';
}

function marketReadings(odds: Sourced<readonly MarketOdds[]>, today: string): OddsReading[] {
  const out: OddsReading[] = [];
  for (const o of odds.data) {
    if (!o.meetingDate || o.meetingDate < today) continue;
    const mapped = o.outcomes.filter((x) => x.changeBp !== null && Number.isFinite(x.probability));
    const total = mapped.reduce((a, x) => a + x.probability, 0);
    if (total <= 0) continue;
    const part = (f: (bp: number) => boolean) =>
      mapped.filter((x) => f(x.changeBp ?? 0)).reduce((a, x) => a + x.probability, 0) / total;
    out.push({
      kind: o.venue,
      what: o.venue === 'kalshi' ? 'Kalshi decision market' : 'Polymarket decision market',
      meetingDate: o.meetingDate,
      cut: part((bp) => bp < 0),
      hold: part((bp) => bp === 0),
      hike: part((bp) => bp > 0),
      basis: 'the move at that decision',
      provenance: odds.provenance,
    });
  }
  return out;
}

function captureReadings(c: Sourced<FedWatchCapture>, today: string): OddsReading[] {
  const then = rangeText(c.data.currentTarget);
  return c.data.meetings
    .filter((m) => m.date >= today)
    .map((m) => ({
      kind: 'cme-page' as const,
      what: 'CME FedWatch (published table, recorded page)',
      meetingDate: m.date,
      cut: m.ease,
      hold: m.noChange,
      hike: m.hike,
      basis: `the range after that decision vs ${then} on ${formatDate(c.data.asOf)}`,
      provenance: c.provenance,
    }));
}

/** What the three ways of reading the factor share: the inputs, the calendar, and what is said so far. */
interface RatesContext {
  inputs: RatesInputs;
  today: string;
  isStale: (p: Provenance) => boolean;
  /** Every FOMC decision day in the calendar, ascending. */
  decisions: string[];
  next: string | null;
  /** A decision passed since the target range's source was dated: the range may be old. */
  rangeMayHaveChanged: string | null;
  provenance: Provenance[];
  details: Factor['details'];
}

/**
 * The rates factor. `isStale(p)` is the card's freshness rule for a source's as-of date; `today`
 * is the market date the card is built for. Futures first (FedWatch method), else the newest other
 * real source covering a coming decision, else the calendar and the range alone.
 */
export function buildRatesFactor(
  inputs: RatesInputs,
  today: string,
  isStale: (p: Provenance) => boolean,
): Factor {
  const { futures, targetRange, calendars } = inputs;
  const decisions = calendars ? calendars.data.fomc.map((m) => m.end).sort() : [];
  const ctx: RatesContext = {
    inputs,
    today,
    isStale,
    decisions,
    next: decisions.find((d) => d >= today) ?? null,
    rangeMayHaveChanged: null,
    provenance: [],
    details: [],
  };
  if (calendars) {
    const next = ctx.next;
    const days = next ? daysBetween(today, next) : null;
    ctx.details.push({
      label: 'Next FOMC decision',
      value: next
        ? `${formatDate(next)} (${days === 0 ? 'today, 2 p.m. ET' : `in ${days} day${days === 1 ? '' : 's'}`}; ${calendars.provenance.label})`
        : `none in the calendar after ${formatDate(today)} (${calendars.provenance.label})`,
    });
  }
  // The range in force, and whether a decision has passed since its source's date.
  if (targetRange) {
    const asOf = targetRange.provenance.asOf.slice(0, 10);
    ctx.rangeMayHaveChanged = [...decisions].reverse().find((d) => d >= asOf && d < today) ?? null;
    ctx.details.push({
      label: 'Target range',
      value:
        `${rangeText(targetRange.data)} (${targetRange.provenance.label}, ${formatDate(asOf)}` +
        (ctx.rangeMayHaveChanged
          ? `; may have changed at the ${formatDate(ctx.rangeMayHaveChanged)} decision`
          : '') +
        ')',
    });
  }

  // 1. Futures.
  let futuresNote: string | null = null;
  if (futures && futures.data.length > 0 && targetRange && calendars) {
    const r = futuresFactor(ctx, futures, targetRange, calendars);
    if (r.factor) return r.factor;
    futuresNote = r.note;
  } else if (futures && futures.data.length > 0) {
    futuresNote = !targetRange ? 'the target range in force is unknown' : 'the FOMC calendar is unknown';
  }
  if (futuresNote) ctx.details.push({ label: 'Futures', value: `not used: ${futuresNote}` });
  else if (!futures || futures.data.length === 0)
    ctx.details.push({ label: 'Futures', value: 'no fed funds futures on hand' });

  // 2. The newest other real source covering a coming decision; 3. else no odds at all.
  return otherSourceFactor(ctx) ?? noOddsFactor(ctx, futuresNote);
}

/** The factor from fed funds futures by the FedWatch method, or why they could not be used. */
function futuresFactor(
  ctx: RatesContext,
  futures: Sourced<readonly FuturesQuote[]>,
  targetRange: Sourced<TargetRange>,
  calendars: Sourced<Calendars>,
): { factor: Factor; note: null } | { factor: null; note: string } {
  const { details, provenance } = ctx;
  const watchDate = futures.data.reduce((a, q) => (q.date > a ? q.date : a), '');
  const r = computeFedWatch({
    watchDate,
    futures: futures.data,
    targetRange: targetRange.data,
    meetings: ctx.decisions,
  });
  const fw = r.ok ? r.value : null;
  const sum = fw ? summarizeFedWatch(fw) : null;
  const first = fw?.meetings[0];
  if (!fw || !sum || !first)
    return { factor: null, note: r.ok ? 'no meeting could be priced' : r.error.message };
  const reading: OddsReading = {
    kind: 'futures',
    what: 'Fed funds futures (FedWatch method)',
    meetingDate: first.date,
    cut: sum.pCutNext,
    hold: sum.pHoldNext,
    hike: sum.pHikeNext,
    basis: 'the move at that decision',
    provenance: futures.provenance,
  };
  provenance.push(futures.provenance, targetRange.provenance, calendars.provenance);
  details.push({
    label: `Futures, ${formatDate(first.date)}`,
    value: `hike ${formatProbability(sum.pHikeNext, 1)}, hold ${formatProbability(sum.pHoldNext, 1)}, cut ${formatProbability(sum.pCutNext, 1)}`,
  });
  const h = sum.horizon;
  if (h) {
    const partial = h.complete ? '' : ' (not all meetings priced)';
    details.push({
      label: `At least one hike by end of ${h.year}`,
      value: pct0(h.pAtLeastOneHike) + partial,
    });
    details.push({
      label: `At least one cut by end of ${h.year}`,
      value: pct0(h.pAtLeastOneCut) + partial,
    });
  }
  for (const odds of ctx.inputs.marketOdds ?? []) {
    const { gaps } = compareWithMarkets(fw, odds.data);
    for (const g of gaps) {
      details.push({
        label: `${g.venue === 'kalshi' ? 'Kalshi' : 'Polymarket'}, ${formatDate(g.meetingDate, true)} (${formatDate(odds.provenance.asOf.slice(0, 10))})`,
        value: `hike ${pct0(g.market.hike)}, hold ${pct0(g.market.hold)}, cut ${pct0(g.market.cut)}`,
      });
    }
    if (gaps.length > 0) provenance.push(odds.provenance);
  }
  if (fw.dropped.length > 0)
    details.push({
      label: 'Not priced',
      value: `${fw.dropped.length} later meeting(s) beyond the futures`,
    });
  let state = stateOf(reading);
  if (state === 'neutral' && h && h.expectedChangeBp <= -25) state = 'favours';
  if (state === 'neutral' && h && h.expectedChangeBp >= 25) state = 'against';
  const top = likeliest(reading);
  const chart: ChartSeries = {
    kind: 'bar',
    x: fw.meetings.map((m) => toX(m.date)),
    series: [
      {
        label: 'Range above today’s',
        values: fw.meetings.map((m) => Math.round(m.pAboveCurrent * 1000) / 10),
        unit: '%',
      },
      {
        label: 'Range below today’s',
        values: fw.meetings.map((m) => Math.round(m.pBelowCurrent * 1000) / 10),
        unit: '%',
      },
    ],
    summary: `Probability that the target range is above / below today’s after each meeting: ${fw.meetings
      .map((m) => `${formatDate(m.date, true)} ${pct0(m.pAboveCurrent)} / ${pct0(m.pBelowCurrent)}`)
      .join(', ')}.`,
  };
  const factor: Factor = {
    id: 'rates',
    title: RATES_TITLE,
    state,
    headline: `${top.word} ${pct0(top.p)} · ${formatDate(first.date, true)}`,
    reason: reasonFor(state, reading),
    details,
    chart,
    asOf: watchDate,
    provenance,
    stale: ctx.isStale(futures.provenance) || ctx.rangeMayHaveChanged !== null,
  };
  return { factor, note: null };
}

/** Without futures: the newest CME table or prediction market covering a coming decision, if any. */
function otherSourceFactor(ctx: RatesContext): Factor | null {
  const { inputs, today, details, provenance } = ctx;
  const readings: OddsReading[] = [
    ...(inputs.fedWatchCapture ? captureReadings(inputs.fedWatchCapture, today) : []),
    ...(inputs.marketOdds ?? []).flatMap((o) => marketReadings(o, today)),
  ];
  const sourceAsOf = (r: OddsReading) => r.provenance.asOf.slice(0, 10);
  const forNext = readings.filter((r) => r.meetingDate === (ctx.next ?? r.meetingDate));
  const pool = forNext.length > 0 ? forNext : readings;
  const best = [...pool].sort(
    (a, b) => sourceAsOf(b).localeCompare(sourceAsOf(a)) || a.meetingDate.localeCompare(b.meetingDate),
  )[0];
  if (!best) return null;
  provenance.push(best.provenance);
  // Each other reading of the same next decision, newest first.
  for (const r of [...forNext].sort((a, b) => sourceAsOf(b).localeCompare(sourceAsOf(a)))) {
    if (!provenance.includes(r.provenance)) provenance.push(r.provenance);
    details.push({
      label: `${r.what}, ${formatDate(r.meetingDate, true)}`,
      value: `hike ${pct0(r.hike)}, hold ${pct0(r.hold)}, cut ${pct0(r.cut)} (${r.basis}; as of ${formatDate(sourceAsOf(r))}${ctx.isStale(r.provenance) ? ', stale' : ''})`,
    });
  }
  const { targetRange, calendars } = inputs;
  if (targetRange && !provenance.includes(targetRange.provenance)) provenance.push(targetRange.provenance);
  if (calendars) provenance.push(calendars.provenance);
  const state = stateOf(best);
  const top = likeliest(best);
  const capture = inputs.fedWatchCapture;
  const chart = best.kind === 'cme-page' && capture ? captureChart(capture, today) : null;
  return {
    id: 'rates',
    title: RATES_TITLE,
    state,
    // CME's page gives the range after a decision (all moves since the capture): "by", not "at".
    headline: `${top.word} ${pct0(top.p)} ${best.kind === 'cme-page' ? 'by' : '·'} ${formatDate(best.meetingDate, true)} (${formatDate(sourceAsOf(best), true)})`,
    reason:
      `${best.what} as of ${formatDate(sourceAsOf(best))}: ${top.word.toLowerCase()} ${pct0(top.p)} for ${formatDate(best.meetingDate)} (${best.basis}). ` +
      reasonFor(state, best),
    details,
    chart,
    asOf: sourceAsOf(best),
    provenance,
    stale: ctx.isStale(best.provenance) || ctx.rangeMayHaveChanged !== null,
  };
}

/** CME's published table: the probability of a range above today's after each coming meeting. */
function captureChart(capture: Sourced<FedWatchCapture>, today: string): ChartSeries {
  const coming = capture.data.meetings.filter((m) => m.date >= today);
  return {
    kind: 'bar',
    x: coming.map((m) => toX(m.date)),
    series: [
      {
        label: `Range above ${rangeText(capture.data.currentTarget)}`,
        values: coming.map((m) => Math.round(m.hike * 1000) / 10),
        unit: '%',
      },
    ],
    summary: `CME FedWatch as published on ${formatDate(capture.data.asOf)}: probability of a range above ${rangeText(capture.data.currentTarget)} after each coming meeting: ${coming
      .map((m) => `${formatDate(m.date, true)} ${pct0(m.hike)}`)
      .join(', ')}.`,
  };
}

/** No odds at all: still the calendar and the range, never a bare "Unavailable". */
function noOddsFactor(ctx: RatesContext, futuresNote: string | null): Factor {
  const { targetRange, calendars } = ctx.inputs;
  const { provenance, next } = ctx;
  if (targetRange) provenance.push(targetRange.provenance);
  if (calendars) provenance.push(calendars.provenance);
  if (provenance.length === 0 && !futuresNote) {
    return {
      id: 'rates',
      title: RATES_TITLE,
      state: 'unknown',
      headline: 'Unavailable',
      reason: 'No Fed data on hand: no futures, target range, FOMC calendar, CME table or market odds',
      details: [],
      chart: null,
      asOf: null,
      provenance: [],
      stale: false,
    };
  }
  const headline = next
    ? `Next decision ${formatDate(next, true)}`
    : targetRange
      ? `Range ${rangeText(targetRange.data)}`
      : 'Unavailable';
  return {
    id: 'rates',
    title: RATES_TITLE,
    state: 'unknown',
    headline,
    reason: `No rate odds on hand (${futuresNote ? `futures not used: ${futuresNote}; ` : ''}no CME table or prediction market covers a coming decision)${
      next ? `; the next FOMC decision is on ${formatDate(next)}` : ''
    }.`,
    details: ctx.details,
    chart: null,
    // No odds: the figure is the next decision day or the range, dated by the range's source.
    asOf: targetRange ? targetRange.provenance.asOf.slice(0, 10) : null,
    provenance,
    stale: provenance.some(ctx.isStale) || ctx.rangeMayHaveChanged !== null,
  };
}

function reasonFor(state: FactorState, r: OddsReading): string {
  if (state === 'favours')
    return 'Markets price a rate cut; falling rates have historically helped small caps, which carry more floating-rate debt.';
  if (state === 'against')
    return `Markets price a rate hike (${pct0(r.hike)}); rising rates have historically weighed on small caps, which carry more floating-rate debt.`;
  return 'Markets price little change in the Fed target range; rates are not a clear tailwind or headwind.';
}
