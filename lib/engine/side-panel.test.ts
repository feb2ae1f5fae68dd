import { describe, expect, it, vi } from 'vitest';
import { openWatchlistPanel, type PanelApis } from './side-panel';

function apis(over: Partial<PanelApis> = {}): PanelApis & { created: unknown[] } {
  const created: unknown[] = [];
  return {
    created,
    windows: { getCurrent: async () => ({ id: 7 }) },
    tabs: {
      get: async () => ({ index: 3, windowId: 7 }),
      create: async (p) => {
        created.push(p);
        return {};
      },
    },
    runtime: { getURL: (p) => `moz-extension://uuid${p}` },
    ...over,
  };
}

describe('openWatchlistPanel', () => {
  it("uses Chrome's side panel for the sender's tab", async () => {
    const open = vi.fn(async () => {});
    const a = apis({ sidePanel: { open } });
    expect(await openWatchlistPanel(a, 12)).toBe('panel');
    expect(open).toHaveBeenCalledWith({ tabId: 12 });
    expect(a.created).toEqual([]);
  });

  it('opens the Firefox sidebar when the call is allowed', async () => {
    const a = apis({ sidebarAction: { open: async () => {} } });
    expect(await openWatchlistPanel(a, 12)).toBe('panel');
    expect(a.created).toEqual([]);
  });

  it('opens the watchlist in a tab beside the page when Firefox refuses outside a user gesture', async () => {
    const a = apis({
      sidebarAction: {
        open: async () => {
          throw new Error('sidebarAction.open may only be called from a user input handler');
        },
      },
    });
    expect(await openWatchlistPanel(a, 12)).toBe('tab');
    expect(a.created).toEqual([
      { url: 'moz-extension://uuid/sidepanel.html', index: 4, openerTabId: 12, windowId: 7 },
    ]);
  });

  it('passes other sidebar errors on', async () => {
    const a = apis({
      sidebarAction: {
        open: async () => {
          throw new Error('boom');
        },
      },
    });
    await expect(openWatchlistPanel(a, 12)).rejects.toThrow('boom');
  });
});
