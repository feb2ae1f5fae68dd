/**
 * The evidence in plain words, and which of its conditions holds today. Pure; shared by the CLI
 * (scripts/signals.ts evidence) and the popup's "What happened next" panel, so both say the same.
 */
import type { Provenance } from '../source-data';
import type { SignalInputs } from './card';
import { computeFlowSignal } from './flows';
import { drawdownFromHigh, relativeStrength, yieldPoint } from './market';
import {
  DRAWDOWN_CONDITIONS,
  FLOW_CONDITIONS,
  RELATIVE_CONDITIONS,
  YIELD_CONDITIONS,
} from './evidence-conditions';
import { FEW_EPISODES } from './evidence-stats';
import {
  HORIZON_LABEL,
  type ConditionEvidence,
  type Evidence,
  type EvidenceFactorId,
  type FactorEvidence,
  type Horizon,
  type HorizonEvidence,
} from './evidence';

/** The bundled file (lib/data/evidence.json) and what the background serves. */
export interface EvidenceReport {
  generatedAt: string;
  evidence: Evidence;
  /** Where each input history came from, with its as-of date. */
  sources: Provenance[];
  /** Which input each source is, parallel to `sources`. */
  sourceKeys: EvidenceSourceKey[];
  notes: string[];
}

export type EvidenceSourceKey = 'fund' | 'iwm' | 'spy' | 'dgs2';

/** The inputs behind each factor's evidence (every factor compares with SPY). */
export const SOURCES_OF: Record<EvidenceFactorId, EvidenceSourceKey[]> = {
  flows: ['fund', 'spy'],
  drawdown: ['fund', 'spy'],
  relative: ['fund', 'iwm', 'spy'],
  yields: ['fund', 'spy', 'dgs2'],
};

export function sourcesOf(report: EvidenceReport, id: EvidenceFactorId): Provenance[] {
  return report.sources.filter((_, i) => SOURCES_OF[id].includes(report.sourceKeys[i]!));
}

export interface TodayCondition {
  /** Date of the data the state was read from (the card's inputs). */
  asOf: string;
  conditionIds: string[];
}

export interface EvidenceView {
  report: EvidenceReport;
  /** The conditions that hold on the card's current data, per factor. */
  today: Partial<Record<EvidenceFactorId, TodayCondition>>;
  /** 'live': flows and drawdown recomputed from a fetched fund file carrying the full history. */
  basis: 'bundled' | 'live';
}

/** The horizon the panel's sentence speaks about. */
export const HEADLINE_HORIZON: Horizon = 126;

/** Which conditions hold on the card's own inputs (the figures the popup shows). */
export function todayConditions(inputs: SignalInputs): EvidenceView['today'] {
  const out: EvidenceView['today'] = {};
  const pick = (defs: Array<{ id: string; test: (s: number | string) => boolean }>, s: number | string) =>
    defs.filter((c) => c.test(s)).map((c) => c.id);
  if (inputs.fundHistory) {
    const f = computeFlowSignal(inputs.fundHistory.data, { rankBy: 'pct-of-assets' });
    if (f.percentile !== null && f.asOf)
      out.flows = { asOf: f.asOf, conditionIds: pick(FLOW_CONDITIONS, f.percentile) };
  }
  if (inputs.iwm) {
    const d = drawdownFromHigh(inputs.iwm.data.bars);
    if (d) out.drawdown = { asOf: d.asOf, conditionIds: pick(DRAWDOWN_CONDITIONS, d.drawdownPct) };
  }
  if (inputs.iwm && inputs.spy) {
    const r = relativeStrength(inputs.iwm.data.bars, inputs.spy.data.bars);
    if (r && r.trend !== 'insufficient')
      out.relative = { asOf: r.asOf, conditionIds: pick(RELATIVE_CONDITIONS, r.trend) };
  }
  if (inputs.dgs2) {
    const y = yieldPoint(inputs.dgs2.data);
    if (y && y.change3mBp !== null)
      out.yields = { asOf: y.date, conditionIds: pick(YIELD_CONDITIONS, y.change3mBp) };
  }
  return out;
}

/**
 * The condition the panel leads with: the most specific one holding today (conditions are listed
 * most specific first), else the factor's "favours" condition, the claim being tested.
 */
export function leadCondition(
  f: FactorEvidence,
  today: TodayCondition | undefined,
): ConditionEvidence | null {
  const holding = f.conditions.find((c) => today?.conditionIds.includes(c.id));
  return holding ?? f.conditions.find((c) => c.reading === 'favours') ?? f.conditions[0] ?? null;
}

const signed = (x: number, digits = 1) => {
  const v = Number(x.toFixed(digits));
  return `${v > 0 ? '+' : v < 0 ? '\u2212' : ''}${Math.abs(v).toFixed(digits)}`;
};
const whole = (x: number) => `${Math.round(x)}`;
const year = (d: string) => d.slice(0, 4);

export function horizonOf(c: ConditionEvidence, h: Horizon): HorizonEvidence | undefined {
  return c.horizons.find((x) => x.horizon === h);
}

/** "In N separate episodes since 2003 when …, IWM's next 6 months: median +x %, vs +y % on all days; …" */
export function evidenceSentence(f: FactorEvidence, c: ConditionEvidence, h: Horizon = HEADLINE_HORIZON) {
  const e = horizonOf(c, h);
  const span = HORIZON_LABEL[h];
  if (!e || !e.stats || !e.baseline)
    return `Since ${year(f.from)}, no day when ${c.label} has a complete ${span} window after it yet.`;
  const episodes = `${e.episodes} separate episode${e.episodes === 1 ? '' : 's'}`;
  return (
    `In ${episodes} since ${year(f.from)} when ${c.label}, IWM’s total return over the next ${span}: ` +
    `median ${signed(e.stats.median)} %, vs ${signed(e.baseline.median)} % on all days; ` +
    `up ${whole(e.stats.sharePositive)} % of the time (all days: ${whole(e.baseline.sharePositive)} %); ` +
    `worst ${signed(e.stats.worst)} %.`
  );
}

/** The plain verdict, including "no better than average" where that is what the data say. */
export function verdictSentence(c: ConditionEvidence, h: Horizon = HEADLINE_HORIZON): string {
  const e = horizonOf(c, h);
  if (!e) return '';
  const few = e.episodes < 10 ? `, but from only ${e.episodes} separate episodes` : '';
  switch (e.verdict) {
    case 'too-few':
      return `Too few separate episodes (${e.episodes}) to read anything into this.`;
    case 'better':
      return c.reading === 'against'
        ? `Returns were better than on all days${few}: this reading did not mark weaker returns.`
        : `That is better than on all days${few}.`;
    case 'worse':
      return c.reading === 'favours'
        ? `That is worse than on all days: this signal did worse than average${few}.`
        : `That is worse than on all days${few}.`;
    default:
      return c.reading === 'favours'
        ? 'That is about the same as on all days: this signal did no better than average.'
        : c.reading === 'against'
          ? 'That is about the same as on all days: this reading did not mark weaker returns.'
          : 'That is about the same as on all days.';
  }
}

const SHORT_VERDICT: Record<HorizonEvidence['verdict'], string> = {
  better: 'better than all days',
  worse: 'worse than all days',
  similar: 'about the same as all days',
  'too-few': 'too few episodes to tell',
};

/** One line for a condition other than the lead: "When …: next 6 months median +x % vs +y % …". */
export function conditionLine(c: ConditionEvidence, h: Horizon = HEADLINE_HORIZON): string {
  const e = horizonOf(c, h);
  if (!e?.stats || !e.baseline) return `When ${c.label}: no complete ${HORIZON_LABEL[h]} window yet.`;
  return (
    `When ${c.label}: next ${HORIZON_LABEL[h]} median ${signed(e.stats.median)} % vs ${signed(e.baseline.median)} % ` +
    `(${e.episodes} episode${e.episodes === 1 ? '' : 's'}), ${SHORT_VERDICT[e.verdict]}.`
  );
}

/** IWM minus SPY over the same windows, where both histories exist. */
export function relativeSentence(c: ConditionEvidence, h: Horizon = HEADLINE_HORIZON): string | null {
  const r = horizonOf(c, h)?.relative;
  if (!r?.stats || !r.baseline) return null;
  return (
    `Against SPY over the same ${HORIZON_LABEL[h]}: median ${signed(r.stats.median)} points, ` +
    `vs ${signed(r.baseline.median)} on all days.`
  );
}

export function caveats(f: FactorEvidence, c: ConditionEvidence, h: Horizon = HEADLINE_HORIZON): string[] {
  const e = horizonOf(c, h);
  const out: string[] = [];
  if (e) {
    out.push(
      `Overlapping windows: the ${e.signalDays} signal days share market moves; the ${e.episodes} separate (non-overlapping) episodes are the independent evidence.`,
    );
    if (e.episodes < FEW_EPISODES * 2)
      out.push(`Few episodes: with ${e.episodes}, one crash or rally can move the median a lot.`);
  }
  out.push(
    `One period and one fund: ${year(f.from)}–${year(f.to)}, IWM (which survived it); other decades may differ.`,
  );
  out.push(...f.notes);
  out.push('Total return from NAV with distributions reinvested; no trading costs or taxes.');
  out.push('For information only, not advice: the past does not guarantee the future.');
  return out;
}

/** The CLI's text: every factor, every condition, every horizon, with the all-days baseline. */
export function evidenceText(report: EvidenceReport): string {
  const lines: string[] = [
    `What happened next: IWM total return after each signal (history to ${report.evidence.asOf})`,
    '',
  ];
  const cell = (x: number | undefined) => (x === undefined ? '     n/a' : `${signed(x)}%`.padStart(8));
  for (const f of report.evidence.factors) {
    lines.push(`${f.title} — ${f.measure}`);
    lines.push(
      `  readable ${f.from} … ${f.to} (${f.definedDays} days); on ${f.current?.date ?? 'n/a'}: ${f.current?.conditionIds.join(', ') || 'n/a'}`,
    );
    for (const c of f.conditions) {
      lines.push(`  when ${c.label} (${c.conditionDays} days)`);
      lines.push(
        '    horizon     days  episodes   median  all-days   mean   up %  all-days   worst   vs SPY  verdict',
      );
      for (const e of c.horizons) {
        lines.push(
          `    ${HORIZON_LABEL[e.horizon].padEnd(10)} ${String(e.signalDays).padStart(5)} ${String(e.episodes).padStart(9)} ` +
            `${cell(e.stats?.median)} ${cell(e.baseline?.median)} ${cell(e.stats?.mean)} ` +
            `${(e.stats ? whole(e.stats.sharePositive) : 'n/a').padStart(6)} ${(e.baseline ? whole(e.baseline.sharePositive) : 'n/a').padStart(9)} ` +
            `${cell(e.stats?.worst)} ${e.relative?.stats ? `${signed(e.relative.stats.median)}pt`.padStart(8) : '     n/a'}  ${e.verdict}`,
        );
      }
      lines.push(`    ${evidenceSentence(f, c)}`);
      lines.push(`    ${verdictSentence(c)}`);
    }
    lines.push('');
  }
  if (report.evidence.cleaning.navSpikes.length || report.evidence.cleaning.shareSpikes.length)
    lines.push(
      `Left out as recording defects: NAV on ${report.evidence.cleaning.navSpikes.join(', ') || 'none'}; ` +
        `share counts on ${report.evidence.cleaning.shareSpikes.join(', ') || 'none'}.`,
    );
  for (const s of report.sources) lines.push(`Source: ${s.label}, to ${s.asOf}${s.url ? ` (${s.url})` : ''}`);
  for (const n of report.notes) lines.push(`Note: ${n}`);
  return lines.join('\n') + '\n';
}
