/**
 * The browser side of alerts: the toolbar badge, system notifications through the OPTIONAL
 * `notifications` permission, and the AlertEnv the background's alert pass runs with. Nothing
 * here sends anything off the device: notifications are local, the data is already stored.
 */
import { browser } from 'wxt/browser';
import { getRecord } from '../db';
import type { Engine } from '../engine/engine';
import { isStale } from '../core/freshness';
import type { PriceSeries, Provenance } from '../source-data';
import { getSettings, getWatchlist, updateSettings } from '../storage';
import { refreshBadge, runAlertPass, type AlertEnv, type PassResult } from './run';

interface NotificationsApi {
  create(
    id: string,
    options: { type: 'basic'; iconUrl: string; title: string; message: string },
  ): Promise<string>;
  onClicked: { addListener(fn: (id: string) => void): void; hasListener(fn: (id: string) => void): boolean };
}

interface BadgeApi {
  setBadgeText(d: { text: string }): Promise<void>;
  setBadgeBackgroundColor(d: { color: string }): Promise<void>;
}

const b = browser as unknown as {
  notifications?: NotificationsApi;
  action?: BadgeApi;
  browserAction?: BadgeApi;
};

/** The badge on the toolbar icon: the number of alerts not yet seen (empty at 0). */
export async function setBadge(count: number): Promise<void> {
  const api = b.action ?? b.browserAction;
  if (!api) return;
  await api.setBadgeText({ text: count > 0 ? String(Math.min(count, 999)) : '' });
  if (count > 0) await api.setBadgeBackgroundColor({ color: '#b3261e' });
}

export async function notificationsGranted(): Promise<boolean> {
  try {
    return !!b.notifications && (await browser.permissions.contains({ permissions: ['notifications'] }));
  } catch {
    return false;
  }
}

async function notifier() {
  if (!(await notificationsGranted())) return null;
  const api = b.notifications!;
  return {
    show: async (id: string, title: string, message: string) => {
      await api.create(id, {
        type: 'basic',
        // The icon is generated at build time, so WXT's typed PublicPath does not list it.
        iconUrl: (browser.runtime.getURL as (path: string) => string)('/icon/128.png'),
        title,
        message: message.slice(0, 1000),
      });
    },
  };
}

/** A click on a notification opens the alert log. */
const openLog = () => void browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html#alerts') });

/** Registers the click listener when the permission is held (at start, and when it is granted). */
export function listenToNotificationClicks(): void {
  const api = b.notifications;
  if (api && !api.onClicked.hasListener(openLog)) api.onClicked.addListener(openLog);
}

export function alertEnv(engine: Engine): AlertEnv {
  return {
    loadData: () => engine.data(),
    watchlist: async () => (await getWatchlist()).items.map((i) => i.symbol),
    quotes: async (symbols) => {
      const out = new Map<string, { data: PriceSeries; provenance: Provenance }>();
      await Promise.all(
        symbols.map(async (s) => {
          const r = await getRecord<PriceSeries>(`quote:${s}`).catch(() => undefined);
          if (r?.provenance) out.set(s, { data: r.data, provenance: r.provenance });
        }),
      );
      return out;
    },
    settings: async () => (await getSettings()).alerts,
    setLastDigest: async (at) => {
      const s = await getSettings();
      await updateSettings({ alerts: { ...s.alerts, lastDigestAt: at } });
    },
    isStale,
    now: () => new Date(),
    notifier,
    setBadge,
  };
}

let running: Promise<PassResult> | null = null;

/** One pass at a time per worker (a second caller shares it; the pass is idempotent anyway). */
export function runAlertsNow(engine: Engine): Promise<PassResult> {
  running ??= runAlertPass(alertEnv(engine)).finally(() => {
    running = null;
  });
  return running;
}

export const updateBadge = () => refreshBadge({ setBadge });
