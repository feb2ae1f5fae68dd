import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import {
  clearAll,
  DB_VERSION,
  getConstituent,
  getConstituents,
  getRecord,
  getSeries,
  getStatuses,
  openLensDB,
  putRecord,
  putStatus,
  replaceConstituents,
  replaceSeries,
  upsertSeries,
} from './db';
import type { Constituent } from './types';

let n = 0;
const freshName = () => `test-db-${++n}-${Math.random()}`;

const stock = (ticker: string, weightPct: number): Constituent => ({
  ticker,
  name: `${ticker} INC`,
  sector: 'Industrials',
  marketValue: weightPct * 1e9,
  weightPct,
  shares: 100,
  price: 10,
  exchange: 'NASDAQ',
  location: 'United States',
});

describe('lib/db', () => {
  it('creates every store at the current version', async () => {
    const db = await openLensDB(freshName());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'alerts',
      'constituents',
      'readings',
      'records',
      'series',
      'status',
    ]);
    db.close();
  });

  it('stores and reads records, series, constituents and status', async () => {
    const db = await openLensDB(freshName());
    await putRecord(
      { id: 'holdings:IWM', source: 'ishares-holdings', asOf: '2026-05-05', fetchedAt: 'x', data: { a: 1 } },
      db,
    );
    expect((await getRecord<{ a: number }>('holdings:IWM', db))?.data.a).toBe(1);

    await replaceSeries(
      'fund:IWM',
      [
        { seriesId: 'fund:IWM', date: '2025-12-24', values: { nav: 2, so: 3 } },
        { seriesId: 'fund:IWM', date: '2025-12-23', values: { nav: 1, so: 2 } },
      ],
      db,
    );
    await replaceSeries(
      'close:SPY',
      [{ seriesId: 'close:SPY', date: '2025-12-24', values: { close: 600 } }],
      db,
    );
    const s = await getSeries('fund:IWM', db);
    expect(s.map((p) => p.date)).toEqual(['2025-12-23', '2025-12-24']); // date order
    await upsertSeries([{ seriesId: 'fund:IWM', date: '2025-12-26', values: { nav: 3, so: 4 } }], db);
    expect((await getSeries('fund:IWM', db)).length).toBe(3);
    await replaceSeries(
      'fund:IWM',
      [{ seriesId: 'fund:IWM', date: '2026-01-02', values: { nav: 5, so: 6 } }],
      db,
    );
    expect((await getSeries('fund:IWM', db)).map((p) => p.date)).toEqual(['2026-01-02']);
    expect((await getSeries('close:SPY', db)).length).toBe(1); // other series untouched

    await replaceConstituents('IWM', '2026-05-05', [stock('BE', 1.93), stock('CRDO', 0.9)], db);
    await replaceConstituents('IWB', '2026-07-17', [stock('AAPL', 6)], db);
    expect((await getConstituent('IWM', 'CRDO', db))?.rank).toBe(2);
    await replaceConstituents('IWM', '2026-06-01', [stock('CRDO', 1)], db);
    expect((await getConstituents('IWM', db)).map((c) => c.ticker)).toEqual(['CRDO']);
    expect((await getConstituents('IWB', db)).length).toBe(1);

    await putStatus(
      {
        id: 'fred',
        label: 'FRED',
        state: 'ok',
        asOf: '2026-02-12',
        lastSuccess: 'x',
        lastAttempt: 'x',
        error: null,
        usingBundled: false,
      },
      db,
    );
    expect((await getStatuses(db)).map((x) => x.id)).toEqual(['fred']);

    await clearAll(db);
    expect(await getRecord('holdings:IWM', db)).toBeUndefined();
    expect(await getStatuses(db)).toEqual([]);
    db.close();
  });

  it('opens a database left by a future version as an error, not a crash of the caller', async () => {
    const name = freshName();
    const newer = await openDB(name, DB_VERSION + 1);
    newer.close();
    await expect(openLensDB(name)).rejects.toThrow();
  });
});
