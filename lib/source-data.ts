/**
 * Source data: the records the data sources deliver (holdings, fund history, price bars, series
 * observations, futures, odds, calendars) and the Provenance every figure carries; shared by
 * sources, signals, storage and UI. The engine's datasets wrap these (lib/engine/datasets.ts); the
 * UI receives view models built from them (lib/view-models.ts). Dates are ISO `YYYY-MM-DD`
 * strings (market dates, no time zone games); timestamps are ISO strings in UTC.
 */
import type { FreshnessKind } from './core/freshness';

/** Where a figure came from and how fresh it is. Every figure shown on screen carries one. */
export interface Provenance {
  /**
   * The feed the data belongs to, also for a bundled copy of it: decides which freshness rule
   * applies (lib/core/freshness.ts). 'occasional' for calendars and lists published now and then.
   */
  feed?: FreshnessKind;
  /** Set where a view model is built: the data is stale by the one freshness rule. */
  stale?: boolean;
  /** Source id, e.g. 'ishares-holdings', 'yahoo-chart', 'fred', 'bundled'. */
  source: string;
  /** Human label shown on screen, e.g. "iShares IWM holdings". */
  label: string;
  /** Date the data describes (market date). */
  asOf: string;
  /** When we fetched it (UTC ISO), absent for bundled data. */
  fetchedAt?: string;
  url?: string;
}

export interface Constituent {
  ticker: string;
  name: string;
  sector: string;
  marketValue: number;
  weightPct: number;
  shares: number | null;
  price: number | null;
  exchange: string;
  location: string;
}

export interface HoldingsSnapshot {
  fund: string; // 'IWM', 'IWB', 'IVV'
  fundName: string;
  asOf: string;
  sharesOutstanding: number | null;
  constituents: Constituent[]; // Equity rows only, file order (market value desc)
  /** Non-equity rows left out, counted by asset class (e.g. {"Cash": 2, "Futures": 1}). */
  excluded: Record<string, number>;
}

export interface FundHistoryRow {
  date: string;
  nav: number;
  sharesOutstanding: number | null; // null where the file says `--`
  exDividend: number | null;
}

export interface PriceBar {
  date: string; // exchange-local trading date
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
  adjClose: number | null;
  volume: number | null;
}

export interface PriceSeries {
  symbol: string;
  currency: string | null;
  exchange: string | null;
  timezone: string | null;
  name: string | null;
  bars: PriceBar[]; // oldest first, null-close bars removed
  lastPrice: number | null;
  previousClose: number | null;
}

export interface Observation {
  date: string;
  value: number;
}

/** One fed funds futures close, e.g. contract 'ZQK23' for May 2023 at 95.135. */
export interface FuturesQuote {
  contract: string;
  /** Contract delivery month `YYYY-MM`. */
  month: string;
  date: string;
  close: number;
}

/** Prediction-market probabilities for one FOMC decision. */
export interface MarketOdds {
  venue: 'kalshi' | 'polymarket';
  eventId: string;
  title: string;
  /** FOMC decision day `YYYY-MM-DD` when it can be derived, else null. */
  meetingDate: string | null;
  outcomes: Array<{
    label: string;
    /** Change in basis points (negative = cut); null when the bucket is open-ended text we can't map. */
    changeBp: number | null;
    probability: number; // 0..1
  }>;
  asOf: string;
}

export interface ReconstitutionChange {
  symbol: string;
  company: string;
  industry: string;
  change: 'added' | 'deleted';
  effective: string; // date the list took effect
}

export interface FomcMeeting {
  start: string;
  end: string; // decision day
  sep: boolean;
  tentative: boolean;
}

export interface ReconEvent {
  year: number;
  kind: 'annual' | 'june' | 'december';
  rankDay: { date: string; confirmed: boolean } | null;
  preliminaryLists: { date: string; confirmed: boolean } | null;
  lockDown: { date: string; confirmed: boolean } | null;
  effective: { date: string; confirmed: boolean };
  note?: string;
}

export interface Calendars {
  asOf: string;
  sources: string[];
  fomc: FomcMeeting[];
  russell: ReconEvent[];
}
