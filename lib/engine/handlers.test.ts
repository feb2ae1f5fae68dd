/**
 * Watchlist writes through the background handlers: a page's pin reveals nothing about the list,
 * is capped per page load, refuses a full list in plain words, and never undoes a side-panel
 * edit (every write goes through the one queue in lib/storage.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch, type SenderContext } from '../messaging';
import type { WatchlistItem } from '../view-models';
import { getWatchlist, MAX_WATCHLIST, resetWatchlistWriter, saveWatchlist } from '../storage';
import { setBundledLoader } from './bundled';
import { Engine } from './engine';
import { createHandlers, FULL_LIST_MESSAGE, mergePanelEdit } from './handlers';
import { PAGE_PIN_CAP, PagePins } from './page-pins';
import { TabTickers } from './tab-tickers';

const root = resolve(__dirname, '../..');
const page = (tabId: number): SenderContext => ({ kind: 'content-script', tabId });
const panel: SenderContext = { kind: 'extension-page', tabId: null };
const noNet = async (): Promise<Response> => {
  throw new Error('offline');
};
const row = (symbol: string, note = ''): WatchlistItem => ({
  symbol,
  note,
  addedAt: '2026-11-25T00:00:00.000Z',
  membershipAtPin: null,
});

let engine: Engine;
let validSymbols: string[];
beforeAll(async () => {
  setBundledLoader({
    snapshot: async () => JSON.parse(readFileSync(resolve(root, 'lib/data/snapshot.json'), 'utf8')),
    universe: async () => JSON.parse(readFileSync(resolve(root, 'lib/data/universe.json'), 'utf8')),
  });
  engine = new Engine(noNet);
  const u = await engine.universeRows();
  // The symbols the panel edits are never among the page's pins.
  const panelOwn = new Set(['CRDO', 'BE', 'FN', 'NXT', 'AAPL']);
  validSymbols = u.rows
    .map((r) => r.split('|')[0]!)
    .filter((s) => /^[A-Z]{2,5}$/.test(s) && !panelOwn.has(s));
});

beforeEach(() => {
  fakeBrowser.reset();
  resetWatchlistWriter();
});

const make = (pagePins = new PagePins()) =>
  createHandlers({ tabTickers: new TabTickers(), fetchImpl: noNet, engine, pagePins });

describe('pinFromPage', () => {
  it('answers the same for a listed and an unlisted symbol', async () => {
    const h = make();
    await saveWatchlist([row('CRDO')]);
    const listed = await dispatch(h, { scl: 1, type: 'pinFromPage', payload: { symbol: 'CRDO' } }, page(1));
    const unlisted = await dispatch(h, { scl: 1, type: 'pinFromPage', payload: { symbol: 'AAPL' } }, page(2));
    expect(listed).toEqual(unlisted);
    expect(listed).toEqual({ ok: true, data: null });
  });

  it(`caps a page at ${PAGE_PIN_CAP} attempts per load; a new load starts again`, async () => {
    const pins = new PagePins();
    const h = make(pins);
    const replies = [];
    for (const s of validSymbols.slice(0, PAGE_PIN_CAP + 3))
      replies.push(await dispatch(h, { scl: 1, type: 'pinFromPage', payload: { symbol: s } }, page(3)));
    expect(replies.filter((r) => r.ok)).toHaveLength(PAGE_PIN_CAP);
    expect(replies.at(-1)).toEqual({
      ok: false,
      error: 'this page has pinned enough; reload it to pin more',
    });
    expect((await getWatchlist()).items).toHaveLength(PAGE_PIN_CAP);
    pins.reset(3);
    const again = await dispatch(h, { scl: 1, type: 'pinFromPage', payload: { symbol: 'AAPL' } }, page(3));
    expect(again.ok).toBe(true);
  });

  it('a full list refuses every symbol alike, listed or not, and stores nothing', async () => {
    const h = make();
    const full = validSymbols.slice(0, MAX_WATCHLIST).map((s) => row(s));
    await saveWatchlist(full);
    const listed = await dispatch(
      h,
      { scl: 1, type: 'pinFromPage', payload: { symbol: full[0]!.symbol } },
      page(4),
    );
    const unlisted = await dispatch(
      h,
      { scl: 1, type: 'pinFromPage', payload: { symbol: validSymbols[MAX_WATCHLIST]! } },
      page(5),
    );
    expect(listed).toEqual({ ok: false, error: FULL_LIST_MESSAGE });
    expect(unlisted).toEqual(listed);
    expect((await getWatchlist()).items).toEqual(full);
  });
});

describe('side-panel edits and concurrent page pins', () => {
  it('mergePanelEdit keeps the panel order and removals, and appends rows that arrived meanwhile', () => {
    const current = [row('A'), row('B'), row('C'), row('PAGE1')];
    const edited = [row('C', 'note'), row('A'), row('NEW')]; // B removed, C moved and noted, NEW added
    expect(mergePanelEdit(current, edited, ['A', 'B', 'C']).map((i) => `${i.symbol}${i.note}`)).toEqual([
      'Cnote',
      'A',
      'NEW',
      'PAGE1',
    ]);
    // Without a base (an old side panel) the edit replaces the list, as before.
    expect(mergePanelEdit(current, edited, undefined)).toBe(edited);
  });

  it('20 concurrent page pins during a removal, an add and a note edit lose no edit (20 trials)', async () => {
    for (let trial = 0; trial < 20; trial++) {
      fakeBrowser.reset();
      resetWatchlistWriter();
      const h = make();
      const start = [row('CRDO'), row('BE'), row('FN', 'old')];
      await saveWatchlist(start);
      const pins = validSymbols.slice(100 + trial * 20, 120 + trial * 20);
      const sends: Array<Promise<unknown>> = pins.map((symbol, i) =>
        dispatch(h, { scl: 1, type: 'pinFromPage', payload: { symbol } }, page(100 + Math.floor(i / 5))),
      );
      // The panel's three edits, each from the list it showed (its base).
      sends.splice(3, 0, dispatch(h, { scl: 1, type: 'unpin', payload: { symbol: 'BE' } }, panel));
      sends.splice(9, 0, dispatch(h, { scl: 1, type: 'pin', payload: { symbol: 'NXT' } }, panel));
      // The note is edited in the panel's list as shown after the removal (BE gone).
      const noted = [row('CRDO'), row('FN', 'new note')];
      sends.splice(
        14,
        0,
        dispatch(h, { scl: 1, type: 'setWatchlist', payload: { items: noted, base: ['CRDO', 'FN'] } }, panel),
      );
      await Promise.all(sends);
      const after = (await getWatchlist()).items;
      const syms = after.map((i) => i.symbol);
      expect(syms, `trial ${trial}: the removed symbol stays removed`).not.toContain('BE');
      expect(syms, `trial ${trial}: the added symbol is kept`).toContain('NXT');
      expect(after.find((i) => i.symbol === 'FN')?.note, `trial ${trial}: the note is kept`).toBe('new note');
      for (const s of pins) expect(syms, `trial ${trial}: every page pin is kept`).toContain(s);
    }
  });
});
