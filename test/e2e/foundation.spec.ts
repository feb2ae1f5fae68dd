import { expect, test } from './fixtures';
import { sendFromExtensionPage } from './pages';

test.describe('A user installs Small-Cap Lens', () => {
  test('the worker starts and every page opens with its title', async ({
    popup,
    sidePanel,
    options,
    extensionId,
  }) => {
    expect(extensionId).toMatch(/^[a-p]{32}$/);
    await popup.open();
    await expect(popup.heading()).toContainText('Small-Cap Lens');
    await sidePanel.open();
    await expect(sidePanel.page).toHaveTitle(/Watchlist/);
    await options.open();
    await expect(options.page).toHaveTitle(/Options/);
  });

  test('the background answers typed messages and refuses malformed ones', async ({ popup }) => {
    await popup.open();
    const settings = await sendFromExtensionPage<{ hoverDelayMs: number }>(popup.page, 'getSettings');
    expect(settings.hoverDelayMs).toBe(300);
    await expect(sendFromExtensionPage(popup.page, 'noSuchMessage')).rejects.toThrow(/Unknown message type/);
    await expect(sendFromExtensionPage(popup.page, 'getTickerInfo', { symbol: '<b>' })).rejects.toThrow(
      /Malformed/,
    );
  });
});
