import { expect, test } from './fixtures';
import { installHeartbeat, readHeartbeat, serveSite, underlines } from './hostile-helpers';

function tenThousandMentions(): string {
  const chunk = 'Hancock Whitney (NASDAQ: HWC), $CRDO, $BE, $FN and $AAPL; ';
  const rows = Array.from({ length: 400 }, (_, i) => `<p>Row ${i}: ${chunk.repeat(5)}</p>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>10,000 mentions</title></head><body><article><h1>Ticker soup</h1>${rows}</article></body></html>`;
}
function hundredK(): string {
  const deep = '<div>'.repeat(400) + 'Deep inside: Credo Technology Group (NASDAQ: CRDO).' + '</div>'.repeat(400);
  const row = (i: number) =>
    `<p>Row ${i}: <span>Hancock Whitney</span> Corp. (NASDAQ: HWC) <b>rose</b> <i>as</i> bank stocks rallied.</p>`;
  const rows = Array.from({ length: 9100 }, (_, i) => row(i)).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>100,000 nodes</title></head><body><article><h1>The longest page</h1><p id="first">First: Hancock Whitney Corp. (NASDAQ: HWC) led.</p>${deep}${rows}</article></body></html>`;
}
for (const [name, gen] of [['10k', tenThousandMentions], ['100k', hundredK]] as const)
for (const host of ['www.globenewswire.com', 'www.not-a-news-site.test']) {
  test(`probe ${name} ${host}`, async ({ context }) => {
    test.setTimeout(120_000);
    await serveSite(context, { '/a.html': gen() }, host);
    const page = await context.newPage();
    await installHeartbeat(page);
    await page.addInitScript(() => {
      const w = window as unknown as { __loaf: string[] };
      w.__loaf = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries() as any[]) {
          const s = (e.scripts ?? []).map((x: any) => `${Math.round(x.duration)}:${x.invokerType}:${x.invoker}:${String(x.sourceURL).slice(-30)}`).join('|');
          w.__loaf.push(`${Math.round(e.startTime)} dur=${Math.round(e.duration)} block=${Math.round(e.blockingDuration)} style=${Math.round(e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0)} ${s}`);
        }
      }).observe({ type: 'long-animation-frame', buffered: true });
    });
    const t0 = Date.now();
    await page.goto(`https://${host}/a.html`);
    const series: string[] = [];
    for (let i = 0; i < 25; i++) {
      series.push(`${Date.now() - t0}:${(await underlines(page)).total}`);
      await page.waitForTimeout(1000);
    }
    console.log(name, host, series.join(' '));
    console.log(JSON.stringify(await readHeartbeat(page)));
    console.log((await page.evaluate(() => (window as any).__loaf)).join('\n'));
  });
}
