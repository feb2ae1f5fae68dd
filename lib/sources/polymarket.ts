/**
 * Polymarket "Fed decision in <Month>?" events (gamma API) → probabilities per outcome.
 *
 * Endpoint: `https://gamma-api.polymarket.com/events?tag_slug=fed-rates&closed=false&active=true&limit=50`
 * (public, no key). The tag also holds other Fed markets ("How many cuts in 2026?", chair
 * nominations…), so we keep only events titled like "Fed decision in September?" / "Fed Decision
 * in March 2027?"; slugs carry random numeric suffixes (fed-decision-in-september-762), so we
 * never build them. Body: an array of events (a single event object is accepted too).
 *
 * Per market (one bucket each): `groupItemTitle` ("25 bps decrease", "50+ bps decrease", "No change",
 * "25 bps increase") gives the outcome; the YES price is `outcomePrices[indexOf("Yes")]`, where
 * `outcomes`/`outcomePrices` are JSON arrays encoded as strings; `lastTradePrice` is the fallback.
 * The title has no year: it comes from `endDate` (the resolution day, ≈ decision day). Buckets
 * are mutually exclusive (negRisk), so prices are normalised to sum 1; the raw sum is kept.
 */
import { fail, ok, type Result, guardParser } from '../result';
import { fetchText, type FetchImpl } from './http';
import {
  changeLabel,
  defaultDecisionDay,
  isRecord,
  MAX_ODDS_BODY_CHARS,
  normaliseOutcomes,
  type DecisionOdds,
  type OddsFetchOptions,
  type OddsOutcome,
  type OddsParseOptions,
} from './kalshi';

const SOURCE = 'polymarket';
export const POLYMARKET_FED_URL =
  'https://gamma-api.polymarket.com/events?tag_slug=fed-rates&closed=false&active=true&limit=50';

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const TITLE_RE = /^\s*fed(?:eral reserve)? decision in ([a-z]+)(?:\s+(\d{4}))?\s*\??\s*$/i;

/** Month (1–12) and optional year from a "Fed decision in <Month> [YYYY]?" title; null otherwise. */
export function polymarketTitleMonth(title: string): { month: number; year: number | null } | null {
  const m = TITLE_RE.exec(title);
  if (!m) return null;
  const name = m[1]!.toLowerCase();
  const idx = MONTH_NAMES.findIndex((n) => n === name || (name.length >= 3 && n.startsWith(name)));
  if (idx < 0) return null;
  return { month: idx + 1, year: m[2] ? Number(m[2]) : null };
}

/** The year of `month` nearest to `endDate` (a December meeting can resolve in early January). */
function yearNear(month: number, endDate: string): number | null {
  const t = Date.parse(endDate);
  if (!Number.isFinite(t)) return null;
  const endYear = new Date(t).getUTCFullYear();
  let best: number | null = null;
  let bestDist = Infinity;
  for (const y of [endYear - 1, endYear, endYear + 1]) {
    const dist = Math.abs(Date.UTC(y, month - 1, 15) - t);
    if (dist < bestDist) {
      bestDist = dist;
      best = y;
    }
  }
  return best;
}

/** '25 bps decrease' → -25, '50+ bps decrease' → -50 (open-ended), 'No change' → 0. */
export function polymarketOutcome(groupItemTitle: string): { changeBp: number | null; label: string } {
  const t = groupItemTitle.trim();
  if (/^(no change|hold|unchanged|pause)/i.test(t)) return { changeBp: 0, label: changeLabel(0, false) };
  const m = /(\d{1,3})\s*(\+)?\s*bps?\s*(decrease|cut|increase|hike)/i.exec(t);
  if (m) {
    const n = Number(m[1]);
    const sign = /decrease|cut/i.test(m[3]!) ? -1 : 1;
    return { changeBp: sign * n, label: changeLabel(sign * n, Boolean(m[2])) };
  }
  return { changeBp: null, label: t || 'Unknown outcome' };
}

function jsonStringArray(v: unknown): unknown[] | null {
  if (Array.isArray(v)) return v;
  if (typeof v !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(v);
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

const asPrice = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : null;
};

/** YES price of a gamma market (outcomePrices at the "Yes" index, else lastTradePrice). */
export function polymarketYesPrice(
  market: Record<string, unknown>,
): { price: number; basis: 'yes-price' | 'last' } | null {
  const outcomes = jsonStringArray(market.outcomes);
  const prices = jsonStringArray(market.outcomePrices);
  if (outcomes && prices) {
    const i = outcomes.findIndex((o) => typeof o === 'string' && o.trim().toLowerCase() === 'yes');
    const p = i >= 0 ? asPrice(prices[i]) : null;
    if (p !== null) return { price: p, basis: 'yes-price' };
  }
  const last = asPrice(market.lastTradePrice);
  return last !== null ? { price: last, basis: 'last' } : null;
}

/** Parses gamma /events bodies into decision odds, one per "Fed decision in …" event. Never throws. */
function parsePolymarketEventsUnguarded(
  text: string,
  options: OddsParseOptions = {},
): Result<DecisionOdds[]> {
  if (typeof text !== 'string' || text.trim() === '') return fail('empty', 'Empty body', { source: SOURCE });
  if (text.length > MAX_ODDS_BODY_CHARS) {
    return fail('too-large', `Body of ${text.length} characters is over the limit`, { source: SOURCE });
  }
  if (/^\s*</.test(text.replace(/^\uFEFF+/, ''))) {
    return fail('challenge', 'Got an HTML page instead of Polymarket JSON', { source: SOURCE });
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF+/, ''));
  } catch {
    return fail('format', 'Polymarket body is not valid JSON (truncated?)', { source: SOURCE });
  }
  const events = Array.isArray(data)
    ? data.filter(isRecord)
    : isRecord(data) && 'markets' in data
      ? [data]
      : null;
  if (!events) return fail('format', 'Expected an array of gamma events', { source: SOURCE });
  const decisionDay = options.decisionDay ?? defaultDecisionDay;
  const asOf = options.asOf ?? new Date().toISOString();
  const warnings: string[] = [];
  const out: DecisionOdds[] = [];
  let ignored = 0;
  for (const ev of events) {
    const title = typeof ev.title === 'string' ? ev.title : '';
    const tm = polymarketTitleMonth(title);
    if (!tm) {
      ignored++;
      continue;
    }
    const markets = Array.isArray(ev.markets) ? ev.markets.filter(isRecord) : [];
    const endDate = [ev.endDate, ...markets.map((m) => m.endDate)].find(
      (d): d is string => typeof d === 'string' && Number.isFinite(Date.parse(d)),
    );
    const year = tm.year ?? (endDate ? yearNear(tm.month, endDate) : null);
    const id =
      typeof ev.id === 'string' || typeof ev.id === 'number' ? String(ev.id) : String(ev.slug ?? title);
    let meetingDate = year ? decisionDay(year, tm.month) : null;
    if (!meetingDate && endDate && year) {
      const d = new Date(Date.parse(endDate)).toISOString().slice(0, 10);
      if (d.startsWith(`${year}-${String(tm.month).padStart(2, '0')}`)) {
        meetingDate = d;
        warnings.push(`${title}: meeting not in the FOMC calendar; using the market end date ${d}`);
      }
    }
    if (!meetingDate) warnings.push(`${title}: meeting date unknown`);

    const raw: Array<Omit<OddsOutcome, 'probability'>> = [];
    for (const mk of markets) {
      if (mk.closed === true) continue;
      const bucket = typeof mk.groupItemTitle === 'string' ? mk.groupItemTitle : '';
      const p = polymarketYesPrice(mk);
      if (!p) {
        warnings.push(`${title} / ${bucket || String(mk.id)}: no usable price, left out`);
        continue;
      }
      const { changeBp, label } = polymarketOutcome(bucket || String(mk.question ?? ''));
      raw.push({ label, changeBp, rawPrice: p.price, basis: p.basis });
    }
    if (raw.length === 0) {
      warnings.push(`${title}: no priced markets`);
      continue;
    }
    const { outcomes, rawSum } = normaliseOutcomes(raw, warnings, title);
    out.push({ venue: 'polymarket', eventId: id, title, meetingDate, outcomes, rawSum, asOf });
  }
  if (out.length === 0) {
    return fail('empty', `No open "Fed decision in …" events (${ignored} other event(s) ignored)`, {
      source: SOURCE,
    });
  }
  out.sort((a, b) => (a.meetingDate ?? '9999').localeCompare(b.meetingDate ?? '9999'));
  return ok(out, warnings);
}

/** Fetches open Fed-decision events from Polymarket's gamma API (found by tag and title). */
export async function fetchPolymarketFedDecision(
  fetchImpl: FetchImpl,
  options: OddsFetchOptions = {},
): Promise<Result<DecisionOdds[]>> {
  const r = await fetchText(fetchImpl, POLYMARKET_FED_URL, {
    timeoutMs: options.timeoutMs ?? 15_000,
    maxBytes: MAX_ODDS_BODY_CHARS,
    expect: 'json',
    headers: { accept: 'application/json' },
    signal: options.signal,
    source: SOURCE,
  });
  if (!r.ok) return r;
  return parsePolymarketEvents(r.value.text, {
    decisionDay: options.decisionDay,
    asOf: options.asOf ?? new Date().toISOString(),
  });
}

/** Pure: never throws (see guardParser). */
export const parsePolymarketEvents = guardParser('polymarket', parsePolymarketEventsUnguarded);
