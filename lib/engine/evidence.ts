/**
 * The "What happened next" evidence the background serves: the bundled report (lib/data/
 * evidence.json, written by `npm run snapshot`), with flows and drawdown recomputed when a live
 * iShares fund file, which carries the fund's whole history, has arrived and is newer than the
 * bundled one. The relative-strength and yield evidence need the long Stooq and FRED histories,
 * which only the bundle has, so they stay as bundled.
 */
import { computeEvidence } from '../signals/evidence';
import { todayConditions, type EvidenceReport, type EvidenceView } from '../signals/evidence-text';
import { signalInputs } from './card-inputs';
import type { LoadedData } from './repository';

/** A fund history this long reaches back far enough to rank flows and measure drawdowns. */
const LONG_HISTORY_BEFORE = '2006-01-01';

export function evidenceView(loaded: LoadedData, bundled: EvidenceReport): EvidenceView {
  const inputs = signalInputs(loaded.data);
  const today = todayConditions(inputs);
  const fund = loaded.data.fundHistory;
  const live =
    fund &&
    !loaded.fromBundle.has('fundHistory') &&
    (fund.data[0]?.date ?? '9999') < LONG_HISTORY_BEFORE &&
    fund.provenance.asOf > bundled.evidence.asOf;
  if (!live) return { report: bundled, today, basis: 'bundled' };

  const fresh = computeEvidence({ fundHistory: fund.data });
  const replaced = new Map(
    fresh.factors.filter((f) => f.id === 'flows' || f.id === 'drawdown').map((f) => [f.id, f]),
  );
  const report: EvidenceReport = {
    generatedAt: new Date().toISOString(),
    evidence: {
      ...bundled.evidence,
      asOf: fresh.asOf,
      factors: bundled.evidence.factors.map((f) => replaced.get(f.id) ?? f),
      cleaning: fresh.cleaning,
    },
    sources: bundled.sources.map((s, i) => (bundled.sourceKeys[i] === 'fund' ? fund.provenance : s)),
    sourceKeys: bundled.sourceKeys,
    notes: [
      `Flows and drawdown recomputed from the fund file fetched ${fund.provenance.fetchedAt ?? ''} (history to ${fund.provenance.asOf}); relative strength and yields as bundled (history to ${bundled.evidence.asOf}).`,
      ...bundled.notes,
    ],
  };
  return { report, today, basis: 'live' };
}
