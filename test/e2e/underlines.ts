/**
 * Finding an underlined ticker on a page from the outside, as the tests, the demo and the bench
 * do: the underlines live in the page's highlight registry (CSS.highlights), which every world
 * of the page shares, so no hook into the content script is needed.
 */
import type { Frame, Page } from '@playwright/test';

export type Point = { x: number; y: number };

/**
 * Runs IN the page (passed to evaluate by Playwright here and by puppeteer in the Firefox suite),
 * so it must stay self-contained: centre of the first underlined range reading `sym`.
 */
export function underlinedPointInPage([sym, sel]: readonly [string, string]): Point | null {
  const scope = sel ? document.querySelector(sel) : null;
  if (sel && !scope) return null;
  for (const name of ['scl-r2000', 'scl-ticker']) {
    const h = CSS.highlights.get(name);
    if (!h) continue;
    for (const r of h as unknown as Iterable<AbstractRange>) {
      if (scope) {
        let node: Node | null = r.startContainer;
        while (node && node !== scope) node = node.parentNode ?? (node as ShadowRoot).host ?? null;
        if (node !== scope) continue;
      }
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      if (range.toString().replace(/^\$/, '') !== sym) continue;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const b = range.getClientRects()[0];
      if (b) return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
  }
  return null;
}

/**
 * Centre of the first underlined range reading `symbol` (or `$symbol`), scrolled into view;
 * with `within` (a CSS selector) only ranges inside that element (shadow hosts included).
 * Null when there is none yet.
 */
export function underlinedPoint(target: Page | Frame, symbol: string, within = ''): Promise<Point | null> {
  return target.evaluate(underlinedPointInPage, [symbol, within] as const);
}

/** Polls until `symbol` is underlined; throws with a clear message after `timeoutMs`. */
export async function waitForUnderlined(
  target: Page | Frame,
  symbol: string,
  options: { within?: string; timeoutMs?: number } = {},
): Promise<Point> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    const p = await underlinedPoint(target, symbol, options.within);
    if (p) return p;
    if (Date.now() > deadline) {
      throw new Error(
        `${symbol} was not underlined${options.within ? ` inside ${options.within}` : ''} in time`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
