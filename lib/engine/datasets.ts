/**
 * The datasets the engine keeps, each with its provenance. The bundled snapshot
 * (lib/data/snapshot.json, written by `npm run snapshot`) has exactly this shape, so fetched
 * data and the offline default flow through the same code.
 */
import type {
  Calendars,
  FundHistoryRow,
  FuturesQuote,
  HoldingsSnapshot,
  Observation,
  PriceSeries,
  Provenance,
  ReconstitutionChange,
} from '../source-data';
import type { FedWatchCapture } from '../sources/cme-fedwatch-capture';
import type { DecisionOdds } from '../sources/kalshi';
import type { EffrObservation } from '../sources/nyfed';
import type { SourceId } from '../core/sources';
import type { FreshnessKind } from '../core/freshness';

export interface Dataset<T> {
  data: T;
  provenance: Provenance;
}

export const FRED_IDS = ['DGS2', 'DGS10', 'DFEDTARU', 'DFEDTARL'] as const;
export type FredId = (typeof FRED_IDS)[number];
export const BENCHMARKS = ['IWM', 'SPY'] as const;
export type Benchmark = (typeof BENCHMARKS)[number];

export interface LensData {
  /** Russell 2000 through IWM holdings. */
  iwm: Dataset<HoldingsSnapshot> | null;
  /** Russell 1000 membership (IWB holdings tickers). */
  r1000: Dataset<string[]> | null;
  /** S&P 500 membership. */
  sp500: Dataset<string[]> | null;
  /** IWM daily NAV and shares outstanding, oldest first. */
  fundHistory: Dataset<FundHistoryRow[]> | null;
  prices: Record<Benchmark, Dataset<PriceSeries> | null>;
  fred: Record<FredId, Dataset<Observation[]> | null>;
  effr: Dataset<EffrObservation> | null;
  futures: Dataset<FuturesQuote[]> | null;
  kalshi: Dataset<DecisionOdds[]> | null;
  polymarket: Dataset<DecisionOdds[]> | null;
  /** CME FedWatch's published table as captured from its page (bundled recording only). */
  fedWatchCapture?: Dataset<FedWatchCapture> | null;
  reconstitution: Dataset<ReconstitutionChange[]> | null;
  calendars: Dataset<Calendars>;
}

export type DatasetKey =
  Exclude<keyof LensData, 'prices' | 'fred'> | `prices:${Benchmark}` | `fred:${FredId}`;

export interface BundledSnapshot extends LensData {
  builtAt: string;
  /** How each dataset was obtained when the snapshot was built (live URL or recorded file). */
  notes: string[];
}

/** Which status row (source) each dataset belongs to. */
export const DATASET_SOURCE: Record<DatasetKey, SourceId | 'bundled'> = {
  iwm: 'ishares-holdings',
  r1000: 'ishares-holdings',
  sp500: 'bundled',
  fundHistory: 'ishares-fund',
  'prices:IWM': 'prices',
  'prices:SPY': 'prices',
  'fred:DGS2': 'fred',
  'fred:DGS10': 'fred',
  'fred:DFEDTARU': 'fred',
  'fred:DFEDTARL': 'fred',
  effr: 'nyfed',
  futures: 'fed-futures',
  kalshi: 'kalshi',
  polymarket: 'polymarket',
  fedWatchCapture: 'bundled',
  reconstitution: 'bundled',
  calendars: 'bundled',
};

/**
 * Which freshness rule (lib/core/freshness.ts) a dataset is held to, bundled copies included:
 * its source's; CME's published FedWatch table ages like futures; calendars and lists published
 * now and then are 'occasional'.
 */
export function datasetFeed(key: DatasetKey): FreshnessKind {
  if (key === 'fedWatchCapture') return 'fed-futures';
  const source = DATASET_SOURCE[key];
  return source === 'bundled' ? 'occasional' : source;
}
