/**
 * Index context for one ticker: Russell 2000 membership (from IWM holdings) with weight, rank,
 * sector and the sector's weight; else Russell 1000 (IWB holdings) / S&P 500 membership; and
 * whether it joined or left at the last reconstitution. Plus the 52-week range from a price series.
 *
 * Symbols are compared without class punctuation (`BRK.B` = `BRK-B` = iShares' `BRKB`).
 */
import type { TickerInfo } from '../model';
import type {
  Constituent,
  HoldingsSnapshot,
  PriceBar,
  PriceSeries,
  Provenance,
  ReconstitutionChange,
} from '../types';

export function normalizeSymbol(s: string): string {
  return s
    .trim()
    .toUpperCase()
    .replace(/[.\-/\s]/g, '');
}

export type MembershipSource =
  | { holdings: HoldingsSnapshot; provenance: Provenance }
  | { symbols: Iterable<string>; provenance: Provenance };

export interface TickerContext {
  /** IWM holdings: Russell 2000. */
  r2000?: { holdings: HoldingsSnapshot; provenance: Provenance };
  /** IWB holdings or a symbol list: Russell 1000. */
  r1000?: MembershipSource;
  /** IVV holdings or a constituents list: S&P 500. */
  sp500?: MembershipSource;
  /** Additions/deletions of the reconstitution lists. Only the latest effective date counts. */
  recon?: { changes: readonly ReconstitutionChange[]; provenance: Provenance };
  /** From the listings directory (Nasdaq Trader / SEC), when the caller has it. */
  listing?: (
    symbol: string,
  ) => { name: string | null; exchange: string | null; listed: boolean; etf: boolean } | null;
}

function symbolSet(src: MembershipSource): Set<string> {
  const list = 'holdings' in src ? src.holdings.constituents.map((c) => c.ticker) : [...src.symbols];
  return new Set(list.map(normalizeSymbol));
}

/**
 * Builds the lookup once (the content script asks for many tickers per page).
 * Rank is by weight; iShares prints weights with 2 decimals, so market value breaks the ties.
 */
export function createTickerLookup(ctx: TickerContext): (symbol: string) => TickerInfo {
  const r2000 = new Map<string, { c: Constituent; rank: number }>();
  const sectorWeight = new Map<string, number>();
  let of = 0;
  if (ctx.r2000) {
    const cs = ctx.r2000.holdings.constituents;
    of = cs.length;
    const ranked = [...cs].sort((a, b) => b.weightPct - a.weightPct || b.marketValue - a.marketValue);
    ranked.forEach((c, i) => {
      const key = normalizeSymbol(c.ticker);
      if (!r2000.has(key)) r2000.set(key, { c, rank: i + 1 });
      sectorWeight.set(c.sector, (sectorWeight.get(c.sector) ?? 0) + c.weightPct);
    });
  }
  const r1000 = ctx.r1000 ? symbolSet(ctx.r1000) : null;
  const sp500 = ctx.sp500 ? symbolSet(ctx.sp500) : null;
  const lastRecon = new Map<string, ReconstitutionChange>();
  if (ctx.recon) {
    const latest = ctx.recon.changes.reduce((a, c) => (c.effective > a ? c.effective : a), '');
    for (const c of ctx.recon.changes)
      if (c.effective === latest) lastRecon.set(normalizeSymbol(c.symbol), c);
  }

  return (symbol: string): TickerInfo => {
    const key = normalizeSymbol(symbol);
    const listing = ctx.listing?.(symbol) ?? null;
    let hit = r2000.get(key);
    // The two indexes are disjoint; when snapshots of different dates disagree, the newer wins
    // (e.g. a company that moved up at a reconstitution between the two files).
    const r1000Hit = r1000 !== null && r1000.has(key);
    if (hit && r1000Hit && (ctx.r1000?.provenance.asOf ?? '') > (ctx.r2000?.provenance.asOf ?? ''))
      hit = undefined;
    const inR1000 = !hit && r1000Hit;
    const inSp500 = sp500 !== null && sp500.has(key);
    const change = lastRecon.get(key);
    const membershipProvenance = hit
      ? (ctx.r2000?.provenance ?? null)
      : inR1000
        ? (ctx.r1000?.provenance ?? null)
        : inSp500
          ? (ctx.sp500?.provenance ?? null)
          : (ctx.r2000?.provenance ?? ctx.r1000?.provenance ?? ctx.sp500?.provenance ?? null);
    return {
      symbol: symbol.trim().toUpperCase(),
      name: listing?.name ?? hit?.c.name ?? null,
      exchange: listing?.exchange ?? hit?.c.exchange ?? null,
      listed: listing?.listed ?? (hit !== undefined || inR1000 || inSp500),
      etf: listing?.etf ?? false,
      russell2000:
        hit && ctx.r2000
          ? {
              weightPct: hit.c.weightPct,
              rank: hit.rank,
              of,
              sector: hit.c.sector,
              sectorWeightPct: Math.round((sectorWeight.get(hit.c.sector) ?? 0) * 1e6) / 1e6,
              provenance: ctx.r2000.provenance,
            }
          : null,
      russell1000: inR1000,
      sp500: inSp500,
      reconstitution:
        change && ctx.recon
          ? { change: change.change, effective: change.effective, provenance: ctx.recon.provenance }
          : null,
      membershipProvenance,
    };
  };
}

export function tickerInfo(symbol: string, ctx: TickerContext): TickerInfo {
  return createTickerLookup(ctx)(symbol);
}

export interface FiftyTwoWeekRange {
  high: number;
  highDate: string;
  low: number;
  lowDate: string;
  last: number;
  lastDate: string;
  /** ≤ 0: how far the last close is below the 52-week high. */
  pctFromHigh: number;
  /** ≥ 0: how far the last close is above the 52-week low. */
  pctAboveLow: number;
  /** 0 = at the low, 100 = at the high. */
  positionPct: number;
}

/**
 * 52-week range from daily bars (intraday high/low when present, else close), over the year
 * ending at the last bar (or `asOf`).
 */
export function fiftyTwoWeekRange(
  series: PriceSeries | readonly PriceBar[],
  asOf?: string,
): FiftyTwoWeekRange | null {
  const bars = ('bars' in series ? series.bars : series)
    .filter((b) => Number.isFinite(b.close) && (asOf === undefined || b.date <= asOf))
    .slice()
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  const last = bars.at(-1);
  if (!last) return null;
  const from = `${Number(last.date.slice(0, 4)) - 1}${last.date.slice(4)}`;
  let high = -Infinity;
  let low = Infinity;
  let highDate = '';
  let lowDate = '';
  for (const b of bars) {
    if (b.date <= from) continue;
    const h = b.high ?? b.close;
    const l = b.low ?? b.close;
    if (h > high) {
      high = h;
      highDate = b.date;
    }
    if (l < low) {
      low = l;
      lowDate = b.date;
    }
  }
  return {
    high,
    highDate,
    low,
    lowDate,
    last: last.close,
    lastDate: last.date,
    pctFromHigh: (last.close / high - 1) * 100,
    pctAboveLow: (last.close / low - 1) * 100,
    positionPct: high > low ? ((last.close - low) / (high - low)) * 100 : 100,
  };
}
