/**
 * Index context for one ticker: Russell 2000 membership (from IWM holdings) with weight, rank,
 * sector and the sector's weight; else Russell 1000 (IWB holdings) / S&P 500 membership; and
 * whether it joined or left at the last reconstitution. Plus the 52-week range from a price series.
 *
 * Symbols are compared without class punctuation (`BRK.B` = `BRK-B` = iShares' `BRKB`).
 *
 * Current members only: rank, `of` and sector weights count the IWM holdings that are still
 * Russell 2000 members as far as the newer files tell: not placeholder lines (unlisted "NO
 * MARKET" rows, escrow/CVR/private lines, symbols in no US listing), not names deleted by a
 * reconstitution list newer than the holdings file, not names the newer Russell 1000 file holds.
 * A holdings file older than the last reconstitution (by the calendar) is flagged: membership
 * "may have changed" then, unless a list or a newer file settles it.
 */
import type { TickerInfo } from '../view-models';
import type {
  Constituent,
  HoldingsSnapshot,
  PriceBar,
  PriceSeries,
  Provenance,
  ReconstitutionChange,
} from '../source-data';
import { formatDate } from '../core/format';
import { isTickerShape, symbolKey } from '../core/symbols';

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
  /** Today's New York date and the effective dates of Russell reconstitutions (calendar). */
  today?: string;
  reconEffectiveDates?: readonly string[];
}

/** Holdings lines that are not a listed security (the fund holds rights, escrows, private shares). */
const PLACEHOLDER_EXCHANGE = /\bNO MARKET\b|\bUNLISTED\b/i;
// A contingent value right or a private line ends in "CVR"/"Prvt" ("INHIBRX INC CVR"); "CVR ENERGY INC" is a company.
const PLACEHOLDER_NAME = /\b(?:CVR|PRVT)\s*$|\bESCROW\b/i;

/** Why a holdings line is not a listed security, or null when it is one. */
export function placeholderReason(
  c: Pick<Constituent, 'ticker' | 'name' | 'exchange'>,
  listing?: TickerContext['listing'],
): string | null {
  if (PLACEHOLDER_EXCHANGE.test(c.exchange)) return `as an unlisted line (${c.exchange})`;
  if (PLACEHOLDER_NAME.test(c.name)) return `as a non-trading line (${c.name})`;
  if (!isTickerShape(c.ticker.trim().toUpperCase())) return `under a non-ticker code (${c.ticker})`;
  if (listing && listing(c.ticker) === null)
    return 'but in neither the Nasdaq Trader nor the SEC listings (delisted or never listed)';
  return null;
}

function symbolSet(src: MembershipSource): Set<string> {
  const list = 'holdings' in src ? src.holdings.constituents.map((c) => c.ticker) : [...src.symbols];
  return new Set(list.map(symbolKey));
}

/**
 * Builds the lookup once (the content script asks for many tickers per page).
 * Rank is by weight; iShares prints weights with 2 decimals, so market value breaks the ties.
 */
export function createTickerLookup(ctx: TickerContext): (symbol: string) => TickerInfo {
  const r1000 = ctx.r1000 ? symbolSet(ctx.r1000) : null;
  const sp500 = ctx.sp500 ? symbolSet(ctx.sp500) : null;
  const holdingsAsOf = ctx.r2000?.provenance.asOf.slice(0, 10) ?? '';
  const r1000Newer = r1000 !== null && (ctx.r1000?.provenance.asOf ?? '') > holdingsAsOf;

  // The latest reconstitution list; it changes membership only when newer than the holdings.
  const lastRecon = new Map<string, ReconstitutionChange>();
  let listEffective = '';
  if (ctx.recon) {
    listEffective = ctx.recon.changes.reduce((a, c) => (c.effective > a ? c.effective : a), '');
    for (const c of ctx.recon.changes)
      if (c.effective === listEffective) lastRecon.set(symbolKey(c.symbol), c);
  }
  const listApplies =
    ctx.r2000 !== undefined && listEffective > holdingsAsOf && (!ctx.today || listEffective <= ctx.today);

  // The last reconstitution that took effect after the holdings file, by the calendar.
  const reconSinceHoldings =
    ctx.today && ctx.r2000
      ? ([...(ctx.reconEffectiveDates ?? []), ...(listApplies ? [listEffective] : [])]
          .filter((d) => d > holdingsAsOf && d <= ctx.today!)
          .sort()
          .at(-1) ?? null)
      : null;

  const r2000 = new Map<
    string,
    { c: Constituent; rank: number | null; placeholder: string | null; deleted: boolean }
  >();
  const sectorWeight = new Map<string, number>();
  let of = 0;
  if (ctx.r2000) {
    const ranked = [...ctx.r2000.holdings.constituents].sort(
      (a, b) => b.weightPct - a.weightPct || b.marketValue - a.marketValue,
    );
    for (const c of ranked) {
      const key = symbolKey(c.ticker);
      const placeholder = placeholderReason(c, ctx.listing);
      const deleted = listApplies && lastRecon.get(key)?.change === 'deleted';
      const movedUp = r1000Newer && r1000.has(key);
      const current = !placeholder && !deleted && !movedUp;
      if (current) {
        of++;
        sectorWeight.set(c.sector, (sectorWeight.get(c.sector) ?? 0) + c.weightPct);
      }
      // A placeholder line shares its ticker with the listed line at times (ADRO): the listed one wins.
      const prev = r2000.get(key);
      if (!prev || (prev.placeholder && !placeholder))
        r2000.set(key, { c, rank: current ? of : null, placeholder, deleted });
    }
  }
  // The sector's fund weight summed over current members (as iShares states weights: % of the fund).
  const sectorShare = (sector: string) =>
    of > 0 ? Math.round((sectorWeight.get(sector) ?? 0) * 1e6) / 1e6 : null;
  const holdingsText = ctx.r2000
    ? `the iShares IWM holdings of ${formatDate(holdingsAsOf)}`
    : 'the holdings file';

  return (symbol: string): TickerInfo => {
    const key = symbolKey(symbol);
    const listing = ctx.listing?.(symbol) ?? null;
    let hit = r2000.get(key);
    const change = lastRecon.get(key);
    const r1000Hit = r1000 !== null && r1000.has(key);
    const notes: string[] = [];
    // The two indexes are disjoint; when snapshots of different dates disagree, the newer wins
    // (e.g. a company that moved up at a reconstitution between the two files).
    if (hit && r1000Hit && r1000Newer) hit = undefined;
    if (hit?.placeholder) {
      notes.push(`Held by IWM ${hit.placeholder}: not counted as a listed Russell 2000 member`);
    } else if (hit?.deleted && change) {
      notes.push(
        `Was in ${holdingsText}; deleted from the Russell 3000 at the ${formatDate(change.effective)} reconstitution`,
      );
    }
    const member = hit && !hit.placeholder && !hit.deleted ? hit : undefined;
    // Added by a final list newer than the holdings, and not in the newer Russell 1000 file: a
    // Russell 3000 addition that is not Russell 1000 is Russell 2000, without a weight yet.
    const addedByList =
      !member && listApplies && change?.change === 'added' && !(r1000Hit && r1000Newer) && ctx.recon;
    const inR1000 = !member && !addedByList && r1000Hit;
    const inSp500 = sp500 !== null && sp500.has(key);
    if (reconSinceHoldings && !change && !(r1000Hit && r1000Newer) && !hit?.placeholder)
      notes.push(
        `Membership from ${holdingsText} may have changed at the ${formatDate(reconSinceHoldings)} reconstitution`,
      );
    const membershipProvenance = member
      ? (ctx.r2000?.provenance ?? null)
      : addedByList
        ? ctx.recon!.provenance
        : inR1000
          ? (ctx.r1000?.provenance ?? null)
          : inSp500
            ? (ctx.sp500?.provenance ?? null)
            : (ctx.r2000?.provenance ?? ctx.r1000?.provenance ?? ctx.sp500?.provenance ?? null);
    const placeholderOnly = hit?.placeholder !== undefined && hit.placeholder !== null;
    return {
      symbol: symbol.trim().toUpperCase(),
      name: listing?.name ?? hit?.c.name ?? change?.company ?? null,
      exchange: listing?.exchange ?? (placeholderOnly ? null : (hit?.c.exchange ?? null)),
      // Listed only by the listings directory when we have it; a holdings line proves nothing.
      listed: ctx.listing
        ? (listing?.listed ?? false)
        : !placeholderOnly && (hit !== undefined || inR1000 || inSp500),
      etf: listing?.etf ?? false,
      russell2000:
        member && ctx.r2000
          ? {
              weightPct: member.c.weightPct,
              rank: member.rank,
              of,
              sector: member.c.sector,
              sectorWeightPct: sectorShare(member.c.sector),
              provenance: ctx.r2000.provenance,
              basis: 'holdings',
            }
          : addedByList && change
            ? {
                weightPct: null,
                rank: null,
                of,
                sector: change.industry,
                sectorWeightPct: null,
                provenance: ctx.recon!.provenance,
                basis: 'reconstitution',
              }
            : null,
      russell1000: inR1000,
      sp500: inSp500,
      reconstitution:
        change && ctx.recon
          ? { change: change.change, effective: change.effective, provenance: ctx.recon.provenance }
          : null,
      membershipProvenance,
      membershipNote: notes.length ? `${notes.join('. ')}.` : null,
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
