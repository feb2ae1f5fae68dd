/**
 * A very large article page (>50,000 nodes): the scan finishes, the underlines stay capped and
 * hover still works. The scan runs in ~5 ms slices (unit-tested with a fake clock in
 * scheduler.test.ts); long tasks are logged for information only, because the page's own parse
 * and layout of 50,000 nodes, and the one-time universe load (lib/detect loadUniverse, ~40-110
 * ms), are long tasks too, and timings on a shared CI machine are noisy.
 */
import { expect, test } from './fixtures';
import { LensCard } from './card-probe';

const URL = 'https://www.globenewswire.com/news-release/2026/11/25/small-cap-lens-large-page.html';

function largePage(paragraphs: number): string {
  const p = (i: number) =>
    `<p>Item ${i}: shares of Hancock Whitney Corp. (NASDAQ: HWC) and <b>Bloom Energy</b> (NYSE: BE) ` +
    `moved as <span>traders</span> weighed <a href="https://finance.yahoo.com/quote/FN">Fabrinet</a> and $CRDO.</p>`;
  return `<!doctype html><html><head><title>Large</title></head><body><article>${Array.from(
    { length: paragraphs },
    (_, i) => p(i),
  ).join('')}</article></body></html>`;
}

test('a 50,000-node page is scanned, capped at 5,000 underlines, and the card still opens', async ({
  context,
}) => {
  const html = largePage(5000); // ~10 nodes per paragraph
  await context.route(
    (u) => u.hostname === 'www.globenewswire.com',
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__long.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(URL);
  const nodes = await page.evaluate(() => {
    const w = document.createTreeWalker(document.body);
    let n = 0;
    while (w.nextNode()) n++;
    return n;
  });
  expect(nodes).toBeGreaterThan(50_000);
  const underlines = () =>
    page.evaluate(
      () => (CSS.highlights.get('scl-r2000')?.size ?? 0) + (CSS.highlights.get('scl-ticker')?.size ?? 0),
    );
  await expect.poll(underlines, { timeout: 30_000 }).toBeGreaterThanOrEqual(4900);
  // The index is capped: never more than 5,000 underlines.
  expect(await underlines()).toBeLessThanOrEqual(5000);
  // Hover still maps the pointer to a ticker on the huge page.
  const p = await page.evaluate(() => {
    const r = [...(CSS.highlights.get('scl-r2000') as unknown as Iterable<AbstractRange>)][0]!;
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    const b = range.getClientRects()[0]!;
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  });
  await page.mouse.move(p.x, p.y);
  await (await LensCard.of(page)).expectOpen();
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  console.log('long tasks (ms, page + extension):', long.join(', ') || 'none');
  // The page answers a timer promptly once the scan is done.
  const lag = await page.evaluate(
    () =>
      new Promise<number>((r) => {
        const t = performance.now();
        setTimeout(() => r(performance.now() - t), 0);
      }),
  );
  // Logged, not asserted tightly: speed is judged by `npm run bench` (docs/benchmarks.md); on a
  // loaded CI machine a timer can wait far longer than our own work takes. This only catches a
  // page that never settles (a runaway rescan loop).
  console.log('timer lag after the scan (ms):', lag.toFixed(1));
  expect(lag).toBeLessThan(1000);
});
