/**
 * The alert rules, pure: how each signal's daily reading is computed from a series, and how two
 * readings (the previous stored one and the newest) compare under a threshold.
 *
 * The series builders return one reading per market date, each computed from data up to that
 * date only, so replaying them day by day gives exactly what the extension would have read on
 * each day. The live path (lib/alerts/readings.ts) takes the last element of the same series.
 */
import { dailyFlows, minusYears, percentileRank, rollingFlowSums } from '../signals/flows';
import { minusMonths } from '../signals/market';
import type { FundHistoryRow, Observation, ReconstitutionChange } from '../source-data';

// ---------------------------------------------------------------------------------------------
// Flows: the IWM 65-day flow and its percentile among the last 3 years of 65-day windows
// (the same math as lib/signals/flows.ts computeFlowSignal, one pass for every end date).

export interface FlowPoint {
  date: string;
  sum: number;
  /** 0..100, null while fewer than `minLookback` windows are on hand. */
  percentile: number | null;
  lookbackCount: number;
}

export function flowSeries(
  history: readonly FundHistoryRow[],
  options: { windowDays?: number; lookbackYears?: number; minLookback?: number; lastOnly?: boolean } = {},
): FlowPoint[] {
  const windowDays = options.windowDays ?? 65;
  const lookbackYears = options.lookbackYears ?? 3;
  const minLookback = options.minLookback ?? 250;
  const rolling = rollingFlowSums(dailyFlows(history), windowDays);
  const out: FlowPoint[] = [];
  let start = 0;
  // The live pass needs only the newest point: rank just that one (the windows are the same).
  for (let i = options.lastOnly ? Math.max(0, rolling.length - 1) : 0; i < rolling.length; i++) {
    const r = rolling[i]!;
    const from = minusYears(r.date, lookbackYears);
    while (start < i && rolling[start]!.date <= from) start++;
    const count = i - start + 1;
    let percentile: number | null = null;
    if (count >= minLookback) {
      const pool: number[] = [];
      for (let j = start; j <= i; j++) pool.push(rolling[j]!.sum);
      percentile = percentileRank(pool, r.sum);
    }
    out.push({ date: r.date, sum: r.sum, percentile, lookbackCount: count });
  }
  return out;
}

export type FlowBand = 'bottom' | 'middle' | 'top';

/** Bottom band: percentile ≤ p; top band: ≥ 100 − p (the card's heavy-outflow/inflow rule). */
export function flowBand(percentile: number | null, bandPct: number): FlowBand | null {
  if (percentile === null) return null;
  if (percentile <= bandPct) return 'bottom';
  if (percentile >= 100 - bandPct) return 'top';
  return 'middle';
}

// ---------------------------------------------------------------------------------------------
// Yields: the largest move of the newest value away from any value of the month before it.

export interface YieldMovePoint {
  date: string;
  value: number;
  /** bp above the lowest / below the highest value of the trailing month (≥ 0). */
  upBp: number;
  downBp: number;
  /** That lowest / highest value (percent) and its date. */
  low: number;
  high: number;
  lowDate: string;
  highDate: string;
}

const bp = (pctPoints: number) => Math.round(pctPoints * 10000) / 100; // float noise removed

export function yieldMoveSeries(obs: readonly Observation[]): YieldMovePoint[] {
  const s = obs.filter((o) => Number.isFinite(o.value)).sort((a, b) => (a.date < b.date ? -1 : 1));
  const out: YieldMovePoint[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const cur = s[i]!;
    const from = minusMonths(cur.date, 1);
    while (start < i && s[start]!.date < from) start++;
    let lo = cur;
    let hi = cur;
    for (let j = start; j < i; j++) {
      const o = s[j]!;
      if (o.value < lo.value) lo = o;
      if (o.value > hi.value) hi = o;
    }
    out.push({
      date: cur.date,
      value: cur.value,
      upBp: bp(cur.value - lo.value),
      downBp: bp(hi.value - cur.value),
      low: lo.value,
      high: hi.value,
      lowDate: lo.date,
      highDate: hi.date,
    });
  }
  return out;
}

export type YieldState = 'up' | 'down' | 'calm';

export function yieldState(upBp: number, downBp: number, thresholdBp: number): YieldState {
  if (upBp >= thresholdBp && upBp >= downBp) return 'up';
  if (downBp >= thresholdBp) return 'down';
  return 'calm';
}

// ---------------------------------------------------------------------------------------------
// Drawdown: distance below the all-time closing high, and the pullback before each new high.

export interface DrawdownPoint {
  date: string;
  close: number;
  high: number;
  highDate: string;
  /** ≤ 0 */
  drawdownPct: number;
  /** This close is above every earlier close. */
  newHigh: boolean;
  /** On a new high: the deepest drawdown (≤ 0) between the previous high and today; else null. */
  pullbackPct: number | null;
}

export function drawdownSeries(bars: ReadonlyArray<{ date: string; close: number }>): DrawdownPoint[] {
  const rows = bars
    .filter((b) => Number.isFinite(b.close) && b.close > 0)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out: DrawdownPoint[] = [];
  let high = -Infinity;
  let highDate = '';
  let deepest = 0;
  rows.forEach((b, i) => {
    let newHigh = false;
    let pullbackPct: number | null = null;
    if (b.close > high) {
      if (i > 0) {
        newHigh = true;
        pullbackPct = deepest;
      }
      high = b.close;
      highDate = b.date;
      deepest = 0;
    }
    const dd = (b.close / high - 1) * 100;
    if (dd < deepest) deepest = dd;
    out.push({ date: b.date, close: b.close, high, highDate, drawdownPct: dd, newHigh, pullbackPct });
  });
  return out;
}

/** 0 = within the first level, 1 = at least `first` % below the high, 2 = at least `second` %. */
export function drawdownLevel(drawdownPct: number, first: number, second: number): 0 | 1 | 2 {
  const [a, b] = first <= second ? [first, second] : [second, first];
  if (drawdownPct <= -b) return 2;
  if (drawdownPct <= -a) return 1;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Daily moves of a pinned name.

export interface DayMovePoint {
  date: string;
  close: number;
  prevDate: string;
  prevClose: number;
  changePct: number;
}

export function dayMoveSeries(bars: ReadonlyArray<{ date: string; close: number }>): DayMovePoint[] {
  const rows = bars
    .filter((b) => Number.isFinite(b.close) && b.close > 0)
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  const out: DayMovePoint[] = [];
  for (let i = 1; i < rows.length; i++) {
    const p = rows[i - 1]!;
    const c = rows[i]!;
    out.push({
      date: c.date,
      close: c.close,
      prevDate: p.date,
      prevClose: p.close,
      changePct: (c.close / p.close - 1) * 100,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Index membership of a pinned name, from the newest of the holdings files and the published
// addition/deletion lists.

/** R3000: on a published addition list, before a holdings file says which of the two indexes. */
export type MembershipState = 'R2000' | 'R1000' | 'R3000' | 'none';

export interface MembershipInputs {
  /** Russell 2000 members (IWM holdings tickers) and the file's date. */
  r2000?: { symbols: ReadonlySet<string>; asOf: string; label: string };
  /** Russell 1000 members (IWB holdings tickers) and the file's date. */
  r1000?: { symbols: ReadonlySet<string>; asOf: string; label: string };
  /** Published Russell 3000 additions/deletions. */
  recon?: { changes: readonly ReconstitutionChange[]; label: string };
}

export interface Membership {
  state: MembershipState;
  /** Date of the fact that decided the state. */
  asOf: string;
  /** Which file or list decided it, in words. */
  basis: string;
}

/**
 * The newest fact wins: being listed in a holdings file (as of its date) or on an addition or
 * deletion list (as of its effective date). An addition to the Russell 3000 is placed by a
 * Russell 1000 file at least as new as the list (listed: Russell 1000, else Russell 2000); with no
 * such file it stays "Russell 3000" rather than a guess. Null when no file is on hand (membership
 * unknown, never "none").
 */
export function membershipOf(symbol: string, inputs: MembershipInputs): Membership | null {
  const { r2000, r1000, recon } = inputs;
  if (!r2000 && !r1000) return null;
  const facts: Array<{ date: string; state: MembershipState; basis: string; rank: number }> = [];
  if (r2000?.symbols.has(symbol))
    facts.push({ date: r2000.asOf, state: 'R2000', basis: r2000.label, rank: 1 });
  if (r1000?.symbols.has(symbol))
    facts.push({ date: r1000.asOf, state: 'R1000', basis: r1000.label, rank: 2 });
  const change = recon?.changes
    .filter((c) => c.symbol === symbol)
    .sort((a, b) => (a.effective < b.effective ? -1 : 1))
    .at(-1);
  if (change && recon) {
    if (change.change === 'deleted')
      facts.push({ date: change.effective, state: 'none', basis: `${recon.label} (deleted)`, rank: 3 });
    else if (!(r1000 && r1000.asOf >= change.effective))
      facts.push({ date: change.effective, state: 'R3000', basis: `${recon.label} (added)`, rank: 3 });
    else if (!r1000.symbols.has(symbol))
      facts.push({
        date: r1000.asOf,
        state: 'R2000',
        basis: `${recon.label} (added) and not in ${r1000.label}`,
        rank: 3,
      });
  }
  // Not listed anywhere: not a member as of the newest file we hold.
  const newestFile = [r2000, r1000]
    .filter((f): f is NonNullable<typeof f> => !!f)
    .sort((a, b) => (a.asOf < b.asOf ? 1 : -1))[0]!;
  if (facts.length === 0)
    return { state: 'none', asOf: newestFile.asOf, basis: `not in ${newestFile.label}` };
  facts.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : b.rank - a.rank));
  const best = facts[0]!;
  // Listed as R2000 in an older file, but absent from a newer R2000 file is impossible here (one
  // R2000 file); absent from a NEWER Russell 1000 file says nothing about the Russell 2000.
  return { state: best.state, asOf: best.date, basis: best.basis };
}

export const MEMBERSHIP_TEXT: Record<MembershipState, string> = {
  R2000: 'Russell 2000',
  R1000: 'Russell 1000',
  R3000: 'Russell 3000 (which index not yet known)',
  none: 'in neither index',
};

// ---------------------------------------------------------------------------------------------
// Rates: the next meeting's odds, from futures (FedWatch), a prediction market or a CME capture.

export interface MeetingOdds {
  meeting: string;
  pCut: number;
  pHold: number;
  pHike: number;
  /** The single most likely decision, e.g. 'hold', 'cut 25 bp', 'hike 25 bp'. */
  mostLikely: string;
}

export function decisionLabel(changeBp: number): string {
  if (changeBp === 0) return 'hold';
  return `${changeBp < 0 ? 'cut' : 'hike'} ${Math.abs(changeBp)} bp`;
}

/** Odds of one meeting from a distribution of moves (bp → probability, any scale). */
export function meetingOdds(
  meeting: string,
  dist: ReadonlyArray<{ changeBp: number; p: number }>,
): MeetingOdds | null {
  const total = dist.reduce((a, d) => a + (Number.isFinite(d.p) && d.p > 0 ? d.p : 0), 0);
  if (!(total > 0)) return null;
  const byBp = new Map<number, number>();
  for (const d of dist)
    if (Number.isFinite(d.p) && d.p > 0) byBp.set(d.changeBp, (byBp.get(d.changeBp) ?? 0) + d.p / total);
  let best: [number, number] = [0, -1];
  for (const [k, p] of byBp)
    if (p > best[1] + 1e-12 || (Math.abs(p - best[1]) <= 1e-12 && k === 0)) best = [k, p];
  const sum = (f: (bp: number) => boolean) => [...byBp].filter(([k]) => f(k)).reduce((a, [, p]) => a + p, 0);
  return {
    meeting,
    pCut: sum((k) => k < 0),
    pHold: sum((k) => k === 0),
    pHike: sum((k) => k > 0),
    mostLikely: decisionLabel(best[0]),
  };
}

/** Probability of a move (cut or hike) in percentage points. */
export const movePts = (o: { pHold: number }) => (1 - o.pHold) * 100;

/** Largest disagreement of two odds on cut / hold / hike, in percentage points. */
export function oddsGapPts(a: MeetingOdds, b: MeetingOdds): number {
  return Math.max(Math.abs(a.pCut - b.pCut), Math.abs(a.pHold - b.pHold), Math.abs(a.pHike - b.pHike)) * 100;
}
