import type { PageTicker } from '../view-models';

/**
 * Tickers found on each tab, in memory only. A killed worker forgets them; the content script
 * re-reports on its next scan, so nothing of value is lost.
 */
export class TabTickers {
  private byTab = new Map<number, PageTicker[]>();

  set(tabId: number, tickers: PageTicker[]): void {
    this.byTab.set(tabId, tickers.slice(0, 2000));
  }

  get(tabId: number): PageTicker[] {
    return this.byTab.get(tabId) ?? [];
  }

  forget(tabId: number): void {
    this.byTab.delete(tabId);
  }
}
