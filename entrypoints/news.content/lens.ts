/**
 * The content script's engine for one page, wired from its parts:
 *
 * - scan-session.ts: passes of the scanner over the page and the roots it reaches (roots.ts),
 *   in idle slices; mutations only queue; underlines drawn at the end of each pass.
 * - hover.ts: pointer → ticker (hit-test.ts), the dwell, the one hover card (lazy-card.ts loads
 *   hover-card.js on first need), scrolling with it.
 * - stepper.ts: keyboard stepping (Alt+Shift+K, Enter, Escape) and its screen-reader lines.
 * - page-report.ts: the page's tickers for the popup.
 * - card-api.ts: the card's requests to the background, cached per page.
 *
 * A stopped lens (settings changed) leaves the context's listeners inert; the context's own end
 * (extension reloaded) stops it too.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
// Imported first on purpose: the bundle then puts the scanner and detector before the lens's
// other parts, which sit together and gzip ~300 B smaller than when the detector splits them.
import { createScanSession } from './scan-session';
import type { Universe } from '../../lib/detect';
import { send } from '../../lib/messaging';
import { createCardApi } from './card-api';
import { Highlighter } from './highlight';
import { createHover } from './hover';
import { LazyCard } from './lazy-card';
import { mark, type LensSettings } from './lens-context';
import { createPageReport } from './page-report';
import { createStepper } from './stepper';

export type { LensSettings } from './lens-context';

export function startLens(ctx: ContentScriptContext, universe: Universe, settings: LensSettings): () => void {
  mark('scl:universe-ready');
  let stopped = false;
  const highlighter = new Highlighter(settings.underline);
  const api = createCardApi();
  const opts = {
    social: settings.lowercaseCashtags,
    blocklist: new Set(settings.neverTag.map((s) => s.toUpperCase())),
  };
  const scan = createScanSession(ctx, universe, opts, highlighter, {
    frameDocument(doc) {
      hover.listen(doc);
      keys.listen(doc);
    },
    passComplete(index) {
      hover.passComplete(index.size);
      keys.passComplete();
      report.soon();
    },
  });
  const hover = createHover(
    ctx,
    scan,
    universe,
    settings,
    () => keys.clear(),
    (events) => new LazyCard(ctx, api, events),
  );
  const keys = createStepper(ctx, scan, hover, highlighter);
  const report = createPageReport(ctx, scan, universe, api.infos, (tickers) =>
    send('reportPageTickers', { tickers }),
  );
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (stopped) return;
    // SPA navigation: the article changed under us.
    hover.close();
    keys.clear();
    report.reset();
    scan.rescanSoon();
  });
  scan.start();

  const stop = () => {
    if (stopped) return;
    stopped = true;
    scan.stop();
    report.stop();
    hover.stop();
    keys.stop();
    highlighter.dispose();
  };
  ctx.onInvalidated(stop);
  return stop;
}
