/**
 * View models: what the background hands to the UI through lib/messaging.ts. The UI renders
 * these and nothing else, so every figure on screen arrives with its Provenance.
 */
import type { SourceError } from './result';
import type { Provenance } from './source-data';

/** How a factor reads for small caps, historically. Never an instruction to trade. */
export type FactorState = 'favours' | 'against' | 'neutral' | 'unknown';

/** A mini-chart: x = UNIX seconds (UTC midnight of the market date), one or more y series. */
export interface ChartSeries {
  kind: 'bar' | 'line';
  x: number[];
  series: Array<{ label: string; values: Array<number | null>; unit: string }>;
  /** Text equivalent for screen readers and the no-chart fallback. */
  summary: string;
}

export type FactorId = 'flows' | 'rates' | 'relative' | 'drawdown' | 'yields' | 'recon';

export interface Factor {
  id: FactorId;
  title: string;
  state: FactorState;
  /** The figure, e.g. "−$5.42B (65 days)". */
  headline: string;
  /** One plain-language line explaining the state. */
  reason: string;
  /** Extra figures shown in the card, each with its own label. */
  details: Array<{ label: string; value: string }>;
  chart: ChartSeries | null;
  /**
   * The market date the headline figure describes. A figure computed from several series is
   * dated by the last day all of them have (the IWM/SPY ratio by the older of the two).
   */
  asOf: string | null;
  /** Each source with its own `stale` flag (lib/core/freshness.ts). */
  provenance: Provenance[];
  /** The figure's date or any of its sources is stale by the one freshness rule. */
  stale: boolean;
}

export interface SignalCard {
  generatedAt: string;
  factors: Factor[];
  favourCount: number;
  againstCount: number;
  /** e.g. "3 of 5 factors have historically favoured small caps; 1 has not." */
  summary: string;
  disclaimer: string;
}

export type IndexMembership = 'R2000' | 'R1000' | 'SP500';

export interface TickerInfo {
  symbol: string;
  name: string | null;
  exchange: string | null;
  /** In today's US listings (Nasdaq Trader / SEC). */
  listed: boolean;
  etf: boolean;
  russell2000: {
    /** The fund weight in the holdings file; null when membership comes from a later addition list. */
    weightPct: number | null;
    /** Rank by weight among current members only (see `of`); null without a weight. */
    rank: number | null;
    /** Current Russell 2000 members in the holdings file: placeholders, names since deleted or now in the Russell 1000 left out. */
    of: number;
    sector: string;
    /** The sector's share of the current members' weight; null without a weight. */
    sectorWeightPct: number | null;
    provenance: Provenance;
    /** 'holdings': from the IWM file; 'reconstitution': added by a final list newer than that file. */
    basis: 'holdings' | 'reconstitution';
  } | null;
  russell1000: boolean;
  sp500: boolean;
  /** Joined or left at the last reconstitution. */
  reconstitution: { change: 'added' | 'deleted'; effective: string; provenance: Provenance } | null;
  membershipProvenance: Provenance | null;
  /**
   * What limits the membership reading, in words: a holdings file older than the last
   * reconstitution ("may have changed at the 26 Jun 2026 reconstitution"), a deletion, a
   * placeholder line. Null when nothing does.
   */
  membershipNote: string | null;
}

export interface TickerQuote {
  symbol: string;
  last: number;
  previousClose: number | null;
  change: number | null;
  changePct: number | null;
  currency: string | null;
  /** Closes for the sparkline, oldest first. */
  x: number[];
  close: number[];
  high52: number | null;
  low52: number | null;
  provenance: Provenance;
  stale: boolean;
}

/** The short small-cap strip shown on the hover card. */
export interface SmallCapStrip {
  items: Array<{
    id: FactorId;
    label: string;
    value: string;
    state: FactorState;
    /** The factor's `asOf` (what the figure describes), '' when unknown. */
    asOf: string;
    source: string;
    /** Same flag as the factor's in the popup. */
    stale: boolean;
  }>;
}

export type SourceState = 'ok' | 'stale' | 'error' | 'never' | 'disabled';

export interface SourceStatus {
  id: string;
  label: string;
  state: SourceState;
  /** Date the data describes. */
  asOf: string | null;
  lastSuccess: string | null;
  lastAttempt: string | null;
  error: SourceError | null;
  /** True when the UI is showing the bundled snapshot for this source. */
  usingBundled: boolean;
  /** The data shown (fetched or bundled) is stale by the one freshness rule (lib/core/freshness.ts). */
  dataStale?: boolean;
  /** When the engine will next try this source on its own (null: at the next check). */
  nextAttempt?: string | null;
  /** Consecutive failed attempts (drives the backoff). */
  failures?: number;
  /** Backoff chosen after the last failure, with its jitter. */
  backoffMs?: number;
}

export interface WatchlistItem {
  symbol: string;
  note: string;
  addedAt: string;
  /** Membership when pinned, so a later reconstitution can be flagged. */
  membershipAtPin: IndexMembership | null;
}

export interface PageTicker {
  symbol: string;
  name: string | null;
  count: number;
  russell2000: boolean;
  listed: boolean;
}
