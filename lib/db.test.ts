import { describe, expect, it } from 'vitest';
import { openDB, type IDBPDatabase } from 'idb';
import { createVersion1Stores, createVersion2Stores } from './db-testing';
import { clearAll, DB_VERSION, getRecord, getStatuses, openLensDB, putRecord, putStatus } from './db';
import type { SourceStatus } from './view-models';

let n = 0;
const freshName = () => `test-db-${++n}-${Math.random()}`;

const status: SourceStatus = {
  id: 'fred',
  label: 'FRED',
  state: 'ok',
  asOf: '2026-02-12',
  lastSuccess: '2026-02-13T08:00:00.000Z',
  lastAttempt: '2026-02-13T08:00:00.000Z',
  error: null,
  usingBundled: false,
};
const record = {
  id: 'ds:fred:DGS2',
  source: 'fred',
  asOf: '2026-02-12',
  fetchedAt: '2026-02-13T08:00:00.000Z',
  provenance: { source: 'fred', label: 'FRED DGS2', asOf: '2026-02-12' },
  data: [{ date: '2026-02-12', value: 3.52 }],
};
const reading = {
  signal: 'yield:DGS2',
  date: '2026-02-12',
  source: 'fred',
  sourceLabel: 'FRED DGS2',
  values: { bp: -12 },
  recordedAt: '2026-02-13T08:00:00.000Z',
};
const alert = { id: 'a1', rule: 'yield-move', subject: 'DGS2', dataDate: '2026-02-12', seen: false };

/** A database as release 1 or 2 left it, with data in every store. */
async function createOld(name: string, version: 1 | 2): Promise<void> {
  const db: IDBPDatabase = await openDB(name, version, {
    upgrade(d) {
      createVersion1Stores(d);
      if (version === 2) createVersion2Stores(d);
    },
  });
  await db.put('records', record);
  await db.put('status', status);
  await db.put('series', { seriesId: 'fund:IWM', date: '2025-12-24', values: { nav: 2 } });
  await db.put('constituents', { fund: 'IWM', ticker: 'BE', rank: 1 });
  if (version === 2) {
    await db.put('readings', reading);
    await db.put('alerts', alert);
  }
  db.close();
}

describe('lib/db', () => {
  it('creates every store at the current version', async () => {
    const db = await openLensDB(freshName());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['alerts', 'readings', 'records', 'status']);
    db.close();
  });

  it('stores and reads records and statuses; clearAll empties both', async () => {
    const db = await openLensDB(freshName());
    await putRecord(record, db);
    expect((await getRecord<typeof record.data>('ds:fred:DGS2', db))?.data).toEqual(record.data);
    await putStatus(status, db);
    expect((await getStatuses(db)).map((x) => x.id)).toEqual(['fred']);
    await clearAll(db);
    expect(await getRecord('ds:fred:DGS2', db)).toBeUndefined();
    expect(await getStatuses(db)).toEqual([]);
    db.close();
  });

  it.each([1, 2] as const)(
    'upgrades a version-%i database: records, statuses, readings and alerts kept, unused stores dropped',
    async (version) => {
      const name = freshName();
      await createOld(name, version);
      const db = await openLensDB(name);
      expect(db.version).toBe(DB_VERSION);
      expect([...db.objectStoreNames].sort()).toEqual(['alerts', 'readings', 'records', 'status']);
      expect(await getRecord('ds:fred:DGS2', db)).toEqual(record);
      expect(await getStatuses(db)).toEqual([status]);
      if (version === 2) {
        expect(await db.getAll('readings')).toEqual([reading]);
        expect(await db.get('alerts', 'a1')).toEqual(alert);
      } else {
        expect(await db.count('readings')).toBe(0);
      }
      db.close();
    },
  );

  it('opens a database left by a future version as an error, not a crash of the caller', async () => {
    const name = freshName();
    const newer = await openDB(name, DB_VERSION + 1);
    newer.close();
    await expect(openLensDB(name)).rejects.toThrow();
  });
});
