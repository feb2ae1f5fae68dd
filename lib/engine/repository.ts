/**
 * Reads what the UI shows: the newest stored (fetched) dataset, else the bundled snapshot.
 * Writes each source's result in one transaction, so a worker killed mid-refresh leaves the
 * previous data whole. An unavailable or full IndexedDB degrades to the bundled snapshot and
 * says so in the status; it never takes the UI down.
 */
import { getRecord, getStatuses, openLensDB, putStatus, type SourceRecord } from '../db';
import type { SourceStatus } from '../view-models';
import type { SourceError } from '../result';
import { SOURCE_IDS, SOURCE_LABELS, type SourceId } from '../core/sources';
import { isStale } from '../core/freshness';
import type { FundHistoryRow } from '../source-data';
import {
  BENCHMARKS,
  DATASET_SOURCE,
  FRED_IDS,
  type BundledSnapshot,
  type Dataset,
  type DatasetKey,
  type LensData,
} from './datasets';
import { mergeFundHistory, type SourceFetchResult } from './refresh';
import { backoffMs } from './cadence';
import { bundledSnapshot } from './bundled';

export const ALL_KEYS: DatasetKey[] = [
  'iwm',
  'r1000',
  'sp500',
  'fundHistory',
  ...BENCHMARKS.map((b) => `prices:${b}` as const),
  ...FRED_IDS.map((f) => `fred:${f}` as const),
  'effr',
  'futures',
  'kalshi',
  'polymarket',
  'fedWatchCapture',
  'reconstitution',
  'calendars',
];

export function bundledDataset(snapshot: BundledSnapshot, key: DatasetKey): Dataset<unknown> | null {
  const [group, sub] = key.split(':') as [string, string | undefined];
  const v = (snapshot as unknown as Record<string, unknown>)[group];
  if (sub)
    return ((v as Record<string, Dataset<unknown> | null> | undefined)?.[sub] ??
      null) as Dataset<unknown> | null;
  return (v ?? null) as Dataset<unknown> | null;
}

export interface LoadedData {
  data: LensData;
  /** Datasets served from the bundled snapshot (nothing fetched yet, or storage unavailable). */
  fromBundle: Set<DatasetKey>;
  storageError: string | null;
}

/** Fetched datasets over the bundled snapshot, one IndexedDB read per dataset. */
export async function loadData(): Promise<LoadedData> {
  const out: Record<string, unknown> = { prices: {}, fred: {} };
  const fromBundle = new Set<DatasetKey>();
  let storageError: string | null = null;
  let records: Array<SourceRecord | undefined> = [];
  const snapshot = await bundledSnapshot();
  try {
    const db = await openLensDB();
    records = await Promise.all(ALL_KEYS.map((k) => getRecord(`ds:${k}`, db)));
  } catch (e) {
    storageError = `Local database unavailable (${e instanceof Error ? e.message : String(e)}); showing bundled data`;
  }
  ALL_KEYS.forEach((key, i) => {
    const rec = records[i];
    let ds: Dataset<unknown> | null =
      rec && rec.provenance ? { data: rec.data, provenance: rec.provenance } : null;
    if (!ds) {
      ds = bundledDataset(snapshot, key);
      if (ds) fromBundle.add(key);
    }
    const [group, sub] = key.split(':') as [string, string | undefined];
    if (sub) (out[group] as Record<string, unknown>)[sub] = ds;
    else out[group] = ds;
  });
  return { data: out as unknown as LensData, fromBundle, storageError };
}

/**
 * Stores one source's fetched datasets (and grows the fund history) in one transaction. A dataset
 * older than the one stored is not written (a body cut short at a line break parses as a shorter,
 * older file: storing it would drop the newest data); the returned warnings say which were kept.
 */
export async function storeFetched(sourceId: SourceId, result: SourceFetchResult): Promise<string[]> {
  const db = await openLensDB();
  const kept: string[] = [];
  const storedAsOf = new Map<string, string>();
  for (const key of Object.keys(result.datasets)) {
    if (key === 'fundHistory') continue;
    const prev = await db.get('records', `ds:${key}`);
    if (prev?.asOf) storedAsOf.set(key, prev.asOf.slice(0, 10));
  }
  // The bundled fallback is read before the transaction: only IndexedDB requests may be awaited
  // inside it (anything else lets it auto-commit).
  const fetchedFund = result.datasets.fundHistory as Dataset<FundHistoryRow[]> | undefined;
  const needsFund = !!(fetchedFund || result.sharesPoint);
  const bundledFund = needsFund
    ? (bundledDataset(await bundledSnapshot(), 'fundHistory') as Dataset<FundHistoryRow[]> | null)
    : null;
  const now = new Date().toISOString();
  const tx = db.transaction('records', 'readwrite');
  for (const [key, ds] of Object.entries(result.datasets) as Array<[DatasetKey, Dataset<unknown>]>) {
    if (key === 'fundHistory') continue;
    const prevAsOf = storedAsOf.get(key);
    if (prevAsOf && ds.provenance.asOf.slice(0, 10) < prevAsOf) {
      kept.push(
        `${key}: got data as of ${ds.provenance.asOf.slice(0, 10)}, older than the stored ${prevAsOf}; kept the stored data`,
      );
      continue;
    }
    void tx.store.put({
      id: `ds:${key}`,
      source: sourceId,
      asOf: ds.provenance.asOf,
      fetchedAt: now,
      data: ds.data,
      provenance: ds.provenance,
    } as SourceRecord);
  }
  if (needsFund) {
    // Read-merge-write inside this one transaction: the holdings and fund sources both grow the
    // history, and IndexedDB serialises their transactions, so neither can drop the other's rows.
    const prev = (await tx.store.get('ds:fundHistory')) as SourceRecord<FundHistoryRow[]> | undefined;
    const merged = mergeFundHistory(
      prev?.data ?? bundledFund?.data ?? [],
      fetchedFund?.data ?? [],
      result.sharesPoint ? [result.sharesPoint] : [],
    );
    // A shares-outstanding point alone does not change where the NAV history came from.
    const prov = fetchedFund?.provenance ??
      prev?.provenance ??
      bundledFund?.provenance ?? {
        source: 'ishares-holdings',
        label: 'iShares IWM shares outstanding (holdings file)',
        asOf: result.sharesPoint!.date,
        fetchedAt: now,
      };
    await tx.store.put({
      id: 'ds:fundHistory',
      source: fetchedFund ? sourceId : (prev?.source ?? 'bundled'),
      asOf: prov.asOf,
      fetchedAt: now,
      data: merged,
      provenance: prov,
    } as SourceRecord);
  }
  await tx.done;
  return kept;
}

export async function readStatuses(): Promise<Map<string, SourceStatus>> {
  try {
    return new Map((await getStatuses()).map((s) => [s.id, s]));
  } catch {
    return new Map();
  }
}

export async function recordAttempt(
  id: SourceId,
  outcome: { ok: true; asOf: string | null; warnings: string[] } | { ok: false; error: SourceError },
): Promise<void> {
  const prev = (await readStatuses()).get(id);
  const now = new Date().toISOString();
  const status: SourceStatus = outcome.ok
    ? {
        id,
        label: SOURCE_LABELS[id],
        state: 'ok',
        asOf: outcome.asOf,
        lastSuccess: now,
        lastAttempt: now,
        error: outcome.warnings.length
          ? { kind: 'format', message: outcome.warnings.join('; ').slice(0, 500) }
          : null,
        usingBundled: false,
        failures: 0,
      }
    : {
        id,
        label: SOURCE_LABELS[id],
        state: 'error',
        asOf: prev?.asOf ?? null,
        lastSuccess: prev?.lastSuccess ?? null,
        lastAttempt: now,
        error: { ...outcome.error, message: outcome.error.message.slice(0, 500) },
        usingBundled: prev?.lastSuccess ? false : true,
        failures: (prev?.failures ?? 0) + 1,
        backoffMs: backoffMs(id, (prev?.failures ?? 0) + 1),
      };
  try {
    await putStatus(status);
  } catch {
    // storage unavailable: the refresh result still reaches the caller
  }
}

/** Status of every source, including those never tried, with stale and bundled flags filled in. */
export function composeStatuses(
  stored: Map<string, SourceStatus>,
  loaded: LoadedData,
  enabled: Record<SourceId, boolean>,
  now: Date,
): SourceStatus[] {
  return SOURCE_IDS.map((id) => {
    const keys = ALL_KEYS.filter((k) => DATASET_SOURCE[k] === id);
    const datasets = keys.map((k) => ({ k, ds: datasetOf(loaded.data, k) })).filter((x) => x.ds);
    // A source's data is as old as its oldest dataset: the date by which all of it is available.
    const asOf =
      datasets
        .map((x) => x.ds!.provenance.asOf)
        .sort()
        .at(0) ?? null;
    const usingBundled =
      keys.length > 0 && keys.every((k) => loaded.fromBundle.has(k) || !datasetOf(loaded.data, k));
    const s = stored.get(id);
    const base: SourceStatus = s ?? {
      id,
      label: SOURCE_LABELS[id],
      state: 'never',
      asOf,
      lastSuccess: null,
      lastAttempt: null,
      error: null,
      usingBundled,
    };
    const shownAsOf = asOf ?? base.asOf;
    // The same rule as the card's, whether the data shown was fetched or bundled.
    const dataStale = shownAsOf !== null && isStale(id, shownAsOf, now);
    let state = base.state;
    if (!enabled[id]) state = 'disabled';
    else if (state === 'ok' && dataStale) state = 'stale';
    return { ...base, label: SOURCE_LABELS[id], state, asOf: shownAsOf, usingBundled, dataStale };
  });
}

export function datasetOf(data: LensData, key: DatasetKey): Dataset<unknown> | null {
  const [group, sub] = key.split(':') as [keyof LensData, string | undefined];
  const v = data[group] as unknown;
  if (sub) return ((v as Record<string, Dataset<unknown> | null>)[sub] ?? null) as Dataset<unknown> | null;
  return (v ?? null) as Dataset<unknown> | null;
}
