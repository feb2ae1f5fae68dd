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
import type { FundHistoryRow, Observation } from '../source-data';
import {
  type ConditionDef,
  DRAWDOWN_CONDITIONS,
  FLOW_CONDITIONS,
  RELATIVE_CONDITIONS,
  YIELD_CONDITIONS,
} from './evidence-conditions';
import {
  cleanFundHistory,
  forwardExcess,
  forwardReturn,
  totalReturnIndex,
  type TotalReturnSeries,
} from './evidence-history';
import { asOfLookup, drawdowns, flowPercentiles, relativeTrends, yieldChanges3m } from './evidence-states';
import {
  episodeStarts,
  median,
  round2,
  roundStats,
  stats,
  verdictOf,
  type Stats,
  type Verdict,
} from './evidence-stats';
import type { CloseRow } from './market';

export const HORIZONS = [21, 63, 126, 252] as const;
export type Horizon = (typeof HORIZONS)[number];
export const HORIZON_LABEL: Record<Horizon, string> = {
  21: '1 month',
  63: '3 months',
  126: '6 months',
  252: '12 months',
};

export type EvidenceFactorId = 'flows' | 'drawdown' | 'relative' | 'yields';
/** How a condition would read for small caps (the card's factor states without 'unknown'). */
export type ConditionReading = 'favours' | 'against' | 'neutral';

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
  reading: ConditionReading;
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
