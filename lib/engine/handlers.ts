/**
 * Message handlers: the background's half of lib/messaging.ts. Validation and sender checks
 * happen in `dispatch` before any of these run.
 */
import { browser } from 'wxt/browser';
import type { Handlers } from '../messaging';
import type { EvidenceFactorId } from '../signals/evidence';
import type { FetchImpl } from '../sources/http';
import {
  editWatchlist,
  getSettings,
  getWatchlist,
  MAX_WATCHLIST,
  normalizeSymbol,
  updateSettings,
  watchlistSyncErrorItem,
} from '../storage';
import { clearAll } from '../db';
import type { IndexMembership, WatchlistItem } from '../view-models';
import { PagePins } from './page-pins';
import { Engine } from './engine';
import type { TabTickers } from './tab-tickers';
import { scheduleRefresh } from './schedule';
import { syncExtraSites } from './extra-sites';
import { openWatchlistPanel, type PanelApis } from './side-panel';
import { runAlertsNow, updateBadge } from '../alerts/browser';
import { clearAlerts, listAlerts, markSeen, unseenCount } from '../alerts/history';

export interface HandlerDeps {
  tabTickers: TabTickers;
  fetchImpl: FetchImpl;
  engine?: Engine;
  /** Pins per tab and page load (background resets a tab's count when it loads a page). */
  pagePins?: PagePins;
}

/** The full-list refusal, the same whatever the symbol (a page learns only that the list is full). */
export const FULL_LIST_MESSAGE = `your watchlist is full (${MAX_WATCHLIST} symbols); remove one in the side panel first`;

/**
 * The side panel's edit applied to the list as it is now: the panel's rows in the panel's order,
 * then rows that arrived while the panel was editing (in the current list, not in `base`, the
 * symbols the panel started from). Rows the panel removed stay removed.
 */
export function mergePanelEdit(
  current: WatchlistItem[],
  edited: WatchlistItem[],
  base: string[] | undefined,
): WatchlistItem[] {
  if (!base) return edited;
  const known = new Set([...base, ...edited.map((i) => i.symbol)]);
  return [...edited, ...current.filter((i) => !known.has(i.symbol))];
}

type Some<K extends keyof Handlers> = Pick<Handlers, K>;

/**
 * Opens the popup where the browser lets a message do it (chrome.action.openPopup, Chrome 127+;
 * Firefox only inside a user action, which a message is not); otherwise the side panel, the next
 * place a reader can look (it lists the same evidence and the watchlist).
 */
async function openPopupOrPanel(tabId: number | null): Promise<'popup' | 'side-panel'> {
  const b = browser as unknown as {
    action?: { openPopup?(): Promise<void> };
    browserAction?: { openPopup?(): Promise<void> };
  };
  const action = b.action ?? b.browserAction;
  try {
    if (action?.openPopup) {
      await action.openPopup();
      return 'popup';
    }
  } catch {
    // fall through to the side panel
  }
  await openWatchlistPanel(browser as unknown as PanelApis, tabId);
  return 'side-panel';
}

/** The watchlist: reads, the side panel's edits, and pins from the card and from pages. */
function watchlistHandlers(
  engine: Engine,
  pagePins: PagePins,
): Some<'getWatchlist' | 'setWatchlist' | 'pin' | 'unpin' | 'pinFromPage'> {
  const watchlistReply = async () => ({
    items: (await getWatchlist()).items,
    syncError: await watchlistSyncErrorItem.getValue(),
  });

  const membershipOf = async (sym: string): Promise<IndexMembership | null> => {
    const info = await engine.tickerInfo(sym);
    return info.russell2000 ? 'R2000' : info.russell1000 ? 'R1000' : info.sp500 ? 'SP500' : null;
  };

  /**
   * Appends `sym` inside the write queue. 'full' when the list has no room (nothing stored);
   * 'present' when it was already there.
   */
  const pin = async (sym: string, note = '', fullFirst = false): Promise<'added' | 'present' | 'full'> => {
    const membershipAtPin = await membershipOf(sym); // outside the queue: no I/O while holding it
    return editWatchlist((items) => {
      // fullFirst (pins from pages): a full list refuses every symbol, listed or not.
      if (fullFirst && items.length >= MAX_WATCHLIST) return { result: 'full' as const };
      if (items.some((i) => i.symbol === sym)) return { result: 'present' as const };
      if (items.length >= MAX_WATCHLIST) return { result: 'full' as const };
      return {
        items: [...items, { symbol: sym, note, addedAt: new Date().toISOString(), membershipAtPin }],
        result: 'added' as const,
      };
    });
  };

  return {
    getWatchlist: watchlistReply,
    pinFromPage: async ({ symbol }, ctx) => {
      // The card asks only on a user's click; the count is a backstop per page load. The reply
      // is the same whether the symbol was listed or not, and a full list refuses every symbol
      // alike, so a page learns nothing about what the watchlist holds.
      if (ctx.tabId !== null && !pagePins.take(ctx.tabId))
        throw new Error('this page has pinned enough; reload it to pin more');
      const sym = normalizeSymbol(symbol);
      // Only symbols of today's universe: a hostile page cannot fill the list with junk.
      if (!sym || !(await engine.getUniverse()).resolve(sym))
        throw new Error(`${symbol.slice(0, 12)} is not a US-listed symbol`);
      const r = await pin(sym, '', true);
      if (r === 'full') throw new Error(FULL_LIST_MESSAGE);
      return null;
    },
    setWatchlist: async ({ items, base }) => {
      await editWatchlist((current) => ({ items: mergePanelEdit(current, items, base), result: null }));
      return watchlistReply();
    },
    pin: async ({ symbol, note }) => {
      const sym = normalizeSymbol(symbol);
      if (!sym) throw new Error(`Not a ticker symbol: ${symbol.slice(0, 20)}`);
      const r = await pin(sym, note);
      if (r === 'full') throw new Error(`The watchlist is full (${MAX_WATCHLIST} symbols).`);
      return { added: r === 'added' };
    },
    unpin: async ({ symbol }) => {
      const sym = normalizeSymbol(symbol);
      await editWatchlist((items) => ({ items: items.filter((i) => i.symbol !== sym), result: null }));
      return null;
    },
  };
}

/** Where the card sends a reader: the side panel, the popup, the popup open on one factor. */
function navigationHandlers(): Some<'openSidePanel' | 'openPopup' | 'openEvidence' | 'takeEvidenceFocus'> {
  /** The factor the hover card asked the popup / side panel to open on (taken once). */
  let evidenceFocus: EvidenceFactorId | null = null;
  return {
    openSidePanel: async (_p, ctx) => {
      await openWatchlistPanel(browser as unknown as PanelApis, ctx.tabId);
      return null;
    },
    openPopup: async (_p, ctx) => {
      await openPopupOrPanel(ctx.tabId);
      return null;
    },
    openEvidence: async ({ factor }, ctx) => {
      evidenceFocus = factor;
      return { opened: await openPopupOrPanel(ctx.tabId) };
    },
    takeEvidenceFocus: () => {
      const f = evidenceFocus;
      evidenceFocus = null;
      return f;
    },
  };
}

/** The local alert log (lib/alerts) and its badge. */
function alertHandlers(): Some<'getAlerts' | 'markAlertsSeen' | 'clearAlerts' | 'snoozeAlertRule'> {
  return {
    getAlerts: async () => ({ alerts: await listAlerts(), unseen: await unseenCount() }),
    markAlertsSeen: async ({ ids }) => {
      await markSeen(ids);
      await updateBadge();
      return null;
    },
    clearAlerts: async ({ ids }) => {
      await clearAlerts(ids);
      await updateBadge();
      return null;
    },
    snoozeAlertRule: async ({ rule, hours }) => {
      const { alerts } = await getSettings();
      const snoozedUntil = { ...alerts.snoozedUntil };
      if (hours > 0) snoozedUntil[rule] = new Date(Date.now() + hours * 3600_000).toISOString();
      else delete snoozedUntil[rule];
      await updateSettings({ alerts: { ...alerts, snoozedUntil } });
      return null;
    },
  };
}

export function createHandlers(deps: HandlerDeps): Handlers & { warm(): Promise<void> } {
  const engine = deps.engine ?? new Engine(deps.fetchImpl);
  // Alerts are evaluated from stored history after every refresh check (lib/alerts).
  engine.afterRefresh ??= () => runAlertsNow(engine);

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
    getQuote: ({ symbol }, ctx) => engine.quote(symbol, ctx.kind === 'content-script' ? 'page' : 'extension'),
    getSourceStatus: () => engine.statuses(),
    suggest: ({ query }) => engine.suggest(query),
    getSettings: () => getSettings(),
    reportPageTickers: ({ tickers }, ctx) => {
      if (ctx.tabId !== null) deps.tabTickers.set(ctx.tabId, tickers);
      return null;
    },
    getTabTickers: ({ tabId }) => deps.tabTickers.get(tabId),
    refresh: ({ force }) => engine.refresh(force ?? true),
    setSettings: async ({ patch }) => {
      const before = await getSettings();
      const next = await updateSettings(patch);
      if (next.refreshMinutes !== before.refreshMinutes) await scheduleRefresh();
      if (next.extraSites.join() !== before.extraSites.join()) await syncExtraSites().catch(() => {});
      engine.clearMemory();
      return next;
    },
    clearCache: async () => {
      await clearAll();
      engine.clearMemory();
      return null;
    },
    importReconstitution: async ({ csv, change, effective }) => ({
      count: await engine.importReconstitution(csv, change, effective),
    }),
    ...watchlistHandlers(engine, deps.pagePins ?? new PagePins()),
    ...navigationHandlers(),
    ...alertHandlers(),
  };
}
