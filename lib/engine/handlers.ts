import { browser } from 'wxt/browser';
import type { Handlers } from '../messaging';
import type { FetchImpl } from '../sources/http';
import {
  getSettings,
  getWatchlist,
  normalizeSymbol,
  saveWatchlist,
  updateSettings,
  watchlistSyncErrorItem,
} from '../storage';
import type { TabTickers } from './tab-tickers';
import { clearAll } from '../db';

export interface HandlerDeps {
  tabTickers: TabTickers;
  fetchImpl: FetchImpl;
}

const NO_DATA = 'No data yet: the data engine has not been built into this version.';

export function createHandlers(deps: HandlerDeps): Handlers {
  const watchlistReply = async () => ({
    items: (await getWatchlist()).items,
    syncError: await watchlistSyncErrorItem.getValue(),
  });
  const pin = async (symbol: string, note = '') => {
    const sym = normalizeSymbol(symbol);
    if (!sym) throw new Error(`Not a ticker symbol: ${symbol.slice(0, 20)}`);
    const { items } = await getWatchlist();
    if (items.some((i) => i.symbol === sym)) return { added: false };
    await saveWatchlist([
      ...items,
      { symbol: sym, note, addedAt: new Date().toISOString(), membershipAtPin: null },
    ]);
    return { added: true };
  };
  return {
    getSignalCard: () => {
      throw new Error(NO_DATA);
    },
    getStrip: () => ({ items: [] }),
    getTickerInfo: () => {
      throw new Error(NO_DATA);
    },
    getTickerInfos: () => [],
    getQuote: () => null,
    getSourceStatus: () => [],
    suggest: () => [],
    getSettings: () => getSettings(),
    getWatchlist: watchlistReply,
    reportPageTickers: ({ tickers }, ctx) => {
      if (ctx.tabId !== null) deps.tabTickers.set(ctx.tabId, tickers);
      return null;
    },
    getTabTickers: ({ tabId }) => deps.tabTickers.get(tabId),
    pinFromPage: ({ symbol }) => pin(symbol),
    openSidePanel: async (_p, ctx) => {
      const sidePanel = (
        browser as unknown as {
          sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> };
        }
      ).sidePanel;
      if (sidePanel && ctx.tabId !== null) await sidePanel.open({ tabId: ctx.tabId });
      else if (sidePanel) {
        const win = await browser.windows.getCurrent();
        if (win.id !== undefined) await sidePanel.open({ windowId: win.id });
      } else {
        const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
        await sidebar?.open();
      }
      return null;
    },
    refresh: () => [],
    setSettings: ({ patch }) => updateSettings(patch),
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
      return null;
    },
    importReconstitution: () => {
      throw new Error(NO_DATA);
    },
  };
}
