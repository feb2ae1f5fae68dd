import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Universe, UniverseData } from '../../lib/detect';
import { universeBuilder } from '../../lib/detect/universe';
import { send } from '../../lib/messaging';
import { NEWS_SITE_MATCHES } from '../../lib/sites';
import type { Settings } from '../../lib/storage';
import { startLens, type LensSettings } from './lens';
import { isPausedHost } from '../../lib/paused-sites';
import { SliceRunner } from './scheduler';
import { whenIdle } from './lens-context';

/**
 * The news-page content script. It runs on the curated finance/news sites (and on sites the user
 * adds, registered at run time). It exposes nothing to the page: no globals, no attributes.
 *
 * Size budget (≤ 30 KB gzip before any card is needed): WXT content scripts are one IIFE and
 * cannot code-split, so the hover card (Preact, card UI, its SVG 3-month line) is a separate
 * web-accessible script, hover-card.js, imported on first need (lazy-card.ts). No uPlot here.
 *
 * Long tasks: the universe tables (~15,000 rows) are built in ~5 ms idle slices, never in one
 * 40–110 ms task at page start.
 */

const SLICE_MS = 5;

const DEFAULTS: LensSettings & Pick<Settings, 'pausedSites'> = {
  pausedSites: [],
  hoverDelayMs: 300,
  altToHover: false,
  theme: 'auto',
  underline: true,
  neverTag: [],
  lowercaseCashtags: false,
};

/** The settings the content script reads, and no others (DEFAULTS names them). */
const pick = (s: typeof DEFAULTS): typeof DEFAULTS =>
  Object.fromEntries(Object.keys(DEFAULTS).map((k) => [k, s[k as keyof typeof DEFAULTS]])) as typeof DEFAULTS;

/** Builds the detector's universe in idle slices (each well under the 50 ms long-task mark). */
function buildUniverseInSlices(ctx: ContentScriptContext, data: UniverseData): Promise<Universe> {
  const builder = universeBuilder(data);
  return new Promise((resolve) => {
    const runner = new SliceRunner(
      {
        now: () => performance.now(),
        schedule: (cb) => whenIdle(ctx, cb, 100, 0),
      },
      SLICE_MS,
      () => resolve(builder.finish()),
    );
    runner.enqueue(() => builder.step());
  });
}

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
    let universe: Promise<Universe> | null = null;
    let stop: (() => void) | null = null;

    const start = async () => {
      const paused = () => isPausedHost(location.hostname, settings.pausedSites);
      if (ctx.isInvalid || paused()) return;
      // One ~0.5 MB message per page; without it there is nothing to detect with. Shared by a
      // settings change that restarts the lens while it loads.
      universe ??= send('getUniverse', {}).then((data) => buildUniverseInSlices(ctx, data));
      let u: Universe;
      try {
        u = await universe;
      } catch (e) {
        universe = null; // the next start (a settings change) asks again
        throw e;
      }
      if (ctx.isInvalid || paused()) return;
      stop?.(); // a settings change may have raced the universe load
      stop = startLens(ctx, u, settings);
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
