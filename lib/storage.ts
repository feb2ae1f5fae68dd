/**
 * Settings and the watchlist as versioned storage items. Each item carries a version and
 * migrations, so an upgrade from an older release converts data instead of dropping it.
 *
 * The watchlist lives twice: `sync:` (follows the user across browsers, small quota) and a
 * `local:` copy (large quota). Writes go to local first; a sync quota error is recorded and
 * never loses the list.
 */
import { storage } from 'wxt/utils/storage';
import type { WatchlistItem } from './model';

import { MAX_WATCHLIST, normalizeSymbol, SOURCE_IDS, type SourceId } from './symbols';

export { MAX_WATCHLIST, normalizeSymbol, SOURCE_IDS, type SourceId };

export interface Settings {
  /** Hostnames where the content script stays quiet. */
  pausedSites: string[];
  /** Origins (e.g. "https://example.com") the user turned on beyond the curated list. */
  extraSites: string[];
  hoverDelayMs: number;
  /** Open the hover card only while Alt is held. */
  altToHover: boolean;
  theme: 'auto' | 'light' | 'dark';
  /** Underline detected tickers (off = detect for the popup list only). */
  underline: boolean;
  sources: Record<SourceId, boolean>;
  refreshMinutes: number;
  /** Words never to tag as tickers (upper-cased symbols). */
  neverTag: string[];
  /** Detect lower-case cashtags ($crdo) too. */
  lowercaseCashtags: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  pausedSites: [],
  extraSites: [],
  hoverDelayMs: 300,
  altToHover: false,
  theme: 'auto',
  underline: true,
  sources: Object.fromEntries(SOURCE_IDS.map((id) => [id, true])) as Record<SourceId, boolean>,
  refreshMinutes: 60,
  neverTag: [],
  lowercaseCashtags: false,
};

/** Version 1 (0.0.x) stored `hoverDelay` in seconds and `disabledSites`; see migrations. */
interface SettingsV1 {
  hoverDelay?: number;
  disabledSites?: string[];
  theme?: Settings['theme'];
}

export function normalizeSettings(value: unknown): Settings {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<Settings>;
  const strings = (a: unknown): string[] =>
    Array.isArray(a) ? a.filter((s): s is string => typeof s === 'string').slice(0, 2000) : [];
  const sources = { ...DEFAULT_SETTINGS.sources };
  if (v.sources && typeof v.sources === 'object') {
    for (const id of SOURCE_IDS) {
      const on = (v.sources as Record<string, unknown>)[id];
      if (typeof on === 'boolean') sources[id] = on;
    }
  }
  const num = (n: unknown, lo: number, hi: number, dflt: number) =>
    typeof n === 'number' && Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : dflt;
  return {
    pausedSites: strings(v.pausedSites),
    extraSites: strings(v.extraSites),
    hoverDelayMs: num(v.hoverDelayMs, 0, 3000, DEFAULT_SETTINGS.hoverDelayMs),
    altToHover: typeof v.altToHover === 'boolean' ? v.altToHover : DEFAULT_SETTINGS.altToHover,
    theme: v.theme === 'light' || v.theme === 'dark' || v.theme === 'auto' ? v.theme : 'auto',
    underline: typeof v.underline === 'boolean' ? v.underline : true,
    sources,
    refreshMinutes: num(v.refreshMinutes, 15, 24 * 60, DEFAULT_SETTINGS.refreshMinutes),
    neverTag: strings(v.neverTag).map((s) => s.toUpperCase()),
    lowercaseCashtags: typeof v.lowercaseCashtags === 'boolean' ? v.lowercaseCashtags : false,
  };
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: {
    2: (old: SettingsV1): Settings =>
      normalizeSettings({
        ...DEFAULT_SETTINGS,
        hoverDelayMs: typeof old.hoverDelay === 'number' ? Math.round(old.hoverDelay * 1000) : undefined,
        pausedSites: old.disabledSites,
        theme: old.theme,
      }),
  },
});

export async function getSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await getSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

export interface Watchlist {
  items: WatchlistItem[];
  /** Monotonic edit time, used to pick the newer of the sync and local copies. */
  updatedAt: number;
}

export const EMPTY_WATCHLIST: Watchlist = { items: [], updatedAt: 0 };

/** Version 1 stored a bare array of symbols. */
type WatchlistV1 = string[];

const watchlistMigrations = {
  2: (old: WatchlistV1 | Watchlist): Watchlist =>
    Array.isArray(old)
      ? normalizeWatchlist({
          items: old.map((symbol) => ({
            symbol,
            note: '',
            addedAt: new Date(0).toISOString(),
            membershipAtPin: null,
          })),
          updatedAt: 1,
        })
      : normalizeWatchlist(old),
};

export const watchlistLocalItem = storage.defineItem<Watchlist>('local:watchlist', {
  fallback: EMPTY_WATCHLIST,
  version: 2,
  migrations: watchlistMigrations,
});

export const watchlistSyncItem = storage.defineItem<Watchlist>('sync:watchlist', {
  fallback: EMPTY_WATCHLIST,
  version: 2,
  migrations: watchlistMigrations,
});

/** Last sync failure (e.g. QUOTA_BYTES_PER_ITEM), shown in the side panel. */
export const watchlistSyncErrorItem = storage.defineItem<string | null>('local:watchlistSyncError', {
  fallback: null,
});

export function normalizeWatchlist(value: unknown): Watchlist {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<Watchlist>;
  const seen = new Set<string>();
  const items: WatchlistItem[] = [];
  for (const raw of Array.isArray(v.items) ? v.items : []) {
    if (!raw || typeof raw !== 'object') continue;
    const r = raw as Partial<WatchlistItem>;
    const symbol = typeof r.symbol === 'string' ? normalizeSymbol(r.symbol) : null;
    if (!symbol || seen.has(symbol)) continue;
    seen.add(symbol);
    items.push({
      symbol,
      note: typeof r.note === 'string' ? r.note.slice(0, 500) : '',
      addedAt: typeof r.addedAt === 'string' ? r.addedAt : new Date(0).toISOString(),
      membershipAtPin:
        r.membershipAtPin === 'R2000' || r.membershipAtPin === 'R1000' || r.membershipAtPin === 'SP500'
          ? r.membershipAtPin
          : null,
    });
    if (items.length >= MAX_WATCHLIST) break;
  }
  return {
    items,
    updatedAt: typeof v.updatedAt === 'number' && Number.isFinite(v.updatedAt) ? v.updatedAt : 0,
  };
}

/** The newer of the local and sync copies; a broken sync area falls back to local. */
export async function getWatchlist(): Promise<Watchlist> {
  const local = normalizeWatchlist(await watchlistLocalItem.getValue());
  let synced: Watchlist = EMPTY_WATCHLIST;
  try {
    synced = normalizeWatchlist(await watchlistSyncItem.getValue());
  } catch {
    // sync storage unavailable (Firefox without an account, policy): local is the truth
  }
  return synced.updatedAt > local.updatedAt ? synced : local;
}

/** Writes local first so a sync failure (quota, offline) can never lose the list. */
export async function saveWatchlist(items: WatchlistItem[]): Promise<Watchlist> {
  const current = await getWatchlist();
  const next = normalizeWatchlist({ items, updatedAt: Math.max(Date.now(), current.updatedAt + 1) });
  await watchlistLocalItem.setValue(next);
  try {
    await watchlistSyncItem.setValue(next);
    await watchlistSyncErrorItem.setValue(null);
  } catch (e) {
    await watchlistSyncErrorItem.setValue(
      `Sync storage refused the watchlist (${e instanceof Error ? e.message : String(e)}); it is kept on this device.`,
    );
  }
  return next;
}
