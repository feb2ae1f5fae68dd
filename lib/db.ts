/**
 * IndexedDB cache of fetched data, through `idb` with a typed schema.
 *
 * Upgrades: each version adds one `if (oldVersion < N)` block in `upgrade`, so a user on any
 * older version walks through every step. Never await a fetch inside a transaction: IDB
 * transactions auto-commit when the event loop is idle, so fetch first, then write.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Provenance } from './source-data';
import type { SourceStatus } from './view-models';
import type { AlertRecord, Reading } from './alerts/types';

export const DB_NAME = 'small-cap-lens';
export const DB_VERSION = 3;

/**
 * Stores of version 1 that nothing used (a row-per-point series and a row-per-constituent table:
 * the engine keeps each dataset as one record), deleted by version 3.
 */
const DROPPED_IN_V3 = ['series', 'constituents'] as const;

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

export interface LensDB extends DBSchema {
  records: { key: string; value: SourceRecord };
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
        // Version 1 also had the `series` and `constituents` stores; version 3 drops them.
        db.createObjectStore('records', { keyPath: 'id' });
        db.createObjectStore('status', { keyPath: 'id' });
      }
      if (oldVersion < 2) {
        const readings = db.createObjectStore('readings', { keyPath: ['signal', 'date'] });
        readings.createIndex('bySignal', 'signal');
        db.createObjectStore('alerts', { keyPath: 'id' });
      }
      if (oldVersion < 3) {
        // Only present when the database was created by version 1 or 2.
        const names = db.objectStoreNames as DOMStringList;
        const raw = db as unknown as IDBPDatabase;
        for (const store of DROPPED_IN_V3) if (names.contains(store)) raw.deleteObjectStore(store);
      }
      // Version 4 goes here: if (oldVersion < 4) { ... }
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
  const tx = d.transaction(['records', 'status'], 'readwrite');
  await Promise.all([tx.objectStore('records').clear(), tx.objectStore('status').clear(), tx.done]);
}
