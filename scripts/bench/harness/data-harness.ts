/**
 * In-page data benchmark (bundled into an IIFE): the real parsers and the real IndexedDB layer
 * (lib/db.ts over idb) in a Chromium page, plus the signal-card computation. `window.__data`.
 */
import { parseIsharesHoldings } from '../../../lib/sources/ishares-holdings';
import { parseIsharesFundHistory, parseIsharesFundHistoryCsv } from '../../../lib/sources/ishares-fund';
import { openLensDB, putRecord, replaceConstituents, replaceSeries, type SeriesPoint } from '../../../lib/db';
import { buildSignalCard } from '../../../lib/signals/card';
import { loadBundledSignalInputs } from '../../../lib/snapshot/inputs';
import type { FundHistoryRow } from '../../../lib/types';

const now = () => performance.now();

function points(rows: FundHistoryRow[]): SeriesPoint[] {
  return rows.map((r) => ({
    seriesId: 'fund:IWM',
    date: r.date,
    values: { nav: r.nav, sharesOutstanding: r.sharesOutstanding, exDividend: r.exDividend },
  }));
}

const data = {
  async holdings(csv: string): Promise<{ parseMs: number; storeMs: number; totalMs: number; rows: number }> {
    const db = await openLensDB();
    const t0 = now();
    const r = parseIsharesHoldings(csv, { fund: 'IWM' });
    if (!r.ok) throw new Error(r.error.message);
    const t1 = now();
    const snap = r.value;
    await replaceConstituents(snap.fund, snap.asOf, snap.constituents, db);
    await putRecord(
      {
        id: 'holdings:IWM',
        source: 'ishares-holdings',
        asOf: snap.asOf,
        fetchedAt: new Date().toISOString(),
        data: { ...snap, constituents: [] },
      },
      db,
    );
    const t2 = now();
    return { parseMs: t1 - t0, storeMs: t2 - t1, totalMs: t2 - t0, rows: snap.constituents.length };
  },

  async fund(
    text: string,
    kind: 'xls' | 'csv',
  ): Promise<{ parseMs: number; storeMs: number; totalMs: number; rows: number }> {
    const db = await openLensDB();
    const t0 = now();
    const r = kind === 'xls' ? parseIsharesFundHistory(text) : parseIsharesFundHistoryCsv(text);
    if (!r.ok) throw new Error(r.error.message);
    const t1 = now();
    await replaceSeries('fund:IWM', points(r.value.history), db);
    const t2 = now();
    return { parseMs: t1 - t0, storeMs: t2 - t1, totalMs: t2 - t0, rows: r.value.history.length };
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
