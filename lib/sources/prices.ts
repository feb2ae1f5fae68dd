/**
 * Daily prices with a fallback chain: Yahoo query1 → Yahoo query2 → Stooq.
 * Yahoo throttles (429) and sometimes serves a consent/bot page; Stooq needs no key but has a daily
 * hit limit and only full histories, so it comes last and is trimmed to the requested range.
 */
import { fail, ok, type Result, type SourceError } from '../result';
import type { PriceBar, PriceSeries, Provenance } from '../source-data';
import type { FetchImpl } from './http';
import { fetchStooqDaily } from './stooq';
import { fetchYahooChartFrom, isRetryable, type ChartRange } from './yahoo-chart';

export type PriceProvider = 'yahoo-query1' | 'yahoo-query2' | 'stooq';

export interface DailyPricesOptions {
  /** Default '1y'. */
  range?: ChartRange;
  /** Per request. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface DailyPrices {
  data: PriceSeries;
  provider: PriceProvider;
  provenance: Provenance;
}

/**
 * First provider that answers wins. The warnings list the providers that failed before it; when all
 * fail, the error (kind 'unavailable') names every failure.
 */
export async function fetchDailyPrices(
  fetchImpl: FetchImpl,
  symbol: string,
  options: DailyPricesOptions = {},
): Promise<Result<DailyPrices>> {
  const range = options.range ?? '1y';
  const failures: Array<{ provider: PriceProvider; error: SourceError }> = [];
  const summary = () => failures.map((x) => `${x.provider}: ${x.error.kind} (${x.error.message})`);
  const chartOpts = { range, interval: '1d' as const, timeoutMs: options.timeoutMs, signal: options.signal };

  const q1 = await fetchYahooChartFrom(fetchImpl, 'query1', symbol, chartOpts);
  if (q1.ok) return ok({ ...q1.value, provider: 'yahoo-query1' }, q1.warnings);
  failures.push({ provider: 'yahoo-query1', error: q1.error });

  // A 404 or a bad body from query1 would be the same on query2: go straight to Stooq.
  if (isRetryable(q1.error) && !options.signal?.aborted) {
    const q2 = await fetchYahooChartFrom(fetchImpl, 'query2', symbol, chartOpts);
    if (q2.ok) return ok({ ...q2.value, provider: 'yahoo-query2' }, [...summary(), ...q2.warnings]);
    failures.push({ provider: 'yahoo-query2', error: q2.error });
  }

  if (!options.signal?.aborted) {
    const st = await fetchStooqDaily(fetchImpl, symbol, {
      timeoutMs: options.timeoutMs,
      signal: options.signal,
    });
    if (st.ok) {
      const bars = trimToRange(st.value.data.bars, range);
      const data = { ...st.value.data, bars };
      return ok({ data, provider: 'stooq', provenance: st.value.provenance }, [...summary(), ...st.warnings]);
    }
    failures.push({ provider: 'stooq', error: st.error });
  }

  const retryAfter = failures.map((x) => x.error.retryAfterSec).filter((s): s is number => s !== undefined);
  // Every provider unreachable is one cause (offline), worth naming; anything else is mixed.
  const offline =
    failures.length > 0 && failures.every((x) => x.error.kind === 'network' || x.error.kind === 'timeout');
  return fail(
    offline ? 'network' : 'unavailable',
    `No price source answered for ${symbol}: ${summary().join('; ')}`,
    {
      source: 'prices',
      ...(retryAfter.length > 0 ? { retryAfterSec: Math.min(...retryAfter) } : {}),
    },
  );
}

/** Keep the bars of `range` counted back from the newest bar (Stooq returns the whole history). */
export function trimToRange(bars: PriceBar[], range: ChartRange): PriceBar[] {
  const last = bars[bars.length - 1];
  if (!last || range === 'max') return bars;
  if (range === '5d') return bars.slice(-5);
  const [y, m, d] = last.date.split('-').map(Number) as [number, number, number];
  const months: Record<Exclude<ChartRange, 'max' | '5d' | 'ytd'>, number> = {
    '1mo': 1,
    '3mo': 3,
    '6mo': 6,
    '1y': 12,
    '2y': 24,
    '5y': 60,
    '10y': 120,
  };
  const cutoff =
    range === 'ytd'
      ? `${y}-01-01`
      : new Date(Date.UTC(y, m - 1 - months[range], d)).toISOString().slice(0, 10);
  // Strictly after the cutoff, so '1y' never spans more than 12 months (2025-05-06 … 2026-05-05).
  return bars.filter((b) => (range === 'ytd' ? b.date >= cutoff : b.date > cutoff));
}
