/**
 * Live 30-day fed funds futures (CME ZQ) from the Yahoo Finance chart API.
 *
 * Why this source and these symbols:
 *  - CME's own settlement pages block scraping and need a browser session; there is no free,
 *    keyless CME API. Yahoo's chart API (v8) is keyless, already in our host list for prices, and
 *    its body format is recorded in ../shared (SOURCES.md 3a).
 *  - A FedWatch-style calculation needs one price per *contract month* around every meeting
 *    (the meeting month and its neighbours), not just the front month. Yahoo lists single CBOT
 *    contracts as `ZQ<month code><yy>.CBT` (e.g. ZQZ26.CBT = December 2026; codes F G H J K M N Q U
 *    V X Z = Jan…Dec). So we ask for the ~13 consecutive months that span the next year of FOMC
 *    meetings (`contractMonths(today, 13)`).
 *  - Per-contract `.CBT` symbols worked in 2024, but a Sep 2026 note reports "Not Found" for some.
 *    So every contract failure is listed, never fatal, and the continuous front-month `ZQ=F`
 *    (documented, always listed) fills in the current month when its own symbol fails: a
 *    partial answer beats none. Only when nothing answers is the result 'unavailable'.
 *  - query1 first, then query2 (same backend, separately rate-limited/cached). A 404 ("symbol
 *    not found") is not retried on the other host; a 429 stops further requests for this round.
 *  - At most 3 requests in flight, each with its own deadline: Yahoo rate-limits bursts.
 */
import { fail, ok, type Result, type SourceError } from '../result';
import type { FuturesQuote } from '../source-data';
import { fetchText, type FetchImpl } from './http';

const SOURCE = 'yahoo-futures';
export const MONTH_CODES = ['F', 'G', 'H', 'J', 'K', 'M', 'N', 'Q', 'U', 'V', 'X', 'Z'] as const;
export const FRONT_MONTH_SYMBOL = 'ZQ=F';
export const YAHOO_CHART_HOSTS = ['query1.finance.yahoo.com', 'query2.finance.yahoo.com'] as const;
/** A chart body for a few days is ~2–5 KB; this leaves room without accepting runaway bodies. */
export const MAX_CHART_BYTES = 1_000_000;
/** ZQ price = 100 − average rate; anything outside this is not a fed funds futures price. */
export const ZQ_PRICE_RANGE: readonly [number, number] = [50, 110];

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM' → 'ZQZ26'. Throws RangeError on a malformed month (a programming error). */
export function contractSymbol(month: string): string {
  const m = MONTH_RE.exec(month);
  if (!m) throw new RangeError(`Not a YYYY-MM month: ${month}`);
  return `ZQ${MONTH_CODES[Number(m[2]) - 1]}${m[1]!.slice(2)}`;
}

/** 'YYYY-MM' → Yahoo symbol 'ZQZ26.CBT'. */
export function yahooContractSymbol(month: string): string {
  return `${contractSymbol(month)}.CBT`;
}

/**
 * 'ZQK23', 'ZQK23.CBT', 'zqk2023' → '2023-05'; null when not a ZQ contract symbol.
 * Two-digit years pivot at 70 (ZQF90 = 1990: the contract has traded since 1988).
 */
export function contractMonth(symbol: string): string | null {
  const m = /^ZQ([FGHJKMNQUVXZ])(\d{2}|\d{4})(?:\.CBT)?$/i.exec(symbol.trim());
  if (!m) return null;
  const code = m[1]!.toUpperCase() as (typeof MONTH_CODES)[number];
  const month = MONTH_CODES.indexOf(code) + 1;
  const yy = Number(m[2]);
  const year = m[2]!.length === 4 ? yy : yy < 70 ? 2000 + yy : 1900 + yy;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** `count` consecutive 'YYYY-MM' months starting with the (UTC) month of `from`. [] on bad input. */
export function contractMonths(from: Date | string, count: number): string[] {
  let year: number;
  let month: number; // 0-based
  if (typeof from === 'string') {
    const m = /^(\d{4})-(\d{2})/.exec(from);
    if (!m) return [];
    year = Number(m[1]);
    month = Number(m[2]) - 1;
    if (month < 0 || month > 11) return [];
  } else {
    if (!(from instanceof Date) || Number.isNaN(from.getTime())) return [];
    year = from.getUTCFullYear();
    month = from.getUTCMonth();
  }
  const n = Number.isFinite(count) ? Math.max(0, Math.min(120, Math.floor(count))) : 0;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const y = year + Math.floor((month + i) / 12);
    const mo = ((month + i) % 12) + 1;
    out.push(`${y}-${String(mo).padStart(2, '0')}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parsing a Yahoo chart body

export interface YahooChartQuote {
  symbol: string | null;
  shortName: string | null;
  /** The figure we report: the newer of the last bar close and meta.regularMarketPrice. */
  price: number;
  date: string;
  basis: 'regularMarketPrice' | 'bar-close';
  lastBar: { date: string; close: number } | null;
  regularMarket: { date: string; price: number } | null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Exchange-local date of a UNIX time: by IANA zone when known (DST-correct), else by gmtoffset. */
function localDate(unixSec: number, timeZone: string | null, gmtoffset: number): string | null {
  const ms = unixSec * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
  if (timeZone) {
    try {
      const parts = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).formatToParts(new Date(ms));
      const get = (t: string) => parts.find((p) => p.type === t)?.value;
      const y = get('year');
      const mo = get('month');
      const d = get('day');
      if (y && mo && d) return `${y}-${mo}-${d}`;
    } catch {
      // Unknown zone name: fall through to the fixed offset.
    }
  }
  return new Date(ms + gmtoffset * 1000).toISOString().slice(0, 10);
}

const looksHtml = (t: string) => /^\s*</.test(t.replace(/^\uFEFF+/, ''));

/**
 * Generic Yahoo chart v8 body → latest price and its date. Checks that Yahoo answered for
 * `expectedSymbol` when given (case-insensitive, `.CBT` suffix ignored). Never throws.
 */
export function parseYahooChartQuote(text: string, expectedSymbol?: string): Result<YahooChartQuote> {
  if (typeof text !== 'string' || text.trim() === '') return fail('empty', 'Empty body', { source: SOURCE });
  if (text.length > MAX_CHART_BYTES) {
    return fail('too-large', `Chart body of ${text.length} characters is over the limit`, { source: SOURCE });
  }
  if (looksHtml(text)) {
    return fail('challenge', 'Got an HTML page (consent or bot check) instead of chart JSON', {
      source: SOURCE,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF+/, ''));
  } catch {
    return fail('format', 'Chart body is not valid JSON (truncated?)', { source: SOURCE });
  }
  const chart = isRecord(data) ? data.chart : undefined;
  if (!isRecord(chart)) return fail('format', 'No chart object in the body', { source: SOURCE });
  if (isRecord(chart.error)) {
    const code = typeof chart.error.code === 'string' ? chart.error.code : 'error';
    const desc = typeof chart.error.description === 'string' ? chart.error.description : '';
    return fail('empty', `Yahoo chart error: ${code}${desc ? `: ${desc}` : ''}`, { source: SOURCE });
  }
  const result = Array.isArray(chart.result) ? chart.result[0] : undefined;
  if (!isRecord(result)) return fail('empty', 'Chart has no result', { source: SOURCE });
  const meta = isRecord(result.meta) ? result.meta : {};
  const symbol = typeof meta.symbol === 'string' ? meta.symbol : null;
  const norm = (s: string) =>
    s
      .trim()
      .toUpperCase()
      .replace(/\.CBT$/, '');
  if (expectedSymbol && symbol && norm(symbol) !== norm(expectedSymbol)) {
    return fail('format', `Yahoo answered for ${symbol} instead of ${expectedSymbol}`, { source: SOURCE });
  }
  const tz = typeof meta.exchangeTimezoneName === 'string' ? meta.exchangeTimezoneName : null;
  const gmtoffset = finite(meta.gmtoffset) ? meta.gmtoffset : 0;

  // Last bar with a close (arrays may hold nulls, e.g. today's bar before the first trade).
  let lastBar: YahooChartQuote['lastBar'] = null;
  const timestamps = Array.isArray(result.timestamp) ? result.timestamp : [];
  const indicators = isRecord(result.indicators) ? result.indicators : {};
  const quote0 = Array.isArray(indicators.quote) ? indicators.quote[0] : undefined;
  const closes = isRecord(quote0) && Array.isArray(quote0.close) ? quote0.close : [];
  for (let i = Math.min(timestamps.length, closes.length) - 1; i >= 0; i--) {
    const ts: unknown = timestamps[i];
    const c: unknown = closes[i];
    if (finite(ts) && finite(c)) {
      const date = localDate(ts, tz, gmtoffset);
      if (date) {
        lastBar = { date, close: c };
        break;
      }
    }
  }
  let regularMarket: YahooChartQuote['regularMarket'] = null;
  if (finite(meta.regularMarketPrice) && finite(meta.regularMarketTime)) {
    const date = localDate(meta.regularMarketTime, tz, gmtoffset);
    if (date) regularMarket = { date, price: meta.regularMarketPrice };
  }
  // The newer figure wins; on the same day the live price is at least as recent as the bar.
  const useMarket = regularMarket !== null && (lastBar === null || regularMarket.date >= lastBar.date);
  const chosen = useMarket ? regularMarket : lastBar;
  if (!chosen)
    return fail('empty', 'Chart has no price (no closes and no regularMarketPrice)', { source: SOURCE });
  return ok({
    symbol,
    shortName: typeof meta.shortName === 'string' ? meta.shortName : null,
    price: useMarket ? regularMarket!.price : lastBar!.close,
    date: chosen.date,
    basis: useMarket ? 'regularMarketPrice' : 'bar-close',
    lastBar,
    regularMarket,
  });
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 'Fed Funds Dec 26', '30 Day Fed Fund Futures,Dec-2026' → '2026-12'; null otherwise. */
function monthFromShortName(name: string | null): string | null {
  if (!name) return null;
  const m = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-,'’]*(\d{4}|\d{2})\b/i.exec(name);
  if (!m) return null;
  const mo = MONTH_NAMES.indexOf(m[1]!.toLowerCase()) + 1;
  const year = m[2]!.length === 4 ? Number(m[2]) : 2000 + Number(m[2]);
  return `${year}-${String(mo).padStart(2, '0')}`;
}

function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * A Yahoo chart body for one ZQ contract → FuturesQuote. `contract` is 'ZQZ26', 'ZQZ26.CBT' or
 * 'ZQ=F' (front month: its month comes from meta.shortName, else the quote date's month, since
 * the front ZQ contract is the current calendar month until it expires at month end).
 */
export function parseYahooFuturesChart(text: string, contract: string): Result<FuturesQuote> {
  const wanted = typeof contract === 'string' ? contract.trim().toUpperCase() : '';
  const isFront = wanted === FRONT_MONTH_SYMBOL;
  const month = isFront ? null : contractMonth(wanted);
  if (!isFront && !month)
    return fail('format', `Not a fed funds futures symbol: ${contract}`, { source: SOURCE });
  const q = parseYahooChartQuote(text, wanted);
  if (!q.ok) return q;
  const { price, date } = q.value;
  const [lo, hi] = ZQ_PRICE_RANGE;
  if (price < lo || price > hi) {
    return fail('format', `Price ${price} is not a fed funds futures price (expected ${lo}–${hi})`, {
      source: SOURCE,
    });
  }
  const warnings = [...q.warnings];
  let resolved = month;
  if (isFront) {
    resolved = monthFromShortName(q.value.shortName);
    if (!resolved) {
      resolved = date.slice(0, 7);
      warnings.push(`Front-month month taken from the quote date (${resolved})`);
    }
  }
  const m = resolved!;
  if (date > monthEnd(m) && !isFront) {
    warnings.push(`${wanted} quote of ${date} is after the contract month ended (expired contract)`);
  }
  if (q.value.basis === 'regularMarketPrice' && q.value.lastBar && q.value.lastBar.date !== date) {
    warnings.push(`Live price of ${date} used; last daily close was ${q.value.lastBar.date}`);
  }
  return ok(
    { contract: isFront ? FRONT_MONTH_SYMBOL : wanted.replace(/\.CBT$/, ''), month: m, date, close: price },
    warnings,
  );
}

// ---------------------------------------------------------------------------------------------
// Fetching

export interface FedFuturesOptions {
  /** Deadline per request (default 10 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Requests in flight, 1–3 (default 3). */
  concurrency?: number;
  /** Try `ZQ=F` for a missing current month (default true). */
  frontMonthFallback?: boolean;
}

export interface ContractFailure {
  month: string;
  contract: string;
  error: SourceError;
}

export interface FedFuturesFetch {
  quotes: FuturesQuote[]; // month order
  /** Requested months without a quote. */
  missing: string[];
  /** Every failed request (a contract may appear twice: query1 and query2). */
  errors: ContractFailure[];
  frontMonthFallbackUsed: boolean;
}

function chartUrl(host: string, symbol: string): string {
  return `https://${host}/v8/finance/chart/${encodeURIComponent(symbol)}?interval=1d&range=5d`;
}

interface Round {
  rateLimited: SourceError | null;
  errors: ContractFailure[];
}

async function fetchOne(
  fetchImpl: FetchImpl,
  month: string,
  yahooSymbol: string,
  parseAs: string,
  opts: FedFuturesOptions,
  round: Round,
): Promise<Result<FuturesQuote>> {
  let last: SourceError = { kind: 'unavailable', message: 'not tried', source: SOURCE };
  for (const host of YAHOO_CHART_HOSTS) {
    if (round.rateLimited) break;
    const r = await fetchText(fetchImpl, chartUrl(host, yahooSymbol), {
      timeoutMs: opts.timeoutMs ?? 10_000,
      maxBytes: MAX_CHART_BYTES,
      expect: 'json',
      source: SOURCE,
      signal: opts.signal,
    });
    const parsed = r.ok ? parseYahooFuturesChart(r.value.text, parseAs) : r;
    if (parsed.ok) return parsed;
    last = { ...parsed.error, message: `${host}: ${parsed.error.message}` };
    round.errors.push({ month, contract: yahooSymbol, error: last });
    if (last.kind === 'rate-limited') {
      round.rateLimited = last;
      break;
    }
    // Same backend behind both hosts: "symbol not found" will not change on the other one.
    if ((last.kind === 'http' && last.status === 404) || last.kind === 'empty') break;
  }
  return { ok: false, error: last };
}

/**
 * Fetches one quote per requested contract month ('YYYY-MM'). Per-contract failures are listed
 * in `errors`/`missing`; the Result fails ('unavailable') only when no contract answered.
 */
export async function fetchFedFundsFutures(
  fetchImpl: FetchImpl,
  months: string[],
  opts: FedFuturesOptions = {},
): Promise<Result<FedFuturesFetch>> {
  const round: Round = { rateLimited: null, errors: [] };
  const wanted = [...new Set(months)];
  const valid = wanted.filter((m) => MONTH_RE.test(m));
  for (const bad of wanted.filter((m) => !MONTH_RE.test(m))) {
    round.errors.push({
      month: bad,
      contract: '',
      error: { kind: 'format', message: `Not a YYYY-MM month: ${bad}` },
    });
  }
  const found = new Map<string, FuturesQuote>();
  const warnings: string[] = [];
  const concurrency = Math.max(1, Math.min(3, Math.floor(opts.concurrency ?? 3)));
  let next = 0;
  const worker = async () => {
    while (next < valid.length && !round.rateLimited && !opts.signal?.aborted) {
      const month = valid[next++]!;
      const r = await fetchOne(
        fetchImpl,
        month,
        yahooContractSymbol(month),
        contractSymbol(month),
        opts,
        round,
      );
      if (r.ok) {
        found.set(month, r.value);
        warnings.push(...r.warnings);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, valid.length) }, worker));

  let frontMonthFallbackUsed = false;
  const missingBefore = valid.filter((m) => !found.has(m));
  if (
    (opts.frontMonthFallback ?? true) &&
    missingBefore.length > 0 &&
    !round.rateLimited &&
    !opts.signal?.aborted
  ) {
    const r = await fetchOne(fetchImpl, 'front', FRONT_MONTH_SYMBOL, FRONT_MONTH_SYMBOL, opts, round);
    if (r.ok && missingBefore.includes(r.value.month)) {
      found.set(r.value.month, r.value);
      frontMonthFallbackUsed = true;
      warnings.push(`${r.value.month} from the continuous front month ${FRONT_MONTH_SYMBOL}`, ...r.warnings);
    }
  }
  if (round.rateLimited) warnings.push('Yahoo rate-limited the requests; remaining contracts were not asked');

  const quotes = valid.filter((m) => found.has(m)).map((m) => found.get(m)!);
  const missing = valid.filter((m) => !found.has(m));
  if (quotes.length === 0) {
    const kinds = [...new Set(round.errors.map((e) => e.error.kind))].join(', ') || 'no months requested';
    // Only network failures: the machine is offline (a cause the UI names), not a bad answer.
    const offline = kinds === 'network' || kinds === 'network, timeout' || kinds === 'timeout, network';
    return fail(offline ? 'network' : 'unavailable', `No fed funds futures contract answered (${kinds})`, {
      source: SOURCE,
      retryAfterSec: round.rateLimited?.retryAfterSec,
    });
  }
  return ok({ quotes, missing, errors: round.errors, frontMonthFallbackUsed }, warnings);
}
