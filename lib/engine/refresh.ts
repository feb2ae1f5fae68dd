/**
 * Fetch → parse → validate → store, one source at a time, each independent: a broken source
 * records a typed error and keeps its previous data; the others go on. Nothing is awaited
 * inside an IndexedDB transaction (fetch first, then write).
 */
import type { SourceError } from '../result';
import type { FetchImpl } from '../sources/http';
import { fetchIsharesHoldings } from '../sources/ishares-holdings';
import { fetchIsharesFund } from '../sources/ishares-fund';
import { fetchDailyPrices } from '../sources/prices';
import { fetchFredSeries } from '../sources/fred';
import { fetchEffrLast } from '../sources/nyfed';
import { contractMonths, fetchFedFundsFutures } from '../sources/fed-futures';
import { fetchKalshiFedDecision } from '../sources/kalshi';
import { fetchPolymarketFedDecision } from '../sources/polymarket';
import type { SourceId } from '../storage';
import type { FundHistoryRow, Provenance } from '../source-data';
import { BENCHMARKS, FRED_IDS, type Dataset, type DatasetKey } from './datasets';
import { newYorkDate } from '../core/market-time';

export interface SourceFetchResult {
  datasets: Partial<Record<DatasetKey, Dataset<unknown>>>;
  /** Problems that did not stop the source (a missing contract month, a failed FRED id). */
  warnings: string[];
  /** One shares-outstanding point per holdings download (grows the flow history). */
  sharesPoint?: { date: string; sharesOutstanding: number };
}

export type SourceFetcher = (
  fetchImpl: FetchImpl,
  signal: AbortSignal,
) => Promise<{ ok: true; value: SourceFetchResult } | { ok: false; error: SourceError }>;

const withProvenance = <T>(data: T, provenance: Provenance): Dataset<unknown> => ({ data, provenance });

export const FETCHERS: Record<SourceId, SourceFetcher> = {
  'ishares-holdings': async (fetchImpl, signal) => {
    const [iwm, iwb] = await Promise.all([
      fetchIsharesHoldings(fetchImpl, 'IWM', { signal }),
      fetchIsharesHoldings(fetchImpl, 'IWB', { signal }),
    ]);
    if (!iwm.ok) return iwm;
    const out: SourceFetchResult = {
      datasets: { iwm: withProvenance(iwm.value.data, iwm.value.provenance) },
      warnings: [...iwm.warnings],
    };
    if (iwm.value.data.sharesOutstanding !== null) {
      out.sharesPoint = { date: iwm.value.data.asOf, sharesOutstanding: iwm.value.data.sharesOutstanding };
    }
    if (iwb.ok) {
      out.datasets.r1000 = withProvenance(
        iwb.value.data.constituents.map((c) => c.ticker),
        iwb.value.provenance,
      );
    } else out.warnings.push(`IWB holdings: ${iwb.error.message}`);
    return { ok: true, value: out };
  },
  'ishares-fund': async (fetchImpl, signal) => {
    const r = await fetchIsharesFund(fetchImpl, 'IWM', { signal });
    if (!r.ok) return r;
    return {
      ok: true,
      value: {
        datasets: { fundHistory: withProvenance(r.value.data.history, r.value.provenance) },
        warnings: r.warnings,
      },
    };
  },
  prices: async (fetchImpl, signal) => {
    const results = await Promise.all(
      BENCHMARKS.map((s) => fetchDailyPrices(fetchImpl, s, { range: '2y', signal })),
    );
    const out: SourceFetchResult = { datasets: {}, warnings: [] };
    results.forEach((r, i) => {
      const sym = BENCHMARKS[i]!;
      if (r.ok) out.datasets[`prices:${sym}`] = withProvenance(r.value.data, r.value.provenance);
      else out.warnings.push(`${sym}: ${r.error.message}`);
    });
    if (Object.keys(out.datasets).length === 0) {
      // Keep the servers' Retry-After, so the engine does not hammer a 429 (even when forced).
      const retry = results.flatMap((r) =>
        !r.ok && r.error.retryAfterSec !== undefined ? [r.error.retryAfterSec] : [],
      );
      return {
        ok: false,
        error: {
          // Every benchmark unreachable is being offline, one cause the UI can name.
          kind: results.every((r) => !r.ok && r.error.kind === 'network') ? 'network' : 'unavailable',
          message: out.warnings.join('; '),
          source: 'prices',
          ...(retry.length > 0 ? { retryAfterSec: Math.min(...retry) } : {}),
        },
      };
    }
    return { ok: true, value: out };
  },
  fred: async (fetchImpl, signal) => {
    const start = new Date(Date.now() - 3 * 366 * 864e5).toISOString().slice(0, 10);
    const r = await fetchFredSeries(fetchImpl, [...FRED_IDS], { signal, start });
    if (!r.ok) return r;
    const out: SourceFetchResult = { datasets: {}, warnings: [...r.warnings] };
    for (const id of FRED_IDS) {
      const series = r.value.data.series[id];
      const prov = r.value.provenance[id];
      if (series && series.length && prov) out.datasets[`fred:${id}`] = withProvenance(series, prov);
    }
    return { ok: true, value: out };
  },
  nyfed: async (fetchImpl, signal) => {
    const r = await fetchEffrLast(fetchImpl, { signal });
    if (!r.ok) return r;
    return {
      ok: true,
      value: { datasets: { effr: withProvenance(r.value.data, r.value.provenance) }, warnings: r.warnings },
    };
  },
  'fed-futures': async (fetchImpl, signal) => {
    const r = await fetchFedFundsFutures(fetchImpl, contractMonths(new Date(), 14), { signal });
    if (!r.ok) return r;
    const newest =
      r.value.quotes
        .map((q) => q.date)
        .sort()
        .at(-1) ?? newYorkDate();
    const warnings = [...r.warnings];
    if (r.value.missing.length) warnings.push(`No quote for ${r.value.missing.join(', ')}`);
    return {
      ok: true,
      value: {
        datasets: {
          futures: withProvenance(r.value.quotes, {
            source: 'fed-futures',
            label: 'CBOT 30-day fed funds futures via Yahoo Finance',
            asOf: newest,
            fetchedAt: new Date().toISOString(),
          }),
        },
        warnings,
      },
    };
  },
  kalshi: async (fetchImpl, signal) => {
    const r = await fetchKalshiFedDecision(fetchImpl, { signal });
    if (!r.ok) return r;
    return {
      ok: true,
      value: {
        datasets: { kalshi: withProvenance(r.value, oddsProvenance('kalshi', 'Kalshi', r.value)) },
        warnings: r.warnings,
      },
    };
  },
  polymarket: async (fetchImpl, signal) => {
    const r = await fetchPolymarketFedDecision(fetchImpl, { signal });
    if (!r.ok) return r;
    return {
      ok: true,
      value: {
        datasets: {
          polymarket: withProvenance(r.value, oddsProvenance('polymarket', 'Polymarket', r.value)),
        },
        warnings: r.warnings,
      },
    };
  },
};

function oddsProvenance(source: string, label: string, odds: Array<{ asOf: string }>): Provenance {
  const asOf =
    odds
      .map((o) => o.asOf.slice(0, 10))
      .sort()
      .at(-1) ?? newYorkDate();
  return { source, label: `${label} Fed decision markets`, asOf, fetchedAt: new Date().toISOString() };
}

/**
 * Merges a newly fetched fund history with what we had (the file covers a window; older
 * rows we stored stay), and adds shares-outstanding points from holdings downloads for days
 * the fund file does not have (NAV unknown there: those days carry nav = NaN and are skipped
 * by the flow math until a fund file fills them).
 */
export function mergeFundHistory(
  stored: FundHistoryRow[],
  fetched: FundHistoryRow[],
  sharesPoints: Array<{ date: string; sharesOutstanding: number }> = [],
): FundHistoryRow[] {
  const byDate = new Map<string, FundHistoryRow>();
  for (const r of stored) byDate.set(r.date, r);
  for (const r of fetched) byDate.set(r.date, r);
  for (const p of sharesPoints) {
    if (!byDate.has(p.date))
      byDate.set(p.date, {
        date: p.date,
        nav: Number.NaN,
        sharesOutstanding: p.sharesOutstanding,
        exDividend: null,
      });
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
