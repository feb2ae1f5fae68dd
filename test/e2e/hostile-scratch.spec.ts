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
test.use({ trace: 'off' });
for (const [name, gen] of [['100k', hundredK]] as const)
for (const host of ['www.globenewswire.com']) {
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
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    const t0 = Date.now();
    page.on('console', (m) => console.log('console', m.text().slice(0, 200)));
    await page.goto(`https://${host}/a.html`);
    console.log('loaded', Date.now() - t0);
    await page.evaluate(() => {
      const s = { draws: 0, first: null as unknown, at: [] as number[] };
      (window as any).__draws = s;
      setInterval(() => {
        const h = CSS.highlights.get('scl-r2000');
        const first = h ? (h as unknown as Set<unknown>).values().next().value : undefined;
        if (first && first !== s.first) { s.draws++; s.at.push(Math.round(performance.now())); }
        s.first = first ?? s.first;
      }, 20);
    });
    const series: string[] = [];
    for (let i = 0; i < 8; i++) {
      series.push(`${Date.now() - t0}:${(await underlines(page)).total}`); console.log(series[series.length-1]);
      await page.waitForTimeout(1000);
    }
    console.log(name, host, series.join(' '));
    const { profile } = await cdp.send('Profiler.stop');
    (await import('node:fs')).writeFileSync('/tmp/hp/prof-' + name + '.json', JSON.stringify(profile));
    console.log(JSON.stringify(await readHeartbeat(page)));
    console.log('draws', JSON.stringify(await page.evaluate(() => (window as any).__draws.at)));
  });
}
