import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { extensionIdOf, launchWithExtension } from './launch';
import { sendFromExtensionPage, SidePanelPage } from './pages';
import { routeSources } from './sources';

test.describe('A user keeps a watchlist in the side panel', () => {
  test('adds by typing, sees membership, and keeps it across a browser restart', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'scl-restart-'));
    {
      const { context } = await launchWithExtension({ userDataDir: profile });
      await routeSources(context, 'abort');
      const id = await extensionIdOf(context);
      const panel = await new SidePanelPage(await context.newPage(), id).open();
      await panel.addInput().fill('Hancock Whitney');
      await expect(panel.page.getByRole('option', { name: /HWC/ })).toBeVisible();
      await panel.addInput().press('Enter');
      await expect(panel.row('HWC')).toBeVisible();
      await expect(panel.row('HWC')).toContainText(/Russell 2000/);
      // Pin from another surface (the popup's message) shows up live.
      await sendFromExtensionPage(panel.page, 'pin', { symbol: 'FN' });
      await expect(panel.row('FN')).toBeVisible();
      await context.close();
    }
    {
      const { context } = await launchWithExtension({ userDataDir: profile });
      await routeSources(context, 'abort');
      const id = await extensionIdOf(context);
      const panel = await new SidePanelPage(await context.newPage(), id).open();
      await expect(panel.row('HWC')).toBeVisible();
      await expect(panel.row('FN')).toBeVisible();
      await context.close();
    }
  });

  test('reorders and removes from the keyboard alone', async ({ sidePanel }) => {
    await sidePanel.open();
    for (const s of ['HWC', 'FN', 'IONQ']) await sendFromExtensionPage(sidePanel.page, 'pin', { symbol: s });
    await expect(sidePanel.row('IONQ')).toBeVisible();
    const order = () =>
      sidePanel.page
        .locator('[data-testid^="watchlist-row-"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(await order()).toEqual(['watchlist-row-HWC', 'watchlist-row-FN', 'watchlist-row-IONQ']);
    const handle = sidePanel
      .row('IONQ')
      .getByRole('button', { name: /move|reorder|drag/i })
      .first();
    await handle.focus();
    await sidePanel.page.keyboard.press('Alt+ArrowUp');
    await expect.poll(order).toEqual(['watchlist-row-HWC', 'watchlist-row-IONQ', 'watchlist-row-FN']);
  });
});

test.describe('Every extension page is accessible', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`${scheme} theme`, () => {
      test.use({ scheme, sourceMode: 'abort' });
      for (const path of ['popup.html', 'sidepanel.html', 'options.html']) {
        test(`${path} has no serious or critical axe violations`, async ({ context, extensionId }) => {
          const page = await context.newPage();
          await page.goto(`chrome-extension://${extensionId}/${path}`);
          await page.waitForLoadState('networkidle');
          await page.waitForTimeout(500);
          const results = await new AxeBuilder({ page }).analyze();
          const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
          expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        });
      }
    });
  }
});
