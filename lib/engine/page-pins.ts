/**
 * How many pins a page may ask for per page load. The card pins only on a user's click, so a
 * reader pins a handful of symbols per article; a page that somehow drove more (a compromised
 * content script world, a browser bug) is capped at PAGE_PIN_CAP attempts until the tab loads a
 * new page. Every attempt counts, valid or not, so the cap says nothing about the watchlist.
 * In memory: a restarted worker starts the count again, which only ever allows a few more.
 */
export const PAGE_PIN_CAP = 5;

export class PagePins {
  private byTab = new Map<number, number>();

  constructor(private readonly cap = PAGE_PIN_CAP) {}

  /** Counts one attempt; false when the tab has used up its pins for this page load. */
  take(tabId: number): boolean {
    const n = this.byTab.get(tabId) ?? 0;
    if (n >= this.cap) return false;
    this.byTab.set(tabId, n + 1);
    return true;
  }

  /** The tab started loading a new page (or closed). */
  reset(tabId: number): void {
    this.byTab.delete(tabId);
  }
}
