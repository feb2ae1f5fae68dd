import { browser } from 'wxt/browser';
import { loadUniverse, type Universe } from '../../lib/detect';
import { send } from '../../lib/messaging';
import { NEWS_SITE_MATCHES } from '../../lib/sites';
import type { Settings } from '../../lib/storage';
import { startLens, type LensSettings } from './lens';
import { isPausedHost } from './paused';

/**
 * The news-page content script. It runs on the curated finance/news sites (and on sites the user
 * adds, registered at run time). It exposes nothing to the page: no globals, no attributes.
 *
 * Size budget: everything here (detector, Preact card, no uPlot) ships in one IIFE; WXT content
 * scripts cannot code-split, so the card's 3-month line is an SVG polyline, not uPlot.
 */

const DEFAULTS: LensSettings & Pick<Settings, 'pausedSites'> = {
  pausedSites: [],
  hoverDelayMs: 300,
  altToHover: false,
  theme: 'auto',
  underline: true,
  neverTag: [],
  lowercaseCashtags: false,
};

const pick = (s: LensSettings & Pick<Settings, 'pausedSites'>) => ({
  pausedSites: s.pausedSites,
  hoverDelayMs: s.hoverDelayMs,
  altToHover: s.altToHover,
  theme: s.theme,
  underline: s.underline,
  neverTag: s.neverTag,
  lowercaseCashtags: s.lowercaseCashtags,
});

async function loadSettings(): Promise<LensSettings & Pick<Settings, 'pausedSites'>> {
  try {
    return pick({ ...DEFAULTS, ...(await send('getSettings', {})) });
  } catch {
    return DEFAULTS; // a sleeping or updating worker must not leave the page without the lens
  }
}

export default defineContentScript({
  matches: NEWS_SITE_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    let settings = await loadSettings();
    let universe: Universe | null = null;
    let stop: (() => void) | null = null;

    const start = async () => {
      if (ctx.isInvalid || isPausedHost(location.hostname, settings.pausedSites)) return;
      if (!universe) {
        // One ~0.5 MB message per page; without it there is nothing to detect with.
        const data = await send('getUniverse', {});
        if (ctx.isInvalid) return;
        universe = loadUniverse(data);
      }
      stop?.(); // a settings change may have raced the universe load
      stop = startLens(ctx, universe, settings);
    };

    // Settings changed in the popup/options (pause this site, underline, never-tag): restart.
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local' || !('settings' in changes)) return;
      void (async () => {
        const next = await loadSettings();
        // Only what the lens uses: other settings writes (sources, refresh) must not reset the page.
        const key = (x: typeof settings) => JSON.stringify(pick(x));
        if (key(next) === key(settings) && stop) return;
        settings = next;
        stop?.();
        stop = null;
        await start();
      })();
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));

    try {
      await start();
    } catch (e) {
      console.warn('[Small-Cap Lens] content script could not start:', e instanceof Error ? e.message : e);
    }
  },
});
