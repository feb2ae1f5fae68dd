/**
 * The fund history as the evidence measures it: recording defects removed (one-to-five-row NAV
 * and share-count spikes), then IWM's total-return index (NAV with each distribution reinvested at
 * the ex-date NAV, TR(i) = TR(i−1) × (NAV(i) + exDividend(i)) / NAV(i−1)) and forward returns over
 * it, split at holes of more than a week in the history.
 */
import type { FundHistoryRow } from '../source-data';
import { MAX_BRIDGE_DAYS } from './flows';

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
