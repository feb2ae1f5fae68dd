/**
 * "What happened next": how IWM did after each signal's state, measured on the recorded history.
 *
 * For every day t on which a signal can be read from data up to t (never later), the forward total
 * return of IWM over h trading days is TR(t+h) / TR(t) − 1, where TR is the fund's total-return
 * index: the NAV with each distribution reinvested at the ex-date NAV,
 * TR(i) = TR(i−1) × (NAV(i) + exDividend(i)) / NAV(i−1). "Trading days" are rows of the fund history;
 * a window that crosses a hole of more than a week in the history is left out (the dividends paid
 * inside the hole are unknown).
 *
 * Each condition (e.g. "65-day flow in the bottom tenth of the previous 3 years") is compared with
 * the unconditional baseline: every day on which the same signal could be read at all, so the two
 * cover the same years. Signal days overlap (a 6-month window starting on each of 40 consecutive
 * days counts one market move 40 times), so we also count independent episodes: a signal day
 * starts an episode when the previous episode's h-day window has ended (greedy, non-overlapping).
 *
 * Pure: no I/O. The inputs carry no provenance; the caller labels the result.
 */
import type { FundHistoryRow, Observation } from '../types';
import { dailyFlows, MAX_BRIDGE_DAYS, minusYears, rollingFlowSums } from './flows';
import { minusMonths, type CloseRow } from './market';

export const HORIZONS = [21, 63, 126, 252] as const;
export type Horizon = (typeof HORIZONS)[number];
export const HORIZON_LABEL: Record<Horizon, string> = {
  21: '1 month',
  63: '3 months',
  126: '6 months',
  252: '12 months',
};

export type EvidenceFactorId = 'flows' | 'drawdown' | 'relative' | 'yields';
export type Reading = 'favours' | 'against' | 'neutral';

// ---------------------------------------------------------------------------------------------
// Cleaning the fund history

/**
 * Indices of one-to-five-row spikes: rows that all lie more than `jump` (a fraction) away from the
 * last good value and are followed, within `maxRun` rows, by a row back within `back` of it. A
 * real crash-and-rebound (13–15 Oct 2008: +9.3 %, then −9.5 %) has an ordinary day in between and
 * is kept; for NAVs a spike must last `minRun` = 2 rows, since single 8 % days that half reverse
 * the next day are real in a crash (9–10 Oct 2008, 12–13 Mar 2020).
 * The iShares sheet has a few such rows (e.g. NAV 55.49 on 5–10 Jul 2001 between 49.40 and 47.32;
 * shares outstanding doubled for one day on 21 Sep 2001): left in, one bad row would count as a
 * 12 % day or a $3 B flow and again as its reversal.
 */
export function spikeIndices(
  values: ReadonlyArray<number | null>,
  jump: number,
  back: number,
  minRun = 1,
  maxRun = 5,
) {
  const out = new Set<number>();
  let anchor: number | null = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || !Number.isFinite(v) || v <= 0) continue;
    if (anchor === null || Math.abs(v / anchor - 1) <= jump) {
      anchor = v;
      continue;
    }
    // v jumped: look for a return to the anchor within maxRun rows, every row between off too.
    const run = [i];
    let returned = false;
    for (let j = i + 1; j < values.length && run.length <= maxRun; j++) {
      const w = values[j];
      if (w === null || w === undefined || !Number.isFinite(w) || w <= 0) continue;
      if (Math.abs(w / anchor - 1) <= back) {
        returned = true;
        break;
      }
      if (Math.abs(w / anchor - 1) <= jump) break;
      run.push(j);
    }
    if (returned && run.length >= minRun && run.length <= maxRun) {
      for (const k of run) out.add(k);
      i = run[run.length - 1]!;
    } else anchor = v;
  }
  return out;
}

export interface CleanedHistory {
  rows: FundHistoryRow[];
  /** Rows dropped for a NAV spike, and share counts blanked for a share-count spike. */
  navSpikes: string[];
  shareSpikes: string[];
  /** Dates of rows that follow dropped rows: the hole before them is ours, not the file's. */
  bridged: Set<string>;
}

/** Sorted rows with a usable NAV; NAV spikes dropped (unless they carry a distribution), share spikes blanked. */
export function cleanFundHistory(history: readonly FundHistoryRow[]): CleanedHistory {
  const sorted = history
    .filter((r) => Number.isFinite(r.nav) && r.nav > 0)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const navBad = spikeIndices(
    sorted.map((r) => r.nav),
    0.08,
    0.05,
    2,
  );
  const shareBad = spikeIndices(
    sorted.map((r) => r.sharesOutstanding),
    0.3,
    0.25,
  );
  const navSpikes: string[] = [];
  const shareSpikes: string[] = [];
  const rows: FundHistoryRow[] = [];
  const bridged = new Set<string>();
  sorted.forEach((r, i) => {
    if (navBad.has(i) && !r.exDividend) {
      navSpikes.push(r.date);
      return;
    }
    if (i > 0 && navBad.has(i - 1) && !sorted[i - 1]!.exDividend) bridged.add(r.date);
    if (shareBad.has(i)) {
      shareSpikes.push(r.date);
      rows.push({ ...r, sharesOutstanding: null });
    } else rows.push(r);
  });
  return { rows, navSpikes, shareSpikes, bridged };
}

// ---------------------------------------------------------------------------------------------
// Total-return index and forward returns

export interface TotalReturnSeries {
  dates: string[];
  /** TR(0) = 1. */
  index: number[];
  /** Rows in the same segment have no hole of more than MAX_BRIDGE_DAYS between them. */
  segment: number[];
}

/** The total-return index of sorted, clean rows (see the header for the formula). */
export function totalReturnIndex(
  rows: readonly FundHistoryRow[],
  bridged: ReadonlySet<string> = new Set(),
): TotalReturnSeries {
  const dates: string[] = [];
  const index: number[] = [];
  const segment: number[] = [];
  let seg = 0;
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    if (!prev) {
      index.push(1);
    } else {
      const hole = Date.parse(r.date) - Date.parse(prev.date) > MAX_BRIDGE_DAYS * 86_400_000;
      if (hole && !bridged.has(r.date)) seg++;
      index.push(index[i - 1]! * ((r.nav + (r.exDividend ?? 0)) / prev.nav));
    }
    dates.push(r.date);
    segment.push(seg);
  });
  return { dates, index, segment };
}

/** Forward total return in % from row i over h rows, null past the end or across a hole. */
export function forwardReturn(tr: TotalReturnSeries, i: number, h: number): number | null {
  const j = i + h;
  if (j >= tr.index.length || tr.segment[j] !== tr.segment[i]) return null;
  return (tr.index[j]! / tr.index[i]! - 1) * 100;
}

/** IWM's forward return minus SPY's over the same two dates (percentage points), or null. */
export function forwardExcess(
  tr: TotalReturnSeries,
  spyByDate: ReadonlyMap<string, number>,
  i: number,
  h: number,
): number | null {
  const iwm = forwardReturn(tr, i, h);
  if (iwm === null) return null;
  const a = spyByDate.get(tr.dates[i]!);
  const b = spyByDate.get(tr.dates[i + h]!);
  if (a === undefined || b === undefined) return null;
  return iwm - (b / a - 1) * 100;
}

// ---------------------------------------------------------------------------------------------
// Signals, one state per fund-history row (null = cannot be read that day)

/**
 * 65-day flow as % of assets, ranked among the 65-day flows of the previous 3 years. A day is
 * ranked only when its lookback is fully covered (the first rolling value is 3 years older) and
 * holds at least 250 values, so the earliest ranks are not made from a few months of a new fund.
 */
export function flowPercentiles(rows: readonly FundHistoryRow[], windowDays = 65, lookbackYears = 3) {
  const rolling = rollingFlowSums(dailyFlows(rows), windowDays);
  const out = new Map<string, number>();
  const first = rolling[0]?.date;
  if (!first) return out;
  let lo = 0;
  for (let e = 0; e < rolling.length; e++) {
    const r = rolling[e]!;
    const from = minusYears(r.date, lookbackYears);
    if (first > from) continue;
    while (lo < e && rolling[lo]!.date <= from) lo++;
    const n = e - lo + 1;
    if (n < 250) continue;
    // percentileRank over rolling[lo..e] without copying the pool (this runs for every day).
    let below = 0;
    let equal = 0;
    const x = r.pctOfAssets;
    for (let k = lo; k <= e; k++) {
      const v = rolling[k]!.pctOfAssets;
      if (v < x) below++;
      else if (v === x) equal++;
    }
    out.set(r.date, ((below + equal / 2) / n) * 100);
  }
  return out;
}

/** % below the running high of the total-return index, once a year of history lies behind. */
export function drawdowns(tr: TotalReturnSeries, minRows = 252): Array<number | null> {
  let high = -Infinity;
  return tr.index.map((v, i) => {
    high = Math.max(high, v);
    return i + 1 >= minRows ? (v / high - 1) * 100 : null;
  });
}

export type RelativeTrendState = 'rising' | 'falling' | 'mixed';

/**
 * The IWM/SPY trend of lib/signals/market.ts `relativeStrength` for every common date, computed
 * in one pass (the same rules: 50- vs 200-day average of the ratio, and the 63-session change).
 */
export function relativeTrends(iwm: readonly CloseRow[], spy: readonly CloseRow[]) {
  const ok = (r: CloseRow) => Number.isFinite(r.close) && r.close > 0;
  const spyBy = new Map(spy.filter(ok).map((r) => [r.date, r.close]));
  const ratios: Array<{ date: string; ratio: number }> = [];
  for (const r of [...iwm].filter(ok).sort((a, b) => (a.date < b.date ? -1 : 1))) {
    const s = spyBy.get(r.date);
    if (s !== undefined) ratios.push({ date: r.date, ratio: r.close / s });
  }
  const prefix = [0];
  for (const r of ratios) prefix.push(prefix[prefix.length - 1]! + r.ratio);
  const out = new Map<string, RelativeTrendState>();
  ratios.forEach((r, i) => {
    if (i + 1 < 200 || i < 63) return;
    const sma50 = (prefix[i + 1]! - prefix[i + 1 - 50]!) / 50;
    const sma200 = (prefix[i + 1]! - prefix[i + 1 - 200]!) / 200;
    const change = (r.ratio / ratios[i - 63]!.ratio - 1) * 100;
    out.set(
      r.date,
      sma50 > sma200 && change > 0 ? 'rising' : sma50 < sma200 && change < 0 ? 'falling' : 'mixed',
    );
  });
  return out;
}

/**
 * The 2-year yield's 3-month change in bp on each observation date, by `yieldPoint`'s rule: the
 * last observation on or before the date 3 months earlier, no more than 10 days before it.
 */
export function yieldChanges3m(obs: readonly Observation[]): Map<string, number> {
  const sorted = obs.filter((o) => Number.isFinite(o.value)).sort((a, b) => (a.date < b.date ? -1 : 1));
  const out = new Map<string, number>();
  let ref = -1;
  for (const o of sorted) {
    const target = minusMonths(o.date, 3);
    while (ref + 1 < sorted.length && sorted[ref + 1]!.date <= target) ref++;
    const r = sorted[ref];
    if (!r || Date.parse(target) - Date.parse(r.date) > 10 * 86_400_000) continue;
    out.set(o.date, Math.round((o.value - r.value) * 10000) / 100);
  }
  return out;
}

/** The value on `date`, or on the latest earlier date no more than `maxDays` before. */
function asOfLookup<T>(byDate: ReadonlyMap<string, T>, maxDays: number) {
  const dates = [...byDate.keys()].sort();
  let p = -1;
  // Called with increasing dates: a moving pointer keeps the whole pass linear.
  return (date: string): T | undefined => {
    while (p + 1 < dates.length && dates[p + 1]! <= date) p++;
    const d = dates[p];
    if (d === undefined || Date.parse(date) - Date.parse(d) > maxDays * 86_400_000) return undefined;
    return byDate.get(d);
  };
}

// ---------------------------------------------------------------------------------------------
// Statistics

export interface Stats {
  n: number;
  median: number;
  mean: number;
  /** % of outcomes above zero. */
  sharePositive: number;
  worst: number;
}

export function median(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const m = Math.floor(n / 2);
  return n % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}

export function stats(values: readonly number[]): Stats | null {
  if (values.length === 0) return null;
  // A typed array sorts numerically without a comparator call per step (~10× faster here).
  const s = Float64Array.from(values).sort();
  return {
    n: s.length,
    median: median(s),
    mean: s.reduce((a, b) => a + b, 0) / s.length,
    sharePositive: (s.filter((v) => v > 0).length / s.length) * 100,
    worst: s[0]!,
  };
}

/** Greedy non-overlapping episodes: a day starts one when it is ≥ h rows after the last start. */
export function episodeStarts(days: readonly number[], h: number): number[] {
  const out: number[] = [];
  for (const d of days) if (out.length === 0 || d - out[out.length - 1]! >= h) out.push(d);
  return out;
}

/** How much a median must differ from the all-days median (pts) before we call it better or worse. */
export const SIMILAR_WITHIN: Record<Horizon, number> = { 21: 0.5, 63: 1, 126: 2, 252: 3 };
export const FEW_EPISODES = 5;

export type Verdict = 'better' | 'worse' | 'similar' | 'too-few';

export interface HorizonEvidence {
  horizon: Horizon;
  /** Signal days with a complete forward window. */
  signalDays: number;
  episodes: number;
  episodeDates: string[];
  /** Over all signal days (overlapping windows). */
  stats: Stats | null;
  /** Over the episode starts only (independent windows). */
  episodeStats: Stats | null;
  baseline: Stats | null;
  /** IWM minus SPY (pts), where both histories cover the window. */
  relative: { stats: Stats | null; baseline: Stats | null } | null;
  verdict: Verdict;
}

export interface ConditionEvidence {
  id: string;
  label: string;
  reading: Reading;
  /** Days on which the condition held (with or without a complete forward window). */
  conditionDays: number;
  horizons: HorizonEvidence[];
  /** Median forward return k trading days after a signal day, k = path.k. */
  path: Array<number | null>;
}

export interface FactorEvidence {
  id: EvidenceFactorId;
  title: string;
  /** What the signal measures, in words. */
  measure: string;
  /** First and last day the signal could be read. */
  from: string;
  to: string;
  /** Days the signal could be read (the baseline's days). */
  definedDays: number;
  /** The condition(s) holding on the last readable day. */
  current: { date: string; conditionIds: string[] } | null;
  conditions: ConditionEvidence[];
  pathK: number[];
  baselinePath: Array<number | null>;
  notes: string[];
}

export interface EvidenceInputs {
  fundHistory: readonly FundHistoryRow[];
  /** Dividend-adjusted closes (e.g. Stooq), for the IWM/SPY trend. */
  iwmCloses?: readonly CloseRow[];
  /** Dividend-adjusted SPY closes: the SPY comparison and the IWM/SPY trend. */
  spyCloses?: readonly CloseRow[];
  dgs2?: readonly Observation[];
}

export interface Evidence {
  version: 1;
  asOf: string;
  horizons: Horizon[];
  factors: FactorEvidence[];
  cleaning: { navSpikes: string[]; shareSpikes: string[] };
}

interface ConditionDef {
  id: string;
  label: string;
  reading: Reading;
  test: (state: number | string) => boolean;
}

interface SignalDef {
  id: EvidenceFactorId;
  title: string;
  measure: string;
  /** One state per TR row, null where the signal cannot be read. */
  states: Array<number | string | null>;
  conditions: ConditionDef[];
  notes: string[];
}

export const PATH_STEP = 5;
const round2 = (x: number) => Math.round(x * 100) / 100;

function roundStats(s: Stats | null): Stats | null {
  return s
    ? {
        n: s.n,
        median: round2(s.median),
        mean: round2(s.mean),
        sharePositive: round2(s.sharePositive),
        worst: round2(s.worst),
      }
    : null;
}

export function verdictOf(h: Horizon, s: Stats | null, base: Stats | null, episodes: number): Verdict {
  if (!s || !base || episodes < FEW_EPISODES) return 'too-few';
  const diff = s.median - base.median;
  if (diff >= SIMILAR_WITHIN[h] && s.sharePositive >= base.sharePositive) return 'better';
  if (diff <= -SIMILAR_WITHIN[h] && s.sharePositive <= base.sharePositive) return 'worse';
  return 'similar';
}

function medianPath(tr: TotalReturnSeries, days: readonly number[], ks: readonly number[]) {
  return ks.map((k) => {
    const v: number[] = [];
    for (const d of days) {
      const r = forwardReturn(tr, d, k);
      if (r !== null) v.push(r);
    }
    return v.length ? round2(median(Float64Array.from(v).sort())) : null;
  });
}

function evaluate(
  tr: TotalReturnSeries,
  spyBy: ReadonlyMap<string, number> | null,
  def: SignalDef,
): FactorEvidence | null {
  const defined: number[] = [];
  def.states.forEach((s, i) => {
    if (s !== null) defined.push(i);
  });
  if (defined.length === 0) return null;
  const pathK = Array.from({ length: 252 / PATH_STEP + 1 }, (_, i) => Math.min(252, i * PATH_STEP)).concat(
    252 % PATH_STEP ? [252] : [],
  );
  const fwd = (days: readonly number[], h: number) =>
    days.map((d) => forwardReturn(tr, d, h)).filter((x): x is number => x !== null);
  const rel = (days: readonly number[], h: number) =>
    spyBy ? days.map((d) => forwardExcess(tr, spyBy, d, h)).filter((x): x is number => x !== null) : [];
  const baseline = new Map<Horizon, { s: Stats | null; rel: Stats | null }>();
  for (const h of HORIZONS) baseline.set(h, { s: stats(fwd(defined, h)), rel: stats(rel(defined, h)) });

  const conditions: ConditionEvidence[] = def.conditions.map((c) => {
    const days = defined.filter((i) => c.test(def.states[i]!));
    const horizons = HORIZONS.map((h): HorizonEvidence => {
      const withFuture = days.filter((d) => forwardReturn(tr, d, h) !== null);
      const starts = episodeStarts(withFuture, h);
      const s = stats(fwd(withFuture, h));
      const base = baseline.get(h)!;
      const relStats = stats(rel(withFuture, h));
      return {
        horizon: h,
        signalDays: withFuture.length,
        episodes: starts.length,
        episodeDates: starts.map((i) => tr.dates[i]!),
        stats: roundStats(s),
        episodeStats: roundStats(stats(fwd(starts, h))),
        baseline: roundStats(base.s),
        relative: spyBy ? { stats: roundStats(relStats), baseline: roundStats(base.rel) } : null,
        verdict: verdictOf(h, s, base.s, starts.length),
      };
    });
    return {
      id: c.id,
      label: c.label,
      reading: c.reading,
      conditionDays: days.length,
      horizons,
      path: medianPath(tr, days, pathK),
    };
  });
  const last = defined[defined.length - 1]!;
  const lastState = def.states[last]!;
  return {
    id: def.id,
    title: def.title,
    measure: def.measure,
    from: tr.dates[defined[0]!]!,
    to: tr.dates[last]!,
    definedDays: defined.length,
    current: {
      date: tr.dates[last]!,
      conditionIds: def.conditions.filter((c) => c.test(lastState)).map((c) => c.id),
    },
    conditions,
    pathK,
    baselinePath: medianPath(tr, defined, pathK),
    notes: def.notes,
  };
}

export const FLOW_CONDITIONS: ConditionDef[] = [
  {
    id: 'bottom-decile',
    label: '65-day outflows were in the bottom tenth of the previous 3 years',
    reading: 'favours',
    test: (p) => (p as number) <= 10,
  },
  {
    id: 'top-decile',
    label: '65-day inflows were in the top tenth of the previous 3 years',
    reading: 'against',
    test: (p) => (p as number) >= 90,
  },
  {
    id: 'middle',
    label: '65-day flows were within the usual range (10th–90th percentile)',
    reading: 'neutral',
    test: (p) => (p as number) > 10 && (p as number) < 90,
  },
];

export const DRAWDOWN_CONDITIONS: ConditionDef[] = [
  {
    id: 'below-20',
    label: 'IWM was 20 % or more below its high',
    reading: 'favours',
    test: (d) => (d as number) <= -20,
  },
  {
    id: 'below-10',
    label: 'IWM was 10 % or more below its high',
    reading: 'neutral',
    test: (d) => (d as number) <= -10,
  },
  {
    id: 'near-high',
    label: 'IWM was less than 10 % below its high',
    reading: 'neutral',
    test: (d) => (d as number) > -10,
  },
];

export const RELATIVE_CONDITIONS: ConditionDef[] = [
  {
    id: 'rising',
    label: 'small caps were outperforming large caps (IWM/SPY trend rising)',
    reading: 'favours',
    test: (s) => s === 'rising',
  },
  {
    id: 'falling',
    label: 'small caps were lagging large caps (IWM/SPY trend falling)',
    reading: 'against',
    test: (s) => s === 'falling',
  },
  { id: 'mixed', label: 'the IWM/SPY trend was mixed', reading: 'neutral', test: (s) => s === 'mixed' },
];

export const YIELD_CONDITIONS: ConditionDef[] = [
  {
    id: 'fell-25',
    label: 'the 2-year Treasury yield had fallen 0.25 points or more in 3 months',
    reading: 'favours',
    test: (bp) => (bp as number) <= -25,
  },
  {
    id: 'rose-25',
    label: 'the 2-year Treasury yield had risen 0.25 points or more in 3 months',
    reading: 'against',
    test: (bp) => (bp as number) >= 25,
  },
  {
    id: 'flat',
    label: 'the 2-year Treasury yield had moved less than 0.25 points in 3 months',
    reading: 'neutral',
    test: (bp) => Math.abs(bp as number) < 25,
  },
];

/** The whole evidence set from the raw histories. */
export function computeEvidence(inputs: EvidenceInputs): Evidence {
  const cleaned = cleanFundHistory(inputs.fundHistory);
  const tr = totalReturnIndex(cleaned.rows, cleaned.bridged);
  const spyBy = inputs.spyCloses?.length
    ? new Map(inputs.spyCloses.filter((r) => r.close > 0).map((r) => [r.date, r.close]))
    : null;
  const defs: SignalDef[] = [];

  const pct = flowPercentiles(cleaned.rows);
  defs.push({
    id: 'flows',
    title: 'IWM fund flows',
    measure:
      '65-day net creations/redemptions (Δshares outstanding × NAV) as a share of fund assets, ranked within the previous 3 years',
    states: tr.dates.map((d) => pct.get(d) ?? null),
    conditions: FLOW_CONDITIONS,
    notes: [
      'Ranked by flow as a share of assets (the card ranks dollar flows; the two mostly agree over 3 years).',
    ],
  });

  defs.push({
    id: 'drawdown',
    title: 'IWM drawdown from its high',
    measure: 'distance of the total-return index below its running high (after a year of history)',
    states: drawdowns(tr),
    conditions: DRAWDOWN_CONDITIONS,
    notes: ['The high is measured from the fund’s start in May 2000.'],
  });

  if (inputs.iwmCloses?.length && inputs.spyCloses?.length) {
    const trend = relativeTrends(inputs.iwmCloses, inputs.spyCloses);
    defs.push({
      id: 'relative',
      title: 'Small vs large caps (IWM/SPY)',
      measure: '50-day vs 200-day average of the IWM/SPY price ratio, with the 3-month change agreeing',
      states: tr.dates.map((d) => trend.get(d) ?? null),
      conditions: RELATIVE_CONDITIONS,
      notes: ['Trend from dividend-adjusted daily closes (Stooq); returns from the fund’s NAV.'],
    });
  }

  if (inputs.dgs2?.length) {
    const at = asOfLookup(yieldChanges3m(inputs.dgs2), 7);
    defs.push({
      id: 'yields',
      title: 'Treasury yields',
      measure: '3-month change of the 2-year Treasury yield (FRED DGS2)',
      states: tr.dates.map((d) => at(d) ?? null),
      conditions: YIELD_CONDITIONS,
      notes: [
        'Only the recorded 2-year yield history since 2021 is available: few episodes, one rate cycle.',
      ],
    });
  }

  const factors = defs.map((d) => evaluate(tr, spyBy, d)).filter((f): f is FactorEvidence => f !== null);
  return {
    version: 1,
    asOf: tr.dates.at(-1) ?? '',
    horizons: [...HORIZONS],
    factors,
    cleaning: { navSpikes: cleaned.navSpikes, shareSpikes: cleaned.shareSpikes },
  };
}
