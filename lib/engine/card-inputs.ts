/**
 * Maps the engine's datasets onto the signal-card inputs (lib/signals/card.ts).
 */
import { buildSignalCard, buildStrip, targetRangeFromObservations, type SignalInputs } from '../signals/card';
import type { SignalCard, SmallCapStrip } from '../view-models';
import type { TargetRange } from '../signals/fedwatch';
import type { Provenance } from '../source-data';
import { datasetFeed, type Dataset, type DatasetKey, type LensData } from './datasets';
import type { LoadedData } from './repository';

/**
 * The target range in force: the newest of the NY Fed's EFFR record (it carries the range) and
 * FRED's DFEDTARL/DFEDTARU. The range has been 25 bp wide since Dec 2008, so an upper bound
 * alone (when the lower series is missing) fixes the range too.
 */
export function currentTargetRange(data: LensData): { data: TargetRange; provenance: Provenance } | null {
  const candidates: Array<{ data: TargetRange; provenance: Provenance }> = [];
  const effr = data.effr;
  if (effr && effr.data.targetFrom !== null && effr.data.targetTo !== null) {
    candidates.push({
      data: { lower: effr.data.targetFrom, upper: effr.data.targetTo },
      provenance: effr.provenance,
    });
  }
  const upper = data.fred.DFEDTARU;
  const lower = data.fred.DFEDTARL;
  if (upper && upper.data.length) {
    const last = upper.data[upper.data.length - 1]!;
    const fromPair =
      lower && lower.data.length ? targetRangeFromObservations(lower.data, upper.data, last.date) : null;
    // Only trust the pair when both series reach the same date.
    const lowerLast = lower?.data[lower.data.length - 1];
    if (fromPair && lowerLast && lowerLast.date === last.date) {
      candidates.push({
        data: fromPair,
        provenance: { ...upper.provenance, label: 'FRED DFEDTARL and DFEDTARU' },
      });
    } else {
      candidates.push({
        data: { lower: last.value - 0.25, upper: last.value },
        provenance: { ...upper.provenance, label: `${upper.provenance.label} (lower bound = upper − 0.25)` },
      });
    }
  }
  // CME's FedWatch page names the range in force when it was captured.
  const capture = data.fedWatchCapture;
  if (capture) {
    candidates.push({
      data: capture.data.currentTarget,
      provenance: { ...capture.provenance, label: `${capture.provenance.label}, current target` },
    });
  }
  return candidates.sort((a, b) => (a.provenance.asOf < b.provenance.asOf ? 1 : -1))[0] ?? null;
}

/** The dataset with the freshness rule it is held to named on its provenance (bundled copies too). */
function fed<T>(key: DatasetKey, ds: Dataset<T> | null | undefined): Dataset<T> | undefined {
  return ds ? { ...ds, provenance: { ...ds.provenance, feed: datasetFeed(key) } } : undefined;
}

export function signalInputs(raw: LensData): SignalInputs {
  const data: LensData = {
    ...raw,
    effr: fed('effr', raw.effr) ?? null,
    fedWatchCapture: fed('fedWatchCapture', raw.fedWatchCapture) ?? null,
    fred: {
      ...raw.fred,
      DFEDTARU: fed('fred:DFEDTARU', raw.fred.DFEDTARU) ?? null,
      DFEDTARL: fed('fred:DFEDTARL', raw.fred.DFEDTARL) ?? null,
    },
  };
  const target = currentTargetRange(data);
  return {
    fundHistory: fed('fundHistory', data.fundHistory),
    futures: fed('futures', data.futures),
    targetRange: target ?? undefined,
    calendars: fed('calendars', data.calendars),
    marketOdds: [fed('kalshi', data.kalshi), fed('polymarket', data.polymarket)].filter(
      (x): x is NonNullable<typeof x> => !!x,
    ),
    fedWatchCapture: data.fedWatchCapture ?? undefined,
    iwm: fed('prices:IWM', data.prices.IWM),
    spy: fed('prices:SPY', data.prices.SPY),
    dgs2: fed('fred:DGS2', data.fred.DGS2),
    dgs10: fed('fred:DGS10', data.fred.DGS10),
  };
}

export function buildCardFromData(loaded: LoadedData, now: Date): SignalCard {
  return buildSignalCard(signalInputs(loaded.data), now);
}

export function stripFromCard(card: SignalCard): SmallCapStrip {
  return buildStrip(card);
}
