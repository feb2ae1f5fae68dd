/**
 * "A card a reader understands in two seconds": the hover card shows the stock first and fits
 * without scrolling; the popup puts "On this page" above the fold; old data are announced with
 * their dates instead of "now"; the watchlist adds the highlighted suggestion on Enter.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LensCard } from './card-probe';
import { PAGE_LABELS } from './news-page-labels';
import { servePageAt } from './page-server';
import { hasPages, PAGES_SKIP_REASON } from '../shared-fixtures';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe on the card, whose shadow root is closed (axe, like the page, cannot enter it). In the
 * content script's world, the only one that can open the root, the card's markup is copied into
 * an OPEN shadow root with the same adopted stylesheets, and axe runs on that copy.
 */
async function axeOnCard(card: LensCard): Promise<string[]> {
  await card.evaluate(`${AXE_SOURCE};0`);
  const out = await card.evaluate<string[]>(`(async () => {
    const host = [...document.documentElement.children].find((e) => e.getAttribute('data-scl') === 'card');
    const root = host.shadowRoot ?? chrome.dom.openOrClosedShadowRoot(host);
    const copyHost = document.createElement('div');
    copyHost.id = 'scl-axe-copy';
    const copy = copyHost.attachShadow({ mode: 'open' });
    copy.adoptedStyleSheets = [...root.adoptedStyleSheets];
    for (const n of root.childNodes) copy.appendChild(n.cloneNode(true));
    // Away from the original (overlap leaves contrast undecidable), inside the viewport.
    const moved = copy.querySelector('[data-testid="scl-card"]');
    moved.style.left = '8px';
    moved.style.top = '8px';
    document.documentElement.appendChild(copyHost);
    // The copy replays the card's 120 ms fade-in; axe skips text at opacity 0.
    await new Promise((r) => setTimeout(r, 400));
    try {
      // Colour contrast is undecidable for axe in this world ("unable to determine"); the card's
      // colour pairs are checked in card-style.test.ts. Every other rule runs here.
      const r = await axe.run({ include: [['#scl-axe-copy']] }, { rules: { 'color-contrast': { enabled: false } } });
      if (r.passes.length < 10) return ['axe checked almost nothing in the card copy'];
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id + ': ' + v.nodes.map((n) => n.html.slice(0, 80)).join(' | '));
    } finally {
      copyHost.remove();
    }
  })()`);
  if (out === null) throw new Error('axe did not run in the content script world');
  return out;
}

const DEMO_URL = 'https://www.globenewswire.com/news-release/2026/11/25/small-cap-lens-demo.html';

/** Hovers `text` and returns the open card's state, after its data have settled. */
async function hoverCard(page: Page, text: string) {
  const card = await LensCard.hover(page, text);
  // Loading lines are short; measure the card with its data in.
  await expect.poll(async () => (await card.state()).text, { timeout: 10_000 }).not.toMatch(/Loading/);
  await page.waitForTimeout(200);
  return { card, state: await card.state() };
}

function expectNoInnerScroll(s: Awaited<ReturnType<LensCard['state']>>, viewportHeight: number) {
  expect(s.scrollHeight, 'the card scrolls inside the hover').toBeLessThanOrEqual(s.clientHeight + 1);
  expect(s.box!.y).toBeGreaterThanOrEqual(0);
  expect(s.box!.y + s.box!.height).toBeLessThanOrEqual(viewportHeight);
}

test.describe('The hover card reads at a glance', () => {
  test.use({ sourceMode: 'abort' });
  test.beforeEach(async ({ context, pageServer }) => {
    await servePageAt(context, pageServer, DEMO_URL, 'demo-news.html');
  });

  for (const size of [
    { width: 1280, height: 800 },
    { width: 360, height: 740 },
  ]) {
    test(`stock first, one backdrop line, no inner scrolling at ${size.width}×${size.height}`, async ({
      context,
    }) => {
      const page = await context.newPage();
      await page.setViewportSize(size);
      await page.goto(DEMO_URL);
      const { state } = await hoverCard(page, 'HWC');
      expectNoInnerScroll(state, size.height);
      expect(state.box!.width).toBeLessThanOrEqual(size.width);
      // The stock comes before the market: membership as a phrase, then ONE backdrop line.
      expect(state.membership).toMatch(
        /In the Russell 2000 · [\d,]+(st|nd|rd|th) largest of [\d,]+ · weight /,
      );
      expect(state.text.indexOf('Hancock Whitney')).toBeLessThan(state.text.indexOf('Small-cap backdrop'));
      expect(state.text.match(/Small-cap backdrop/g)).toHaveLength(1);
      expect(state.text).toMatch(/Small-cap backdrop: \d favour · \d against · as of \d{1,2} \w{3} \d{4}/);
      // Offline is said as offline, never blamed on the stock; no jargon in the default text.
      expect(state.text).toContain('Prices unavailable offline');
      expect(state.text).not.toMatch(
        /No price data for this symbol|Recon\b|z-score|Σ|Ratio \d|SMALL CAPS NOW/i,
      );
    });
  }

  test('Pin turns into "Pinned ✓"', async ({ context }) => {
    const page = await context.newPage();
    await page.goto(DEMO_URL);
    const { card } = await hoverCard(page, 'HWC');
    await card.click('Pin to watchlist');
    await expect.poll(async () => Object.keys((await card.state()).buttons)).toContain('Pinned ✓');
  });
});

test.describe('The hover card fits on recorded news pages', () => {
  test.skip(!hasPages, PAGES_SKIP_REASON);
  test.use({ sourceMode: 'abort' });
  // One ticker per page with underlines, the first the article names.
  const pages = PAGE_LABELS.filter((l) => l.underlined.length > 0).slice(0, 4);
  for (const label of pages) {
    test(`${label.file}: ${label.underlined[0]}`, async ({ context, pageServer }) => {
      await servePageAt(context, pageServer, label.url, label.file);
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(label.url, { waitUntil: 'domcontentloaded' });
      const { state } = await hoverCard(page, label.underlined[0]!);
      expectNoInnerScroll(state, 800);
    });
  }
});

test.describe('The popup at 400×600', () => {
  test.use({ sourceMode: 'abort' });

  test('"On this page" is above the fold, and old data are dated instead of "now"', async ({ popup }) => {
    await popup.page.setViewportSize({ width: 400, height: 600 });
    await popup.open();
    const heading = popup.page.getByRole('heading', { name: 'On this page' });
    await expect(heading).toBeVisible();
    const box = (await heading.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(600 / 2);
    // The bundled data are months old: a banner names their dates and offers Retry.
    const banner = popup.page.getByTestId('data-banner');
    await expect(banner).toContainText(/Showing data from \d{1,2} \w{3} \d{4}/);
    await expect(banner.getByRole('button', { name: 'Retry' })).toBeVisible();
    // What a reader sees by default (innerText leaves out the closed details) never says "now".
    await expect(popup.page.locator('[data-testid^="factor-line-"]')).toHaveCount(6);
    const visible = await popup.signalCard().innerText();
    expect(visible).not.toMatch(/\bnow\b|just now/i);
    expect(visible).not.toMatch(/Recon\b|z-score|Σ|Ratio \d|USD M/);
  });

  test('Retry refreshes; when every source is unreachable, the banner says offline', async ({ popup }) => {
    await popup.page.setViewportSize({ width: 400, height: 600 });
    await popup.open();
    const banner = popup.page.getByTestId('data-banner');
    await banner.getByRole('button', { name: 'Retry' }).click();
    await expect(banner).toContainText(/Offline\. You appear to be offline/, { timeout: 30_000 });
    await expect(banner).toContainText(/Showing data from/);
    // One offline line in the source list, raw errors behind Details.
    await popup.sourceStatus().locator('summary').first().click();
    await expect(popup.page.getByTestId('sources-offline')).toHaveCount(1);
    await expect(popup.page.locator('.source-errors')).not.toHaveAttribute('open', '');
  });
});

test.describe('The watchlist box', () => {
  test.use({ sourceMode: 'abort' });

  test('Enter adds the highlighted suggestion, not the typed text', async ({ sidePanel }) => {
    await sidePanel.open();
    const input = sidePanel.addInput();
    await input.fill('Co-Diag');
    await expect(sidePanel.page.getByRole('option', { name: /CODX/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await input.press('Enter');
    await expect(sidePanel.row('CODX')).toBeVisible();
    await expect(sidePanel.page.locator('[data-testid^="watchlist-row-"]')).toHaveCount(1);
  });

  test('arrowing to another suggestion adds that one', async ({ sidePanel }) => {
    await sidePanel.open();
    const input = sidePanel.addInput();
    await input.fill('HW');
    const options = sidePanel.page.getByRole('option');
    await expect(options.nth(1)).toBeVisible();
    const second = ((await options.nth(1).locator('.combo-symbol').textContent()) ?? '').trim();
    await input.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await input.press('Enter');
    await expect(sidePanel.row(second)).toBeVisible();
  });

  test('text that matches nothing asks before adding', async ({ sidePanel }) => {
    await sidePanel.open();
    const input = sidePanel.addInput();
    await input.fill('QZXQ');
    await input.press('Enter');
    await expect(sidePanel.page.getByRole('button', { name: 'Add QZXQ anyway' })).toBeVisible();
    await expect(sidePanel.page.locator('[data-testid^="watchlist-row-"]')).toHaveCount(0);
  });
});

test.describe('The card passes axe on light and dark pages', () => {
  test.use({ sourceMode: 'abort' });
  test.beforeEach(async ({ context, pageServer }) => {
    await servePageAt(context, pageServer, DEMO_URL, 'demo-news.html');
  });
  for (const dark of [false, true]) {
    test(`${dark ? 'dark' : 'light'} page: 0 serious or critical in the card (contrast: card-style.test.ts)`, async ({
      context,
    }) => {
      const page = await context.newPage();
      await page.goto(DEMO_URL);
      if (dark)
        await page.addStyleTag({
          content: 'body { background: #121212 !important; color: #e8e8e8 !important; }',
        });
      const { card, state } = await hoverCard(page, 'HWC');
      expect(state.theme).toBe(dark ? 'dark' : 'light');
      expect(await axeOnCard(card)).toEqual([]);
    });
  }
});

test.describe('Accessible in light and dark with the new layout open', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`${scheme}`, () => {
      test.use({ scheme, sourceMode: 'abort' });
      test('popup with the details open has no serious or critical axe violations', async ({ popup }) => {
        await popup.open();
        await popup.page.getByText('Why, details and charts').click();
        await popup.page.waitForTimeout(500);
        const results = await new AxeBuilder({ page: popup.page }).analyze();
        const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    });
  }
});
