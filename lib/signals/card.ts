/**
 * The small-cap signal card: six factors, each read as historically favouring small caps, not
 * favouring them, neutral, or unknown. Pure: every figure comes from `SignalInputs`; a missing
 * input makes its factor 'unknown' with the reason, never a made-up number. The wording describes
 * historical tendencies and never tells anyone to buy or sell.
 *
 * Thresholds (documented here, shown to users through the reasons):
 * - flows: 65-day IWM flow ≤ 10th percentile of 3 years → favours (contrarian reading);
 *   ≥ 90th → against; too little history → unknown.
 * - rates (lib/signals/rates-factor.ts): P(cut at the next decision) ≥ 50 % (futures: or expected
 *   change by year end ≤ −25 bp) → favours (small caps carry more floating-rate debt); hikes by
 *   the same measures → against. Without futures: the newest CME table or prediction market.
 * - relative: IWM/SPY 50-day vs 200-day average and 3-month change agree → favours / against.
 * - drawdown: ≥ 20 % below the closing high → favours (contrarian reading); otherwise neutral.
 * - yields: 2-year yield down ≥ 25 bp in 3 months → favours; up ≥ 25 bp → against.
 * - recon: informational, always neutral (or unknown without a calendar).
 */
import type { ChartSeries, Factor, FactorId, FactorState, SignalCard, SmallCapStrip } from '../view-models';
import type {
  Calendars,
  FundHistoryRow,
  FuturesQuote,
  MarketOdds,
  Observation,
  PriceSeries,
  Provenance,
} from '../source-data';
import { computeFlowSignal } from './flows';
import type { TargetRange } from './fedwatch';
import type { FedWatchCapture } from '../sources/cme-fedwatch-capture';
import { buildRatesFactor } from './rates-factor';
import { drawdownFromHigh, relativeStrength, splitPartialSession, yieldSnapshot } from './market';
import { reconStatus } from './recon';
import { formatBp, formatDate, formatMoney, formatPercent as formatPct, ordinal } from '../core/format';
import { feedOf, isStale, withStaleFlag } from '../core/freshness';
import { newYorkDate } from '../core/market-time';

const formatUsdCompact = (x: number) => formatMoney(x, { signed: true });

/** The clock a card is built at: `now` decides staleness, `today` (New York) day counts. */
interface Clock {
  now: Date;
  today: string;
}

export interface Sourced<T> {
  data: T;
  provenance: Provenance;
}

/** Everything the card can use; each input is optional and carries where it came from. */
export interface SignalInputs {
  /** IWM Historical sheet (NAV, shares outstanding). */
  fundHistory?: Sourced<readonly FundHistoryRow[]>;
  /** Fed funds futures closes; the newest date present is the watch date. */
  futures?: Sourced<readonly FuturesQuote[]>;
  /** Fed target range in force (e.g. FRED DFEDTARL/DFEDTARU, see targetRangeFromObservations). */
  targetRange?: Sourced<TargetRange>;
  calendars?: Sourced<Calendars>;
  /** Prediction-market odds, one entry per venue. */
  marketOdds?: Array<Sourced<readonly MarketOdds[]>>;
  /** CME FedWatch's published table, captured from its page: the rates fallback without futures. */
  fedWatchCapture?: Sourced<FedWatchCapture>;
  iwm?: Sourced<PriceSeries>;
  spy?: Sourced<PriceSeries>;
  dgs2?: Sourced<readonly Observation[]>;
  dgs10?: Sourced<readonly Observation[]>;
}

const TITLES: Record<FactorId, string> = {
  flows: 'IWM fund flows',
  rates: 'Fed rate expectations',
  relative: 'Small vs large caps (IWM/SPY)',
  drawdown: 'IWM drawdown from its high',
  yields: 'Treasury yields',
  recon: 'Russell reconstitution',
};

// Plain words (no "Recon", no ratios): the hover card lists these in its sources footnote.
const STRIP_LABELS: Record<FactorId, string> = {
  flows: 'IWM flows',
  rates: 'Fed odds',
  relative: 'Small vs large caps',
  drawdown: 'IWM vs its high',
  yields: '2-year yield',
  recon: 'Russell rebalance',
};

export const DISCLAIMER =
  'For information only, not investment advice and not a recommendation to buy or sell. ' +
  'The readings describe how similar conditions have related to small-cap returns in the past; ' +
  'the past does not guarantee the future. Data may be delayed or incomplete: check each source.';

/** Target range from FRED DFEDTARL / DFEDTARU observations on or before `date` (latest of each). */
export function targetRangeFromObservations(
  lower: readonly Observation[],
  upper: readonly Observation[],
  date: string,
): TargetRange | null {
  const latest = (obs: readonly Observation[]) =>
    obs
      .filter((o) => o.date <= date)
      .reduce<Observation | null>((a, o) => (!a || o.date > a.date ? o : a), null);
  const lo = latest(lower);
  const hi = latest(upper);
  return lo && hi && hi.value > lo.value ? { lower: lo.value, upper: hi.value } : null;
}

const toX = (date: string) => Date.parse(`${date}T00:00:00Z`) / 1000;

function unknownFactor(id: FactorId, reason: string, provenance: Provenance[] = []): Factor {
  return {
    id,
    title: TITLES[id],
    state: 'unknown',
    headline: 'Unavailable',
    reason,
    details: [],
    chart: null,
    asOf: null,
    provenance,
    stale: false,
  };
}

/** Any of the sources is stale by the one freshness rule (lib/core/freshness.ts). */
function staleOf(provenance: Provenance[], clock: Clock): boolean {
  return provenance.some((p) => isStale(feedOf(p), p.asOf, clock.now));
}

// ---------------------------------------------------------------------------------------------

function flowsFactor(input: SignalInputs['fundHistory'], clock: Clock): Factor {
  if (!input) return unknownFactor('flows', 'IWM shares-outstanding history unavailable');
  const s = computeFlowSignal(input.data);
  const prov = [input.provenance];
  if (!s.current) return { ...unknownFactor('flows', s.reading, prov), stale: staleOf(prov, clock) };
  const state: FactorState =
    s.state === 'heavy-outflows'
      ? 'favours'
      : s.state === 'heavy-inflows'
        ? 'against'
        : s.state === 'neutral'
          ? 'neutral'
          : 'unknown';
  const window = s.daily.slice(-s.windowDays);
  const chart: ChartSeries = {
    kind: 'bar',
    x: window.map((d) => toX(d.date)),
    series: [
      // Dollars, so the chart reads "$594M" like every other money figure ("$5.42B").
      { label: 'Daily net flow', values: window.map((d) => Math.round(d.flow)), unit: 'USD' },
    ],
    summary:
      `Daily IWM creations minus redemptions, ${formatDate(s.current.start, true)} – ${formatDate(s.current.date)}: ` +
      `${window.filter((d) => d.flow > 0).length} days of inflows, ${window.filter((d) => d.flow < 0).length} of outflows, ` +
      `net ${formatUsdCompact(s.current.sum)}.`,
  };
  const details = [
    {
      label: 'Window',
      value: `${formatDate(s.current.start)} – ${formatDate(s.current.date)} (${s.windowDays} trading days)`,
    },
    { label: 'Share of fund assets', value: formatPct(s.current.pctOfAssets, 2, true) },
    {
      label: 'Shares created/redeemed',
      value: `${s.current.sharesChange > 0 ? '+' : s.current.sharesChange < 0 ? '\u2212' : ''}${Math.abs(s.current.sharesChange).toLocaleString('en-US')}`,
    },
  ];
  if (s.percentile !== null && s.lookback) {
    const lb = s.lookback;
    const holes = lb.holes
      .map((h) => `no window ends between ${formatDate(h.from)} and ${formatDate(h.to)}`)
      .join('; ');
    details.push({
      label: `Percentile (windows ending ${formatDate(lb.from)} – ${formatDate(lb.to)})`,
      value: `${ordinal(s.percentile)} of ${lb.count.toLocaleString('en-US')} windows${holes ? ` (${holes}: a hole in the history)` : ''}`,
    });
    details.push({ label: 'z-score', value: (s.zScore ?? 0).toFixed(2) });
  }
  details.push({ label: 'Method', value: 'Σ Δshares outstanding × same-day NAV' });
  return {
    id: 'flows',
    title: TITLES.flows,
    state,
    headline: `${formatUsdCompact(s.current.sum)} (${s.windowDays} days)`,
    reason: s.reading,
    details,
    chart,
    asOf: s.current.date,
    provenance: prov,
    stale: staleOf(prov, clock),
  };
}

function ratesFactor(inputs: SignalInputs, clock: Clock): Factor {
  return buildRatesFactor(inputs, clock.today, (p) => isStale(feedOf(p), p.asOf, clock.now));
}

/** Closes only: a last row for a session that had not closed when fetched, or a partial day, is split off. */
function closedBars(input: Sourced<PriceSeries>, clock: Clock) {
  const fetched = input.provenance.fetchedAt ? new Date(input.provenance.fetchedAt) : clock.now;
  return splitPartialSession(input.data.bars, Number.isFinite(fetched.getTime()) ? fetched : clock.now);
}

function relativeFactor(inputs: SignalInputs, clock: Clock): Factor {
  const { iwm, spy } = inputs;
  if (!iwm || !spy) return unknownFactor('relative', `${!iwm ? 'IWM' : 'SPY'} prices unavailable`);
  const prov = [iwm.provenance, spy.provenance];
  const r = relativeStrength(closedBars(iwm, clock).closed, closedBars(spy, clock).closed);
  if (!r)
    return {
      ...unknownFactor('relative', 'IWM and SPY prices share no dates', prov),
      stale: staleOf(prov, clock),
    };
  const state: FactorState =
    r.trend === 'rising'
      ? 'favours'
      : r.trend === 'falling'
        ? 'against'
        : r.trend === 'mixed'
          ? 'neutral'
          : 'unknown';
  const reason =
    r.trend === 'rising'
      ? 'Small caps have been outperforming large caps (50-day average of IWM/SPY above its 200-day, 3-month change positive); such trends have tended to persist.'
      : r.trend === 'falling'
        ? 'Small caps have been lagging large caps (50-day average of IWM/SPY below its 200-day, 3-month change negative).'
        : r.trend === 'mixed'
          ? 'The IWM/SPY trend is mixed: the moving averages and the 3-month change disagree.'
          : 'Fewer than 200 common trading days: no trend reading yet.';
  const details = [
    { label: `IWM/SPY ratio (last day both have: ${formatDate(r.asOf)})`, value: r.ratio.toFixed(4) },
    { label: '3-month change', value: r.change3mPct === null ? 'n/a' : formatPct(r.change3mPct, 1, true) },
    { label: '1-year change', value: r.change1yPct === null ? 'n/a' : formatPct(r.change1yPct, 1, true) },
    {
      label: '50-day vs 200-day average',
      value:
        r.sma50 !== null && r.sma200 !== null ? `${r.sma50.toFixed(4)} vs ${r.sma200.toFixed(4)}` : 'n/a',
    },
  ];
  return {
    id: 'relative',
    title: TITLES.relative,
    state,
    headline:
      // The bare ratio means nothing to a reader; until a 3-month change exists, say so.
      r.change3mPct === null ? 'Too little history' : `${formatPct(r.change3mPct, 1, true)} (3 months)`,
    reason,
    details,
    chart: {
      kind: 'line',
      x: r.series.map((p) => toX(p.date)),
      series: [{ label: 'IWM/SPY', values: r.series.map((p) => p.ratio), unit: 'ratio' }],
      summary: `IWM/SPY price ratio over ${r.series.length} trading days to ${formatDate(r.asOf)}, from ${r.series[0]?.ratio.toFixed(3)} to ${r.ratio.toFixed(3)}.`,
    },
    asOf: r.asOf,
    provenance: prov,
    stale: staleOf(prov, clock),
  };
}

function drawdownFactor(input: SignalInputs['iwm'], clock: Clock): Factor {
  if (!input) return unknownFactor('drawdown', 'IWM prices unavailable');
  const prov = [input.provenance];
  const { closed, partial } = closedBars(input, clock);
  const d = drawdownFromHigh(closed);
  if (!d) return unknownFactor('drawdown', 'IWM price history is empty', prov);
  const since = closed[0]?.date ?? d.asOf;
  const deep = d.drawdownPct <= -20;
  const reason = deep
    ? `IWM is ${formatPct(-d.drawdownPct, 1)} below its closing high; read contrarian-style, drawdowns this deep have historically been followed by above-average returns, though not always.`
    : d.drawdownPct === 0
      ? 'IWM is at its closing high.'
      : `IWM is ${formatPct(-d.drawdownPct, 1)} below its closing high, within the usual range.`;
  return {
    id: 'drawdown',
    title: TITLES.drawdown,
    state: deep ? 'favours' : 'neutral',
    headline: d.drawdownPct === 0 ? 'At its high' : `${formatPct(d.drawdownPct, 1, true)} from high`,
    reason,
    details: [
      { label: 'Closing high', value: `${d.high.toFixed(2)} on ${formatDate(d.highDate)}` },
      { label: 'Last close', value: `${d.close.toFixed(2)} on ${formatDate(d.asOf)}` },
      ...(partial
        ? [
            {
              label: 'Latest price (not a close)',
              value:
                `${partial.row.close.toFixed(2)} on ${formatDate(partial.row.date)}, ` +
                (partial.reason === 'session-open'
                  ? 'intraday: the session had not closed when the data was fetched'
                  : `partial day: volume ${formatPct((partial.volumeShare ?? 0) * 100, 0)} of a normal day's`),
            },
          ]
        : []),
      { label: 'Rise needed to regain the high', value: formatPct(d.riseToHighPct, 1, true) },
      { label: 'High measured over data since', value: formatDate(since) },
    ],
    chart: {
      kind: 'line',
      x: d.series.map((p) => toX(p.date)),
      series: [
        {
          label: 'Below high',
          values: d.series.map((p) => Math.round(p.drawdownPct * 100) / 100),
          unit: '%',
        },
      ],
      summary: `IWM's distance below its closing high over ${d.series.length} trading days; ${formatPct(d.drawdownPct, 1, true)} at the close of ${formatDate(d.asOf)}.`,
    },
    asOf: d.asOf,
    provenance: prov,
    stale: staleOf(prov, clock),
  };
}

function yieldsFactor(inputs: SignalInputs, clock: Clock): Factor {
  const { dgs2, dgs10 } = inputs;
  if (!dgs2) return unknownFactor('yields', '2-year Treasury yield unavailable');
  const prov = [dgs2.provenance, ...(dgs10 ? [dgs10.provenance] : [])];
  const y = yieldSnapshot(dgs2.data, dgs10?.data ?? []);
  const two = y.twoYear;
  if (!two) return unknownFactor('yields', '2-year Treasury yield history is empty', prov);
  let state: FactorState = 'neutral';
  let reason = 'The 2-year yield moved less than 0.25 points in 3 months: no clear push either way.';
  if (two.change3mBp === null) {
    state = 'unknown';
    reason = 'Not enough 2-year yield history for a 3-month change.';
  } else if (two.change3mBp <= -25) {
    state = 'favours';
    reason = `The 2-year yield fell ${formatBp(-two.change3mBp).replace('+', '')} in 3 months; falling yields have historically eased small caps’ borrowing costs.`;
  } else if (two.change3mBp >= 25) {
    state = 'against';
    reason = `The 2-year yield rose ${formatBp(two.change3mBp).replace('+', '')} in 3 months; rising yields have historically weighed on small caps.`;
  }
  const row = (p: typeof two) =>
    `${p.value.toFixed(2)}% (1 mo ${p.change1mBp === null ? 'n/a' : formatBp(p.change1mBp)}, 3 mo ${p.change3mBp === null ? 'n/a' : formatBp(p.change3mBp)})`;
  const details = [{ label: '2-year', value: row(two) }];
  if (y.tenYear) details.push({ label: '10-year', value: row(y.tenYear) });
  if (y.spread)
    details.push({
      label: '10y − 2y spread',
      value: `${y.spread.value.toFixed(2)} pts (3 mo ${y.spread.change3mBp === null ? 'n/a' : formatBp(y.spread.change3mBp)})`,
    });
  const chart: ChartSeries | null =
    y.series.length > 0
      ? {
          kind: 'line',
          x: y.series.map((p) => toX(p.date)),
          series: [
            { label: '2-year', values: y.series.map((p) => p.twoYear), unit: '%' },
            { label: '10-year', values: y.series.map((p) => p.tenYear), unit: '%' },
          ],
          summary: `2-year and 10-year Treasury yields over ${y.series.length} days; now ${two.value.toFixed(2)}% and ${y.tenYear?.value.toFixed(2) ?? 'n/a'}%.`,
        }
      : null;
  return {
    id: 'yields',
    title: TITLES.yields,
    state,
    headline: `${two.value.toFixed(2)}%${two.change3mBp === null ? '' : ` (${formatBp(two.change3mBp)} in 3 months)`}`,
    reason,
    details,
    chart,
    asOf: two.date,
    provenance: prov,
    stale: staleOf(prov, clock),
  };
}

function reconFactor(input: SignalInputs['calendars'], clock: Clock): Factor {
  if (!input) return unknownFactor('recon', 'Russell reconstitution calendar unavailable');
  const prov = [{ ...input.provenance, feed: input.provenance.feed ?? ('occasional' as const) }];
  const s = reconStatus(input.data, clock.today);
  if (!s) return unknownFactor('recon', 'No upcoming Russell reconstitution in the calendar', prov);
  const tag = (c: boolean) => (c ? 'confirmed' : 'expected');
  return {
    id: 'recon',
    title: TITLES.recon,
    state: 'neutral',
    headline:
      s.daysUntilEffective > 0
        ? `In ${s.daysUntilEffective} day${s.daysUntilEffective === 1 ? '' : 's'}`
        : s.daysUntilEffective === 0
          ? 'Today'
          : `${-s.daysUntilEffective} day${s.daysUntilEffective === -1 ? '' : 's'} ago`,
    reason: `${s.summary}. Index changes can move small-cap trading around these dates; not a directional signal.`,
    details: s.milestones.map((m) => ({
      label: m.label,
      value: `${formatDate(m.date)} (${tag(m.confirmed)})`,
    })),
    chart: null,
    asOf: input.provenance.asOf,
    provenance: prov,
    stale: false,
  };
}

/**
 * Every source line gets its stale flag, and the factor is stale when its builder says so or its
 * figure's date is stale by its source's rule, all by the one freshness rule; a calendar never ages.
 */
function withFreshness(f: Factor, clock: Clock): Factor {
  const provenance = f.provenance.map((p) => withStaleFlag(p, clock.now));
  const primary = provenance.find((p) => p.asOf === f.asOf) ?? provenance[0];
  const figureStale = f.asOf !== null && primary !== undefined && isStale(feedOf(primary), f.asOf, clock.now);
  // Other sources carry their own flag on their line; the factor's marker is about its figure.
  const stale = f.stale || figureStale;
  return { ...f, provenance, stale };
}

/** Builds the card. `now` is the generation time: it decides staleness; its New York date, day counts. */
export function buildSignalCard(inputs: SignalInputs, now: Date | string): SignalCard {
  const nowDate = typeof now === 'string' ? new Date(now) : now;
  const valid = Number.isFinite(nowDate.getTime()) ? nowDate : new Date(0);
  const generatedAt = valid.toISOString();
  const clock: Clock = { now: valid, today: newYorkDate(valid) };
  const factors: Factor[] = [
    flowsFactor(inputs.fundHistory, clock),
    ratesFactor(inputs, clock),
    relativeFactor(inputs, clock),
    drawdownFactor(inputs.iwm, clock),
    yieldsFactor(inputs, clock),
    reconFactor(inputs.calendars, clock),
  ].map((f) => withFreshness(f, clock));
  const count = (s: FactorState) => factors.filter((f) => f.state === s).length;
  const favourCount = count('favours');
  const againstCount = count('against');
  const neutral = count('neutral');
  const unknown = count('unknown');
  const summary =
    `${favourCount} of ${factors.length} factors have historically favoured small caps, ` +
    `${againstCount} ${againstCount === 1 ? 'has' : 'have'} not, ${neutral} ${neutral === 1 ? 'is' : 'are'} neutral` +
    (unknown > 0 ? `, ${unknown} cannot be read (data unavailable)` : '') +
    '.';
  return { generatedAt, factors, favourCount, againstCount, summary, disclaimer: DISCLAIMER };
}

/**
 * The hover-card strip: one short item per factor with the same date and stale flag as the
 * popup's factor, and the source that dates the figure (for a ratio, the series that ends first).
 */
export function buildStrip(card: SignalCard): SmallCapStrip {
  return {
    items: card.factors.map((f) => {
      const p = f.provenance.find((x) => x.asOf === f.asOf) ?? f.provenance[0];
      return {
        id: f.id,
        label: STRIP_LABELS[f.id],
        value: f.headline,
        state: f.state,
        asOf: f.asOf ?? '',
        source: p?.label ?? '',
        stale: f.stale,
      };
    }),
  };
}
