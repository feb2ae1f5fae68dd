/**
 * In-page data benchmark (bundled into an IIFE): the real parsers and the engine's own storage
 * path (lib/engine/repository.ts over lib/db.ts and idb) in a Chromium page, plus the signal-card
 * computation. `window.__data`. What is written is what the extension writes: one record per
 * dataset (`storeFetched`), the fund history read, merged and written back in the same transaction
 * when a holdings file brings a shares-outstanding point; what is read is what every view reads
 * first (`loadData`: every dataset, stored or bundled).
 */
import { parseIsharesHoldings } from '../../../lib/sources/ishares-holdings';
import { parseIsharesFundHistory, parseIsharesFundHistoryCsv } from '../../../lib/sources/ishares-fund';
import { setBundledLoader } from '../../../lib/engine/bundled';
import type { BundledSnapshot } from '../../../lib/engine/datasets';
import { ALL_KEYS, datasetOf, loadData, storeFetched } from '../../../lib/engine/repository';
import type { SourceFetchResult } from '../../../lib/engine/refresh';
import { buildSignalCard } from '../../../lib/signals/card';
import { loadBundledSignalInputs } from '../../../lib/snapshot/inputs';
import snapshotJson from '../../../lib/data/snapshot.json';

const now = () => performance.now();

// The extension reads its bundled snapshot from the package; here it is part of the harness.
setBundledLoader({
  snapshot: async () => snapshotJson as unknown as BundledSnapshot,
  universe: async () => {
    throw new Error('the data bench does not load the universe');
  },
});

type Timing = { parseMs: number; storeMs: number; totalMs: number; rows: number };

const data = {
  async holdings(csv: string): Promise<Timing> {
    const t0 = now();
    const r = parseIsharesHoldings(csv, { fund: 'IWM' });
    if (!r.ok) throw new Error(r.error.message);
    const t1 = now();
    const snap = r.value;
    const fetchedAt = new Date().toISOString();
    const result: SourceFetchResult = {
      datasets: {
        iwm: {
          data: snap,
          provenance: {
            source: 'ishares-holdings',
            label: 'iShares IWM holdings',
            asOf: snap.asOf,
            fetchedAt,
          },
        },
      },
      warnings: [],
      ...(snap.sharesOutstanding !== null
        ? { sharesPoint: { date: snap.asOf, sharesOutstanding: snap.sharesOutstanding } }
        : {}),
    };
    await storeFetched('ishares-holdings', result);
    const t2 = now();
    return { parseMs: t1 - t0, storeMs: t2 - t1, totalMs: t2 - t0, rows: snap.constituents.length };
  },

  async fund(text: string, kind: 'xls' | 'csv'): Promise<Timing> {
    const t0 = now();
    const r = kind === 'xls' ? parseIsharesFundHistory(text) : parseIsharesFundHistoryCsv(text);
    if (!r.ok) throw new Error(r.error.message);
    const t1 = now();
    const asOf = r.value.history.at(-1)?.date ?? '';
    const fetchedAt = new Date().toISOString();
    await storeFetched('ishares-fund', {
      datasets: {
        fundHistory: {
          data: r.value.history,
          provenance: { source: 'ishares-fund', label: 'iShares IWM fund history', asOf, fetchedAt },
        },
      },
      warnings: [],
    });
    const t2 = now();
    return { parseMs: t1 - t0, storeMs: t2 - t1, totalMs: t2 - t0, rows: r.value.history.length };
  },

  async load(): Promise<{ totalMs: number; stored: number; datasets: number }> {
    const t0 = now();
    const r = await loadData();
    const t1 = now();
    if (r.storageError) throw new Error(r.storageError);
    const stored = ALL_KEYS.filter((k) => datasetOf(r.data, k) !== null && !r.fromBundle.has(k)).length;
    return { totalMs: t1 - t0, stored, datasets: ALL_KEYS.length };
  },

  signals(): { inputsMs: number; cardMs: number; totalMs: number; factors: number } {
    const t0 = now();
    const inputs = loadBundledSignalInputs();
    const t1 = now();
    const card = buildSignalCard(inputs, new Date());
    const t2 = now();
    return { inputsMs: t1 - t0, cardMs: t2 - t1, totalMs: t2 - t0, factors: card.factors.length };
  },
};

declare global {
  interface Window {
    __data: typeof data;
  }
}
window.__data = data;
