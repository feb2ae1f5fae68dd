/**
 * One alert pass, run by the background after each refresh: newest readings (fetched, fresh data
 * only) → evaluation against the stored history → one atomic write → notifications → badge.
 * Browser APIs come in as `AlertEnv`, so the pass runs in unit tests as it does in the worker.
 */
import type { IDBPDatabase } from 'idb';
import type { LensDB } from '../db';
import type { LoadedData } from '../engine/repository';
import type { SourceId } from '../storage';
import type { PriceSeries, Provenance } from '../source-data';
import { evaluate } from './evaluate';
import {
  commitEvaluation,
  loadPrior,
  markNotified,
  pendingNotifications,
  unseenCount,
  type CommitHooks,
} from './history';
import { liveReadings } from './readings';
import { inQuietHours } from './settings';
import type { AlertRecord, AlertSettings } from './types';

export interface AlertEnv {
  loadData(): Promise<LoadedData>;
  watchlist(): Promise<string[]>;
  /** Stored quotes of these symbols (records `quote:SYM`), missing ones left out. */
  quotes(symbols: readonly string[]): Promise<Map<string, { data: PriceSeries; provenance: Provenance }>>;
  settings(): Promise<AlertSettings>;
  /** Persists the time of the last digest notification. */
  setLastDigest(at: string): Promise<void>;
  isStale(source: SourceId, asOf: string, now: Date): boolean;
  now(): Date;
  /** null when the notifications permission is not granted (or the browser has none). */
  notifier(): Promise<{ show(id: string, title: string, message: string): Promise<void> } | null>;
  setBadge(count: number): Promise<void>;
  db?: IDBPDatabase<LensDB>;
  hooks?: CommitHooks;
}

/** At most this many separate notifications per pass; more become one summary. */
export const MAX_SEPARATE = 3;

export interface PassResult {
  added: AlertRecord[];
  notified: number;
  badge: number;
}

export async function runAlertPass(env: AlertEnv): Promise<PassResult> {
  const settings = await env.settings();
  const now = env.now();
  let added: AlertRecord[] = [];
  if (settings.enabled) {
    const [loaded, watchlist] = await Promise.all([env.loadData(), env.watchlist()]);
    const quotes = await env.quotes(watchlist);
    const readings = liveReadings({
      data: loaded.data,
      fromBundle: loaded.fromBundle,
      watchlist,
      quotes,
      now,
      isStale: env.isStale,
    });
    const prior = await loadPrior(
      readings.map((r) => r.signal),
      env.db,
    );
    const e = evaluate(readings, prior, settings, now, loaded.data.calendars.data);
    added = await commitEvaluation(e, now, env.db, env.hooks);
  }
  const notified = await notify(env, settings, now);
  const badge = await refreshBadge(env);
  return { added, notified, badge };
}

/** Shows what is pending, honouring the switch, quiet hours and the digest; returns how many. */
async function notify(env: AlertEnv, settings: AlertSettings, now: Date): Promise<number> {
  const pending = (await pendingNotifications(env.db)).sort((a, b) => (a.dataDate < b.dataDate ? -1 : 1));
  if (pending.length === 0) return 0;
  const notifier = settings.enabled && settings.notify ? await env.notifier() : null;
  if (!notifier) {
    // No notifications wanted or allowed: the log and the badge carry them.
    await markNotified(
      pending.map((a) => a.id),
      env.db,
    );
    return 0;
  }
  if (inQuietHours(settings, now)) return 0; // shown after quiet hours, at the next pass
  if (settings.digest.on) {
    const due = new Date(now);
    due.setHours(settings.digest.hour, 0, 0, 0);
    const last = settings.lastDigestAt ? Date.parse(settings.lastDigestAt) : 0;
    if (now.getTime() < due.getTime() || last >= due.getTime()) return 0;
    await env.setLastDigest(now.toISOString());
    await notifier.show(
      `digest:${now.toISOString().slice(0, 10)}`,
      `Small-Cap Lens: ${pending.length} alert${pending.length === 1 ? '' : 's'} today`,
      pending.map((a) => `• ${a.title}`).join('\n'),
    );
  } else if (pending.length > MAX_SEPARATE) {
    await notifier.show(
      `summary:${pending.at(-1)!.id}`,
      `Small-Cap Lens: ${pending.length} new alerts`,
      pending
        .slice(-MAX_SEPARATE)
        .map((a) => `• ${a.title}`)
        .join('\n') + '\n…see the alert log in the side panel',
    );
  } else {
    // The alert id is the notification id: showing it twice replaces, never duplicates.
    for (const a of pending) await notifier.show(a.id, a.title, notificationBody(a));
  }
  await markNotified(
    pending.map((a) => a.id),
    env.db,
  );
  return pending.length;
}

export function notificationBody(a: AlertRecord): string {
  const from = a.from ? `${a.from.text} (${a.from.asOf}) → ` : '';
  return `${from}${a.to.text} (${a.to.asOf})\nSource: ${a.to.source}`;
}

export async function refreshBadge(env: Pick<AlertEnv, 'setBadge' | 'db'>): Promise<number> {
  const n = await unseenCount(env.db);
  await env.setBadge(n);
  return n;
}
