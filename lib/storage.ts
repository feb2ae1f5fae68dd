/**
 * Settings and the watchlist as versioned storage items. Each item carries a version and
 * migrations, so an upgrade from an older release converts data instead of dropping it.
 *
 * The watchlist lives twice: `sync:` (follows the user across browsers, small quota) and a
 * `local:` copy (large quota). Writes go to local first; a sync quota error is recorded and
 * never loses the list.
 *
 * One writer: every watchlist write (pins from pages and extension pages, side-panel edits,
 * notes, imports) runs through `editWatchlist`, a serialized queue in the background that reads
 * the current list inside the queue, so concurrent writers can never undo each other.
 *
 * The synced copy is chunked (version 3): `watchlistSync` holds {v, updatedAt, chunks} and
 * `watchlistSync.0…n` hold compact rows, each item under storage.sync's per-item quota and the
 * whole under its total quota. A list too large for sync stays on this device and says so. The
 * version-2 single item (`sync:watchlist`, and its version-1 bare array) is still read, and
 * removed after the first chunked write.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { WatchlistItem } from './view-models';
import { DEFAULT_ALERT_SETTINGS, normalizeAlertSettings } from './alerts/settings';
import type { AlertSettings } from './alerts/types';

import { MAX_WATCHLIST, normalizeSymbol } from './core/symbols';
import { SOURCE_IDS, type SourceId } from './core/sources';

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
  /** Alert rules, notifications, quiet hours, digest and snoozes (lib/alerts). Added in version 3. */
  alerts: AlertSettings;
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
  alerts: DEFAULT_ALERT_SETTINGS,
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
    alerts: normalizeAlertSettings(v.alerts),
  };
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 3,
  migrations: {
    // Version 3 adds `alerts` (every rule on, notifications off until the permission is granted).
    3: (old: unknown): Settings => normalizeSettings(old),
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

/**
 * storage.sync quotas (Chrome and Firefox): bytes per item (key + JSON of the value), bytes in
 * total, number of items, and write operations per minute.
 */
export const SYNC_QUOTA = { perItem: 8192, total: 102_400, maxItems: 512, writesPerMinute: 120 };

export const SYNC_META_KEY = 'watchlistSync';
export const syncChunkKey = (i: number) => `${SYNC_META_KEY}.${i}`;
export const SYNC_VERSION = 3;

/** A row as stored in sync: [symbol, note, addedAt, membershipAtPin]. */
type SyncRow = [string, string, string, WatchlistItem['membershipAtPin']];
interface SyncMeta {
  v: number;
  updatedAt: number;
  chunks: number;
}

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;
/** What storage.sync counts against its quotas for one item. */
export const syncItemBytes = (key: string, value: unknown) =>
  utf8Bytes(key) + utf8Bytes(JSON.stringify(value));

export type SyncPack =
  | { ok: true; entries: Record<string, unknown>; bytes: number; chunks: number }
  | { ok: false; bytes: number; reason: string };

/**
 * Splits a watchlist into sync items, each under the per-item quota and all together under the
 * total (a margin is kept for the keys' bookkeeping). Pure, so the quotas are unit-tested.
 */
export function packForSync(w: Watchlist, quota = SYNC_QUOTA): SyncPack {
  const perItem = quota.perItem - 64;
  const chunks: SyncRow[][] = [[]];
  let size = syncItemBytes(syncChunkKey(0), []);
  for (const i of w.items) {
    const row: SyncRow = [i.symbol, i.note, i.addedAt, i.membershipAtPin];
    const rowBytes = utf8Bytes(JSON.stringify(row)) + 1; // and its comma
    if (size + rowBytes > perItem && chunks[chunks.length - 1]!.length > 0) {
      chunks.push([]);
      size = syncItemBytes(syncChunkKey(chunks.length - 1), []);
    }
    chunks[chunks.length - 1]!.push(row);
    size += rowBytes;
  }
  const entries: Record<string, unknown> = {};
  chunks.forEach((c, i) => (entries[syncChunkKey(i)] = c));
  const meta: SyncMeta = { v: SYNC_VERSION, updatedAt: w.updatedAt, chunks: chunks.length };
  entries[SYNC_META_KEY] = meta;
  let bytes = 0;
  for (const [k, v] of Object.entries(entries)) bytes += syncItemBytes(k, v);
  const budget = quota.total - 1024;
  if (bytes > budget || chunks.length + 1 > quota.maxItems) {
    return {
      ok: false,
      bytes,
      reason:
        `Sync storage holds at most ${Math.floor(quota.total / 1024)} KB and this watchlist needs ` +
        `${Math.ceil(bytes / 1024)} KB (${w.items.length} symbols with their notes), so it is kept on ` +
        `this device only. Shorter notes or fewer symbols let it sync again.`,
    };
  }
  return { ok: true, entries, bytes, chunks: chunks.length };
}

/** Reads the chunked sync copy; null when there is none, or when it is incomplete or broken. */
export function unpackFromSync(all: Record<string, unknown>): Watchlist | null {
  const meta = all[SYNC_META_KEY] as Partial<SyncMeta> | undefined;
  if (!meta || typeof meta !== 'object' || typeof meta.chunks !== 'number' || meta.chunks > 511) return null;
  const items: unknown[] = [];
  for (let i = 0; i < meta.chunks; i++) {
    const chunk = all[syncChunkKey(i)];
    if (!Array.isArray(chunk)) return null; // another device is mid-write: not a whole list
    for (const r of chunk) {
      if (!Array.isArray(r)) continue;
      items.push({ symbol: r[0], note: r[1], addedAt: r[2], membershipAtPin: r[3] });
    }
  }
  return normalizeWatchlist({ items, updatedAt: meta.updatedAt });
}

async function readSyncCopy(): Promise<Watchlist> {
  const sync = browser.storage.sync;
  const head = (await sync.get(SYNC_META_KEY)) as Record<string, unknown>;
  const meta = head[SYNC_META_KEY] as Partial<SyncMeta> | undefined;
  if (meta && typeof meta.chunks === 'number' && meta.chunks <= 511) {
    const keys = Array.from({ length: meta.chunks }, (_, i) => syncChunkKey(i));
    const chunks = (await sync.get(keys)) as Record<string, unknown>;
    return unpackFromSync({ ...chunks, [SYNC_META_KEY]: meta }) ?? EMPTY_WATCHLIST;
  }
  // No chunked copy yet: the version 1/2 single item (migrated by its storage item).
  return normalizeWatchlist(await watchlistSyncItem.getValue());
}

/** The newer of the local and sync copies; a broken sync area falls back to local. */
export async function getWatchlist(): Promise<Watchlist> {
  const local = normalizeWatchlist(await watchlistLocalItem.getValue());
  let synced: Watchlist = EMPTY_WATCHLIST;
  try {
    synced = await readSyncCopy();
  } catch {
    // sync storage unavailable (Firefox without an account, policy): local is the truth
  }
  return synced.updatedAt > local.updatedAt ? synced : local;
}

/** Writes the chunked sync copy, removing chunks the previous (longer) copy left behind. */
async function writeSyncCopy(w: Watchlist): Promise<void> {
  const pack = packForSync(w);
  if (!pack.ok) {
    await watchlistSyncErrorItem.setValue(pack.reason);
    return;
  }
  try {
    const sync = browser.storage.sync;
    const before = (await sync.get(SYNC_META_KEY)) as Record<string, Partial<SyncMeta> | undefined>;
    const oldChunks = typeof before[SYNC_META_KEY]?.chunks === 'number' ? before[SYNC_META_KEY].chunks : 0;
    await sync.set(pack.entries); // chunks and meta in one write: readers see all or none of it
    const stale = ['watchlist', 'watchlist$'];
    for (let i = pack.chunks; i < oldChunks; i++) stale.push(syncChunkKey(i));
    await sync.remove(stale);
    await watchlistSyncErrorItem.setValue(null);
  } catch (e) {
    await watchlistSyncErrorItem.setValue(
      `Sync storage refused the watchlist (${e instanceof Error ? e.message : String(e)}); it is kept on this device.`,
    );
  }
}

/**
 * Sync writes are spaced (each costs two of storage.sync's 120 write operations a minute): a
 * burst of edits writes sync at once for the first and once more, with the latest list, after
 * the spacing. Local storage is written every time.
 */
const SYNC_SPACING_MS = 1500;
let lastSyncWriteAt = -Infinity;
let syncTimer: ReturnType<typeof setTimeout> | null = null;

async function syncSoon(w: Watchlist): Promise<void> {
  const wait = lastSyncWriteAt + SYNC_SPACING_MS - Date.now();
  if (wait <= 0) {
    lastSyncWriteAt = Date.now();
    await writeSyncCopy(w);
    return;
  }
  syncTimer ??= setTimeout(() => {
    syncTimer = null;
    void runInQueue(async () => {
      lastSyncWriteAt = Date.now();
      await writeSyncCopy(normalizeWatchlist(await watchlistLocalItem.getValue()));
    });
  }, wait);
}

/** Tests: forget the spacing and any pending sync write (a fresh worker). */
export function resetWatchlistWriter(): void {
  if (syncTimer) clearTimeout(syncTimer);
  syncTimer = null;
  lastSyncWriteAt = -Infinity;
  queueTail = Promise.resolve();
}

let queueTail: Promise<unknown> = Promise.resolve();

/** Runs `job` after every job queued before it (one at a time, in order). */
function runInQueue<T>(job: () => Promise<T>): Promise<T> {
  const run = queueTail.then(job, job);
  queueTail = run.catch(() => undefined);
  return run;
}

/** What an edit returns: the new items (omit to write nothing) and the caller's result. */
export interface WatchlistEdit<T> {
  items?: WatchlistItem[];
  result: T;
}

/**
 * The one way to change the watchlist: `edit` sees the current items, read inside the queue, and
 * returns the next ones. Edits run one at a time in arrival order, so a page's pin can never
 * write back a list read before the user's edit (or the other way round).
 */
export function editWatchlist<T>(edit: (items: WatchlistItem[]) => WatchlistEdit<T>): Promise<T> {
  return runInQueue(async () => {
    const current = await getWatchlist();
    const { items, result } = edit(current.items.slice());
    if (items) {
      const next = normalizeWatchlist({ items, updatedAt: Math.max(Date.now(), current.updatedAt + 1) });
      await watchlistLocalItem.setValue(next);
      await syncSoon(next);
    }
    return result;
  });
}

/** Replaces the whole list (through the queue). Writes local first, so sync can never lose it. */
export function saveWatchlist(items: WatchlistItem[]): Promise<Watchlist> {
  return editWatchlist(() => ({ items, result: null })).then(() => getWatchlist());
}
