/**
 * Issue 12: the hover card's backdrop (its sources footnote) and the popup say the same thing about the same
 * data: each factor's date (what the figure describes) and its stale marker. Offline (every
 * source aborted), so both read the bundled snapshot, whose data is months old: stale.
 */
import { expect, test } from './fixtures';
import { LensCard } from './card-probe';
import { servePageAt } from './page-server';

const DEMO_URL = 'https://www.globenewswire.com/news-release/2026/11/25/small-cap-lens-demo.html';
const FACTORS = ['flows', 'rates', 'relative', 'drawdown', 'yields', 'recon'];

test.use({ sourceMode: 'abort' });

test('the hover card shows the same backdrop dates and stale markers as the popup', async ({
  context,
  pageServer,
  popup,
}) => {
  await servePageAt(context, pageServer, DEMO_URL, 'demo-news.html');
  const page = await context.newPage();
  await page.goto(DEMO_URL);
  const card = await LensCard.hover(page, 'HWC', 'HWC');
  await expect
    .poll(async () => (await card.state()).stripItems.length, { timeout: 10_000 })
    .toBe(FACTORS.length);
  const strip = (await card.state()).stripItems;

  await popup.open();
  await expect(popup.signalCard()).toBeVisible({ timeout: 10_000 });
  await popup.page.getByText('Why, details and charts').click(); // the factor rows with their dates
  const fromPopup: Array<{ id: string; asOf: string; stale: boolean }> = [];
  for (const id of FACTORS) {
    const row = popup.factor(id);
    await expect(row).toBeVisible();
    const asOf = row.locator('.factor-asof');
    fromPopup.push({
      id,
      asOf: (await asOf.count()) ? ((await asOf.textContent()) ?? '').replace(/^\s*·\s*/, '') : '',
      stale: (await row.locator('.stale-badge').count()) > 0,
    });
  }

  expect(strip.map((s) => s.id)).toEqual(FACTORS);
  for (const s of strip) {
    const q = fromPopup.find((x) => x.id === s.id)!;
    expect({ id: s.id, stale: s.stale }).toEqual({ id: q.id, stale: q.stale });
    // A factor without a date reads "date unknown" in the strip and shows no date in the popup.
    expect(s.asOf).toBe(q.asOf || 'date unknown');
  }
  // The bundled fund history ends 24 Dec 2025: both mark the flows stale, with that date.
  expect(strip.find((s) => s.id === 'flows')).toEqual({
    id: 'flows',
    asOf: 'as of 24 Dec 2025',
    stale: true,
  });
});
