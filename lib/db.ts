/**
 * IndexedDB cache of fetched data, through `idb` with a typed schema.
 *
 * Upgrades: each version adds one `if (oldVersion < N)` block in `upgrade`, so a user on any
 * older version walks through every step. Never await a fetch inside a transaction: IDB
 * transactions auto-commit when the event loop is idle, so fetch first, then write.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Constituent, Provenance } from './types';
import type { SourceStatus } from './model';
import type { AlertRecord, Reading } from './alerts/types';

export const DB_NAME = 'small-cap-lens';
export const DB_VERSION = 2;

/** One fetched and validated payload of a source (holdings file, chart, FRED series…). */
export interface SourceRecord<T = unknown> {
  id: string; // e.g. 'holdings:IWM', 'prices:SPY', 'fred:DGS2'
  source: string;
  asOf: string;
  fetchedAt: string;
  url?: string;
  provenance?: Provenance;
  data: T;
}

/** One point of a bulk daily series (fund history, closes, yields). */
export interface SeriesPoint {
  seriesId: string; // e.g. 'fund:IWM', 'close:IWM'
  date: string;
  values: Record<string, number | null>;
}

export interface ConstituentRow extends Constituent {
  fund: string;
  asOf: string;
  rank: number;
}

export interface LensDB extends DBSchema {
  records: { key: string; value: SourceRecord };
  series: { key: [string, string]; value: SeriesPoint; indexes: { bySeries: string } };
  constituents: {
    key: [string, string];
    value: ConstituentRow;
    indexes: { byFund: string; byTicker: string };
  };
  status: { key: string; value: SourceStatus };
  /** Version 2: the daily history of each alert signal, and the alert log (lib/alerts/history.ts). */
  readings: { key: [string, string]; value: Reading; indexes: { bySignal: string } };
  alerts: { key: string; value: AlertRecord };
}

let dbPromise: Promise<IDBPDatabase<LensDB>> | null = null;

export function openLensDB(name = DB_NAME): Promise<IDBPDatabase<LensDB>> {
  if (name !== DB_NAME) return openAt(name);
  if (!dbPromise) {
    dbPromise = openAt(name).catch((e) => {
      dbPromise = null; // let a later call retry (e.g. after the user freed disk space)
      throw e;
    });
  }
  return dbPromise;
}

function openAt(name: string): Promise<IDBPDatabase<LensDB>> {
  return openDB<LensDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('records', { keyPath: 'id' });
        const series = db.createObjectStore('series', { keyPath: ['seriesId', 'date'] });
        series.createIndex('bySeries', 'seriesId');
        const constituents = db.createObjectStore('constituents', { keyPath: ['fund', 'ticker'] });
        constituents.createIndex('byFund', 'fund');
        constituents.createIndex('byTicker', 'ticker');
        db.createObjectStore('status', { keyPath: 'id' });
      }
      if (oldVersion < 2) {
        const readings = db.createObjectStore('readings', { keyPath: ['signal', 'date'] });
        readings.createIndex('bySignal', 'signal');
        db.createObjectStore('alerts', { keyPath: 'id' });
      }
      // Version 3 goes here: if (oldVersion < 3) { ... }
    },
    blocking() {
      // A newer version of the extension wants to upgrade: let it.
      void dbPromise?.then((d) => d.close());
      dbPromise = null;
    },
  });
}

/** Test hook: forget the cached connection. */
export function resetDbConnection(): void {
  void dbPromise?.then((d) => d.close()).catch(() => {});
  dbPromise = null;
}

export async function putRecord<T>(record: SourceRecord<T>, db?: IDBPDatabase<LensDB>): Promise<void> {
  const d = db ?? (await openLensDB());
  await d.put('records', record as SourceRecord);
}

export async function getRecord<T>(
  id: string,
  db?: IDBPDatabase<LensDB>,
): Promise<SourceRecord<T> | undefined> {
  const d = db ?? (await openLensDB());
  return (await d.get('records', id)) as SourceRecord<T> | undefined;
}

/** Replaces a whole series in one transaction (readers never see half a series). */
export async function replaceSeries(
  seriesId: string,
  points: SeriesPoint[],
  db?: IDBPDatabase<LensDB>,
): Promise<void> {
  const d = db ?? (await openLensDB());
  const tx = d.transaction('series', 'readwrite');
  const range = IDBKeyRange.bound([seriesId, ''], [seriesId, '\uffff']);
  await tx.store.delete(range);
  for (const p of points) void tx.store.put({ ...p, seriesId });
  await tx.done;
}

/** Adds or overwrites points, keeping the rest (e.g. one shares-outstanding point per day). */
export async function upsertSeries(points: SeriesPoint[], db?: IDBPDatabase<LensDB>): Promise<void> {
  const d = db ?? (await openLensDB());
  const tx = d.transaction('series', 'readwrite');
  for (const p of points) void tx.store.put(p);
  await tx.done;
}

export async function getSeries(seriesId: string, db?: IDBPDatabase<LensDB>): Promise<SeriesPoint[]> {
  const d = db ?? (await openLensDB());
  return d.getAllFromIndex('series', 'bySeries', seriesId); // key order = date order
}

/**
 * Row-per-constituent storage, for lookups by ticker across funds. The engine keeps each fetched
 * dataset as ONE record instead (lib/engine/repository.ts): per-row puts cost ~1 s for 1,921
 * rows in Chromium (docs/benchmarks.md), one record ~50 ms.
 */
export async function replaceConstituents(
  fund: string,
  asOf: string,
  rows: Constituent[],
  db?: IDBPDatabase<LensDB>,
): Promise<void> {
  const d = db ?? (await openLensDB());
  const tx = d.transaction('constituents', 'readwrite');
  const old = await tx.store.index('byFund').getAllKeys(fund);
  for (const k of old) void tx.store.delete(k);
  rows.forEach((r, i) => void tx.store.put({ ...r, fund, asOf, rank: i + 1 }));
  await tx.done;
}

export async function getConstituent(
  fund: string,
  ticker: string,
  db?: IDBPDatabase<LensDB>,
): Promise<ConstituentRow | undefined> {
  const d = db ?? (await openLensDB());
  return d.get('constituents', [fund, ticker]);
}

export async function getConstituents(fund: string, db?: IDBPDatabase<LensDB>): Promise<ConstituentRow[]> {
  const d = db ?? (await openLensDB());
  return d.getAllFromIndex('constituents', 'byFund', fund);
}

export async function putStatus(status: SourceStatus, db?: IDBPDatabase<LensDB>): Promise<void> {
  const d = db ?? (await openLensDB());
  await d.put('status', status);
}

export async function getStatuses(db?: IDBPDatabase<LensDB>): Promise<SourceStatus[]> {
  const d = db ?? (await openLensDB());
  return d.getAll('status');
}

export async function clearAll(db?: IDBPDatabase<LensDB>): Promise<void> {
  const d = db ?? (await openLensDB());
  const tx = d.transaction(['records', 'series', 'constituents', 'status'], 'readwrite');
  await Promise.all([
    tx.objectStore('records').clear(),
    tx.objectStore('series').clear(),
    tx.objectStore('constituents').clear(),
    tx.objectStore('status').clear(),
    tx.done,
  ]);
}
