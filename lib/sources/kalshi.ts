/**
 * Kalshi "Fed decision" markets (series KXFEDDECISION) → probabilities per outcome.
 *
 * Endpoint: trade-api v2 `/events?series_ticker=KXFEDDECISION&status=open&with_nested_markets=true`
 * (public, no key). We search by series and never build event slugs. Accepted bodies:
 *  - list: `{events: [{event_ticker, series_ticker, title, markets: [...]}, ...], cursor}`
 *  - single: `{event: {...}, markets: [...]}` (GET /events/{ticker}); a bare event object too.
 * Events of other series (e.g. KXFEDFUNDSYEAR "Fed funds rate at end of year") are dropped.
 *
 * Prices: 2026 bodies carry dollar strings (`yes_bid_dollars: "0.4600"`); older ones integer cents
 * (`yes_bid: 46`). Probability per market = bid/ask mid when both sides are quoted and the spread
 * is at most 10 ¢ (wider means a thin book, where the mid is noise), else the last trade.
 * Outcome from the market ticker suffix: -H0 hold, -C25 cut 25, -C26 cut >25, -H25 hike 25,
 * -H26 hike >25 (Kalshi writes ">25 bps" buckets as 26; we give them ±50 bp, the bucket's
 * floor, labelled "50+"), then `custom_strike` ({"Cut": "25"}), then the yes_sub_title text.
 * Buckets are mutually exclusive, so prices are normalised to sum 1; the raw sum is kept.
 */
import { fail, ok, type Result, guardParser } from '../result';
import type { MarketOdds } from '../source-data';
import { bundledCalendars, fomcDecisionDayForMonth } from './calendars';
import { fetchText, type FetchImpl } from './http';

const SOURCE = 'kalshi';
export const KALSHI_SERIES = 'KXFEDDECISION';
export const KALSHI_FED_DECISION_URL =
  'https://api.elections.kalshi.com/trade-api/v2/events?series_ticker=KXFEDDECISION&status=open&with_nested_markets=true';
export const MAX_ODDS_BODY_CHARS = 8_000_000;
/** Wider bid/ask spreads than this make the mid meaningless; use the last trade instead. */
export const MAX_SANE_SPREAD = 0.1;

export interface OddsOutcome {
  label: string;
  changeBp: number | null;
  probability: number;
  /** Price before normalising (0..1). */
  rawPrice: number;
  basis: 'mid' | 'last' | 'yes-price';
}

/** MarketOdds plus what the UI needs to judge it (assignable to MarketOdds). */
export interface DecisionOdds extends MarketOdds {
  outcomes: OddsOutcome[];
  /** Sum of raw prices; ≈1 for a complete, coherent book. */
  rawSum: number;
}

/** Returns the FOMC decision day for a month (1–12), or null. */
export type DecisionDayLookup = (year: number, month: number) => string | null;

export interface OddsParseOptions {
  /** Defaults to the bundled FOMC calendar. */
  decisionDay?: DecisionDayLookup;
  /** Timestamp stored as MarketOdds.asOf (default: now). */
  asOf?: string;
}

export function defaultDecisionDay(year: number, month: number): string | null {
  return fomcDecisionDayForMonth(bundledCalendars(), year, month);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Label for a change in bp; `openEnded` marks the "50+" buckets. */
export function changeLabel(changeBp: number, openEnded: boolean): string {
  if (changeBp === 0) return 'No change';
  const size = `${Math.abs(changeBp)}${openEnded ? '+' : ''} bp`;
  return changeBp < 0 ? `Cut ${size}` : `Hike ${size}`;
}

/**
 * Normalises mutually exclusive outcome prices to sum 1 and sorts by change (cuts first,
 * unmapped buckets last). Adds a warning when the raw sum is far from 1 (incomplete book).
 */
export function normaliseOutcomes(
  raw: Array<Omit<OddsOutcome, 'probability'>>,
  warnings: string[],
  what: string,
): { outcomes: OddsOutcome[]; rawSum: number } {
  const rawSum = raw.reduce((s, o) => s + o.rawPrice, 0);
  const outcomes = raw
    .map((o) => ({ ...o, probability: rawSum > 0 ? o.rawPrice / rawSum : 0 }))
    .sort((a, b) => (a.changeBp ?? Infinity) - (b.changeBp ?? Infinity));
  if (Math.abs(rawSum - 1) > 0.1) {
    warnings.push(`${what}: outcome prices sum to ${rawSum.toFixed(4)}, not ~1 (incomplete or stale book)`);
  }
  return { outcomes, rawSum };
}

const MONTHS: Record<string, number> = {
  JAN: 1,
  FEB: 2,
  MAR: 3,
  APR: 4,
  MAY: 5,
  JUN: 6,
  JUL: 7,
  AUG: 8,
  SEP: 9,
  OCT: 10,
  NOV: 11,
  DEC: 12,
};

/** 'KXFEDDECISION-25OCT' → {year: 2025, month: 10}. */
export function kalshiEventMonth(eventTicker: string): { year: number; month: number } | null {
  const m = /-(\d{2})([A-Z]{3})$/i.exec(eventTicker.trim());
  if (!m) return null;
  const month = MONTHS[m[2]!.toUpperCase()];
  return month ? { year: 2000 + Number(m[1]), month } : null;
}

/** Outcome of one market: ticker suffix, then custom_strike, then subtitle text. */
export function kalshiOutcome(market: Record<string, unknown>): { changeBp: number | null; label: string } {
  const ticker = typeof market.ticker === 'string' ? market.ticker : '';
  const fromCode = (dir: string, n: number) => {
    const sign = /^c/i.test(dir) ? -1 : 1;
    if (n === 0) return { changeBp: 0, label: changeLabel(0, false) };
    // Kalshi's ">25 bps" bucket is coded 26: the move is at least 50 bp.
    if (n === 26) return { changeBp: sign * 50, label: changeLabel(sign * 50, true) };
    return { changeBp: sign * n, label: changeLabel(sign * n, false) };
  };
  const t = /-([CH])(\d{1,3})$/i.exec(ticker);
  if (t) return fromCode(t[1]!, Number(t[2]));
  const cs = market.custom_strike;
  if (isRecord(cs)) {
    for (const [k, v] of Object.entries(cs)) {
      const n = Number(
        typeof v === 'string' || typeof v === 'number' ? String(v).replace(/[^\d.]/g, '') : NaN,
      );
      if (/^cut/i.test(k) && Number.isFinite(n)) return fromCode('C', n);
      if (/^hike/i.test(k) && Number.isFinite(n)) return fromCode('H', n);
      if (/^(hold|maintain)/i.test(k)) return fromCode('H', 0);
    }
  }
  const sub = [market.yes_sub_title, market.subtitle].find(
    (s): s is string => typeof s === 'string' && s !== '',
  );
  if (sub) {
    if (/maintain|hold|no change/i.test(sub)) return fromCode('H', 0);
    const m = /(cut|hike)\s*(>)?\s*(\d{1,3})\s*bps?/i.exec(sub);
    if (m) return fromCode(m[1]!, m[2] ? 26 : Number(m[3]));
    return { changeBp: null, label: sub };
  }
  return { changeBp: null, label: ticker || 'Unknown outcome' };
}

/** A price in dollars (0..1) from `<field>_dollars` (string) or `<field>` (integer cents). */
function price(market: Record<string, unknown>, field: string): number | null {
  const d = market[`${field}_dollars`];
  if (typeof d === 'string' && d.trim() !== '') {
    const n = Number(d);
    if (Number.isFinite(n) && n >= 0 && n <= 1) return n;
  }
  const c = market[field];
  if (typeof c === 'number' && Number.isFinite(c) && c >= 0 && c <= 100) return c / 100;
  return null;
}

// Prices are quoted to 4 decimals; keep mids free of binary float noise (0.42, not 0.42000000000000004).
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Probability for one market and the price it came from; null when unpriced. */
export function kalshiMarketPrice(
  market: Record<string, unknown>,
): { price: number; basis: 'mid' | 'last' } | null {
  const bid = price(market, 'yes_bid');
  const ask = price(market, 'yes_ask');
  const last = price(market, 'last_price');
  // A zero bid or a 1.00 ask means that side of the book is empty.
  if (
    bid !== null &&
    ask !== null &&
    bid > 0 &&
    ask < 1 &&
    ask >= bid &&
    ask - bid <= MAX_SANE_SPREAD + 1e-9
  ) {
    return { price: round6((bid + ask) / 2), basis: 'mid' };
  }
  if (last !== null) return { price: last, basis: 'last' };
  if (bid !== null && ask !== null && ask >= bid && (bid > 0 || ask < 1)) {
    return { price: round6((bid + ask) / 2), basis: 'mid' };
  }
  return null;
}

const CLOSED_STATUSES = new Set(['settled', 'finalized', 'closed', 'determined']);

function collectEvents(data: unknown): Array<Record<string, unknown>> | null {
  if (Array.isArray(data)) return data.filter(isRecord);
  if (!isRecord(data)) return null;
  if (Array.isArray(data.events)) return data.events.filter(isRecord);
  if (isRecord(data.event)) {
    // GET /events/{ticker}: markets sit beside the event unless nested.
    const markets = Array.isArray(data.event.markets) ? data.event.markets : data.markets;
    return [{ ...data.event, markets }];
  }
  if (typeof data.event_ticker === 'string') return [data];
  return null;
}

/** Parses Kalshi events bodies into decision odds, one per KXFEDDECISION event. Never throws. */
function parseKalshiEventsUnguarded(text: string, options: OddsParseOptions = {}): Result<DecisionOdds[]> {
  if (typeof text !== 'string' || text.trim() === '') return fail('empty', 'Empty body', { source: SOURCE });
  if (text.length > MAX_ODDS_BODY_CHARS) {
    return fail('too-large', `Body of ${text.length} characters is over the limit`, { source: SOURCE });
  }
  if (/^\s*</.test(text.replace(/^\uFEFF+/, ''))) {
    return fail('challenge', 'Got an HTML page instead of Kalshi JSON', { source: SOURCE });
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF+/, ''));
  } catch {
    return fail('format', 'Kalshi body is not valid JSON (truncated?)', { source: SOURCE });
  }
  const events = collectEvents(data);
  if (!events) return fail('format', 'No events in the Kalshi body', { source: SOURCE });
  const decisionDay = options.decisionDay ?? defaultDecisionDay;
  const asOf = options.asOf ?? new Date().toISOString();
  const warnings: string[] = [];
  const out: DecisionOdds[] = [];
  let otherSeries = 0;
  for (const ev of events) {
    const eventTicker = typeof ev.event_ticker === 'string' ? ev.event_ticker : '';
    const series =
      typeof ev.series_ticker === 'string' && ev.series_ticker !== ''
        ? ev.series_ticker
        : (eventTicker.split('-')[0] ?? '');
    if (series.toUpperCase() !== KALSHI_SERIES) {
      otherSeries++;
      continue;
    }
    const markets = Array.isArray(ev.markets) ? ev.markets.filter(isRecord) : [];
    const raw: Array<Omit<OddsOutcome, 'probability'>> = [];
    for (const mk of markets) {
      const status = typeof mk.status === 'string' ? mk.status.toLowerCase() : '';
      if (CLOSED_STATUSES.has(status)) continue;
      const p = kalshiMarketPrice(mk);
      if (!p) {
        warnings.push(`${String(mk.ticker ?? eventTicker)}: no usable price, left out`);
        continue;
      }
      const { changeBp, label } = kalshiOutcome(mk);
      raw.push({ label, changeBp, rawPrice: p.price, basis: p.basis });
    }
    if (raw.length === 0) {
      warnings.push(`${eventTicker}: no priced markets`);
      continue;
    }
    const { outcomes, rawSum } =
      ev.mutually_exclusive === false
        ? {
            outcomes: raw.map((o) => ({ ...o, probability: o.rawPrice })),
            rawSum: raw.reduce((s, o) => s + o.rawPrice, 0),
          }
        : normaliseOutcomes(raw, warnings, eventTicker);
    out.push({
      venue: 'kalshi',
      eventId: eventTicker,
      title: typeof ev.title === 'string' ? ev.title : eventTicker,
      meetingDate: meetingDateFor(ev, eventTicker, decisionDay, warnings),
      outcomes,
      rawSum,
      asOf,
    });
  }
  if (out.length === 0) {
    return fail(
      'empty',
      `No open ${KALSHI_SERIES} events (${otherSeries} event(s) of other series ignored)`,
      {
        source: SOURCE,
      },
    );
  }
  out.sort((a, b) => (a.meetingDate ?? '9999').localeCompare(b.meetingDate ?? '9999'));
  return ok(out, warnings);
}

function meetingDateFor(
  ev: Record<string, unknown>,
  eventTicker: string,
  decisionDay: DecisionDayLookup,
  warnings: string[],
): string | null {
  const strike = typeof ev.strike_date === 'string' ? ev.strike_date.slice(0, 10) : null;
  const ym = kalshiEventMonth(eventTicker);
  const fromCalendar = ym ? decisionDay(ym.year, ym.month) : null;
  if (fromCalendar) {
    if (strike && /^\d{4}-\d{2}-\d{2}$/.test(strike) && strike !== fromCalendar) {
      warnings.push(
        `${eventTicker}: Kalshi strike date ${strike} differs from the FOMC calendar (${fromCalendar})`,
      );
    }
    return fromCalendar;
  }
  if (strike && /^\d{4}-\d{2}-\d{2}$/.test(strike)) {
    warnings.push(`${eventTicker}: meeting not in the FOMC calendar; using Kalshi's strike date`);
    return strike;
  }
  warnings.push(`${eventTicker}: meeting date unknown`);
  return null;
}

export interface OddsFetchOptions extends OddsParseOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Fetches open Fed-decision events from Kalshi's public API (found by series, not by slug). */
export async function fetchKalshiFedDecision(
  fetchImpl: FetchImpl,
  options: OddsFetchOptions = {},
): Promise<Result<DecisionOdds[]>> {
  const r = await fetchText(fetchImpl, KALSHI_FED_DECISION_URL, {
    timeoutMs: options.timeoutMs ?? 15_000,
    maxBytes: MAX_ODDS_BODY_CHARS,
    expect: 'json',
    headers: { accept: 'application/json' },
    signal: options.signal,
    source: SOURCE,
  });
  if (!r.ok) return r;
  return parseKalshiEvents(r.value.text, {
    decisionDay: options.decisionDay,
    asOf: options.asOf ?? new Date().toISOString(),
  });
}

/** Pure: never throws (see guardParser). */
export const parseKalshiEvents = guardParser('kalshi', parseKalshiEventsUnguarded);
