/**
 * `npm run demo -- --firefox`: the demo on Firefox (ESR from Debian, or FIREFOX_PATH) with the
 * Firefox build installed as a temporary add-on, on the bundled data (the recorded web refuses
 * every data-source request, so what you see is exactly the offline default).
 *
 * Headless where there is no display: saves screenshots of the hover card on the demo page, the
 * popup and the sidebar's watchlist page under demo-output/ (firefox-*.png). `--headed` opens a
 * window for a person instead.
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import {
  launchFirefox,
  openExtensionPage,
  openWebPage,
  sendFromExtensionPage,
  setViewportSize,
} from '../test/firefox/firefox';
import { startRecordedWeb } from '../test/firefox/recorded-web';
import { waitForUnderlinedIn } from '../test/firefox/underlines';
import { waitForCard } from '../test/firefox/card';

const OUT = resolve('demo-output');

export async function demoFirefox(options: {
  demoUrl: string;
  headed: boolean;
  build: boolean;
}): Promise<void> {
  if (options.build) execSync('npx wxt build -b firefox', { stdio: 'inherit' });
  const web = await startRecordedWeb('abort');
  web.servePage(options.demoUrl, 'demo-news.html');
  const ff = await launchFirefox({ web, headed: options.headed });
  try {
    const page = await openWebPage(ff.browser, options.demoUrl);
    if (options.headed) {
      console.log(`Demo open in ${ff.version}. Hover a ticker. Close the window to quit.`);
      await new Promise<void>((r) => ff.browser.on('disconnected', () => r()));
      return;
    }
    mkdirSync(OUT, { recursive: true });
    const shots: string[] = [];
    const shot = async (p: Page, name: string, fullPage = false) => {
      const path = resolve(OUT, name) as `${string}.png`;
      await p.screenshot({ path, fullPage });
      shots.push(path);
    };

    // Hover a Russell 2000 ticker as a person would (found through the page's highlight registry).
    const target = await waitForUnderlinedIn(page, 'HWC').catch(() => null);
    if (target) {
      await page.mouse.move(target.x, target.y);
      await waitForCard(page, (c) => c.open, 'the card is open', 8000).catch(() =>
        console.warn('The hover card did not open within 8 s.'),
      );
      await new Promise((r) => setTimeout(r, 600));
    } else console.warn('No underlined ticker found on the demo page.');
    await shot(page, 'firefox-page-with-hover-card.png');

    const popup = await openExtensionPage(ff.browser, 'popup.html', { width: 400, height: 900 });
    await popup.waitForSelector('[data-testid="factor-flows"]', { timeout: 10_000 }).catch(() => {});
    await new Promise((r) => setTimeout(r, 800));
    await shot(popup, 'firefox-popup.png', true);

    // A few pins, as a user would make them from the card or popup, so the watchlist has rows.
    for (const symbol of ['HWC', 'FN', 'IONQ', 'CRDO']) await sendFromExtensionPage(popup, 'pin', { symbol });
    const panel = await openExtensionPage(ff.browser, 'sidepanel.html');
    await setViewportSize(panel, { width: 420, height: 800 });
    await panel.waitForSelector('[data-testid="watchlist-row-CRDO"]', { timeout: 10_000 }).catch(() => {});
    await new Promise((r) => setTimeout(r, 1000));
    await shot(panel, 'firefox-sidepanel.png');

    console.log(`Screenshots (${ff.version}):`);
    for (const s of shots) console.log(`  ${s}`);
  } finally {
    await ff.close().catch(() => {});
    await web.close();
  }
}
