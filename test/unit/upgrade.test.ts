/**
 * Upgrades and imports lose nothing: a database written by an older release (real records) opens
 * with today's code and is served; a newer release can upgrade while we hold a connection;
 * settings and watchlist items of version 1 migrate with real-looking data; a malformed watchlist
 * CSV never changes the current list.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mergeWatchlists, parseWatchlistCsv, watchlistToCsv } from '../../lib/watchlist';
import { DB_NAME, DB_VERSION, getRecord, openLensDB, resetDbConnection } from '../../lib/db';
import { createVersion1Stores } from '../../lib/db-testing';
import { setBundledLoader } from '../../lib/engine/bundled';
import { Engine } from '../../lib/engine/engine';
import { loadData } from '../../lib/engine/repository';
import type { SourceStatus, WatchlistItem } from '../../lib/view-models';
import { unwrap } from '../../lib/result';
import { parseFredCsv } from '../../lib/sources/fred';
import { parseIsharesHoldings } from '../../lib/sources/ishares-holdings';
import {
  getSettings,
  getWatchlist,
  saveWatchlist,
  settingsItem,
  watchlistLocalItem,
  watchlistSyncItem,
} from '../../lib/storage';
import { readReal } from '../shared-fixtures';
import { anyText, mutated, RUNS } from './fuzz';

const root = resolve(__dirname, '../..');
const readJson = (p: string) => JSON.parse(readFileSync(resolve(root, p), 'utf8')) as never;
const tally = { inputs: 0 };
afterAll(() => console.info(`[fuzz] upgrades/imports: ${tally.inputs} malformed imports tried, list kept`));

beforeEach(() => {
  fakeBrowser.reset();
  resetDbConnection();
  (globalThis as { indexedDB: unknown }).indexedDB = new IDBFactory();
  setBundledLoader({
    snapshot: async () => readJson('lib/data/snapshot.json'),
    universe: async () => readJson('lib/data/universe.json'),
  });
});

/** The version-1 schema exactly as release 0.1 created it (written out, not imported). */
async function createV1WithRealData() {
  const iwm = unwrap(parseIsharesHoldings(readReal('IWM_holdings_2026-05-05.csv'), { fund: 'IWM' }));
  const dgs2 = unwrap(parseFredCsv(readReal('fred_DGS2_2021-02-12_to_2026-02-12.csv'), 'DGS2')).series.DGS2!;
  const db = await openDB(DB_NAME, 1, {
    upgrade: createVersion1Stores,
  });
  const fetchedAt = '2026-05-06T08:00:00.000Z';
  const iwmRec = {
    id: 'ds:iwm',
    source: 'ishares-holdings',
    asOf: iwm.asOf,
    fetchedAt,
    provenance: { source: 'ishares-holdings', label: 'iShares IWM holdings', asOf: iwm.asOf, fetchedAt },
    data: iwm,
  };
  const lastDate = dgs2.at(-1)!.date;
  const fredRec = {
    id: 'ds:fred:DGS2',
    source: 'fred',
    asOf: lastDate,
    fetchedAt,
    provenance: { source: 'fred', label: 'FRED DGS2', asOf: lastDate, fetchedAt },
    data: dgs2,
  };
  const status: SourceStatus = {
    id: 'ishares-holdings',
    label: 'iShares holdings (IWM, IWB)',
    state: 'ok',
    asOf: iwm.asOf,
    lastSuccess: fetchedAt,
    lastAttempt: fetchedAt,
    error: null,
    usingBundled: false,
  };
  await db.put('records', iwmRec);
  await db.put('records', fredRec);
  await db.put('status', status);
  db.close();
  return { iwmRec, fredRec, status };
}

describe('IndexedDB upgrades', () => {
  it('a version-1 database holding real records opens with today’s code and is served as-is', async () => {
    const old = await createV1WithRealData();
    const db = await openLensDB();
    expect(db.version).toBe(DB_VERSION);
    // Version 2 added the alert history (readings) and the alert log; version 3 dropped the unused
    // `series` and `constituents` stores. Records and statuses are kept.
    expect([...db.objectStoreNames].sort()).toEqual(['alerts', 'readings', 'records', 'status']);
    expect(await db.count('readings')).toBe(0);
    expect(await getRecord('ds:iwm')).toEqual(old.iwmRec);
    expect(await getRecord('ds:fred:DGS2')).toEqual(old.fredRec);
    const loaded = await loadData();
    expect(loaded.storageError).toBeNull();
    expect(loaded.fromBundle.has('iwm')).toBe(false);
    expect(loaded.data.iwm?.data).toEqual(old.iwmRec.data);
    expect(loaded.data.fred.DGS2?.data).toEqual(old.fredRec.data);
    const statuses = await new Engine(async () => new Response('', { status: 500 })).statuses();
    expect(statuses.find((s) => s.id === 'ishares-holdings')).toMatchObject({
      lastSuccess: old.status.lastSuccess,
      usingBundled: false,
    });
  });

  it('a newer release can upgrade while this one holds the database open (no blocked upgrade, data kept)', async () => {
    const old = await createV1WithRealData();
    await openLensDB(); // the running worker's connection
    let blocked = false;
    const next = await openDB(DB_NAME, DB_VERSION + 1, {
      upgrade(d) {
        d.createObjectStore('future');
      },
      blocked() {
        blocked = true;
      },
    });
    expect(blocked).toBe(false);
    expect(await next.get('records', 'ds:iwm')).toEqual(old.iwmRec);
    next.close();
  });
});

describe('storage item migrations with real-looking data', () => {
  it('settings v1 (seconds, disabledSites) → v2 keeps every value the user set', async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        hoverDelay: 0.75,
        disabledSites: ['www.reddit.com', 'x.com', 'seekingalpha.com'],
        theme: 'dark',
      },
      settings$: { v: 1 },
    });
    await settingsItem.migrate();
    const s = await getSettings();
    expect(s).toMatchObject({
      hoverDelayMs: 750,
      pausedSites: ['www.reddit.com', 'x.com', 'seekingalpha.com'],
      theme: 'dark',
    });
    expect(Object.values(s.sources).every(Boolean)).toBe(true);
  });

  it('watchlist v1 (bare symbols, local and sync) → v2 keeps every valid symbol, in order', async () => {
    let tickers: string[];
    try {
      tickers = unwrap(parseIsharesHoldings(readReal('IWM_holdings_2026-05-05.csv')))
        .constituents.slice(0, 60)
        .map((c) => c.ticker);
    } catch {
      tickers = ['CRDO', 'BE', 'STRL', 'FN', 'NXT'];
    }
    const v1 = [...tickers, 'brk-b', '$crdo', 'bad symbol!', '<img src=x onerror=alert(1)>'];
    await fakeBrowser.storage.local.set({ watchlist: v1, watchlist$: { v: 1 } });
    await fakeBrowser.storage.sync.set({ watchlist: tickers.slice(0, 10), watchlist$: { v: 1 } });
    await watchlistLocalItem.migrate();
    await watchlistSyncItem.migrate();
    const w = await getWatchlist();
    const want = [...tickers.map((t) => t.replace(/[-/]/g, '.')), 'BRK.B'];
    expect(w.items.map((i) => i.symbol)).toEqual([...new Set(want)]);
    // And a later edit keeps all of them.
    await saveWatchlist([
      ...w.items,
      { symbol: 'AAPL', note: '', addedAt: '2026-11-25T00:00:00Z', membershipAtPin: null },
    ]);
    expect((await getWatchlist()).items.map((i) => i.symbol)).toEqual([...new Set(want), 'AAPL']);
  });

  it('a corrupt stored value (null, a string, an object of junk) migrates to a valid empty state, no throw', async () => {
    for (const junk of [null, 'CRDO', { items: 'x' }, 42, [1, null, {}]]) {
      fakeBrowser.reset();
      await fakeBrowser.storage.local.set({ watchlist: junk, watchlist$: { v: 1 } });
      await watchlistLocalItem.migrate();
      expect(Array.isArray((await getWatchlist()).items)).toBe(true);
    }
  });
});

describe('watchlist import of malformed CSV never loses the current list', () => {
  const current: WatchlistItem[] = [
    {
      symbol: 'CRDO',
      note: 'Reconstitution candidate, "R1000"?',
      addedAt: '2026-01-02T00:00:00.000Z',
      membershipAtPin: 'R2000',
    },
    { symbol: 'BE', note: '=cmd|/C calc!A0', addedAt: '2026-02-03T00:00:00.000Z', membershipAtPin: null },
    { symbol: 'BRK.B', note: '', addedAt: '2026-03-04T00:00:00.000Z', membershipAtPin: 'SP500' },
  ];
  const exported = watchlistToCsv(current);

  /** The side panel's import: parse, merge after the current rows, save only when it parsed. */
  async function importText(text: string) {
    tally.inputs++;
    const parsed = parseWatchlistCsv(text, new Date('2026-11-25T00:00:00Z'));
    if (!parsed.ok) return parsed;
    await saveWatchlist(mergeWatchlists((await getWatchlist()).items, parsed.items).items);
    return parsed;
  }

  it('fixed hostile files: empty, binary, HTML, JSON, an unclosed quote, too large, no symbol column', async () => {
    await saveWatchlist(current);
    for (const text of [
      '',
      '\uFEFF',
      '\u0000\u0001PK\u0003\u0004',
      '<html><body><img src=x onerror=alert(1)></body></html>',
      '{"symbol":"CRDO"}',
      'symbol,note\nCRDO,"never closed\n',
      'x'.repeat(1_000_001),
      'name,price\nCredo,100\n',
      'symbol\n<script>\n$$$\n',
    ]) {
      const r = await importText(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
      expect((await getWatchlist()).items).toEqual(current);
    }
  });

  it('arbitrary and mutated files: the current rows stay first and unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, mutated(exported)), async (text) => {
        fakeBrowser.reset();
        await saveWatchlist(current);
        const r = await importText(text);
        const after = (await getWatchlist()).items;
        if (!r.ok) expect(after).toEqual(current);
        else {
          // Existing rows keep place and data (an empty note may be filled from the file).
          after.slice(0, current.length).forEach((item, i) => {
            const was = current[i]!;
            expect(item).toEqual(was.note ? was : { ...was, note: item.note });
          });
          for (const item of after) expect(item.symbol).toMatch(/^[A-Z][A-Z0-9.-]{0,9}$/);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('our own export round-trips exactly (formula guard included)', () => {
    const r = parseWatchlistCsv(exported);
    expect(r.ok && r.items).toEqual(current);
  });
});
