/**
 * Yahoo Finance chart API v8 (`/v8/finance/chart/SYMBOL`), daily bars.
 * Body shape and quirks: ../shared/fixtures/real/SOURCES.md §3a/3b.
 */
import { fail, ok, type Result, type SourceError } from '../result';
import type { PriceBar, PriceSeries, Provenance } from '../source-data';
import { errorMessage, fetchText, looksLikeHtml, type FetchImpl } from './http';

export const SOURCE_ID = 'yahoo-chart';

export type YahooHost = 'query1' | 'query2';
export type ChartRange = '5d' | '1mo' | '3mo' | '6mo' | 'ytd' | '1y' | '2y' | '5y' | '10y' | 'max';
export type ChartInterval = '1d' | '1wk' | '1mo';

export interface YahooChartOptions {
  range?: ChartRange;
  interval?: ChartInterval;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export function yahooChartUrl(
  host: YahooHost,
  symbol: string,
  range: ChartRange = '1y',
  interval: ChartInterval = '1d',
): string {
  return (
    `https://${host}.finance.yahoo.com/v8/finance/chart/${encodeURIComponent(symbol)}` +
    `?range=${range}&interval=${interval}&events=div%7Csplit`
  );
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}
function arr(v: unknown): Json[] {
  return Array.isArray(v) ? (v as Json[]) : [];
}

/**
 * Yahoo serves prices as float32 widened to double (`216.16000366210938`); 7 significant digits is
 * all float32 carries, so this restores the published figure without losing information.
 */
export function cleanFloat32(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(7));
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * UNIX seconds → exchange-local `YYYY-MM-DD`. The IANA zone is preferred: `gmtoffset` is the offset
 * *now* (EST in February), which would put a summer midnight futures bar on the previous day.
 */
export function exchangeDate(ts: number, timeZone: string | null, gmtoffset: number | null): string {
  if (timeZone) {
    try {
      let fmt = dateFormatters.get(timeZone);
      if (!fmt) {
        fmt = new Intl.DateTimeFormat('en-CA', {
          timeZone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
        });
        dateFormatters.set(timeZone, fmt);
      }
      const parts = fmt.formatToParts(new Date(ts * 1000));
      const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
      const s = `${get('year')}-${get('month')}-${get('day')}`;
      if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
    } catch {
      // Unknown zone name: fall through to the fixed offset.
    }
  }
  return new Date((ts + (gmtoffset ?? 0)) * 1000).toISOString().slice(0, 10);
}

/**
 * Pure: chart v8 JSON text (the wire body) → daily series, oldest first. Prices are float32-cleaned;
 * `lastPrice` is meta.regularMarketPrice (the live quote), `previousClose` the close of the bar before
 * the last one. Never throws.
 */
export function parseYahooChart(text: string): Result<PriceSeries> {
  try {
    return parseInner(text);
  } catch (e) {
    return fail('format', `Yahoo chart could not be parsed: ${errorMessage(e)}`, { source: SOURCE_ID });
  }
}

function parseInner(text: string): Result<PriceSeries> {
  const f = (kind: SourceError['kind'], message: string) =>
    fail<PriceSeries>(kind, message, { source: SOURCE_ID });
  if (typeof text !== 'string' || text.trim() === '') return f('empty', 'Empty Yahoo chart body');
  if (looksLikeHtml(text)) return f('challenge', 'Got an HTML page instead of Yahoo chart JSON');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return f('format', `Yahoo chart body is not JSON: ${errorMessage(e)}`);
  }
  if (!isObject(doc)) return f('format', 'Yahoo chart body is not a JSON object');
  // Auth/crumb failures come back as {"finance":{"error":{…}}} instead of a chart.
  if (isObject(doc.finance) && isObject(doc.finance.error)) {
    return f('format', `Yahoo error: ${describeError(doc.finance.error)}`);
  }
  const chart = doc.chart;
  if (!isObject(chart)) return f('format', 'Yahoo body has no "chart" object');
  if (isObject(chart.error)) {
    const code = str(chart.error.code) ?? '';
    return f(/not found/i.test(code) ? 'empty' : 'format', `Yahoo error: ${describeError(chart.error)}`);
  }
  const result = arr(chart.result)[0];
  if (!isObject(result)) return f('empty', 'Yahoo chart has no result');
  const meta = isObject(result.meta) ? result.meta : {};
  const timezone = str(meta.exchangeTimezoneName);
  const gmtoffset = num(meta.gmtoffset);

  const timestamps = arr(result.timestamp);
  const indicators = isObject(result.indicators) ? result.indicators : {};
  const quote = arr(indicators.quote)[0];
  const q = isObject(quote) ? quote : {};
  const adjFirst = arr(indicators.adjclose)[0];
  const adj = isObject(adjFirst) ? arr(adjFirst.adjclose) : [];
  const opens = arr(q.open);
  const highs = arr(q.high);
  const lows = arr(q.low);
  const closes = arr(q.close);
  const volumes = arr(q.volume);
  if (timestamps.length > 0 && closes.length === 0) {
    return f('format', 'Yahoo chart has timestamps but no close prices');
  }

  const price = (v: unknown) => {
    const n = num(v);
    return n === null ? null : cleanFloat32(n);
  };
  // Keyed by date: during the session Yahoo may report the live bar with its own timestamp.
  const byDate = new Map<string, PriceBar>();
  let dropped = 0;
  timestamps.forEach((t, i) => {
    const ts = num(t);
    const close = price(closes[i]);
    if (ts === null || close === null) {
      dropped++;
      return;
    }
    const date = exchangeDate(ts, timezone, gmtoffset);
    byDate.set(date, {
      date,
      open: price(opens[i]),
      high: price(highs[i]),
      low: price(lows[i]),
      close,
      adjClose: price(adj[i]),
      volume: num(volumes[i]),
    });
  });
  const bars = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (bars.length === 0) return f('empty', 'Yahoo chart has no bars with a close price');

  const symbol = str(meta.symbol) ?? '';
  const last = bars[bars.length - 1];
  const prev = bars[bars.length - 2];
  const marketPrice = num(meta.regularMarketPrice);
  const warnings = dropped > 0 ? [`${dropped} bar(s) without a close dropped`] : [];
  return ok(
    {
      symbol,
      currency: str(meta.currency),
      exchange: str(meta.exchangeName),
      timezone,
      name: str(meta.longName) ?? str(meta.shortName),
      bars,
      lastPrice: marketPrice ?? last?.close ?? null,
      // The close before the last bar; for a one-bar chart, Yahoo's close before the range.
      previousClose: prev?.close ?? num(meta.chartPreviousClose),
    },
    warnings,
  );
}

function describeError(e: JsonObject): string {
  const code = str(e.code) ?? 'error';
  const desc = str(e.description);
  return desc ? `${code}: ${desc}` : code;
}

/** Worth trying the other host: throttling, server trouble, network, bot check. Not a 404. */
export function isRetryable(e: SourceError): boolean {
  if (e.kind === 'http') return (e.status ?? 0) >= 500;
  return e.kind === 'rate-limited' || e.kind === 'network' || e.kind === 'timeout' || e.kind === 'challenge';
}

/** One host only: the query1 → query2 → Stooq fallback is lib/sources/prices.ts `fetchDailyPrices`. */
export async function fetchYahooChartFrom(
  fetchImpl: FetchImpl,
  host: YahooHost,
  symbol: string,
  options: YahooChartOptions = {},
): Promise<Result<{ data: PriceSeries; provenance: Provenance }>> {
  const source = `${SOURCE_ID}:${host}`;
  const url = yahooChartUrl(host, symbol, options.range, options.interval);
  const res = await fetchText(fetchImpl, url, {
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    expect: 'json',
    source,
  });
  if (!res.ok) return res;
  const parsed = parseYahooChart(res.value.text);
  if (!parsed.ok) return { ok: false, error: { ...parsed.error, source } };
  const series = parsed.value;
  return ok(
    {
      data: { ...series, symbol: series.symbol || symbol },
      provenance: {
        source: SOURCE_ID,
        label: `Yahoo Finance (${host})`,
        asOf: series.bars[series.bars.length - 1]?.date ?? '',
        fetchedAt: new Date().toISOString(),
        url,
      },
    },
    parsed.warnings,
  );
}
