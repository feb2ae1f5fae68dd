import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CardHost } from './card-host';
import { CARD_MODULE_KEY, type CardModule } from '../../lib/lens/card-contract';

/**
 * The hover card, loaded by the news content script the first time a card is needed (first
 * dwell on a ticker, or the first keyboard step): Preact, the card UI, its SVG price line and
 * styles stay out of the content script, which every matching page pays for at load.
 *
 * Built by WXT as an IIFE (unlisted script) and listed in web_accessible_resources. The content
 * script runs `import(browser.runtime.getURL('/hover-card.js'))`; Chrome and Firefox evaluate it
 * in the content script's isolated world, so registering on globalThis hands the module to the
 * content script without the page seeing it. See news.content/lazy-card.ts for the loader.
 */
export default defineUnlistedScript(() => {
  const g = globalThis as unknown as Record<string, CardModule | undefined>;
  g[CARD_MODULE_KEY] ??= {
    createCard: (ctx, api, events) => new CardHost(ctx, api, events),
  };
});
