/**
 * How old the backdrop's data are and why, in words for the popup's banner and the source list.
 * Old data are never called "now": the banner names the dates the figures describe.
 */
import type { FactorId, SignalCard, SourceStatus } from '../view-models';
import type { SourceErrorKind } from '../result';
import { formatDate } from '../core/format';

/** Plain labels for the six factors (methods and tickers stay in the details). */
export const FACTOR_LABEL: Record<FactorId, string> = {
  flows: 'Money in or out of IWM',
  rates: 'Fed rate-cut odds',
  relative: 'Small vs large caps',
  drawdown: 'Small caps vs their high',
  yields: '2-year Treasury yield',
  recon: 'Russell rebalance',
};

/** Oldest and newest market dates behind the factors (the rebalance calendar is a schedule). */
export function dataRange(card: SignalCard): { from: string; to: string } | null {
  const dates = card.factors
    .filter((f) => f.id !== 'recon')
    .flatMap((f) => f.provenance.map((p) => p.asOf.slice(0, 10)))
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
    .sort();
  return dates.length ? { from: dates[0]!, to: dates[dates.length - 1]! } : null;
}

/** "24 Dec 2025 – 5 May 2026", or one date when they agree. */
export function rangeText(r: { from: string; to: string }): string {
  return r.from === r.to ? formatDate(r.from) : `${formatDate(r.from)} – ${formatDate(r.to)}`;
}

const CAUSE_TEXT: Partial<Record<SourceErrorKind, string>> = {
  network: 'You appear to be offline: no data source could be reached.',
  timeout: 'No data source answered in time (a slow or blocked connection).',
  'rate-limited': 'Every data source is asking us to slow down; the next try is automatic.',
  challenge: 'Every data source answered with a check page instead of data.',
};

/**
 * One sentence when every enabled source failed for the same reason (usually: offline), else
 * null. Eight red blocks for one cause say less than one line.
 */
export function commonFailure(statuses: readonly SourceStatus[]): string | null {
  const on = statuses.filter((s) => s.state !== 'disabled');
  if (on.length === 0) return null;
  if (!on.every((s) => s.error && (s.state === 'error' || s.state === 'stale' || s.state === 'never')))
    return null;
  const kinds = new Set(on.map((s) => s.error!.kind));
  if (kinds.size !== 1) return null;
  const [kind] = [...kinds] as [SourceErrorKind];
  return CAUSE_TEXT[kind] ?? `Every data source failed the same way (${kind}).`;
}

export interface Banner {
  /** "Offline" / "Old data". */
  title: string;
  text: string;
}

/** The popup's banner: offline or old data, with the dates shown; null when all is current. */
export function freshnessBanner(
  card: SignalCard | null,
  statuses: readonly SourceStatus[] | null,
): Banner | null {
  const cause = statuses ? commonFailure(statuses) : null;
  const stale = !!card?.factors.some((f) => f.stale);
  const range = card ? dataRange(card) : null;
  if (!cause && !stale) return null;
  const dates = range ? `Showing data from ${rangeText(range)}.` : 'No dated data to show yet.';
  return cause
    ? { title: 'Offline', text: `${cause} ${dates}` }
    : { title: 'Old data', text: `Some sources have not updated recently. ${dates}` };
}
