/**
 * Hostile pages: user stories where the page is huge, busy, editable, styled or scripted against
 * us, hides text in shadow roots and frames, breaks the built-ins, or carries strings that try
 * to become HTML. Every story checks both sides: the page keeps working (its text, layout,
 * caret, own scripts) and the lens keeps working (no extension errors, underlines, the hover card
 * opens with data on a known ticker, HWC: a Russell 2000 member in the recorded sources).
 *
 * Pages: test/fixtures/pages/hostile-*.html, plus two generated here (100,000 nodes; 10,000
 * mentions), served at a curated news URL so the production content script runs on them.
 * Timing numbers are logged (`[hostile] …`) for the report; bounds are generous because CI is a
 * loaded 2-core machine.
 *
 * Three stories came from bugs these pages found (card hidden by a `:not(:defined)` rule; card
 * misplaced in a transformed <body>; card host removed by a page observer on <body>), fixed by
 * `:host { all: initial !important }` and mounting the card on <html>.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LensCard } from './card-probe';
import {
  animationFrames,
  boxes,
  closeCard,
  countNodes,
  expectClean,
  expectHwcCardWithData,
  hoverOpens,
  installHeartbeat,
  pathOf,
  readHeartbeat,
  serveSite,
  settledUnderlines,
  tickerPoint,
  underlinedTexts,
  underlines,
  underlinesInside,
  urlOf,
  watch,
} from './hostile-helpers';

/** The index cap (PageScanner / MentionIndex default). */
const CAP = 5000;
/**
 * Longest main-thread stall we accept while the lens works, measured from the page's first
 * painted frame after load. The real target is 50 ms (the scanner runs in ~5 ms idle slices and
 * draws 500 ranges per step); 200 ms leaves room for a loaded 2-core CI machine.
 */
const MAX_STALL_MS = 200;
/**
 * One start-up stall may exceed that: loading the bundled universe (index.ts → lib/detect
 * loadUniverse, ~0.5 MB, one unsliced task) and, on a huge page, the first adoption of the
 * ::highlight sheet (a full style recalc). Measured at 230-360 ms on this machine under load.
 */
const MAX_STARTUP_STALL_MS = 400;

/** Every stall but the longest under MAX_STALL_MS; the longest under MAX_STARTUP_STALL_MS. */
function expectResponsive(beat: { max: number; second: number; ticks: number }): void {
  expect(beat.ticks, 'the heartbeat ran').toBeGreaterThan(10);
  expect(beat.second, 'the page stayed responsive (all but one stall)').toBeLessThan(MAX_STALL_MS);
  expect(beat.max, 'the one start-up stall stayed short').toBeLessThan(MAX_STARTUP_STALL_MS);
}

// Trace snapshots copy the whole DOM on every action: on 100,000 nodes that alone stalls the page
// for seconds and would be measured as ours. (Failures still leave error-context.md.)
test.use({ trace: 'off' });

const log = (msg: string) => console.log(`[hostile] ${msg}`);

/** Records the bounding boxes of `selector` at DOMContentLoaded, before the content script runs. */
async function boxesAtDomReady(page: Page, selector: string): Promise<void> {
  await page.addInitScript((sel) => {
    document.addEventListener('DOMContentLoaded', () => {
      const out: string[] = [];
      const list = document.querySelectorAll(sel);
      for (let i = 0; i < list.length; i++) {
        const r = list[i]!.getBoundingClientRect();
        const f = (v: number) => (Math.round(v * 10) / 10).toString();
        out[out.length] = `${f(r.left + scrollX)},${f(r.top + scrollY)},${f(r.width)},${f(r.height)}`;
      }
      (window as unknown as { __boxes: string[] }).__boxes = out;
      (window as unknown as { __imgs: number }).__imgs = document.getElementsByTagName('img').length;
    });
  }, selector);
}
const boxesBefore = (page: Page) => page.evaluate(() => (window as unknown as { __boxes: string[] }).__boxes);

// ---------------------------------------------------------------------------- generated pages

/** ~100,000 nodes: 9,100 paragraphs of 11 nodes, one HWC mention each, after a 400-deep nest. */
function hundredThousandNodes(): string {
  const deep =
    '<div>'.repeat(400) + 'Deep inside: Credo Technology Group (NASDAQ: CRDO).' + '</div>'.repeat(400);
  const row = (i: number) =>
    `<p>Row ${i}: <span>Hancock Whitney</span> Corp. (NASDAQ: HWC) <b>rose</b> <i>as</i> bank stocks rallied.</p>`;
  const rows = Array.from({ length: 9100 }, (_, i) => row(i)).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>100,000 nodes</title></head><body><article><h1>The longest page</h1><p id="first">First: Hancock Whitney Corp. (NASDAQ: HWC) led.</p>${deep}${rows}</article></body></html>`;
}

/** 10,000 mentions: 400 paragraphs, each one text node with 25 mentions. */
function tenThousandMentions(): string {
  const chunk = 'Hancock Whitney (NASDAQ: HWC), $CRDO, $BE, $FN and $AAPL; ';
  const rows = Array.from({ length: 400 }, (_, i) => `<p>Row ${i}: ${chunk.repeat(5)}</p>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>10,000 mentions</title></head><body><article><h1>Ticker soup</h1>${rows}</article></body></html>`;
}

// ---------------------------------------------------------------------------- 1, 2: size

test.describe('Hostile pages: size', () => {
  test('1. a 100,000-node page stays responsive, underlines are capped and the card opens', async ({
    context,
  }) => {
    test.setTimeout(120_000);
    const url = urlOf('hostile-100k-nodes');
    const html = hundredThousandNodes();
    await serveSite(context, { [pathOf(url)]: html });
    const page = await context.newPage();
    const w = watch(page);
    await installHeartbeat(page);
    const t0 = Date.now();
    await page.goto(url);
    const nodes = await countNodes(page);
    expect(nodes).toBeGreaterThanOrEqual(100_000);

    const n = await settledUnderlines(page, CAP - 100, 60_000);
    const scanMs = Date.now() - t0;
    expect(n, 'underlines are capped').toBeLessThanOrEqual(CAP);
    const beat = await readHeartbeat(page);
    log(
      `100k-nodes: ${nodes} nodes, ${n} underlines, settled after ~${scanMs} ms; longest heartbeat gap ` +
        `${beat.max} ms at +${beat.maxAt} ms, next ${beat.second} ms (rAF ${beat.rafMax} ms; gaps>50ms: ${beat.slow || 'none'})`,
    );
    expectResponsive(beat);

    // The 400-deep nest (before the cap is reached) is scanned, and the card opens at the top.
    const deep = await tickerPoint(page, 'CRDO');
    expect(deep.y).toBeGreaterThan(0);
    const p = await tickerPoint(page, 'HWC', '#first');
    await hoverOpens(page, p, 'HWC');
    await expectHwcCardWithData(page);
    // The page still answers its own scripts promptly.
    const lag = await page.evaluate(
      () =>
        new Promise<number>((r) => {
          const t = performance.now();
          setTimeout(() => r(performance.now() - t), 0);
        }),
    );
    expect(lag).toBeLessThan(MAX_STALL_MS);
    expectClean(w);
  });

  test('2. 10,000 ticker mentions: capped at 5,000, responsive, hover works', async ({ context }) => {
    test.setTimeout(90_000);
    const url = urlOf('hostile-10k-mentions');
    await serveSite(context, { [pathOf(url)]: tenThousandMentions() });
    const page = await context.newPage();
    const w = watch(page);
    await installHeartbeat(page);
    await page.goto(url);
    const n = await settledUnderlines(page, CAP - 100, 60_000);
    expect(n).toBeLessThanOrEqual(CAP);
    const beat = await readHeartbeat(page);
    const u = await underlines(page);
    log(
      `10k-mentions: ${u.total} underlines (${u.r2000} r2000, ${u.ticker} other); longest heartbeat gap ` +
        `${beat.max} ms at +${beat.maxAt} ms, next ${beat.second} ms (rAF ${beat.rafMax} ms; gaps>50ms: ${beat.slow || 'none'})`,
    );
    expectResponsive(beat);
    // Measured, not asserted (see the report): with 5,000 highlight ranges registered, every
    // frame of a page animation pays for them in Chromium's rendering.
    const anim = await animationFrames(page, 2000);
    log(
      `10k-mentions: animating page after the scan: ${anim.frames} frames in 2 s, longest frame gap ${anim.maxGap} ms`,
    );
    // The cap keeps the first mentions in document order: the last paragraphs have none.
    expect(await underlinesInside(page, 'article p:last-child')).toBe(0);
    // 25 symbols per paragraph, plus the company names the detector also underlines.
    expect(await underlinesInside(page, 'article p:first-of-type')).toBeGreaterThanOrEqual(25);
    const p = await tickerPoint(page, 'HWC', 'article p:first-of-type');
    await hoverOpens(page, p, 'HWC');
    await expectHwcCardWithData(page);
    await closeCard(page);
    const q = await tickerPoint(page, 'CRDO', 'article p:nth-of-type(3)');
    await hoverOpens(page, q, 'CRDO');
    expectClean(w);
  });
});

// ---------------------------------------------------------------------------- 3: mutation storm

test('3. infinite scroll: new tickers are underlined after the burst, with no runaway', async ({
  context,
}) => {
  test.setTimeout(60_000);
  const url = urlOf('hostile-infinite-scroll');
  await serveSite(context, { [pathOf(url)]: 'hostile-infinite-scroll.html' });
  const page = await context.newPage();
  const w = watch(page);
  await installHeartbeat(page);
  await page.goto(url);
  // 5 items, each "Hancock Whitney Corp. (NASDAQ: HWC) … $CRDO": the same mentions per item.
  const initial = await settledUnderlines(page, 5);
  expect(initial % 5).toBe(0);
  const perItem = initial / 5;

  // Count redraws from the page: each drawing replaces the highlight's StaticRange objects.
  await page.evaluate(() => {
    const s = { draws: 0, first: null as unknown, at: [] as number[] };
    (window as unknown as { __draws: typeof s }).__draws = s;
    setInterval(() => {
      const h = CSS.highlights.get('scl-r2000');
      const first = h ? (h as unknown as Set<unknown>).values().next().value : undefined;
      if (first && first !== s.first) {
        s.draws++;
        s.at.push(Math.round(performance.now()));
      }
      s.first = first ?? s.first;
    }, 20);
  });
  const appended = await page.evaluate(() =>
    (window as unknown as { startFeed(): Promise<number> }).startFeed(),
  );
  const burstEnd = await page.evaluate(() => performance.now());
  expect(appended).toBeGreaterThanOrEqual(25);
  const expected = initial + appended * perItem;
  const t = Date.now();
  await expect
    .poll(async () => (await underlines(page)).total, {
      timeout: 15_000,
      message: 'every new item underlined',
    })
    .toBe(expected);
  const catchUpMs = Date.now() - t;
  const afterBurst = await page.evaluate(
    (end) => (window as unknown as { __draws: { at: number[] } }).__draws.at.filter((x) => x > end).length,
    burstEnd,
  );
  // Past the debounce (1.5 s after the last mutation) and its full rescan: then nothing more.
  await page.waitForTimeout(2500);
  const settled = await page.evaluate(
    () => (window as unknown as { __draws: { draws: number } }).__draws.draws,
  );
  await page.waitForTimeout(3000);
  const later = await page.evaluate(
    () => (window as unknown as { __draws: { draws: number } }).__draws.draws,
  );
  const beat = await readHeartbeat(page);
  log(
    `infinite-scroll: ${appended} items appended in 3 s, ${expected} underlines ${catchUpMs} ms after the ` +
      `burst; ${settled} redraws in all (${afterBurst} counted after the burst when it matched), ` +
      `${later - settled} in the 3 s quiet window; longest heartbeat gap ${beat.max} ms ` +
      `(next ${beat.second} ms; gaps>50ms: ${beat.slow || 'none'})`,
  );
  expect(later - settled, 'no redraws once the page is quiet (no runaway)').toBe(0);
  // Incremental draws during the burst plus one full rescan: bounded by the number of appends.
  expect(settled).toBeLessThanOrEqual(appended + 4);
  expect((await underlines(page)).total).toBe(expected);
  expectResponsive(beat);
  const p = await tickerPoint(page, 'HWC', '#feed p:last-child');
  await hoverOpens(page, p, 'HWC');
  await expectHwcCardWithData(page);
  expectClean(w);
});

// ---------------------------------------------------------------------------- 4: editors

test('4. typing tickers into a contenteditable, a textarea and a role=textbox editor', async ({
  context,
}) => {
  const url = urlOf('hostile-editors');
  await serveSite(context, { [pathOf(url)]: 'hostile-editors.html' });
  const page = await context.newPage();
  const w = watch(page);
  await page.goto(url);
  await tickerPoint(page, 'HWC', '#lede');
  const typed = '$SPY and (NASDAQ: CRDO)';

  await test.step('contenteditable', async () => {
    const ce = page.locator('#ce');
    const before = await ce.textContent();
    await ce.click();
    await page.keyboard.press('End');
    await page.keyboard.type(` ${typed}`);
    await page.waitForTimeout(2500); // past the mutation burst and its full rescan
    const norm = (t: string | null) => (t ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
    expect(norm(await ce.textContent())).toBe(norm(`${before} ${typed}`));
    const caret = await page.evaluate(() => {
      const s = getSelection()!;
      const ed = document.getElementById('ce')!;
      return { text: s.focusNode?.textContent, offset: s.focusOffset, inEditor: ed.contains(s.focusNode) };
    });
    expect(caret.inEditor).toBe(true);
    expect(caret.offset).toBe(caret.text!.length); // still at the end of what was typed
    expect(await underlinesInside(page, '#ce')).toBe(0);
  });

  await test.step('textarea', async () => {
    const ta = page.locator('#ta');
    await ta.click();
    await page.keyboard.type(typed);
    await page.waitForTimeout(2000);
    await expect(ta).toHaveValue(typed);
    expect(await ta.evaluate((t: HTMLTextAreaElement) => [t.selectionStart, t.selectionEnd])).toEqual([
      typed.length,
      typed.length,
    ]);
    await expect(ta).toBeFocused();
  });

  await test.step('role=textbox editor that draws its own text', async () => {
    const rt = page.locator('#rt');
    await rt.click();
    await page.keyboard.type(typed);
    await page.waitForTimeout(2500);
    await expect(rt).toHaveText(typed);
    const caret = await page.evaluate(() => {
      const s = getSelection()!;
      return { offset: s.focusOffset, inEditor: document.getElementById('rt')!.contains(s.focusNode) };
    });
    expect(caret).toEqual({ offset: typed.length, inEditor: true });
    expect(await underlinesInside(page, '#rt')).toBe(0);
    await expect(rt).toBeFocused();
  });

  // The article around the editors is still underlined and the card still opens.
  expect(await underlinesInside(page, '#lede')).toBeGreaterThanOrEqual(2);
  await hoverOpens(page, await tickerPoint(page, 'HWC', '#lede'), 'HWC');
  await expectHwcCardWithData(page);
  expectClean(w);
});

// ---------------------------------------------------------------------------- 5: page fights us

test.describe('5. a page whose CSS and JS fight injected UI', () => {
  test('CSS: `all: unset` on every element and a transformed <body>', async ({ context }) => {
    const url = urlOf('hostile-css');
    await serveSite(context, { [pathOf(url)]: 'hostile-css.html' });
    const page = await context.newPage();
    const w = watch(page);
    await boxesAtDomReady(page, 'article p, article h1');
    await page.goto(url);
    await settledUnderlines(page, 4);
    const p = await tickerPoint(page, 'HWC');
    await hoverOpens(page, p, 'HWC');
    await expectHwcCardWithData(page);
    expect(await boxes(page, 'article p, article h1')).toEqual(await boxesBefore(page));
    expectClean(w);
  });

  test('CSS: the card sits by a ticker far down a page whose <body> is transformed', async ({ context }) => {
    // KNOWN BUG (card-host.tsx CardHost.mount + card-style.ts): the host goes into <body> and the
    // card is `position: fixed`; a transformed (or filtered, will-change, contain: paint) body is
    // the containing block of fixed descendants, so the card lands scrollY px too high.
    const url = urlOf('hostile-css');
    await serveSite(context, { [pathOf(url)]: 'hostile-css.html' });
    const page = await context.newPage();
    const w = watch(page);
    await page.goto(url);
    await settledUnderlines(page, 4);
    const low = await tickerPoint(page, 'HWC', '#low');
    await hoverOpens(page, low, 'HWC');
    const box = (await (await LensCard.of(page)).state()).box!;
    log(
      `css: ticker at y=${Math.round(low.y)}, card y=${Math.round(box.y)}..${Math.round(box.y + box.height)}`,
    );
    expectClean(w);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    // Right above or right below the ticker.
    expect(Math.min(Math.abs(box.y - low.y), Math.abs(box.y + box.height - low.y))).toBeLessThan(60);
  });

  test('CSS: `:not(:defined) { display: none !important }` (a common web-component guard)', async ({
    context,
  }) => {
    // KNOWN BUG (card-style.ts): `:host { all: initial }` is not !important, so any page rule
    // on the host wins; this guard hides every undefined custom element, our card's host too.
    const url = urlOf('hostile-css');
    await serveSite(context, { [pathOf(url)]: 'hostile-css.html' });
    const page = await context.newPage();
    const w = watch(page);
    await page.goto(url);
    await page.evaluate(() => document.documentElement.classList.add('fouc-guard'));
    await settledUnderlines(page, 4);
    const p = await tickerPoint(page, 'HWC');
    await page.mouse.move(2, 2);
    await page.mouse.move(p.x, p.y, { steps: 2 });
    await expect(page.locator('html > div[data-scl="card"]')).toHaveCount(1); // mounted, and...
    await (await LensCard.of(page)).expectOpen('HWC', 3000); // visible (a plain <div> is :defined)
    expectClean(w);
  });

  test('JS: attachShadow disabled by the page (in its own world only)', async ({ context }) => {
    const url = urlOf('hostile-js');
    await serveSite(context, { [pathOf(url)]: 'hostile-js.html' });
    const page = await context.newPage();
    const w = watch(page);
    await boxesAtDomReady(page, 'article p, article h1');
    await page.goto(url);
    await settledUnderlines(page, 4);
    expect(await page.evaluate(() => document.createElement('div').attachShadow.toString())).toContain(
      'disabled',
    );
    await hoverOpens(page, await tickerPoint(page, 'HWC'), 'HWC');
    await expectHwcCardWithData(page);
    expect(await boxes(page, 'article p, article h1')).toEqual(await boxesBefore(page));
    expectClean(w);
  });

  test('JS: an observer that removes whatever is appended to <body>; the next hover brings the card back', async ({
    context,
  }) => {
    // KNOWN BUG (card-host.tsx CardHost.mount): the host is re-appended to <body> on every open
    // and the page's observer removes it again at once, so the card never shows.
    const url = urlOf('hostile-js');
    await serveSite(context, { [pathOf(url)]: 'hostile-js.html' });
    const page = await context.newPage();
    const w = watch(page);
    await page.goto(`${url}#remove-overlays`);
    await settledUnderlines(page, 4);
    const p = await tickerPoint(page, 'HWC');
    const removed = () =>
      page.evaluate(() => (window as unknown as { __removed: string[] }).__removed.slice());
    const card = await LensCard.of(page);
    for (let i = 0; i < 2; i++) {
      await page.mouse.move(2, 2);
      await page.waitForTimeout(800); // the card's close grace
      await page.mouse.move(p.x, p.y, { steps: 2 });
      if (
        await card.expectOpen(undefined, 2000).then(
          () => true,
          () => false,
        )
      )
        break;
      await page.waitForTimeout(1000);
    }
    log(`js: the page removed ${JSON.stringify(await removed())}`);
    // The page's own layout and text were not touched, whatever happened to our host.
    expect(await underlinesInside(page, 'article')).toBeGreaterThanOrEqual(4);
    expectClean(w);
    await card.expectOpen(undefined, 3000); // the card shows on the next hover
  });
});

// ---------------------------------------------------------------------------- 6, 7: roots and frames

test('6. tickers inside open shadow roots (nested, declarative) are underlined and hoverable', async ({
  context,
}) => {
  const url = urlOf('hostile-shadow');
  await serveSite(context, { [pathOf(url)]: 'hostile-shadow.html' });
  const page = await context.newPage();
  const w = watch(page);
  await page.goto(url);
  await tickerPoint(page, 'FN'); // light DOM
  await tickerPoint(page, 'BE', '#qb'); // slotted light DOM
  const inner = await tickerPoint(page, 'HWC', '#qb'); // open shadow root
  await tickerPoint(page, 'CRDO', '#qb'); // shadow root nested in a shadow root
  await tickerPoint(page, 'HWC', '#dsd'); // declarative shadow root
  const u = await underlines(page);
  // Documented: closed shadow roots are invisible to extensions (element.shadowRoot is null).
  expect(await underlinesInside(page, '#closed')).toBe(0);
  log(
    `shadow: ${u.total} underlines; #qb (slot + open + nested) ${await underlinesInside(page, '#qb')}, ` +
      `#dsd ${await underlinesInside(page, '#dsd')}, #closed 0`,
  );
  await hoverOpens(page, inner, 'HWC');
  await expectHwcCardWithData(page);
  expectClean(w);
});

test('7. frames: same-origin and srcdoc frames are scanned by the top page; cross-origin ones are not', async ({
  context,
}) => {
  const url = urlOf('hostile-iframe');
  await serveSite(context, {
    [pathOf(url)]: 'hostile-iframe.html',
    [pathOf(urlOf('hostile-iframe-child'))]: 'hostile-iframe-child.html',
  });
  await serveSite(
    context,
    { '/news/home/hostile-cross-origin-child.html': 'hostile-cross-origin-child.html' },
    'www.businesswire.com',
  );
  const page = await context.newPage();
  const w = watch(page);
  await page.goto(url);
  await tickerPoint(page, 'FN');
  const same = page.frame({ url: /hostile-iframe-child/ })!;
  const srcdoc = page.frames().find((f) => f.url() === 'about:srcdoc')!;
  const cross = page.frame({ url: /businesswire/ })!;
  expect(same && srcdoc && cross).toBeTruthy();
  const inFrame = await tickerPoint(same, 'HWC');
  await tickerPoint(srcdoc, 'CRDO');
  // The content script runs in the top frame only (no all_frames): it reads same-origin frame
  // documents itself (scanner.ts onRoot) and cannot read cross-origin ones.
  await cross.locator('#x').waitFor();
  await page.waitForTimeout(1000);
  expect((await underlines(cross)).total).toBe(0);
  log(
    `iframe: top ${(await underlines(page)).total}, same-origin ${(await underlines(same)).total}, ` +
      `srcdoc ${(await underlines(srcdoc)).total}, cross-origin 0`,
  );
  await hoverOpens(page, inFrame, 'HWC');
  await expectHwcCardWithData(page);
  expectClean(w);
});

// ---------------------------------------------------------------------------- 8: broken built-ins

test('8. a page that breaks Array, JSON, Promise, Map/Set, String and DOM built-ins', async ({ context }) => {
  const url = urlOf('hostile-prototypes');
  await serveSite(context, { [pathOf(url)]: 'hostile-prototypes.html' });
  const page = await context.newPage();
  const w = watch(page);
  await page.goto(url);
  // page.evaluate needs the page's Promise, which this page broke: read the main world over CDP.
  const cdp = await context.newCDPSession(page);
  const read = async <T>(expression: string): Promise<T> => {
    const r = (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })) as {
      result: { value: T };
    };
    return r.result.value;
  };
  // The page really is broken in its own world...
  expect(await read<boolean>('window.__broken === true')).toBe(true);
  expect(
    await read<string>(
      `(() => { try { [1].map((x) => x); return 'ok'; } catch (e) { return e.message; } })()`,
    ),
  ).toBe('broken by the page');
  expect(await read<string>(`'abc'.replace('a', 'x')`)).toBe('wrong');
  // ...and the lens, in its isolated world, is not: the tickers are underlined...
  const count = () =>
    read<number>(
      `(CSS.highlights.get('scl-r2000')?.size ?? 0) + (CSS.highlights.get('scl-ticker')?.size ?? 0)`,
    );
  await expect.poll(count, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  log(`prototypes: ${await count()} underlines`);
  // ...and the card opens with its data (positioned through the span: Playwright's locators run
  // in their own world).
  const box = (await page.locator('#hwc').boundingBox())!;
  await hoverOpens(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, 'HWC');
  await expectHwcCardWithData(page);
  await page.keyboard.press('Escape');
  await (await LensCard.of(page)).expectClosed();
  expectClean(w);
});

// ---------------------------------------------------------------------------- 9: hostile strings

test('9. markup-looking text, a 10 KB company name and bidi overrides stay text', async ({ context }) => {
  const url = urlOf('hostile-strings');
  await serveSite(context, { [pathOf(url)]: 'hostile-strings.html' });
  const page = await context.newPage();
  const w = watch(page);
  await boxesAtDomReady(page, 'article p');
  await page.goto(url);
  const text = await page.locator('article').innerText();
  const p = await tickerPoint(page, 'HWC', '#img');
  await settledUnderlines(page, 3);
  const u = await underlines(page);
  const where = async (sel: string) => underlinesInside(page, sel);
  log(
    `strings: ${u.total} underlines; #img ${await where('#img')}, #script ${await where('#script')}, ` +
      `#attr ${await where('#attr')}, #link ${await where('#link')}, #rtl ${await where('#rtl')}, ` +
      `#zw ${await where('#zw')}, #long ${await where('#long')}`,
  );
  log(
    `strings: #zw reads ${JSON.stringify(await underlinedTexts(page, '#zw'))}, #rtl reads ` +
      `${JSON.stringify(await underlinedTexts(page, '#rtl'))}`,
  );
  await hoverOpens(page, p, 'HWC');
  await expectHwcCardWithData(page);
  const card = await LensCard.of(page);
  expect(
    await card.evaluate<number>(`chrome.dom.openOrClosedShadowRoot(document.querySelector('[data-scl="card"]'))
      .querySelectorAll('img, svg[onload], script, [onerror]').length`),
  ).toBe(0);
  await closeCard(page);
  // The bidi-wrapped ticker: still only text, and hover still opens the card when detected.
  if ((await where('#rtl')) > 0) await hoverOpens(page, await tickerPoint(page, 'CRDO', '#rtl'), 'CRDO');
  await page.waitForTimeout(500);
  const imgsBefore = await page.evaluate(() => (window as unknown as { __imgs: number }).__imgs);
  expect(await page.evaluate(() => document.getElementsByTagName('img').length)).toBe(imgsBefore);
  expect(imgsBefore).toBe(0);
  expect(
    await page.evaluate(() => document.querySelectorAll('[onerror], [onload], [onmouseover]').length),
  ).toBe(0);
  expect(await page.locator('article').innerText()).toBe(text);
  expect(await boxes(page, 'article p')).toEqual(await boxesBefore(page));
  expect(w.dialogs).toEqual([]);
  expectClean(w);
});
