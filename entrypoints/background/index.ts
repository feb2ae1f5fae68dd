import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { classifySender, createTabRateLimiter, dispatch } from '../../lib/messaging';
import { createHandlers } from '../../lib/engine/handlers';
import { TabTickers } from '../../lib/engine/tab-tickers';
import { PagePins } from '../../lib/engine/page-pins';
import { REFRESH_ALARM, scheduleRefresh } from '../../lib/engine/schedule';
import { syncExtraSites } from '../../lib/engine/extra-sites';
import { isPausedUrl, showPausedState } from '../../lib/engine/action-icon';
import { getSettings } from '../../lib/storage';
import { listenToNotificationClicks, updateBadge } from '../../lib/alerts/browser';

const isGetSettings = (msg: unknown) =>
  !!msg && typeof msg === 'object' && (msg as { type?: unknown }).type === 'getSettings';

/**
 * Thin on purpose: main() is synchronous and registers every listener before any await, so a
 * worker woken by a message or an alarm never misses the event that woke it.
 */
export default defineBackground(() => {
  const tabTickers = new TabTickers();
  const pagePins = new PagePins();
  const handlers = createHandlers({ tabTickers, pagePins, fetchImpl: (input, init) => fetch(input, init) });
  const rateLimit = createTabRateLimiter();
  const extensionOrigin = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener((msg, sender) => {
    const ctx = classifySender(sender, browser.runtime.id, extensionOrigin);
    const reply = dispatch(handlers, msg, ctx, rateLimit);
    // A page's content script asks for the settings when it starts and when they change: the
    // moment to show on the toolbar whether the lens is paused on that tab's site.
    if (ctx?.kind === 'content-script' && ctx.tabId !== null && sender.frameId === 0 && isGetSettings(msg)) {
      const tabId = ctx.tabId;
      void getSettings()
        .then((s) => showPausedState(tabId, isPausedUrl(sender.url, s.pausedSites)))
        .catch(() => {}); // a closed tab: nothing to show
    }
    return reply;
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    tabTickers.forget(tabId);
    pagePins.reset(tabId);
  });
  // A new page load in the tab (navigation or reload) gets a fresh pin count. `status` is
  // reported without the "tabs" permission.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') pagePins.reset(tabId);
  });

  // The `next-ticker` command (Alt+Shift+K). Chrome keeps the key for the command, so the page
  // never sees it: forward it to the active tab's content script (keyboard.ts isStepMessage).
  browser.commands.onCommand.addListener((command) => {
    if (command !== 'next-ticker') return;
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      await browser.tabs.sendMessage(tab.id, { scl: 1, type: 'nextTicker' });
    })().catch(() => {
      // No content script in that tab (not a news page, or paused): nothing to step through.
    });
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM)
      void handlers.refresh({ force: false }, { kind: 'extension-page', tabId: null });
  });

  browser.runtime.onInstalled.addListener(() => {
    void scheduleRefresh();
    void syncExtraSites().catch(() => {});
  });
  browser.runtime.onStartup.addListener(() => void scheduleRefresh());
  // A site the user adds (or a permission they revoke) changes where the content script runs.
  browser.permissions.onAdded.addListener(() => {
    void syncExtraSites().catch(() => {});
    listenToNotificationClicks(); // the optional notifications permission may just have been granted
  });
  listenToNotificationClicks();
  browser.permissions.onRemoved.addListener(() => void syncExtraSites().catch(() => {}));
  // Every listener is registered above; now load the data and compute the card so the popup's
  // first request is answered from memory.
  void handlers.warm();
  // The badge (alerts not yet seen) is not kept by the browser across restarts: redraw it.
  void updateBadge().catch(() => {});

  // No fetch at worker start: a revived worker must not hammer the sources. Data is fetched
  // by the alarm, or when a UI asks for it and the cache is older than the cadence.
});
