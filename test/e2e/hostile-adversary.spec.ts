/**
 * The page as an adversary (issue 20): stories where page scripts — no privileges, the built
 * extension in headless Chromium, served at a curated news URL — try to drive the hover card,
 * read or fill the watchlist, undo the user's edits, break sync, or make the worker hammer a
 * data source. One story per finding; each failed against the code before the fix (counts in
 * the `[adversary]` log lines and in SECURITY.md).
 *
 * The card's shadow root is closed: the stories read it the way only the extension can, in the
 * content script's world (card-probe.ts), and act on it with Playwright's trusted mouse.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LensCard } from './card-probe';
import { closeCard, pathOf, serveSite, settledUnderlines, tickerPoint, urlOf } from './hostile-helpers';
import { sendFromExtensionPage } from './pages';

test.use({ trace: 'off' });
const log = (msg: string) => console.log(`[adversary] ${msg}`);

interface Item {
  symbol: string;
  note: string;
  addedAt: string;
  membershipAtPin: null;
}
const item = (symbol: string, note = ''): Item => ({
  symbol,
  note,
  addedAt: '2026-11-25T10:00:00.000Z',
  membershipAtPin: null,
});

/** Real listed symbols (3–4 letters, the bundled universe's order: the most traded first). */
const UNIVERSE: string[] = (
  JSON.parse(readFileSync(resolve('lib/data/universe.json'), 'utf8')) as { rows: string[] }
).rows
  .map((r) => r.split('|')[0]!)
  .filter((s) => /^[A-Z]{3,4}$/.test(s));

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`;

/** A page of `$SYM` mentions, one paragraph each (easy to hover one at a time). */
const tickerPage = (symbols: string[]) =>
  page('Movers', symbols.map((s) => `<p style="margin:4px 0">Shares of $${s} moved today.</p>`).join(''));

async function extPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const p = await context.newPage();
  await p.goto(`chrome-extension://${extensionId}/options.html`);
  return p;
}

const watchlistOf = async (ext: Page) =>
  sendFromExtensionPage<{ items: Item[]; syncError: string | null }>(ext, 'getWatchlist');

// ---------------------------------------------------------------------------- finding 1

test.describe('Finding 1: the page cannot drive the card or read the watchlist', () => {
  test('synthetic pointer and keyboard events open nothing; the user’s own hover still does', async ({
    context,
  }) => {
    const url = urlOf('adversary-synthetic');
    await serveSite(context, { [pathOf(url)]: tickerPage(['HWC', 'CRDO', 'BE']) });
    const tab = await context.newPage();
    await tab.goto(url);
    await settledUnderlines(tab, 3);
    const p = await tickerPoint(tab, 'HWC');
    const card = await LensCard.of(tab);
    // The page dispatches what a user would do: a hover that rests on the ticker, the step
    // shortcut and Enter, a focus and a click.
    await tab.evaluate(
      async ({ x, y }) => {
        const target = document.elementFromPoint(x, y) ?? document.body;
        const opts = { clientX: x, clientY: y, bubbles: true, composed: true, pointerType: 'mouse' };
        for (let i = 0; i < 5; i++) {
          target.dispatchEvent(new PointerEvent('pointermove', opts));
          await new Promise((r) => setTimeout(r, 100));
        }
        await new Promise((r) => setTimeout(r, 600)); // past the 300 ms dwell
        const key = (k: string, code: string, mods: KeyboardEventInit = {}) => {
          for (const t of [document, window] as EventTarget[])
            t.dispatchEvent(new KeyboardEvent('keydown', { key: k, code, bubbles: true, ...mods }));
        };
        key('K', 'KeyK', { altKey: true, shiftKey: true });
        await new Promise((r) => setTimeout(r, 200));
        key('Enter', 'Enter');
        await new Promise((r) => setTimeout(r, 600));
      },
      { x: p.x, y: p.y },
    );
    const after = await card.state();
    log(`synthetic: card open=${after.open} announce=${JSON.stringify(after.announce)}`);
    expect(after.open, 'a synthetic hover, Alt+Shift+K or Enter opens no card').toBe(false);
    expect(after.announce, 'nor steps to a ticker').toBe('');
    expect(await tab.evaluate(() => CSS.highlights.get('scl-focus')?.size ?? 0)).toBe(0);
    // The user's own (trusted) hover opens it.
    await tab.mouse.move(2, 2);
    await tab.mouse.move(p.x, p.y, { steps: 2 });
    await card.expectOpen('HWC');
  });

  test('page code cannot reach the card’s contents, nor pre-empt or define its host', async ({ context }) => {
    const url = urlOf('adversary-reach');
    await serveSite(context, { [pathOf(url)]: tickerPage(['HWC', 'CRDO']) });
    const tab = await context.newPage();
    // Before any extension code runs: the page claims the old host name with a custom element
    // that takes the shadow root first, and patches attachShadow to keep a handle on any root.
    await tab.addInitScript(() => {
      const seen: ShadowRoot[] = [];
      (window as unknown as { __roots: ShadowRoot[] }).__roots = seen;
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init: ShadowRootInit) {
        const root = attach.call(this, { ...init, mode: 'open' });
        seen.push(root);
        return root;
      };
      customElements.define(
        'small-cap-lens-card',
        class extends HTMLElement {
          constructor() {
            super();
            this.attachShadow({ mode: 'open' });
          }
        },
      );
    });
    await tab.goto(url);
    await settledUnderlines(tab, 2);
    const p = await tickerPoint(tab, 'HWC');
    await tab.mouse.move(2, 2);
    await tab.mouse.move(p.x, p.y, { steps: 2 });
    const card = await LensCard.of(tab);
    const shown = await card.expectOpen('HWC');
    // Everything the page can try from its own world.
    const reach = await tab.evaluate(
      ({ x, y }) => {
        const texts: string[] = [];
        const visit = (root: Document | ShadowRoot) => {
          for (const el of root.querySelectorAll('*')) {
            if (el.shadowRoot) {
              texts.push(el.shadowRoot.textContent ?? '');
              visit(el.shadowRoot);
            }
          }
        };
        visit(document);
        for (const r of (window as unknown as { __roots: ShadowRoot[] }).__roots)
          texts.push(r.textContent ?? '');
        const atCard = document.elementFromPoint(x, y);
        return {
          shadowTexts: texts.join(' ').slice(0, 200),
          pinButtonFound: texts.some((t) => t.includes('Pin to watchlist')),
          bodyText: document.documentElement.innerText.includes('Pin to watchlist'),
          atCard: atCard ? `${atCard.localName}${atCard.shadowRoot ? ' (open root)' : ''}` : null,
          hostRoot: atCard?.shadowRoot === null,
        };
      },
      { x: shown.box!.x + 20, y: shown.box!.y + 20 },
    );
    log(`reach: ${JSON.stringify(reach)}`);
    expect(reach.pinButtonFound, 'no shadow root the page can reach holds the card').toBe(false);
    expect(reach.bodyText).toBe(false);
    expect(reach.atCard, 'the point over the card is our plain host').toBe('div');
    expect(reach.hostRoot, 'its shadow root is closed (null to the page)').toBe(true);
  });

  test('a scripted enumeration of 600 symbols learns nothing and pins nothing', async ({
    context,
    extensionId,
  }) => {
    test.setTimeout(150_000);
    const candidates = UNIVERSE.slice(0, 600);
    const seeded = [candidates[50]!, candidates[200]!, candidates[350]!, candidates[550]!];
    const ext = await extPage(context, extensionId);
    await sendFromExtensionPage(ext, 'setWatchlist', { items: seeded.map((s) => item(s)) });
    const url = urlOf('adversary-enumerate');
    await serveSite(context, { [pathOf(url)]: tickerPage(candidates) });
    const tab = await context.newPage();
    await tab.goto(url);
    const underlined = await settledUnderlines(tab, 400, 60_000);
    const t0 = Date.now();
    // The attack as a page script: for each candidate, step to it (Alt+Shift+K), open it
    // (Enter), also rest a synthetic pointer on it, then look for a card in any shadow root the
    // page can reach, click "Pin to watchlist" and read the answer. Bounded at 45 s.
    const result = await tab.evaluate(async (syms) => {
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
      const rangeOf = (sym: string): DOMRect | null => {
        for (const name of ['scl-r2000', 'scl-ticker']) {
          for (const r of (CSS.highlights.get(name) ?? []) as unknown as Iterable<AbstractRange>) {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            if (range.toString() === `$${sym}`) return range.getBoundingClientRect();
          }
        }
        return null;
      };
      const cardRoot = (): ShadowRoot | null => {
        for (const el of document.documentElement.children)
          if (el.shadowRoot?.querySelector('[data-testid="scl-card"]')) return el.shadowRoot;
        return null;
      };
      const key = (k: string, code: string, mods: KeyboardEventInit = {}) =>
        document.dispatchEvent(new KeyboardEvent('keydown', { key: k, code, bubbles: true, ...mods }));
      const out = { tried: 0, opened: 0, inList: [] as string[], pinned: [] as string[], ms: 0 };
      const start = performance.now();
      for (const sym of syms) {
        if (performance.now() - start > 45_000) break;
        out.tried++;
        const rect = rangeOf(sym);
        if (rect) {
          if (rect.top < 0 || rect.bottom > innerHeight) scrollBy(0, rect.top - innerHeight / 2);
          const r = rangeOf(sym)!;
          const x = r.left + r.width / 2;
          const y = r.top + r.height / 2;
          (document.elementFromPoint(x, y) ?? document.body).dispatchEvent(
            new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, pointerType: 'mouse' }),
          );
        }
        key('K', 'KeyK', { altKey: true, shiftKey: true });
        key('Enter', 'Enter');
        await sleep(10);
        const root = cardRoot();
        if (!root) continue;
        out.opened++;
        const shown = root.querySelector('h2')?.textContent ?? '';
        const pin = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Pin'));
        pin?.click();
        for (let i = 0; i < 50; i++) {
          const status = root.querySelector('.status')?.textContent ?? '';
          if (/already/.test(status)) {
            out.inList.push(shown);
            break;
          }
          if (/pinned/.test(status)) {
            out.pinned.push(shown);
            break;
          }
          await sleep(10);
        }
        key('Escape', 'Escape');
      }
      out.ms = Math.round(performance.now() - start);
      return out;
    }, candidates);
    log(
      `enumerate: ${underlined} underlined, tried ${result.tried} in ${result.ms} ms (${Date.now() - t0} ms ` +
        `wall); cards opened ${result.opened}; learned in list ${JSON.stringify(result.inList)}; ` +
        `said pinned ${result.pinned.length}`,
    );
    const after = await watchlistOf(ext);
    log(`enumerate: watchlist after ${after.items.length} items`);
    expect(result.tried, 'the whole list was tried').toBe(600);
    expect(result.opened, 'no card opened for the page').toBe(0);
    expect(result.inList, 'the page learned no listed symbol').toEqual([]);
    expect(
      after.items.map((i) => i.symbol),
      'nothing was pinned',
    ).toEqual(seeded);
  });
});

test.describe('Finding 1 (answers): a user’s pin says the same whatever the list held', () => {
  test('listed and unlisted symbols get the same answer; a full list refuses and stores nothing', async ({
    context,
    extensionId,
  }) => {
    const ext = await extPage(context, extensionId);
    const url = urlOf('adversary-answers');
    await serveSite(context, { [pathOf(url)]: tickerPage(['HWC', 'CRDO', 'BE']) });
    await sendFromExtensionPage(ext, 'setWatchlist', { items: [item('HWC')] });
    const tab = await context.newPage();
    await tab.goto(url);
    await settledUnderlines(tab, 3);
    const card = await LensCard.of(tab);
    const pinFromCard = async (symbol: string) => {
      const p = await tickerPoint(tab, symbol);
      await tab.mouse.move(2, 2);
      await tab.mouse.move(p.x, p.y, { steps: 2 });
      await card.expectOpen(symbol);
      await card.click('Pin to watchlist'); // the user's own click
      await card.expectText((st) => (/Pinning/.test(st.status) ? '' : st.status), /\w/);
      const status = (await card.state()).status;
      await closeCard(tab);
      return status;
    };
    const listed = await pinFromCard('HWC');
    const unlisted = await pinFromCard('CRDO');
    log(`answers: listed ${JSON.stringify(listed)}, unlisted ${JSON.stringify(unlisted)}`);
    expect(listed).toBe('HWC is in your watchlist.');
    expect(unlisted).toBe('CRDO is in your watchlist.');
    expect((await watchlistOf(ext)).items.map((i) => i.symbol)).toEqual(['HWC', 'CRDO']);
    // A full list: the same refusal for every symbol, and nothing stored.
    const full = UNIVERSE.filter((s) => s !== 'BE')
      .slice(0, 500)
      .map((s) => item(s));
    await sendFromExtensionPage(ext, 'setWatchlist', { items: full });
    const refused = await pinFromCard('BE');
    log(`answers: full list ${JSON.stringify(refused)}`);
    expect(refused).toBe(
      'Not pinned: your watchlist is full (500 symbols); remove one in the side panel first',
    );
    expect((await watchlistOf(ext)).items.map((i) => i.symbol)).toEqual(full.map((i) => i.symbol));
  });
});

// ---------------------------------------------------------------------------- finding 2

test('Finding 2: 20 concurrent page pins during side-panel edits lose no edit (20 trials)', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(240_000);
  const TABS = 4;
  const PINS_PER_TAB = 5; // the per-page-load cap: 4 tabs × 5 = 20 pins a trial
  const TRIALS = 20;
  const pool = UNIVERSE.slice(0, 1000).filter((s) => !['CRDO', 'BE', 'FN', 'NXT'].includes(s));
  const url = urlOf('adversary-pins');
  await serveSite(context, { [pathOf(url)]: tickerPage(['HWC']) });
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const tabs = await Promise.all(Array.from({ length: TABS }, () => context.newPage()));
  const probes = await Promise.all(tabs.map((t) => LensCard.of(t)));
  const lost: string[] = [];
  for (let trial = 0; trial < TRIALS; trial++) {
    const start = [item('CRDO'), item('BE'), item('FN', 'old note')];
    await sendFromExtensionPage(panel, 'setWatchlist', { items: start });
    // A fresh page load in every tab (the pin cap is per load), content script ready.
    await Promise.all(tabs.map((t) => t.goto(url)));
    for (const pr of probes) await expect.poll(() => pr.evaluate<number>('1'), { timeout: 20_000 }).toBe(1);
    const pins = pool.slice(trial * 20, trial * 20 + 20);
    // What the card sends on a pin, from each tab's content script, all at once ...
    const pageSends = probes.map((pr, t) =>
      pr.evaluate<unknown[]>(
        `Promise.all(${JSON.stringify(pins.slice(t * PINS_PER_TAB, (t + 1) * PINS_PER_TAB))}.map((symbol) =>
          chrome.runtime.sendMessage({ scl: 1, type: 'pinFromPage', payload: { symbol } })))`,
      ),
    );
    // ... while the user, in the side panel, removes BE, adds NXT and edits FN's note (each as
    // the side panel sends it: the note edit carries the rows it was made on).
    const panelSends = panel.evaluate(async () => {
      const send = (type: string, payload: unknown) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({ scl: 1, type, payload });
      await send('unpin', { symbol: 'BE' });
      await send('pin', { symbol: 'NXT' });
      await send('setWatchlist', {
        items: [
          { symbol: 'CRDO', note: '', addedAt: '2026-11-25T10:00:00.000Z', membershipAtPin: null },
          { symbol: 'FN', note: 'new note', addedAt: '2026-11-25T10:00:00.000Z', membershipAtPin: null },
          { symbol: 'NXT', note: '', addedAt: '2026-11-25T10:00:00.000Z', membershipAtPin: null },
        ],
        base: ['CRDO', 'FN', 'NXT'],
      });
    });
    await Promise.all([...pageSends, panelSends]);
    const after = (await watchlistOf(panel)).items;
    const syms = after.map((i) => i.symbol);
    const problems: string[] = [];
    if (syms.includes('BE')) problems.push('removed BE came back');
    if (!syms.includes('NXT')) problems.push('added NXT lost');
    if (after.find((i) => i.symbol === 'FN')?.note !== 'new note') problems.push('FN note lost');
    const pinsLost = pins.filter((s) => !syms.includes(s)).length;
    if (pinsLost) problems.push(`${pinsLost} page pins lost`);
    if (problems.length) lost.push(`trial ${trial}: ${problems.join(', ')}`);
  }
  log(
    `pins: ${TRIALS} trials × ${TABS * PINS_PER_TAB} page pins; ${lost.length} lost an edit ${JSON.stringify(lost)}`,
  );
  expect(lost).toEqual([]);
});

// ---------------------------------------------------------------------------- finding 3

test('Finding 3a: sync keeps working with 500 items (chunked under storage.sync quotas)', async ({
  context,
  extensionId,
}) => {
  const ext = await extPage(context, extensionId);
  const items = UNIVERSE.slice(0, 500).map((s, i) => item(s, i % 4 === 0 ? `watch ${s} into the close` : ''));
  await sendFromExtensionPage(ext, 'setWatchlist', { items });
  const syncState = () =>
    ext.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          storage: {
            sync: {
              get(k: null): Promise<Record<string, unknown>>;
              getBytesInUse(k: string | null): Promise<number>;
            };
          };
        };
      };
      const all = await chrome.storage.sync.get(null);
      let rows = 0;
      let biggest = 0;
      for (const [k, v] of Object.entries(all)) {
        if (/^watchlistSync\.\d+$/.test(k) && Array.isArray(v)) rows += v.length;
        biggest = Math.max(biggest, await chrome.storage.sync.getBytesInUse(k));
      }
      return {
        keys: Object.keys(all).length,
        rows,
        biggest,
        total: await chrome.storage.sync.getBytesInUse(null),
      };
    });
  const w = await watchlistOf(ext);
  const s = await syncState();
  log(`sync: 500 items → ${JSON.stringify(s)}; syncError ${JSON.stringify(w.syncError)}`);
  expect(w.syncError, 'no sync error').toBeNull();
  expect(w.items).toHaveLength(500);
  expect(s.rows, 'all 500 rows are in sync storage').toBe(500);
  expect(s.biggest).toBeLessThanOrEqual(8192);
  expect(s.total).toBeLessThanOrEqual(102_400);
  // A later edit still syncs (after the write spacing).
  await sendFromExtensionPage(ext, 'unpin', { symbol: items[0]!.symbol });
  await expect.poll(async () => (await syncState()).rows, { timeout: 5000 }).toBe(499);
  expect((await watchlistOf(ext)).syncError).toBeNull();
});

test.describe('Finding 3b: the quote path backs off', () => {
  test.use({ sourceMode: 'rate-limited' });

  test('30 cards under a 429 (Retry-After: 120) cause at most one request per host', async ({
    context,
    sources,
  }) => {
    test.setTimeout(120_000);
    const symbols = UNIVERSE.slice(0, 30);
    const url = urlOf('adversary-429');
    await serveSite(context, { [pathOf(url)]: tickerPage(symbols) });
    const tab = await context.newPage();
    await tab.goto(url);
    await settledUnderlines(tab, 30);
    const card = await LensCard.of(tab);
    let opened = 0;
    let lastPrice = '';
    for (const s of symbols) {
      const p = await tickerPoint(tab, s);
      await tab.mouse.move(2, 2);
      await tab.mouse.move(p.x, p.y, { steps: 2 });
      await card.expectOpen(s);
      // Wait for the price section to settle (a price, or why there is none).
      await card.expectText((st) => (st.text.includes('Loading price') ? 'loading' : 'settled'), 'settled');
      opened++;
      // The stock-first card: the price line (or why there is none) sits under the name.
      lastPrice = (await card.state()).text.match(/(The price servers[^.]*?UTC|\$[\d,.]+)/)?.[1] ?? '';
      await closeCard(tab); // the card covers the next paragraph
    }
    const perHost: Record<string, number> = {};
    for (const u of sources.requests) {
      const h = new URL(u).hostname;
      if (/finance\.yahoo\.com$|stooq\.com$/.test(h)) perHost[h] = (perHost[h] ?? 0) + 1;
    }
    log(`429: ${opened} cards → price requests per host ${JSON.stringify(perHost)}`);
    for (const [h, n] of Object.entries(perHost)) expect(n, h).toBeLessThanOrEqual(1);
    log(`429: the last card's price section reads ${JSON.stringify(lastPrice)}`);
    expect(lastPrice, 'the card says why there is no price').toMatch(
      /The price servers asked us to wait; next try after \d\d:\d\d UTC/,
    );
  });
});

// ---------------------------------------------------------------------------- finding 4

test('Finding 4: the page sees no performance marks of the lens', async ({ context }) => {
  const url = urlOf('adversary-marks');
  await serveSite(context, { [pathOf(url)]: tickerPage(['HWC', 'CRDO', 'BE']) });
  const tab = await context.newPage();
  await tab.goto(url);
  await settledUnderlines(tab, 3);
  const p = await tickerPoint(tab, 'HWC');
  await tab.mouse.move(p.x, p.y, { steps: 2 });
  await (await LensCard.of(tab)).expectOpen('HWC');
  const marks = await tab.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .map((m) => m.name)
      .filter((n) => n.startsWith('scl:')),
  );
  log(`marks: ${JSON.stringify(marks)}`);
  expect(marks).toEqual([]);
});
