/**
 * The alert history in IndexedDB (stores `readings` and `alerts`, database version 2): one
 * reading per signal and market date, and the alert log. An evaluation's readings and alerts are
 * written in ONE transaction, so a worker killed mid-evaluation leaves either everything or
 * nothing, and the next pass (same data, same ids) completes it exactly once.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { openLensDB, type LensDB } from '../db';
import { MemoryPrior, type Evaluation, type PriorView } from './evaluate';
import type { AlertRecord } from './types';

/** Readings older than this are pruned (the rules look back a month at most, baselines a meeting). */
export const KEEP_READINGS_DAYS = 400;
/** Alerts (log entries and cleared tombstones) are kept this long. */
export const KEEP_ALERTS_DAYS = 400;
/** The log shows at most this many entries. */
export const MAX_LOG = 200;

const db = (d?: IDBPDatabase<LensDB>) => (d ? Promise.resolve(d) : openLensDB());

/** What evaluation needs, for the given signals: their stored readings and every stored alert. */
export async function loadPrior(signals: readonly string[], d?: IDBPDatabase<LensDB>): Promise<PriorView> {
  const conn = await db(d);
  const prior = new MemoryPrior();
  const tx = conn.transaction(['readings', 'alerts'], 'readonly');
  const index = tx.objectStore('readings').index('bySignal');
  const [lists, alerts] = await Promise.all([
    Promise.all([...new Set(signals)].map((s) => index.getAll(s))),
    tx.objectStore('alerts').getAll(),
    tx.done,
  ]);
  for (const list of lists) prior.commit({ readings: list, alerts: [] });
  prior.commit({ readings: [], alerts });
  return prior;
}

export interface CommitHooks {
  /** Test hook: runs after the readings are queued, before the alerts (throwing aborts all). */
  afterReadings?(): void;
}

/** Writes one evaluation atomically; alerts already stored (same id) are left as they are. */
export async function commitEvaluation(
  e: Evaluation,
  now: Date,
  d?: IDBPDatabase<LensDB>,
  hooks: CommitHooks = {},
): Promise<AlertRecord[]> {
  const conn = await db(d);
  const tx = conn.transaction(['readings', 'alerts'], 'readwrite');
  const added: AlertRecord[] = [];
  try {
    const readings = tx.objectStore('readings');
    // A put rejects when the transaction aborts; the abort itself is reported below.
    for (const r of e.readings) readings.put(r).catch(() => {});
    hooks.afterReadings?.();
    const alerts = tx.objectStore('alerts');
    for (const a of e.alerts) {
      if (await alerts.get(a.id)) continue;
      await alerts.put(a);
      added.push(a);
    }
    await pruneIn(tx, new Set(e.readings.map((r) => r.signal)), now);
    await tx.done;
  } catch (err) {
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    await tx.done.catch(() => {});
    throw err;
  }
  return added;
}

type RwTx = IDBPTransaction<LensDB, Array<'readings' | 'alerts'>, 'readwrite'>;

/** Drops old readings of the signals just read (a key range each) and old alerts. */
async function pruneIn(tx: RwTx, signals: ReadonlySet<string>, now: Date): Promise<void> {
  const readingsCut = new Date(now.getTime() - KEEP_READINGS_DAYS * 864e5).toISOString().slice(0, 10);
  const alertsCut = new Date(now.getTime() - KEEP_ALERTS_DAYS * 864e5).toISOString();
  for (const s of signals)
    await tx.objectStore('readings').delete(IDBKeyRange.bound([s, ''], [s, readingsCut], false, true));
  let ac = await tx.objectStore('alerts').openCursor();
  while (ac) {
    if (ac.value.createdAt < alertsCut) await ac.delete();
    ac = await ac.continue();
  }
}

/** The log: not cleared, newest data first. */
export async function listAlerts(d?: IDBPDatabase<LensDB>): Promise<AlertRecord[]> {
  const all = await (await db(d)).getAll('alerts');
  return all
    .filter((a) => !a.cleared)
    .sort((a, b) =>
      a.dataDate !== b.dataDate ? (a.dataDate < b.dataDate ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
    )
    .slice(0, MAX_LOG);
}

/** The badge count: alerts not yet seen (snoozed ones are logged as seen). */
export async function unseenCount(d?: IDBPDatabase<LensDB>): Promise<number> {
  return (await (await db(d)).getAll('alerts')).filter((a) => !a.seen && !a.cleared).length;
}

/** Alerts waiting for a system notification (or a digest). */
export async function pendingNotifications(d?: IDBPDatabase<LensDB>): Promise<AlertRecord[]> {
  return (await (await db(d)).getAll('alerts')).filter((a) => !a.notified && !a.cleared && !a.snoozed);
}

/** Sets fields on the given alerts (all when `ids` is undefined) in one transaction. */
async function update(
  patch: Partial<Pick<AlertRecord, 'seen' | 'cleared' | 'notified'>>,
  ids: readonly string[] | undefined,
  d?: IDBPDatabase<LensDB>,
): Promise<void> {
  const tx = (await db(d)).transaction('alerts', 'readwrite');
  const want = ids ? new Set(ids) : null;
  let c = await tx.store.openCursor();
  while (c) {
    if (!want || want.has(c.value.id)) await c.update({ ...c.value, ...patch });
    c = await c.continue();
  }
  await tx.done;
}

export const markSeen = (ids?: readonly string[], d?: IDBPDatabase<LensDB>) => update({ seen: true }, ids, d);
export const markNotified = (ids: readonly string[], d?: IDBPDatabase<LensDB>) =>
  update({ notified: true }, ids, d);
/** Clearing keeps a tombstone, so the same change can never come back as a new alert. */
export const clearAlerts = (ids?: readonly string[], d?: IDBPDatabase<LensDB>) =>
  update({ cleared: true, seen: true, notified: true }, ids, d);
