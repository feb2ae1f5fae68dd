import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  settingsItem,
  watchlistLocalItem,
  DEFAULT_SETTINGS,
  getSettings,
  getWatchlist,
  normalizeSettings,
  normalizeSymbol,
  saveWatchlist,
  updateSettings,
  watchlistSyncErrorItem,
  editWatchlist,
  packForSync,
  resetWatchlistWriter,
  SYNC_META_KEY,
  SYNC_QUOTA,
  syncChunkKey,
  syncItemBytes,
  unpackFromSync,
  watchlistSyncItem,
} from './storage';
import type { WatchlistItem } from './view-models';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('falls back to defaults on a fresh install', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('migrates version 1 settings (seconds, disabledSites) without losing them', async () => {
    await fakeBrowser.storage.local.set({
      settings: { hoverDelay: 0.5, disabledSites: ['example.com'], theme: 'dark' },
      settings$: { v: 1 },
    });
    await settingsItem.migrate(); // runs at worker start-up in the extension
    const s = await getSettings();
    expect(s.hoverDelayMs).toBe(500);
    expect(s.pausedSites).toEqual(['example.com']);
    expect(s.theme).toBe('dark');
  });

  it('clamps and cleans hostile values', () => {
    const s = normalizeSettings({
      hoverDelayMs: 1e9,
      theme: '<script>',
      pausedSites: [1, 'a.com'],
      sources: { fred: 'no', kalshi: false },
    });
    expect(s.hoverDelayMs).toBe(3000);
    expect(s.theme).toBe('auto');
    expect(s.pausedSites).toEqual(['a.com']);
    expect(s.sources.fred).toBe(true);
    expect(s.sources.kalshi).toBe(false);
  });

  it('updates a patch and keeps the rest', async () => {
    await updateSettings({ altToHover: true });
    await updateSettings({ hoverDelayMs: 100 });
    const s = await getSettings();
    expect(s.altToHover).toBe(true);
    expect(s.hoverDelayMs).toBe(100);
  });
});

describe('watchlist', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    resetWatchlistWriter();
  });

  it('normalizes symbols', () => {
    expect(normalizeSymbol(' $crdo ')).toBe('CRDO');
    expect(normalizeSymbol('BRK-B')).toBe('BRK.B');
    expect(normalizeSymbol('<img>')).toBeNull();
  });

  it('saves to local and sync and reads back, de-duplicated', async () => {
    const item = {
      symbol: 'CRDO',
      note: 'n',
      addedAt: '2026-11-25T00:00:00Z',
      membershipAtPin: 'R2000' as const,
    };
    await saveWatchlist([item, { ...item, note: 'dup' }, { ...item, symbol: 'be' }]);
    const w = await getWatchlist();
    expect(w.items.map((i) => i.symbol)).toEqual(['CRDO', 'BE']);
    const local = await fakeBrowser.storage.local.get('watchlist');
    const sync = unpackFromSync(await fakeBrowser.storage.sync.get(null));
    expect(local.watchlist).toEqual(sync);
  });

  it('keeps the list on this device when sync storage refuses it (quota)', async () => {
    const spy = vi
      .spyOn(fakeBrowser.storage.sync, 'set')
      .mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    await saveWatchlist([{ symbol: 'CRDO', note: '', addedAt: 'x', membershipAtPin: null }]);
    expect((await getWatchlist()).items.map((i) => i.symbol)).toEqual(['CRDO']);
    expect(await watchlistSyncErrorItem.getValue()).toMatch(/QUOTA/);
    spy.mockRestore();
  });

  it('migrates a version 1 bare array of symbols', async () => {
    await fakeBrowser.storage.local.set({ watchlist: ['CRDO', 'be', 'bad symbol!'], watchlist$: { v: 1 } });
    await watchlistLocalItem.migrate();
    expect((await getWatchlist()).items.map((i) => i.symbol)).toEqual(['CRDO', 'BE']);
  });

  it('prefers the newer of the sync and local copies', async () => {
    await fakeBrowser.storage.local.set({
      watchlist: { items: [{ symbol: 'OLD' }], updatedAt: 1 },
      watchlist$: { v: 2 },
    });
    await fakeBrowser.storage.sync.set({
      watchlist: { items: [{ symbol: 'NEW' }], updatedAt: 2 },
      watchlist$: { v: 2 },
    });
    expect((await getWatchlist()).items.map((i) => i.symbol)).toEqual(['NEW']);
  });
});

const row = (symbol: string, note = ''): WatchlistItem => ({
  symbol,
  note,
  addedAt: '2026-11-25T10:00:00.000Z',
  membershipAtPin: 'R2000',
});
/** 500 distinct valid symbols: AAAA, AAAB, … */
const symbols = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    let s = '';
    for (let k = i, d = 0; d < 4; d++, k = Math.floor(k / 26)) s = String.fromCharCode(65 + (k % 26)) + s;
    return s;
  });

describe('the synced copy is chunked under storage.sync quotas', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    resetWatchlistWriter();
  });

  it('500 items with notes: every item under 8,192 bytes, all under 102,400, round-trips', () => {
    const items = symbols(500).map((s, i) => row(s, i % 3 ? `note ${i} — "quoted", ünïcode` : ''));
    const pack = packForSync({ items, updatedAt: 7 });
    expect(pack.ok).toBe(true);
    if (!pack.ok) return;
    let total = 0;
    for (const [k, v] of Object.entries(pack.entries)) {
      const b = syncItemBytes(k, v);
      expect(b, k).toBeLessThanOrEqual(SYNC_QUOTA.perItem);
      total += b;
    }
    expect(total).toBeLessThanOrEqual(SYNC_QUOTA.total);
    expect(Object.keys(pack.entries).length).toBeLessThanOrEqual(SYNC_QUOTA.maxItems);
    expect(pack.chunks).toBeGreaterThan(1);
    expect(unpackFromSync(pack.entries)).toEqual({ items, updatedAt: 7 });
  });

  it('a list too large for sync is refused with the sizes in plain words', () => {
    const items = symbols(500).map((s) => row(s, 'x'.repeat(400)));
    const pack = packForSync({ items, updatedAt: 1 });
    expect(pack.ok).toBe(false);
    if (!pack.ok) expect(pack.reason).toMatch(/at most 100 KB .* needs \d+ KB .* kept on this device/);
  });

  it('an incomplete copy (another device mid-write) reads as none', () => {
    const pack = packForSync({ items: symbols(500).map((s) => row(s)), updatedAt: 3 });
    if (!pack.ok) throw new Error('pack');
    const partial = { ...pack.entries };
    delete partial[syncChunkKey(1)];
    expect(unpackFromSync(partial)).toBeNull();
  });

  it('saving 500 items writes chunks, removes the version-2 item, and a shorter list drops stale chunks', async () => {
    await fakeBrowser.storage.sync.set({
      watchlist: { items: [{ symbol: 'OLD' }], updatedAt: 1 },
      watchlist$: { v: 2 },
    });
    await saveWatchlist(symbols(500).map((s) => row(s, 'a note')));
    let all = await fakeBrowser.storage.sync.get(null);
    expect(all.watchlist).toBeUndefined();
    const chunks = (all[SYNC_META_KEY] as { chunks: number }).chunks;
    expect(chunks).toBeGreaterThan(1);
    expect(unpackFromSync(all)?.items).toHaveLength(500);
    expect(await watchlistSyncErrorItem.getValue()).toBeNull();
    resetWatchlistWriter(); // past the spacing
    await saveWatchlist([row('CRDO')]);
    all = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(all).sort()).toEqual([SYNC_META_KEY, syncChunkKey(0)]);
    expect(unpackFromSync(all)?.items.map((i) => i.symbol)).toEqual(['CRDO']);
  });

  it('a list too large for sync stays on this device and the side panel is told why', async () => {
    await saveWatchlist(symbols(500).map((s) => row(s, 'x'.repeat(400))));
    expect((await getWatchlist()).items).toHaveLength(500);
    expect(await watchlistSyncErrorItem.getValue()).toMatch(/kept on this device only/);
  });

  it('upgrade: a version-2 sync copy newer than local is read, and the next edit keeps it', async () => {
    await fakeBrowser.storage.sync.set({
      watchlist: { items: [{ symbol: 'CRDO' }, { symbol: 'BE' }], updatedAt: 5 },
      watchlist$: { v: 2 },
    });
    await watchlistSyncItem.migrate();
    expect((await getWatchlist()).items.map((i) => i.symbol)).toEqual(['CRDO', 'BE']);
    await editWatchlist((items) => ({ items: [...items, row('FN')], result: null }));
    const all = await fakeBrowser.storage.sync.get(null);
    expect(unpackFromSync(all)?.items.map((i) => i.symbol)).toEqual(['CRDO', 'BE', 'FN']);
  });

  it('a burst of edits writes sync at most twice (once now, once with the latest list)', async () => {
    const spy = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await Promise.all(
      symbols(30).map((s) => editWatchlist((items) => ({ items: [...items, row(s)], result: null }))),
    );
    expect(spy).toHaveBeenCalledTimes(1);
    await new Promise((r) => setTimeout(r, 1700));
    expect(spy).toHaveBeenCalledTimes(2);
    expect(unpackFromSync(await fakeBrowser.storage.sync.get(null))?.items).toHaveLength(30);
    spy.mockRestore();
  });
});

describe('one writer: the watchlist queue', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    resetWatchlistWriter();
  });

  it('concurrent read-modify-write edits lose nothing (each reads inside the queue)', async () => {
    await saveWatchlist([row('KEEP', 'mine')]);
    const edits = symbols(40).map((s, i) =>
      i % 10 === 5
        ? editWatchlist((items) => ({
            items: items.map((x) => (x.symbol === 'KEEP' ? { ...x, note: `edit ${i}` } : x)),
            result: null,
          }))
        : editWatchlist((items) => ({ items: [...items, row(s)], result: null })),
    );
    await Promise.all(edits);
    const after = (await getWatchlist()).items;
    expect(after).toHaveLength(1 + 36);
    expect(after[0]).toMatchObject({ symbol: 'KEEP', note: 'edit 35' });
  });

  it('runs edits in arrival order and a failing edit does not block the queue', async () => {
    const order: number[] = [];
    const a = editWatchlist(() => {
      order.push(1);
      throw new Error('bad edit');
    });
    const b = editWatchlist(() => (order.push(2), { result: 'ok' }));
    await expect(a).rejects.toThrow('bad edit');
    await expect(b).resolves.toBe('ok');
    expect(order).toEqual([1, 2]);
  });
});
