/**
 * The alert pass end to end on IndexedDB (fake-indexeddb), replaying the real FRED DGS2 2026
 * recording day by day: restarts, repeated refreshes, a pass killed mid-write, bundled and stale
 * data, an outage, notifications, quiet hours, snooze and clear.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { openDB, type IDBPDatabase } from 'idb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_VERSION, openLensDB, type LensDB } from '../db';
import { createVersion1Stores } from '../db-testing';
import { unwrap } from '../result';
import { readReal } from '../../test/shared-fixtures';
import { parseFredCsv } from '../sources/fred';
import { bundledCalendars } from '../sources/calendars';
import type { LensData, DatasetKey } from '../engine/datasets';
import type { LoadedData } from '../engine/repository';
import { isStale } from '../core/freshness';
import type { Observation } from '../source-data';
import { getSettings, settingsItem } from '../storage';
import { evaluate, MemoryPrior } from './evaluate';
import { clearAlerts, listAlerts, markSeen, unseenCount } from './history';
import { pointReading } from './readings';
import { yieldMoveSeries } from './rules';
import { runAlertPass, type AlertEnv } from './run';
import { DEFAULT_ALERT_SETTINGS, normalizeAlertSettings } from './settings';
import type { AlertSettings } from './types';

const DGS2 = unwrap(parseFredCsv(readReal('fred_DGS2_2026-01-02_to_2026-09-10.csv'), 'DGS2')).series.DGS2!;
const PROV = { source: 'fred', label: 'FRED DGS2', asOf: '' };

function loaded(obs: Observation[], fromBundle: DatasetKey[] = []): LoadedData {
  const data: LensData = {
    iwm: null,
    r1000: null,
    sp500: null,
    fundHistory: null,
    prices: { IWM: null, SPY: null },
    fred: {
      DGS2: { data: obs, provenance: { ...PROV, asOf: obs.at(-1)!.date } },
      DGS10: null,
      DFEDTARU: null,
      DFEDTARL: null,
    },
    effr: null,
    futures: null,
    kalshi: null,
    polymarket: null,
    reconstitution: null,
    // A calendar outside these dates: no calendar alert interferes.
    calendars: {
      data: { ...bundledCalendars(), fomc: [], russell: [] },
      provenance: { source: 'bundled', label: 'c', asOf: '2026-09-15' },
    },
  };
  return { data, fromBundle: new Set(fromBundle), storageError: null };
}

let n = 0;
async function freshDb(): Promise<IDBPDatabase<LensDB>> {
  return openLensDB(`alerts-test-${++n}-${Math.random()}`);
}

interface Shown {
  id: string;
  title: string;
}

function env(
  db: IDBPDatabase<LensDB>,
  state: {
    obs: Observation[];
    now: Date;
    fromBundle?: DatasetKey[];
    settings?: AlertSettings;
    shown?: Shown[];
    permitted?: boolean;
  },
): AlertEnv & { badge: number[] } {
  const badge: number[] = [];
  return {
    db,
    badge,
    loadData: async () => loaded(state.obs, state.fromBundle),
    watchlist: async () => [],
    quotes: async () => new Map(),
    settings: async () => state.settings ?? DEFAULT_ALERT_SETTINGS,
    setLastDigest: async (at) => {
      state.settings = { ...(state.settings ?? DEFAULT_ALERT_SETTINGS), lastDigestAt: at };
    },
    isStale,
    now: () => state.now,
    notifier: async () =>
      state.permitted
        ? { show: async (id: string, title: string) => void state.shown?.push({ id, title }) }
        : null,
    setBadge: async (c) => void badge.push(c),
  };
}

/** The day after `date`, 12:00 UTC (FRED publishes the previous day's yield). */
const dayAfter = (date: string) => new Date(Date.parse(`${date}T12:00:00Z`) + 864e5);

/** Expected alert ids: the pure evaluation replayed in memory. */
function expectedIds(upTo: string): string[] {
  const prior = new MemoryPrior();
  const ids: string[] = [];
  for (const p of yieldMoveSeries(DGS2).filter((x) => x.date <= upTo)) {
    const e = evaluate(
      [pointReading('yield:DGS2', PROV, p, 'x')],
      prior,
      DEFAULT_ALERT_SETTINGS,
      dayAfter(p.date),
    );
    prior.commit(e);
    ids.push(...e.alerts.map((a) => a.id));
  }
  return ids;
}

describe('alert pass on IndexedDB, real DGS2 2026 replayed day by day', () => {
  it('every refresh run twice: each alert stored once, the same as the pure replay', async () => {
    const db = await freshDb();
    const state = { obs: [] as Observation[], now: new Date() };
    const e = env(db, state);
    for (const o of DGS2) {
      state.obs = DGS2.filter((x) => x.date <= o.date);
      state.now = dayAfter(o.date);
      await runAlertPass(e);
      await runAlertPass(e); // the same refresh again (a UI kick, a repeated alarm)
    }
    const ids = (await listAlerts(db)).map((a) => a.id).sort();
    expect(ids).toEqual(expectedIds('2026-12-31').sort());
    expect(ids.length).toBeGreaterThan(2);
    expect(e.badge.at(-1)).toBe(ids.length);
    db.close();
  });

  it('a worker killed mid-evaluation leaves nothing half-written; the next pass completes it once', async () => {
    const db = await freshDb();
    const firstAlert = expectedIds('2026-12-31')[0]!;
    const day = firstAlert.split(':').at(-1)!;
    const state = { obs: [] as Observation[], now: new Date() };
    const e = env(db, state);
    for (const o of DGS2.filter((x) => x.date < day)) {
      state.obs = DGS2.filter((x) => x.date <= o.date);
      state.now = dayAfter(o.date);
      await runAlertPass(e);
    }
    expect(await listAlerts(db)).toEqual([]);
    state.obs = DGS2.filter((x) => x.date <= day);
    state.now = dayAfter(day);
    const killed = {
      ...e,
      hooks: {
        afterReadings() {
          throw new Error('worker terminated');
        },
      },
    };
    await expect(runAlertPass(killed)).rejects.toThrow('worker terminated');
    expect(await listAlerts(db)).toEqual([]);
    expect(await db.get('readings', ['yield:DGS2', day])).toBeUndefined();
    // Revived worker, same data: the alert is written exactly once.
    await runAlertPass(e);
    await runAlertPass(e);
    expect((await listAlerts(db)).map((a) => a.id)).toEqual([firstAlert]);
    db.close();
  });

  it('bundled data alone never fires, nor does stale data; the first fetched reading is a baseline', async () => {
    const db = await freshDb();
    const state = { obs: [] as Observation[], now: new Date(), fromBundle: ['fred:DGS2'] as DatasetKey[] };
    const e = env(db, state);
    for (const o of DGS2) {
      state.obs = DGS2.filter((x) => x.date <= o.date);
      state.now = dayAfter(o.date);
      await runAlertPass(e);
    }
    expect(await listAlerts(db)).toEqual([]);
    expect(await db.count('readings')).toBe(0);
    // Fetched, but 3 months old (FRED is stale after 7 days): no reading, no alert.
    state.fromBundle = [];
    state.now = new Date('2026-12-06T12:00:00Z');
    await runAlertPass(e);
    expect(await db.count('readings')).toBe(0);
    // Fetched and fresh: the first reading is stored, no alert even though the month moved 41 bp.
    state.now = dayAfter('2026-09-10');
    const r = await runAlertPass(e);
    expect(r.added).toEqual([]);
    expect(await db.count('readings')).toBe(1);
    db.close();
  });

  it('a source back after an outage does not replay its backlog: at most one alert per rule', async () => {
    const db = await freshDb();
    const state = { obs: [] as Observation[], now: new Date() };
    const e = env(db, state);
    const until = '2026-03-02';
    for (const o of DGS2.filter((x) => x.date <= until)) {
      state.obs = DGS2.filter((x) => x.date <= o.date);
      state.now = dayAfter(o.date);
      await runAlertPass(e);
    }
    const before = (await listAlerts(db)).length;
    // Two outage passes serve the old data, now stale: nothing read.
    for (const d of ['2026-04-01', '2026-06-01']) {
      state.now = new Date(`${d}T12:00:00Z`);
      await runAlertPass(e);
    }
    // The source comes back with everything up to 10 Sep 2026.
    state.obs = DGS2;
    state.now = dayAfter('2026-09-10');
    await runAlertPass(e);
    await runAlertPass(e);
    const after = (await listAlerts(db)).length;
    const backlog = expectedIds('2026-09-10').length - expectedIds(until).length;
    expect(backlog).toBeGreaterThan(1);
    expect(after - before).toBeLessThanOrEqual(1);
    db.close();
  });
});

describe('notifications, badge, quiet hours, snooze, clear', () => {
  async function withAlerts(settings: AlertSettings, permitted: boolean) {
    const db = await freshDb();
    const shown: Shown[] = [];
    const state = { obs: [] as Observation[], now: new Date(), settings, shown, permitted };
    const e = env(db, state);
    for (const o of DGS2) {
      state.obs = DGS2.filter((x) => x.date <= o.date);
      state.now = dayAfter(o.date);
      await runAlertPass(e);
    }
    return { db, shown, e, state };
  }

  it('with the permission each alert is one notification whose id is the alert id', async () => {
    const { db, shown, e } = await withAlerts({ ...DEFAULT_ALERT_SETTINGS, notify: true }, true);
    const log = await listAlerts(db);
    expect(shown.map((s) => s.id).sort()).toEqual(log.map((a) => a.id).sort());
    expect(e.badge.at(-1)).toBe(log.length);
    await markSeen(undefined, db);
    expect(await unseenCount(db)).toBe(0);
    db.close();
  });

  it('without the permission: no notification, the log and the badge still have every alert', async () => {
    const { db, shown, e } = await withAlerts({ ...DEFAULT_ALERT_SETTINGS, notify: true }, false);
    expect(shown).toEqual([]);
    const log = await listAlerts(db);
    expect(log.length).toBeGreaterThan(2);
    expect(log.every((a) => a.notified)).toBe(true);
    expect(e.badge.at(-1)).toBe(log.length);
    db.close();
  });

  it('quiet hours hold notifications, shown as one batch after them', async () => {
    const quiet = normalizeAlertSettings({
      notify: true,
      quietHours: { on: true, start: '00:00', end: '23:59' },
    });
    const { db, shown, e, state } = await withAlerts(quiet, true);
    expect(shown).toEqual([]);
    const log = await listAlerts(db);
    state.settings = { ...quiet, quietHours: { ...quiet.quietHours, on: false } };
    await runAlertPass(e);
    expect(shown.length).toBe(log.length > 3 ? 1 : log.length);
    await runAlertPass(e);
    expect(shown.length).toBe(log.length > 3 ? 1 : log.length); // not twice
    db.close();
  });

  it('the daily digest sends one summary at its hour, once, whatever the number of passes', async () => {
    const digest = normalizeAlertSettings({ notify: true, digest: { on: true, hour: 18 } });
    const { db, shown, e, state } = await withAlerts(digest, true);
    // Every pass above ran at 12:00 UTC: the digest hour (local 18:00) had not come yet... unless
    // the machine's zone puts 12:00 UTC after 18:00 local; either way at most one digest a day.
    const before = shown.length;
    const evening = new Date(dayAfter('2026-09-10'));
    evening.setHours(18, 30, 0, 0);
    state.now = evening;
    await runAlertPass(e);
    await runAlertPass(e);
    const digests = shown.slice(before);
    const pendingBefore = (await listAlerts(db)).filter((a) => !a.notified).length;
    expect(digests.length).toBeLessThanOrEqual(1);
    expect(pendingBefore).toBe(0);
    expect(shown.every((x) => x.id.startsWith('digest:'))).toBe(true);
    expect(shown.length).toBeGreaterThanOrEqual(1);
    // Where noon UTC is before 18:00 local (UTC, the Americas), everything waited for the one digest.
    if (dayAfter('2026-09-10').getHours() < 18) expect(shown).toHaveLength(1);
    db.close();
  });

  it('a snoozed rule logs silently; a cleared alert never comes back', async () => {
    const snoozed = normalizeAlertSettings({
      notify: true,
      snoozedUntil: { 'yields-2y': '2030-01-01T00:00:00Z' },
    });
    const { db, shown, e } = await withAlerts(snoozed, true);
    const log = await listAlerts(db);
    expect(log.length).toBeGreaterThan(2);
    expect(log.every((a) => a.snoozed && a.seen)).toBe(true);
    expect(shown).toEqual([]);
    expect(e.badge.at(-1)).toBe(0);
    await clearAlerts([log[0]!.id], db);
    await runAlertPass(e);
    expect((await listAlerts(db)).map((a) => a.id)).not.toContain(log[0]!.id);
    expect(await db.get('alerts', log[0]!.id)).toMatchObject({ cleared: true });
    db.close();
  });
});

describe('storage upgrades', () => {
  beforeEach(() => fakeBrowser.reset());

  it('IndexedDB version 1 → current keeps the cached data and adds the readings and alerts stores', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = await openDB(name, 1, {
      upgrade: createVersion1Stores,
    });
    await v1.put('records', {
      id: 'ds:iwm',
      source: 'ishares-holdings',
      asOf: '2026-05-05',
      fetchedAt: 'x',
      data: 1,
    });
    v1.close();
    const db = await openLensDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect((await db.get('records', 'ds:iwm'))?.asOf).toBe('2026-05-05');
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['readings', 'alerts']));
    db.close();
  });

  it('settings version 2 → 3 keep every field and gain the alert defaults', async () => {
    await fakeBrowser.storage.local.set({
      settings: { hoverDelayMs: 700, theme: 'dark', pausedSites: ['a.com'] },
      settings$: { v: 2 },
    });
    await settingsItem.migrate();
    const s = await getSettings();
    expect(s.hoverDelayMs).toBe(700);
    expect(s.pausedSites).toEqual(['a.com']);
    expect(s.alerts).toEqual(DEFAULT_ALERT_SETTINGS);
    expect(s.alerts.notify).toBe(false); // needs the optional permission first
    expect(Object.values(s.alerts.rules).every((r) => r.on)).toBe(true);
  });
});
