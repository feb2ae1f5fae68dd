/**
 * Message handlers: the background's half of lib/messaging.ts. Validation and sender checks
 * happen in `dispatch` before any of these run.
 */
import { browser } from 'wxt/browser';
import type { Handlers, SenderContext } from '../messaging';
import type { EvidenceFactorId } from '../signals/evidence';
import type { FetchImpl } from '../sources/http';
import {
  getSettings,
  getWatchlist,
  normalizeSymbol,
  saveWatchlist,
  updateSettings,
  watchlistSyncErrorItem,
} from '../storage';
import { clearAll } from '../db';
import type { IndexMembership } from '../model';
import { Engine } from './engine';
import type { TabTickers } from './tab-tickers';
import { scheduleRefresh } from './schedule';
import { syncExtraSites } from './extra-sites';

export interface HandlerDeps {
  tabTickers: TabTickers;
  fetchImpl: FetchImpl;
  engine?: Engine;
}

export function createHandlers(deps: HandlerDeps): Handlers & { warm(): Promise<void> } {
  const engine = deps.engine ?? new Engine(deps.fetchImpl);

  const watchlistReply = async () => ({
    items: (await getWatchlist()).items,
    syncError: await watchlistSyncErrorItem.getValue(),
  });

  const pin = async (symbol: string, note = '') => {
    const sym = normalizeSymbol(symbol);
    if (!sym) throw new Error(`Not a ticker symbol: ${symbol.slice(0, 20)}`);
    const { items } = await getWatchlist();
    if (items.some((i) => i.symbol === sym)) return { added: false };
    const info = await engine.tickerInfo(sym);
    const membershipAtPin: IndexMembership | null = info.russell2000
      ? 'R2000'
      : info.russell1000
        ? 'R1000'
        : info.sp500
          ? 'SP500'
          : null;
    await saveWatchlist([
      ...items,
      { symbol: sym, note, addedAt: new Date().toISOString(), membershipAtPin },
    ]);
    return { added: true };
  };

  /** The factor the hover card asked the popup / side panel to open on (taken once). */
  let evidenceFocus: EvidenceFactorId | null = null;

  const openSidePanel = async (ctx: SenderContext) => {
    const b = browser as unknown as {
      sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> };
      sidebarAction?: { open(): Promise<void> };
    };
    if (b.sidePanel) {
      if (ctx.tabId !== null) await b.sidePanel.open({ tabId: ctx.tabId });
      else {
        const win = await browser.windows.getCurrent();
        if (win.id !== undefined) await b.sidePanel.open({ windowId: win.id });
      }
    } else await b.sidebarAction?.open();
  };

  /** UI reads kick a refresh of due sources in the background, without waiting for it. */
  const kick = () => void engine.refresh(false, true).catch(() => {});

  return {
    warm: () => engine.warm(),
    getSignalCard: async () => {
      kick();
      return engine.signalCard();
    },
    getStrip: () => engine.strip(),
    getEvidence: () => engine.evidence(),
    getUniverse: () => engine.universeRows(),
    getTickerInfo: ({ symbol }) => engine.tickerInfo(symbol),
    getTickerInfos: ({ symbols }) => engine.tickerInfos(symbols),
    getQuote: ({ symbol }) => engine.quote(symbol),
    getSourceStatus: () => engine.statuses(),
    suggest: ({ query }) => engine.suggest(query),
    getSettings: () => getSettings(),
    getWatchlist: watchlistReply,
    reportPageTickers: ({ tickers }, ctx) => {
      if (ctx.tabId !== null) deps.tabTickers.set(ctx.tabId, tickers);
      return null;
    },
    getTabTickers: ({ tabId }) => deps.tabTickers.get(tabId),
    pinFromPage: async ({ symbol }) => {
      // Only symbols of today's universe: a hostile page cannot fill the list with junk.
      const sym = normalizeSymbol(symbol);
      if (!sym || !(await engine.getUniverse()).resolve(sym))
        throw new Error(`${symbol.slice(0, 12)} is not a US-listed symbol`);
      return pin(sym);
    },
    openSidePanel: async (_p, ctx) => {
      await openSidePanel(ctx);
      return null;
    },
    openEvidence: async ({ factor }, ctx) => {
      evidenceFocus = factor;
      const b = browser as unknown as {
        action?: { openPopup?(): Promise<void> };
        browserAction?: { openPopup?(): Promise<void> };
      };
      const action = b.action ?? b.browserAction;
      try {
        // Chrome 127+ opens the popup from here; Firefox only inside a user action (not a message).
        if (action?.openPopup) {
          await action.openPopup();
          return { opened: 'popup' as const };
        }
      } catch {
        // Fall through to the side panel, which lists the same evidence.
      }
      await openSidePanel(ctx);
      return { opened: 'side-panel' as const };
    },
    takeEvidenceFocus: () => {
      const f = evidenceFocus;
      evidenceFocus = null;
      return f;
    },
    refresh: ({ force }) => engine.refresh(force ?? true),
    setSettings: async ({ patch }) => {
      const before = await getSettings();
      const next = await updateSettings(patch);
      if (next.refreshMinutes !== before.refreshMinutes) await scheduleRefresh();
      if (next.extraSites.join() !== before.extraSites.join()) await syncExtraSites().catch(() => {});
      engine.clearMemory();
      return next;
    },
    setWatchlist: async ({ items }) => {
      await saveWatchlist(items);
      return watchlistReply();
    },
    pin: ({ symbol, note }) => pin(symbol, note),
    unpin: async ({ symbol }) => {
      const sym = normalizeSymbol(symbol);
      const { items } = await getWatchlist();
      await saveWatchlist(items.filter((i) => i.symbol !== sym));
      return null;
    },
    clearCache: async () => {
      await clearAll();
      engine.clearMemory();
      return null;
    },
    importReconstitution: async ({ csv, change, effective }) => ({
      count: await engine.importReconstitution(csv, change, effective),
    }),
  };
}
