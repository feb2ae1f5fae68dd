/**
 * For the upgrade tests (not shipped: only tests import it): the stores older releases created,
 * written out as they were, not derived from today's lib/db.ts.
 */
import type { IDBPDatabase } from 'idb';

/** Version 1 (release 0.1): records, statuses, and the `series` and `constituents` stores. */
export function createVersion1Stores(d: IDBPDatabase): void {
  d.createObjectStore('records', { keyPath: 'id' });
  const series = d.createObjectStore('series', { keyPath: ['seriesId', 'date'] });
  series.createIndex('bySeries', 'seriesId');
  const c = d.createObjectStore('constituents', { keyPath: ['fund', 'ticker'] });
  c.createIndex('byFund', 'fund');
  c.createIndex('byTicker', 'ticker');
  d.createObjectStore('status', { keyPath: 'id' });
}

/** Version 2 added the alert history (readings) and the alert log. */
export function createVersion2Stores(d: IDBPDatabase): void {
  d.createObjectStore('readings', { keyPath: ['signal', 'date'] }).createIndex('bySignal', 'signal');
  d.createObjectStore('alerts', { keyPath: 'id' });
}
