/**
 * Renders the toolbar and store icons from their SVG sources in public/icon/ into PNGs:
 *   icon.svg (48, 128 px) and icon-small.svg (16, 32 px) → public/icon/{16,32,48,128}.png
 *   paused.svg / paused-small.svg                         → public/icon/paused-{16,32,48,128}.png
 * The small sizes have their own drawing on whole pixels: a scaled-down 128 px drawing blurs at 16.
 *
 *   npm run icons
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findBrowser } from './find-browser';

const DIR = resolve('public/icon');
const SIZES = [16, 32, 48, 128] as const;
const sources = (small: boolean, paused: boolean) =>
  `${paused ? 'paused' : 'icon'}${small ? '-small' : ''}.svg`;

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: await findBrowser({ install: false }),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    for (const paused of [false, true]) {
      for (const size of SIZES) {
        const svg = readFileSync(resolve(DIR, sources(size <= 32, paused)), 'utf8');
        const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
        const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
        await page.setContent(
          `<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
        );
        await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
        const out = resolve(DIR, `${paused ? 'paused-' : ''}${size}.png`);
        await page.screenshot({ path: out, omitBackground: true });
        await page.close();
        console.log(`wrote ${out}`);
      }
    }
  } finally {
    await browser.close();
  }
}

await main();
