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
} from './storage';

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
  beforeEach(() => fakeBrowser.reset());

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
    const sync = await fakeBrowser.storage.sync.get('watchlist');
    expect(local.watchlist).toEqual(sync.watchlist);
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
