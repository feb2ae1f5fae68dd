import { NEWS_SITE_MATCHES } from '../../lib/sites';

/**
 * The news-page content script. It runs on the curated finance/news sites (and on sites the
 * user adds, registered at run time). The scanner lives in ./scanner.ts.
 */
export default defineContentScript({
  matches: NEWS_SITE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    document.documentElement.dataset.smallCapLens = 'ready';
    ctx.onInvalidated(() => {
      delete document.documentElement.dataset.smallCapLens;
    });
  },
});
