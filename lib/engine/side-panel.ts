/**
 * Opening the watchlist panel from the background (the hover card's "Open side panel" button,
 * and the popup's fallback).
 *
 * Chrome: sidePanel.open, which Chrome allows in answer to the click's message. Firefox: the
 * panel is a sidebar, and sidebarAction.open works only inside a user-input handler, which a
 * message from a content script is not ("sidebarAction.open may only be called from a user
 * input handler", seen on Firefox 140 by the Firefox suite). There the watchlist opens in a tab
 * beside the page instead of the button failing. The only Firefox-specific path for the panel.
 */
export interface PanelApis {
  sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
  windows: { getCurrent(): Promise<{ id?: number }> };
  tabs: {
    get(tabId: number): Promise<{ index: number; windowId?: number }>;
    create(p: { url: string; index?: number; openerTabId?: number; windowId?: number }): Promise<unknown>;
  };
  runtime: { getURL(path: string): string };
}

/** How the panel was shown: as a panel, or (Firefox, no user gesture) as a tab. */
export type PanelOpened = 'panel' | 'tab';

export async function openWatchlistPanel(apis: PanelApis, tabId: number | null): Promise<PanelOpened> {
  if (apis.sidePanel) {
    if (tabId !== null) await apis.sidePanel.open({ tabId });
    else {
      const win = await apis.windows.getCurrent();
      if (win.id !== undefined) await apis.sidePanel.open({ windowId: win.id });
    }
    return 'panel';
  }
  if (apis.sidebarAction) {
    try {
      await apis.sidebarAction.open();
      return 'panel';
    } catch (e) {
      if (!/user input handler/i.test(String(e))) throw e;
    }
  }
  const beside = tabId !== null ? await apis.tabs.get(tabId).catch(() => null) : null;
  await apis.tabs.create({
    url: apis.runtime.getURL('/sidepanel.html'),
    ...(beside && tabId !== null
      ? { index: beside.index + 1, openerTabId: tabId, windowId: beside.windowId }
      : {}),
  });
  return 'tab';
}
