/**
 * Helpers for the hostile-page stories (hostile-pages.spec.ts): serving several pages on one
 * curated news host, watching for errors and dialogs, a main-thread heartbeat, and finding a
 * ticker's screen position (in the page, an open shadow root or a same-origin iframe) through
 * the CSS highlight registry, the only thing the content script shares with the page.
 */
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { expect } from './fixtures';
import { LensCard } from './card-probe';
import { readLocalPage } from './page-server';
import { waitForUnderlined } from './underlines';

export const HOST = 'www.globenewswire.com';
export const urlOf = (name: string) => `https://${HOST}/news-release/2026/11/25/${name}.html`;

export type Body = string | (() => string);

/**
 * Serves `pages` (pathname → HTML, or a fixture file name ending in .html) on `host`; every
 * other request to that host gets an empty 404. Other hosts are left to the other routes.
 */
export async function serveSite(
  context: BrowserContext,
  pages: Record<string, Body>,
  host = HOST,
): Promise<void> {
  await context.route(
    (u) => u.hostname === host,
    async (route) => {
      const path = new URL(route.request().url()).pathname;
      const body = pages[path];
      if (body === undefined) return route.fulfill({ status: 404, contentType: 'text/plain', body: '' });
      const html =
        typeof body === 'function'
          ? body()
          : /^hostile-[\w-]+\.html$/.test(body)
            ? readLocalPage(body)
            : body;
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    },
  );
}

export const pathOf = (url: string) => new URL(url).pathname;

export interface Watch {
  /** Uncaught errors whose stack points at the extension, and its console errors/warnings. */
  extension: string[];
  /** Every uncaught page error (the hostile pages' own scripts must not throw either). */
  page: string[];
  /** Console errors other than failed resource loads (the routes 404 favicons and the like). */
  console: string[];
  dialogs: string[];
}

/** Starts recording errors and dialogs; dialogs are dismissed (and fail the story). */
export function watch(page: Page): Watch {
  const w: Watch = { extension: [], page: [], console: [], dialogs: [] };
  page.on('pageerror', (e) => {
    const where = `${e.name}: ${e.message}\n${e.stack ?? ''}`;
    w.page.push(where);
    if (/chrome-extension:\/\//.test(e.stack ?? '')) w.extension.push(where);
  });
  page.on('console', (m) => {
    const fromUs = m.location().url.startsWith('chrome-extension://') || /Small-Cap Lens/.test(m.text());
    if (fromUs && (m.type() === 'error' || m.type() === 'warning')) w.extension.push(m.text());
    else if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) w.console.push(m.text());
  });
  page.on('dialog', (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  return w;
}

/** The page and the extension both stayed clean. */
export function expectClean(w: Watch): void {
  expect(w.extension, 'no extension errors').toEqual([]);
  expect(w.page, 'no uncaught page errors').toEqual([]);
  expect(w.console, 'no console errors').toEqual([]);
  expect(w.dialogs, 'no dialogs').toEqual([]);
}

/**
 * A heartbeat in the page's main world: a 10 ms timer chain (and, with `frames`, a rAF chain).
 * Its longest gap while armed is how long the main thread (page + every content-script world)
 * was blocked. Installed before any page script, so it keeps working when a page breaks
 * built-ins. The rAF chain is off by default: it makes every frame render, which is a different
 * question (see animationFrames).
 */
export async function installHeartbeat(page: Page, frames = false): Promise<void> {
  await page.addInitScript((withFrames) => {
    const now = performance.now.bind(performance);
    const st = setTimeout.bind(window);
    const raf = requestAnimationFrame.bind(window);
    const hb = {
      armed: false,
      last: 0,
      max: 0,
      maxAt: 0,
      second: 0,
      rafLast: 0,
      rafMax: 0,
      ticks: 0,
      armedAt: 0,
      slow: '' as string,
    };
    Object.defineProperty(window, '__hb', { value: hb });
    const tick = () => {
      const t = now();
      if (hb.armed) {
        const gap = t - hb.last;
        hb.ticks++;
        if (gap > hb.max) {
          hb.second = hb.max;
          hb.max = gap;
          hb.maxAt = t - hb.armedAt;
        } else if (gap > hb.second) hb.second = gap;
        if (gap > 50 && hb.slow.length < 400) hb.slow += `${Math.round(gap)}@${Math.round(t - hb.armedAt)} `;
      }
      hb.last = t;
      st(tick, 10);
    };
    const rtick = (t: number) => {
      if (hb.armed && hb.rafLast) hb.rafMax = Math.max(hb.rafMax, t - hb.rafLast);
      hb.rafLast = t;
      raf(rtick);
    };
    tick();
    // A rAF chain makes every frame render (what an animating page does); off by default.
    if (withFrames) raf(rtick);
    // Armed once the page has loaded and painted its first frame: the page's own parse and first
    // layout are not ours. The content script runs at document_idle, around load.
    addEventListener('load', () => {
      raf(() =>
        raf(() => {
          hb.armed = true;
          hb.armedAt = hb.last = now();
          hb.rafLast = 0;
        }),
      );
    });
  }, frames);
}

export interface Beat {
  /** Longest gap of the 10 ms timer chain (ms; 10 is "never blocked"). */
  max: number;
  /** When it happened, ms after arming. */
  maxAt: number;
  /** The second-longest gap. */
  second: number;
  rafMax: number;
  ticks: number;
  /** Gaps over 50 ms as gap@time. */
  slow: string;
}

/**
 * Runs a rAF loop in the page for `ms` (what a carousel or a ticker tape does) and returns its
 * longest frame-to-frame gap and frame count.
 */
export async function animationFrames(page: Page, ms: number): Promise<{ maxGap: number; frames: number }> {
  return page.evaluate(
    (dur) =>
      new Promise<{ maxGap: number; frames: number }>((done) => {
        let last = 0;
        let maxGap = 0;
        let frames = 0;
        // Animates an existing element (an attribute change, not a new node: the lens only
        // watches child lists and text).
        const box = (document.querySelector('h1') ?? document.body) as HTMLElement;
        const t0 = performance.now();
        const step = (t: number) => {
          if (last) maxGap = Math.max(maxGap, t - last);
          last = t;
          frames++;
          box.style.opacity = String(0.9 + (frames % 10) / 100); // something repaints every frame
          if (t - t0 < dur) requestAnimationFrame(step);
          else {
            box.style.opacity = '';
            done({ maxGap: Math.round(maxGap), frames });
          }
        };
        requestAnimationFrame(step);
      }),
    ms,
  );
}

export async function readHeartbeat(page: Page): Promise<Beat> {
  return page.evaluate(() => {
    const hb = (window as unknown as { __hb: Beat }).__hb;
    return {
      max: Math.round(hb.max),
      maxAt: Math.round(hb.maxAt),
      second: Math.round(hb.second),
      rafMax: Math.round(hb.rafMax),
      ticks: hb.ticks,
      slow: hb.slow.trim(),
    };
  });
}

/** Underline counts in a document's registry (the top page or a frame). */
export async function underlines(
  target: Page | Frame,
): Promise<{ r2000: number; ticker: number; total: number }> {
  return target.evaluate(() => {
    const r2000 = CSS.highlights.get('scl-r2000')?.size ?? 0;
    const ticker = CSS.highlights.get('scl-ticker')?.size ?? 0;
    return { r2000, ticker, total: r2000 + ticker };
  });
}

/** Waits until the underline count stops changing (a scan finished and was drawn). */
export async function settledUnderlines(
  target: Page | Frame,
  atLeast = 1,
  timeout = 30_000,
): Promise<number> {
  let last = -1;
  let stableSince = 0;
  await expect
    .poll(
      async () => {
        const n = (await underlines(target)).total;
        const t = Date.now();
        if (n !== last) {
          last = n;
          stableSince = t;
        }
        return n >= atLeast && t - stableSince >= 1000;
      },
      { message: `at least ${atLeast} underlines, stable for 1 s`, timeout, intervals: [250] },
    )
    .toBe(true);
  return last;
}

/** The text of each underlined range inside the element matching `selector`. */
export async function underlinedTexts(target: Page | Frame, selector: string): Promise<string[]> {
  return target.evaluate((sel) => {
    const el = document.querySelector(sel);
    const out: string[] = [];
    for (const name of ['scl-r2000', 'scl-ticker']) {
      for (const r of (CSS.highlights.get(name) ?? []) as unknown as Iterable<AbstractRange>) {
        if (!el || !el.contains(r.startContainer)) continue;
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push(range.toString());
      }
    }
    return out;
  }, selector);
}

/** Underlined ranges whose start lies inside the element matching `selector` (shadow-aware). */
export async function underlinesInside(target: Page | Frame, selector: string): Promise<number> {
  return target.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return -1;
    let n = 0;
    for (const name of ['scl-r2000', 'scl-ticker']) {
      const h = CSS.highlights.get(name);
      if (!h) continue;
      for (const r of h as unknown as Iterable<AbstractRange>) {
        let node: Node | null = r.startContainer;
        while (node && node !== el) node = node.parentNode ?? (node as ShadowRoot).host ?? null;
        if (node === el) n++;
      }
    }
    return n;
  }, selector);
}

/**
 * Centre of the first underlined range reading `symbol` (or `$symbol`), optionally only inside
 * the element matching `within` (looked up through open shadow roots by host), in page
 * coordinates (a frame's offset in the page is added).
 */
export async function tickerPoint(
  target: Page | Frame,
  symbol: string,
  within?: string,
): Promise<{ x: number; y: number }> {
  const p = await waitForUnderlined(target, symbol, { within, timeoutMs: 20_000 });
  if ('parentFrame' in target && target.parentFrame()) {
    const box = await (await target.frameElement()).boundingBox();
    if (box) return { x: p.x + box.x, y: p.y + box.y };
  }
  return p;
}

/** Moves the pointer off any ticker, then onto `p`; the card must open on `symbol`. */
export async function hoverOpens(page: Page, p: { x: number; y: number }, symbol: string): Promise<void> {
  await page.mouse.move(2, 2);
  await page.mouse.move(p.x, p.y, { steps: 2 });
  await (await LensCard.of(page)).expectOpen(symbol);
}

/** The HWC card with its data from the background (recorded sources). */
export async function expectHwcCardWithData(page: Page): Promise<void> {
  const card = await LensCard.of(page);
  await card.expectText((s) => s.text, 'Hancock Whitney');
  await card.expectText(
    (s) => s.membership,
    /In the Russell 2000 · [\d,]+\w\w largest of [\d,]+ · weight \d/,
  );
}

/** Closes the card (Esc) so the next story step starts clean. */
export async function closeCard(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
  await page.keyboard.press('Escape');
  await (await LensCard.of(page)).expectClosed();
}

export async function countNodes(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = document.createTreeWalker(document.documentElement);
    let n = 1;
    while (w.nextNode()) n++;
    return n;
  });
}

/** Bounding boxes of the elements matching `selector` (rounded to 0.1 px). */
export async function boxes(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    const list = document.querySelectorAll(sel);
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!.getBoundingClientRect();
      const f = (v: number) => (Math.round(v * 10) / 10).toString();
      out[out.length] = `${f(r.left + scrollX)},${f(r.top + scrollY)},${f(r.width)},${f(r.height)}`;
    }
    return out;
  }, selector);
}
