/**
 * `npm run demo`: builds the extension, serves the demo finance-news page, and opens it in
 * Chromium with the extension loaded, on the bundled data (data-source requests are refused, so
 * what you see is exactly the offline default).
 *
 * Headless where there is no display: saves screenshots of the page with the extension active
 * (hover card open), the popup and the side panel under demo-output/ and prints their paths.
 * `--headed` opens a window for a person instead. `--live` lets the sources answer for real.
 * It also composes the store listing's 1280×800 screenshots (demo-output/store/, copied by hand
 * to docs/store/screenshots/ when they change).
 * `--firefox` runs the same demo on Firefox (scripts/demo-firefox.ts; screenshots firefox-*.png).
 */
import { execSync } from 'node:child_process';
import { waitForUnderlined } from '../test/e2e/underlines';
import { LensCard } from '../test/e2e/card-probe';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extensionIdOf, launchWithExtension } from '../test/e2e/launch';
import { servePageAt, startPageServer } from '../test/e2e/page-server';
import { DATA_SOURCE_HOSTS } from '../lib/hosts';

export const DEMO_URL = 'https://www.globenewswire.com/news-release/2026/11/25/small-cap-lens-demo.html';
const OUT = resolve('demo-output');
const STORE_SIZE = { width: 1280, height: 800 };

/** A 1280×800 store picture: one extension page's screenshot, scaled to fit, and a caption. */
function storeFrame(imageSrc: string, caption: string): string {
  const esc = (t: string) => t.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html><body style="margin:0;width:1280px;height:800px;display:flex;
    align-items:center;justify-content:center;gap:48px;background:#e0f2fe;font:600 30px system-ui,sans-serif;color:#0c4a6e">
    <p style="width:420px;margin:0">${esc(caption)}</p>
    <img src="${imageSrc}" style="max-height:740px;max-width:600px;border-radius:12px;box-shadow:0 8px 32px #0c4a6e55"></body></html>`;
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const headed = args.has('--headed') || (!!process.env.DISPLAY && !args.has('--headless'));
  if (args.has('--firefox')) {
    const { demoFirefox } = await import('./demo-firefox');
    return demoFirefox({ demoUrl: DEMO_URL, headed, build: !args.has('--no-build') });
  }
  if (!args.has('--no-build')) execSync('npx wxt build', { stdio: 'inherit' });

  const server = await startPageServer();
  const { context } = await launchWithExtension({ headed });
  try {
    if (!args.has('--live')) {
      const hosts = new Set<string>(DATA_SOURCE_HOSTS);
      await context.route(
        (u) => hosts.has(u.hostname),
        (route) => route.abort('internetdisconnected'),
      );
    }
    await servePageAt(context, server, DEMO_URL, 'demo-news.html');
    const extensionId = await extensionIdOf(context);
    const page = await context.newPage();
    await page.setViewportSize(STORE_SIZE); // the store's screenshot size, so the page shot is one
    await page.goto(DEMO_URL);
    await page.waitForTimeout(1500);

    if (headed) {
      console.log(
        'Demo open in Chromium. Hover a ticker; click the toolbar icon for the popup. Ctrl+C to quit.',
      );
      await new Promise<void>((r) => context.on('close', () => r()));
      return;
    }

    mkdirSync(OUT, { recursive: true });
    const shots: string[] = [];
    const shot = async (p: typeof page, name: string, opts: { fullPage?: boolean } = {}) => {
      const path = resolve(OUT, name);
      await p.screenshot({ path, ...opts });
      shots.push(path);
    };

    // Hover a Russell 2000 ticker as a person would. The underlines live in the page's
    // highlight registry (shared by every world), which is how we find one without any hook.
    const target = await waitForUnderlined(page, 'HWC', { timeoutMs: 15_000 }).catch(() => null);
    if (target) {
      await page.mouse.move(target.x, target.y);
      // The card's shadow root is closed: read it in the content script's world (card-probe.ts).
      const card = await LensCard.of(page);
      let open = false;
      for (let i = 0; i < 80 && !open; i++) {
        open = (await card.state()).open;
        if (!open) await page.waitForTimeout(100);
      }
      if (!open) console.warn('The hover card did not open within 8 s.');
      await page.waitForTimeout(600);
    } else console.warn('No underlined ticker found on the demo page.');
    await shot(page, 'page-with-hover-card.png');

    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 900 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.waitForTimeout(1500);
    await shot(popup, 'popup.png', { fullPage: true });

    // A few pins, as a user would make them from the card or popup, so the watchlist has rows.
    for (const symbol of ['HWC', 'FN', 'IONQ', 'CRDO']) {
      await popup.evaluate(
        (sym) =>
          (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
          ).chrome.runtime.sendMessage({ scl: 1, type: 'pin', payload: { symbol: sym } }),
        symbol,
      );
    }
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 420, height: 800 });
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await panel.waitForTimeout(1200);
    await shot(panel, 'sidepanel.png');

    // Store screenshots (1280×800): the page as is, the popup and the side panel on a plain
    // backdrop with one line saying what the picture shows.
    mkdirSync(resolve(OUT, 'store'), { recursive: true });
    const framed = await context.newPage();
    await framed.setViewportSize(STORE_SIZE);
    const compose = async (image: string, caption: string, name: string) => {
      const src = `data:image/png;base64,${readFileSync(resolve(OUT, image)).toString('base64')}`;
      await framed.setContent(storeFrame(src, caption));
      await framed.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      await shot(framed, `store/${name}`);
    };
    await shot(page, 'store/1-hover-card.png');
    await compose(
      'popup.png',
      'The small-cap backdrop, every figure with its source and date',
      '2-popup.png',
    );
    await compose('sidepanel.png', 'A pinned watchlist with Russell membership', '3-sidepanel.png');

    console.log('Screenshots:');
    for (const s of shots) console.log(`  ${s}`);
  } finally {
    await context.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
