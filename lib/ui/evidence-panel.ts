/** Pure helpers behind the "What happened next" panel. */
import type { FactorId } from '../view-models';
import type { ConditionEvidence, EvidenceFactorId, FactorEvidence } from '../signals/evidence';
import { HORIZON_LABEL } from '../signals/evidence';

export const EVIDENCE_FACTOR_IDS: ReadonlySet<FactorId> = new Set<EvidenceFactorId>([
  'flows',
  'drawdown',
  'relative',
  'yields',
]);

/** The factor titles of the signal card, for pages that list the evidence without the card. */
export const EVIDENCE_TITLES: Record<EvidenceFactorId, string> = {
  flows: 'IWM fund flows',
  drawdown: 'IWM drawdown from its high',
  relative: 'Small vs large caps (IWM/SPY)',
  yields: 'Treasury yields',
};

export interface EvidencePathChart {
  label: string;
  /** Trading days after the day. */
  k: number[];
  series: Array<{ label: string; values: Array<number | null> }>;
  /** Text equivalent. */
  summary: string;
}

const pct = (v: number | null | undefined) =>
  typeof v === 'number' ? `${v > 0 ? '+' : v < 0 ? '\u2212' : ''}${Math.abs(v).toFixed(1)} %` : 'n/a';

/** The median path after the condition's days vs after all days; null when there is nothing to draw. */
export function pathChart(f: FactorEvidence, c: ConditionEvidence): EvidencePathChart | null {
  if (f.pathK.length < 2 || !c.path.some((v) => typeof v === 'number')) return null;
  const at = (values: Array<number | null>, k: number) => values[f.pathK.indexOf(k)];
  return {
    label: `${f.title}: median IWM total return in the 252 trading days after the signal vs after any day, line chart`,
    k: f.pathK,
    series: [
      { label: 'After the signal (median)', values: c.path },
      { label: 'After any day (median)', values: f.baselinePath },
    ],
    summary:
      `Median total return ${HORIZON_LABEL[126]} after the signal ${pct(at(c.path, 126))}, ` +
      `after any day ${pct(at(f.baselinePath, 126))}; 12 months: ${pct(at(c.path, 252))} vs ${pct(at(f.baselinePath, 252))}.`,
  };
}

export const formatEvidencePct = pct;
